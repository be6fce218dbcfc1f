import type { Severity, State } from '../../schema/finding.js';
import { wordToSeverity } from '../../normalize/severity.js';
import { UserError } from '../../util/errors.js';
import { runWhole, type BigArrayStreaming } from '../../stream/spec-walk.js';
import { sniffDoc } from '../head-doc.js';
import type { Draft, Parser, ParseOutput, ScanEvidence, Sniff } from '../types.js';
import {
  cwesOf,
  describeType,
  headline,
  isObj,
  mapWord,
  posInt,
  str,
  vulnIdsIn,
  type Obj,
} from '../code-helpers.js';

/** Semgrep's own words. INFO is Semgrep's lowest level and means "low", not "informational". */
const SEVERITY: Record<string, Severity> = {
  CRITICAL: 'critical',
  ERROR: 'high',
  HIGH: 'high',
  WARNING: 'medium',
  MEDIUM: 'medium',
  INFO: 'low',
  LOW: 'low',
  INVENTORY: 'info',
  EXPERIMENT: 'info',
};

/** Semgrep OSS without a login writes this instead of the fingerprint and the matched lines. */
const REQUIRES_LOGIN = 'requires login';

function isSecretRule(checkId: string, meta: Obj): boolean {
  const tech = Array.isArray(meta.technology) ? meta.technology : [meta.technology];
  return (
    /(^|\.)secrets?(\.|$)/i.test(checkId) ||
    tech.some((t: unknown) => typeof t === 'string' && /^secrets?$/i.test(t)) ||
    /^secrets?$/i.test(String(meta.category ?? ''))
  );
}

function listOf(v: unknown): string[] {
  const a = Array.isArray(v) ? v : [v];
  return a.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
}

function resultToDraft(
  r: unknown,
  pointer: string,
  version: string | null,
  out: { warnings: string[]; secrets: string[] },
): Draft | undefined {
  if (!isObj(r)) {
    out.warnings.push(`${pointer}: result is ${describeType(r)}, not an object; skipped`);
    return undefined;
  }
  const checkId = str(r.check_id);
  const extra: Obj = isObj(r.extra) ? r.extra : {};
  const meta: Obj = isObj(extra.metadata) ? extra.metadata : {};
  if (!checkId) out.warnings.push(`${pointer}: result has no check_id`);
  const message = str(extra.message) ?? '';
  const word = str(extra.severity);
  const mapped = mapWord(SEVERITY, word) ?? wordToSeverity(word);
  if (word && !mapped) out.warnings.push(`${pointer}: unknown severity "${word}"; using medium`);
  const secret = isSecretRule(checkId ?? '', meta);
  // extra.lines is the matched source line: never copied. For secret rules it is the best handle on the
  // secret value we have (Semgrep gives no separate match), so it is hashed for identity and redacted.
  const lines = str(extra.lines)?.trim();
  let secretValue: string | null = null;
  if (secret) {
    if (lines && lines !== REQUIRES_LOGIN) {
      secretValue = lines;
      out.secrets.push(lines);
    }
    for (const mv of isObj(extra.metavars) ? Object.values(extra.metavars) : []) {
      const c = isObj(mv) ? str(mv.abstract_content) : undefined;
      if (c && c.length >= 4) out.secrets.push(c);
    }
  }
  const fp = str(extra.fingerprint);
  const tags: string[] = [];
  for (const o of listOf(meta.owasp)) tags.push(`owasp:${o}`);
  for (const k of ['impact', 'likelihood', 'confidence'] as const) {
    const v = str(meta[k]);
    if (v) tags.push(`${k}:${v.toLowerCase()}`);
  }
  for (const s of listOf(meta.subcategory)) tags.push(`subcategory:${s}`);
  const validation = str(extra.validation_state);
  if (validation && validation !== 'NO_VALIDATOR') tags.push(`validation:${validation.toLowerCase()}`);
  // `semgrep ci --supply-chain` results: a dependency match, not code.
  const sca: Obj | undefined = isObj(extra.sca_info) ? extra.sca_info : undefined;
  const depMatch: Obj = sca && isObj(sca.dependency_match) ? sca.dependency_match : {};
  const found: Obj = isObj(depMatch.found_dependency) ? depMatch.found_dependency : {};
  if (sca) tags.push(sca.reachable === true ? 'reachable' : 'unreachable');
  const ignored = extra.is_ignored === true;
  const start = isObj(r.start) ? r.start : {};
  const end = isObj(r.end) ? r.end : {};
  const references = listOf(meta.references);
  return {
    // Semgrep wraps messages at ~80 columns: the first sentence of the joined text, not the first line.
    title: headline(message.replace(/\s+/g, ' ')) || checkId || 'Semgrep finding',
    description: message || null,
    category: sca ? 'sca' : secret ? 'secret' : 'sast',
    rule_id: checkId ?? null,
    rule_name: checkId ? checkId.split('.').pop()! : null,
    severity: mapped ?? 'medium',
    severity_source: mapped ? 'tool' : 'default',
    source_severity: word ?? null,
    tool: 'Semgrep',
    tool_version: version,
    tool_confidence: str(meta.confidence) ?? null,
    state: ignored ? 'suppressed' : 'open',
    suppression: ignored ? { kind: 'inSource', status: 'accepted', justification: null } : null,
    cwe: cwesOf(meta.cwe),
    cve: vulnIdsIn(meta['sca-vuln-database-identifier'], checkId, references),
    package: str(found.package)
      ? {
          name: found.package,
          version: str(found.version) ?? null,
          fixed_version: null,
          ecosystem: str(found.ecosystem)?.toLowerCase() ?? null,
          purl: null,
        }
      : null,
    location: {
      file: (sca ? str(found.lockfile_path) : undefined) ?? str(r.path) ?? null,
      start_line: posInt(start.line),
      end_line: posInt(end.line),
    },
    fingerprints: fp && fp !== REQUIRES_LOGIN ? { fingerprint: fp } : {},
    tags,
    help_uri:
      str(meta.source) ?? str(meta['source-rule-url']) ?? str(meta.shortlink) ?? references[0] ?? null,
    pointer,
    secret: secretValue,
  };
}

