import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput } from '../types.js';
import { describeType, isObj, posInt, str, type Obj } from '../code-helpers.js';

/** What gitleaks writes instead of the secret with `--redact`. */
const REDACTED = /^REDACTED$/;

function isV8(o: Obj): boolean {
  return 'RuleID' in o || 'Secret' in o || 'StartLine' in o;
}

/** Secret-bearing values of one leak: remembered for redaction, never copied. */
function secretValues(o: Obj): string[] {
  const vals = [o.Secret, o.Match, o.offender, o.line, o.secret]
    .map((v) => str(v)?.trim())
    .filter((v): v is string => v !== undefined && v.length >= 4 && !REDACTED.test(v));
  return vals;
}

function leakToDraft(o: unknown, i: number, out: ParseOutput): Draft | undefined {
  const pointer = `/${i}`;
  if (!isObj(o)) {
    out.warnings.push(`${pointer}: entry is ${describeType(o)}, not an object; skipped`);
    return undefined;
  }
  out.secrets.push(...secretValues(o));
  const v8 = isV8(o);
  const rawSecret = str(v8 ? o.Secret : o.offender)?.trim();
  const secret = rawSecret && !REDACTED.test(rawSecret) ? rawSecret : null;
  const rule = str(v8 ? o.RuleID : o.rule) ?? str(o.Description);
  if (!rule) out.warnings.push(`${pointer}: leak has no rule id`);
  const file = str(v8 ? o.File : o.file) ?? null;
  const commit = str(v8 ? o.Commit : o.commit) ?? null;
  const startLine = v8 ? posInt(o.StartLine) : posInt(o.lineNumber);
  const endLine = v8 ? posInt(o.EndLine) : null;
  const fingerprints: Record<string, string> = {};
  const fp = str(o.Fingerprint);
  // The v8 Fingerprint is commit:file:rule:line; drop it should a secret ever appear in it.
  if (fp && !secretValues(o).some((s) => fp.includes(s))) fingerprints.fingerprint = fp;
  if (commit) fingerprints.commit = commit;
  const tags = (Array.isArray(o.Tags) ? o.Tags : typeof o.tags === 'string' ? o.tags.split(',') : [])
    .map((t: unknown) => (typeof t === 'string' ? t.trim() : ''))
    .filter(Boolean);
  const where = [
    file,
    startLine ? `line ${startLine}` : null,
    commit ? `commit ${commit.slice(0, 12)}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const desc = v8 ? str(o.Description) : undefined;
  const entropy = typeof o.Entropy === 'number' ? o.Entropy : undefined;
  return {
    // Author, Email, Message/commitMessage are personal data and never copied.
    title: v8 ? (desc ?? rule ?? 'Gitleaks leak') : `Hard Coded ${rule ?? 'secret'}`,
    description: `Gitleaks rule ${rule ?? '?'} matched a secret${where ? ` (${where})` : ''}`,
    category: 'secret',
    rule_id: rule ?? null,
    rule_name: desc ?? rule ?? null,
    // Gitleaks has no severity; secrets default to critical (METRICS.md).
    severity: 'critical',
    severity_source: 'default',
    source_severity: null,
    tool: 'Gitleaks',
    tool_confidence: entropy !== undefined ? `entropy ${entropy.toFixed(2)}` : null,
    state: 'open',
    first_seen: null,
    location: { file, start_line: startLine, end_line: endLine },
    fingerprints,
    tags,
    help_uri: str(o.leakURL) ?? str(o.Link) ?? null,
    pointer,
    secret,
  };
}

function detect(s: { doc?: unknown; name: string }): number {
  const d = s.doc;
  if (Array.isArray(d)) {
    const first = d.find(isObj);
    if (first) {
      if ('RuleID' in first && ('Secret' in first || 'Match' in first || 'Fingerprint' in first)) return 1;
      if ('offender' in first && 'rule' in first) return 1;
      return 0;
    }
    // `[]` is what gitleaks 8 writes for a clean repo; other tools write it too, so only with a name hint.
    return d.length === 0 && /gitleaks|leak/i.test(s.name) ? 0.6 : 0;
  }
  // gitleaks 7 writes a bare `null` for a clean repo, but so does Trivy before 0.20: only with a name hint.
  return d === null && /gitleaks|leak/i.test(s.name) ? 0.6 : 0;
}

function parse(doc: unknown, ctx: { file: string }): ParseOutput {
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  // gitleaks 7 writes `null` when nothing leaked, gitleaks 8 writes `[]`.
  if (doc !== null && !Array.isArray(doc))
    throw new UserError(
      `not a Gitleaks JSON report: expected an array of leaks (or null), found ${describeType(doc)}`,
      ctx.file,
    );
  (doc ?? []).forEach((o: unknown, i: number) => {
    const d = leakToDraft(o, i, out);
    if (d) out.findings.push(d);
  });
  // The report carries no version; the layout (v7 lower-case keys, v8 capitalised) is not a version.
  out.scans.push({
    tool: { name: 'Gitleaks', version: null },
    categories: ['secret'],
    success: true,
    errors: [],
  });
  return out;
}

export const gitleaksParser: Parser = {
  id: 'gitleaks',
  input: 'json',
  docs: {
    title: 'Gitleaks JSON (v7 and v8)',
    produce:
      '`gitleaks detect --report-format json --report-path gitleaks.json` (v8); `gitleaks --report=gitleaks.json` (v7)',
    takes:
      'one record per leak (same leak in two commits = two records, one identity): rule, file, lines, commit; severity critical (gitleaks has none); the secret, match and line are never copied, only hashed for identity and redacted; author and e-mail are dropped',
  },
  detect,
  parse,
};
