import { FINDING_SCHEMA_VERSION } from '../schema/finding-constants.js';
import type { ConfidenceLabel, Finding } from '../schema/finding.js';
import type { Draft, ToolInfo } from '../parsers/types.js';
import { DigestCounter, hashParts } from '../util/hash.js';
import { identityId, identityParts } from './identity.js';
import { cleanPath } from './paths.js';
import { redactNullable, redactText } from './redact.js';

export interface FinalizeContext {
  sourceFile: string;
  sourceFormat: string;
  tool: ToolInfo;
  product: string | null;
  service: string | null;
  repo: string | null;
  ref: string | null;
  commit: string | null;
  /** Run time, ISO 8601: first_seen/last_seen when the source has no dates of its own. */
  observedAt: string | null;
  confidence: ConfidenceLabel;
  roots: string[];
  /** Secret values seen in the file. */
  secrets: string[];
}

const MAX_TEXT = 1000;
const MAX_TITLE = 300;

// C0 controls except tab/newline, DEL, and NUL: never useful in a record, sometimes hostile.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function clip(s: string, n: number): string {
  const t = s.replace(CONTROL, '');
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

function clean(s: string | null | undefined): string | null {
  return s == null ? null : s.replace(CONTROL, '');
}

/** White space other than a space, or a space followed by white space: what `\s+` → ' ' changes. */
const SPACE_TO_FIX = /[^\S ]| \s/;

/**
 * `s.replace(/\s+/g, ' ')`, without building a new string when `s` has no white space but single
 * spaces (most titles): every run the replace would change has a character SPACE_TO_FIX finds.
 */
export function collapseSpace(s: string): string {
  return SPACE_TO_FIX.test(s) ? s.replace(/\s+/g, ' ') : s;
}

/** `[...new Set(xs)]`, without the Set for 0 or 1 items. */
function unique<T>(xs: readonly T[]): T[] {
  return xs.length < 2 ? xs.slice() : [...new Set(xs)];
}

/**
 * `[...new Set(xs)].sort()`: small lists (tags: a handful) by insertion sort, dropping repeats
 * (equal strings are adjacent once sorted; `<` orders strings as the default sort does, by UTF-16
 * code units).
 */
export function sortedUnique(xs: readonly string[]): string[] {
  if (xs.length > 16) return [...new Set(xs)].sort();
  const out: string[] = [];
  for (const x of xs) {
    if (typeof x !== 'string') return [...new Set(xs)].sort();
    let i = out.length;
    while (i > 0 && x < out[i - 1]!) i--;
    if (i > 0 && out[i - 1] === x) continue;
    out.splice(i, 0, x);
  }
  return out;
}

function normCwe(c: string | number): string | null {
  const m = /(\d+)/.exec(String(c));
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? `CWE-${n}` : null;
}

const FP_PREFERENCE = [/primaryLocationLineHash/i, /matchBasedId/i, /^fingerprint$/i, /hash/i];

/** The tool fingerprint that identity may use: stable, location-bound ones first. */
export function pickFingerprint(fps: Record<string, string>): string | null {
  const keys = Object.keys(fps).sort();
  for (const re of FP_PREFERENCE) {
    const k = keys.find((key) => re.test(key));
    if (k) return `${k}=${fps[k]}`;
  }
  const first = keys[0];
  return first === undefined ? null : `${first}=${fps[first]}`;
}

function sortedRecord(r: Record<string, string> | undefined, secrets: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!r) return out;
  const keys = Object.keys(r);
  if (keys.length > 1) keys.sort();
  for (const k of keys) out[k] = redactText(String(r[k]), secrets);
  return out;
}

/** Incremental finalizer: the same output as `finalizeDrafts`, one draft at a time. */
export interface Finalizer {
  /** Finalize the next draft of the file (drafts must be pushed in file order). */
  push(draft: Draft): Finding;
  /** How many findings were produced so far. */
  readonly count: number;
}

/**
 * A stateful finalizer for one file. `secrets` must be every secret value of the whole file (the
 * parser's `secrets` followed by each draft's `secret`, in file order) so that redaction of the first
 * finding already knows the secrets of the last: streaming readers collect them in a first pass.
 * The only other state is the occurrence-ordinal map, which grows with distinct locations.
 */
export function createFinalizer(ctx: FinalizeContext): Finalizer {
  const secrets = ctx.secrets;
  const seen = new DigestCounter();
  let index = 0;
  return {
    get count() {
      return index;
    },
    push(d: Draft): Finding {
      const p = prepareFinding(d, ctx, secrets);
      const finding = p.finding;
      const ordinal = nextOrdinal(seen, p.occurrence);
      finding.occurrence_id = occurrenceId(p.occurrence, ordinal);
      finding.source_index = index++;
      return finding;
    },
  };
}

/** Turn parser drafts into findings: identity, defaults, path cleaning, redaction, deterministic order. */
export function finalizeDrafts(drafts: readonly Draft[], ctx: FinalizeContext): Finding[] {
  const secrets = [...ctx.secrets, ...drafts.map((d) => d.secret ?? '').filter(Boolean)];
  const f = createFinalizer({ ...ctx, secrets });
  return drafts.map((d) => f.push(d));
}