function errorText(e: unknown): string {
  if (!isObj(e)) return String(e).slice(0, 300);
  const type = Array.isArray(e.type) ? String(e.type[0]) : (str(e.type) ?? 'error');
  const where = str(e.path) ?? (isObj(e.location) ? str(e.location.path) : undefined);
  const msg = (str(e.message) ?? str(e.long_msg) ?? str(e.short_msg) ?? '').trim().split('\n')[0]!;
  return `${type}${where ? ` in ${where}` : ''}${e.rule_id ? ` (rule ${e.rule_id})` : ''}: ${msg}`.slice(
    0,
    300,
  );
}

const TRIAGE_STATE: Record<string, State> = {
  NEW: 'open',
  OPEN: 'open',
  UNTRIAGED: 'open',
  REVIEWING: 'open',
  FIXING: 'open',
  PROVISIONALLY_IGNORED: 'open',
  CLOSED: 'fixed',
  FIXED: 'fixed',
  REMOVED: 'fixed',
};

const DISMISS_STATE: Record<string, State> = {
  FALSE_POSITIVE: 'false_positive',
  ACCEPTABLE_RISK: 'accepted_risk',
  NO_TIME: 'accepted_risk',
  NO_BANDWIDTH: 'accepted_risk',
};

/** Semgrep App (Supply Chain) deployments export: `{vulns: [...], hasMore, cursor}`. */
function vulnToDraft(v: unknown, pointer: string, out: { warnings: string[] }): Draft | undefined {
  if (!isObj(v)) {
    out.warnings.push(`${pointer}: entry is ${describeType(v)}, not an object; skipped`);
    return undefined;
  }
  const adv: Obj = isObj(v.advisory) ? v.advisory : {};
  const refs: Obj = isObj(adv.references) ? adv.references : {};
  const dep: Obj = isObj(v.matchedDependency) ? v.matchedDependency : {};
  const loc: Obj = isObj(v.dependencyFileLocation) ? v.dependencyFileLocation : {};
  const triage: Obj = isObj(v.triage) ? v.triage : {};
  const word = str(adv.severity);
  const sev = mapWord(SEVERITY, word) ?? wordToSeverity(word);
  const status = (str(triage.status) ?? 'NEW').toUpperCase();
  let state: State = TRIAGE_STATE[status] ?? 'open';
  if (status === 'IGNORED')
    state = DISMISS_STATE[String(triage.dismissReason ?? '').toUpperCase()] ?? 'accepted_risk';
  if (!TRIAGE_STATE[status] && status !== 'IGNORED')
    out.warnings.push(`${pointer}: unknown triage status "${status}"; kept open`);
  const cve = vulnIdsIn(refs.cveIds, refs.urls, adv.title);
  const safe = isObj(v.closestSafeDependency) ? str(v.closestSafeDependency.versionSpecifier) : undefined;
  if (!str(dep.name)) out.warnings.push(`${pointer}: no matchedDependency.name`);
  return {
    title: str(v.title) ?? str(adv.title) ?? str(adv.ruleId) ?? 'Semgrep Supply Chain finding',
    description: str(adv.description) ?? null,
    category: 'sca',
    rule_id: str(adv.ruleId) ?? null,
    severity: sev ?? 'medium',
    severity_source: sev ? 'tool' : 'default',
    source_severity: word ?? null,
    tool: 'Semgrep Supply Chain',
    state,
    state_reason: `Semgrep triage status ${status}${state === 'fixed' || state === 'open' ? '' : `, ${String(triage.dismissReason ?? '')}`}`,
    first_seen: str(v.openedAt) ?? null,
    repo: str(v.repositoryName) ?? null,
    cwe: cwesOf(refs.cweIds),
    cve,
    package: str(dep.name)
      ? {
          name: dep.name,
          version: str(dep.versionSpecifier) ?? null,
          fixed_version: safe ?? null,
          ecosystem: null,
          purl: null,
        }
      : null,
    location: {
      file: str(loc.path) ?? null,
      start_line: posInt(loc.startLine),
      end_line: posInt(loc.endLine),
    },
    tags: [str(v.exposureType), str(v.transitivity), str(adv.reachability)]
      .filter((x): x is string => x !== undefined)
      .map((x) => x.toLowerCase()),
    help_uri: listOf(refs.urls)[0] ?? null,
    pointer,
  };
}

