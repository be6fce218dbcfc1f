/**
 * Secret hygiene. Parsers never copy snippet/match fields into a record; as a second line of defence,
 * every free-text field passes through `redactText`, which removes the secret values the parser saw
 * in the file and well-known credential shapes.
 */
export const REDACTED = '[REDACTED]';

const PATTERNS: RegExp[] = [
  /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g, // GitLab PAT
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, // Slack
  /\bsk_live_[A-Za-z0-9]{16,}\b/g, // Stripe
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API key
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, // JWT
  /(?<=\b(?:aws_secret_access_key|secret_access_key|password|passwd|secret|token|api[_-]?key)\s*[:=]\s*["']?)[A-Za-z0-9/+=_-]{12,}/gi,
];

/**
 * Every pattern above needs one of these literals (case-insensitive is a superset), so text without
 * any of them skips the ten scans: most finding text, and the bulk of the time on big files.
 */
const MAY_MATCH =
  /AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|sk_live_|AIza|-----BEGIN |eyJ|password|passwd|secret|token|api[_-]?key/i;

let lastSecrets: string[] = [];
let lastSorted: string[] = [];
function sortedSecrets(secrets: readonly string[]): string[] {
  // The same list comes for every field of every finding of a file: sort it once (a copy is kept
  // and compared, so a list that changed in place is sorted again).
  let same = secrets.length === lastSecrets.length;
  for (let i = 0; same && i < secrets.length; i++) same = secrets[i] === lastSecrets[i];
  if (!same) {
    lastSecrets = [...secrets];
    lastSorted = [...new Set(secrets.filter((s) => s && s.length >= 4))].sort((a, b) => b.length - a.length);
  }
  return lastSorted;
}

/** Remove known secret values (longest first) and well-known credential shapes from text. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  const sorted = secrets.length === 0 ? [] : sortedSecrets(secrets);
  for (const s of sorted) {
    if (out.includes(s)) out = out.split(s).join(REDACTED);
  }
  if (!MAY_MATCH.test(out)) return out;
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    out = out.replace(re, REDACTED);
  }
  return out;
}

export function redactNullable(
  text: string | null | undefined,
  secrets: readonly string[] = [],
): string | null {
  return text == null ? null : redactText(text, secrets);
}