/** The next ordinal of an occurrence within the file (0 for its first record). */
export function nextOrdinal(seen: DigestCounter, occurrence: string): number {
  // Counted by a 64-bit digest in typed arrays: a million findings cost ~24 MB, not ~100 MB of Map.
  return seen.next(occurrence);
}

export function occurrenceId(occurrence: string, ordinal: number): string {
  return `o1-${hashParts([occurrence, String(ordinal)])}`;
}

/**
 * Everything of a finding that does not depend on the findings before it: `occurrence_id` and
 * `source_index` are left empty (in their place, so the key order stays) for the caller to fill.
 * `occurrence` is the joined occurrence key. Pure: the parallel reader runs it in workers.
 */
export function prepareFinding(
  d: Draft,
  ctx: FinalizeContext,
  secrets: string[],
): { finding: Finding; occurrence: string } {
  const file = cleanPath(d.location?.file ?? null, ctx.roots);
  const tool = clean(d.tool ?? ctx.tool.name) ?? 'unknown';
  const fingerprints = sortedRecord(d.fingerprints, secrets);
  const cve = d.cve && d.cve.length > 0 ? unique(d.cve.map((c) => c.trim()).filter(Boolean)) : [];
  const location = {
    file,
    start_line: d.location?.start_line ?? null,
    end_line: d.location?.end_line ?? d.location?.start_line ?? null,
    url: d.location?.url ?? null,
    resource: d.location?.resource ?? null,
    image: d.location?.image ?? null,
    account: d.location?.account ?? null,
    region: d.location?.region ?? null,
  };
  const title = clip(
    redactText(collapseSpace(d.title).trim() || d.rule_id || 'Untitled finding', secrets),
    MAX_TITLE,
  );
  const identity = identityParts({
    category: d.category,
    tool,
    rule_id: d.rule_id ?? null,
    title,
    file,
    start_line: location.start_line,
    resource: location.resource,
    image: location.image,
    url: location.url,
    account: location.account,
    vuln_ids: cve,
    package_name: d.package?.name ?? null,
    fingerprint: pickFingerprint(fingerprints),
    secret: d.secret ?? null,
    hint: d.identity_hint ?? null,
  });
  const id = identityId(identity.scheme, identity.parts);
  const occurrence = `${id}\u0000${file ?? ''}\u0000${location.start_line ?? ''}\u0000${d.identity_hint ?? ''}`;
  const cwe =
    d.cwe && d.cwe.length > 0 ? unique(d.cwe.map(normCwe).filter((c): c is string => c !== null)) : [];
  const finding: Finding = {
    schema_version: FINDING_SCHEMA_VERSION,
    id,
    identity,
    occurrence_id: '',
    source_tool: tool,
    tool_version: clean(d.tool_version ?? ctx.tool.version),
    source_format: ctx.sourceFormat,
    product: ctx.product,
    service: d.service ?? ctx.service,
    repo: d.repo ?? ctx.repo,
    ref: ctx.ref,
    commit: ctx.commit,
    finding_title: title,
    description: d.description ? clip(redactText(d.description.trim(), secrets), MAX_TEXT) : null,
    category: d.category,
    rule_id: d.rule_id ?? null,
    rule_name: clean(redactNullable(d.rule_name ?? null, secrets)),
    severity: d.severity,
    severity_source: d.severity_source,
    source_severity: d.source_severity ?? null,
    confidence: ctx.confidence,
    tool_confidence: d.tool_confidence ?? null,
    state: d.state ?? (d.suppression ? 'suppressed' : 'open'),
    state_reason: redactNullable(d.state_reason ?? d.suppression?.justification ?? null, secrets),
    first_seen: d.first_seen ?? ctx.observedAt,
    last_seen: d.last_seen ?? ctx.observedAt,
    closed_at: d.closed_at ?? null,
    owner: d.owner ?? null,
    owner_source: d.owner ? (d.owner_source ?? ctx.sourceFormat) : null,
    exception_id: null,
    release_blocking: false,
    cwe,
    cve,
    cvss: d.cvss ?? null,
    package: d.package ?? null,
    location: {
      file,
      start_line: location.start_line,
      end_line: location.end_line,
      url: redactNullable(location.url, secrets),
      resource: location.resource,
      image: location.image,
      account: location.account,
      region: location.region,
    },
    fingerprints,
    baseline_state: d.baseline_state ?? null,
    suppression: d.suppression
      ? { ...d.suppression, justification: redactNullable(d.suppression.justification, secrets) }
      : null,
    tags: d.tags && d.tags.length > 0 ? sortedUnique(d.tags) : [],
    help_uri: d.help_uri ?? null,
    source_file: ctx.sourceFile,
    source_pointer: d.pointer,
    source_index: 0,
  };
  return { finding, occurrence };
}