function detect(s: Sniff): number {
  const d = sniffDoc(s)?.doc; // a streamed file: what its head holds
  if (!isObj(d)) return 0;
  if (Array.isArray(d.vulns)) {
    const first = d.vulns.find(isObj);
    return first && isObj(first.advisory) ? 0.95 : 'hasMore' in d || 'cursor' in d ? 0.5 : 0;
  }
  if (!Array.isArray(d.results) || 'metrics' in d || 'generated_at' in d) return 0;
  const first = d.results.find(isObj);
  if (first) return typeof first.check_id === 'string' && isObj(first.extra) ? 1 : 0;
  // An empty Semgrep run: results + errors + Semgrep-only keys.
  return Array.isArray(d.errors) && ('paths' in d || 'skipped_rules' in d || 'interfile_languages_used' in d)
    ? 0.9
    : 0;
}

interface SemgrepCtx {
  /** `results` (semgrep scan --json) or `vulns` (Semgrep App Supply Chain export). */
  mode: 'results' | 'vulns';
  version: string | null;
  doc: Record<string, unknown>;
  warnings: string[];
  /** Categories seen in the drafts, besides sast. */
  sca: boolean;
  secret: boolean;
}

/**
 * Semgrep streams `results[]` (or an export's `vulns[]`) above the streaming threshold; `parse()`
 * runs the same `begin` + `item` + `finish` over the whole document (src/stream/spec-walk.ts).
 */
export const semgrepStreaming: BigArrayStreaming<SemgrepCtx> = {
  spec: {
    type: 'object',
    members: {
      results: { type: 'items' },
      vulns: { type: 'items' },
      // not read, but can be big: every scanned path, and per-target timings (--time)
      paths: { type: 'object', members: { scanned: { type: 'items', discard: true } } },
      time: { type: 'object', members: { targets: { type: 'items', discard: true } } },
    },
  },
  // secret rules are recognised by a `secrets` segment of check_id or a technology/category word
  secretText: /secret|\\u00[4-7]/i,
  begin(doc, file) {
    const base = { warnings: [] as string[], sca: false, secret: false };
    if (isObj(doc) && Array.isArray(doc.vulns) && !Array.isArray(doc.results))
      return { ...base, mode: 'vulns', version: null, doc };
    if (!isObj(doc) || !Array.isArray(doc.results))
      throw new UserError(
        `not a Semgrep JSON report: expected an object with a "results" array (or a Semgrep App export with "vulns"), found ${describeType(doc)}${isObj(doc) ? ' without "results"' : ''}`,
        file,
      );
    return { ...base, mode: 'results', version: str(doc.version) ?? null, doc };
  },
  item(g, v, pointer, secrets) {
    if (g.mode === 'vulns') return pointer.startsWith('/vulns/') ? vulnToDraft(v, pointer, g) : undefined;
    if (!pointer.startsWith('/results/')) return undefined;
    const d = resultToDraft(v, pointer, g.version, { warnings: g.warnings, secrets });
    if (d?.category === 'sca') g.sca = true;
    if (d?.category === 'secret') g.secret = true;
    return d;
  },
  finish(g) {
    const { doc, warnings } = g;
    if (g.mode === 'vulns') {
      if (doc.hasMore === true)
        warnings.push('the export says hasMore: true; this file is one page, later pages are not in it');
      return {
        scans: [
          {
            tool: { name: 'Semgrep Supply Chain', version: null },
            categories: ['sca'],
            success: true,
            errors: [],
          },
        ],
        warnings,
      };
    }
    const errors = Array.isArray(doc.errors) ? doc.errors : [];
    const scan: ScanEvidence = {
      tool: { name: 'Semgrep', version: g.version },
      categories: ['sast', ...(g.sca ? (['sca'] as const) : []), ...(g.secret ? (['secret'] as const) : [])],
      // Target parse errors are level "warn" and leave the rest of the scan valid; "error" is fatal.
      success: !errors.some((e: unknown) => isObj(e) && String(e.level).toLowerCase() === 'error'),
      errors: errors.map(errorText),
    };
    for (const e of scan.errors) warnings.push(`Semgrep reported: ${e}`);
    return { scans: [scan], warnings };
  },
  tool: (g) =>
    g.mode === 'vulns'
      ? { name: 'Semgrep Supply Chain', version: null }
      : { name: 'Semgrep', version: g.version },
  toolNeedsFirstDraft: false,
};

function parse(doc: unknown, ctx: { file: string }): ParseOutput {
  return runWhole(semgrepStreaming, doc, ctx.file);
}

export const semgrepParser: Parser = {
  id: 'semgrep',
  input: 'json',
  docs: {
    title: 'Semgrep JSON (and Semgrep App Supply Chain export)',
    produce:
      '`semgrep scan --config auto --json --output semgrep.json`; Supply Chain: the `vulns` JSON of the Semgrep App deployments API',
    takes:
      'one record per `results[]` entry (no merging): check_id, message, severity (ERROR high, WARNING medium, INFO low), CWE/OWASP, confidence/impact/likelihood tags, path and lines, fingerprint, nosemgrep as suppressed, `errors[]` as scan errors; matched lines are never copied. Supply Chain: one record per `vulns[]` entry with advisory, CVE, package, manifest and triage state',
  },
  detect,
  parse,
};
