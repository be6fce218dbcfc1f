import type { Severity } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput } from '../types.js';
import { describeType, isObj, mapWord, posInt, str, type Obj } from '../code-helpers.js';

/** tfsec >= 0.40 words, and the legacy ERROR/WARNING/INFO. */
const SEVERITY: Record<string, Severity> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  ERROR: 'high',
  MEDIUM: 'medium',
  WARNING: 'medium',
  LOW: 'low',
  INFO: 'low',
};

/** defsec scan.Status: 0 failed, 1 passed, 2 ignored; older releases wrote the words. */
function statusOf(r: Obj): 'failed' | 'passed' | 'ignored' {
  const s = r.status;
  if (r.passed === true || s === 1 || s === 'passed') return 'passed';
  if (s === 2 || s === 'ignored') return 'ignored';
  return 'failed';
}

function resultToDraft(r: unknown, i: number, out: ParseOutput): Draft | undefined {
  const pointer = `/results/${i}`;
  if (!isObj(r)) {
    out.warnings.push(`${pointer}: result is ${describeType(r)}, not an object; skipped`);
    return undefined;
  }
  const status = statusOf(r);
  if (status === 'passed') return undefined;
  const loc: Obj = isObj(r.location) ? r.location : {};
  const word = str(r.severity);
  const sev = mapWord(SEVERITY, word);
  if (word && !sev) out.warnings.push(`${pointer}: unknown severity "${word}"; using medium`);
  // Current layout: rule_id AVD-AWS-0086 + long_id aws-s3-...; 1.x before AVD ids: rule_id is the long id
  // and legacy_rule_id the old code; legacy (< 0.40): rule_id GEN003.
  const longId = str(r.long_id);
  const ruleId = longId ?? str(r.rule_id);
  const links = Array.isArray(r.links) ? r.links.filter((l: unknown) => typeof l === 'string') : [];
  const legacyLink = str(r.link)?.match(/https?:\/\/\S+/)?.[0];
  const tags = [str(r.rule_provider), str(r.rule_service)].filter((t): t is string => t !== undefined);
  const aliases = [str(r.rule_id), str(r.legacy_rule_id)].filter(
    (x): x is string => x !== undefined && x !== ruleId,
  );
  return {
    title: str(r.rule_description) ?? str(r.description) ?? ruleId ?? 'tfsec result',
    description:
      [
        str(r.description),
        str(r.impact) && `Impact: ${r.impact}`,
        str(r.resolution) && `Resolution: ${r.resolution}`,
      ]
        .filter(Boolean)
        .join('\n') || null,
    category: 'iac',
    rule_id: ruleId ?? null,
    rule_name: aliases.length > 0 ? aliases.join(', ') : null,
    severity: sev ?? 'medium',
    severity_source: sev ? 'tool' : 'default',
    source_severity: word ?? null,
    tool: 'tfsec',
    state: status === 'ignored' ? 'suppressed' : 'open',
    suppression: status === 'ignored' ? { kind: 'inSource', status: 'accepted', justification: null } : null,
    location: {
      file: str(loc.filename) ?? null,
      start_line: posInt(loc.start_line),
      end_line: posInt(loc.end_line),
      resource: str(r.resource) ?? null,
    },
    tags,
    help_uri: links[0] ?? legacyLink ?? null,
    pointer,
  };
}

function looksLikeTfsecResult(o: Obj): boolean {
  return 'rule_id' in o && isObj(o.location) && 'filename' in o.location && 'start_line' in o.location;
}

function detect(s: { doc?: unknown; name: string }): number {
  const d = s.doc;
  if (!isObj(d) || !('results' in d)) return 0;
  if (Array.isArray(d.results)) {
    const first = d.results.find(isObj);
    if (first) return looksLikeTfsecResult(first) ? 1 : 0;
  } else if (d.results !== null) return 0;
  // `{"results": null}` / `{"results": []}` alone is what tfsec writes for a clean scan.
  return Object.keys(d).length === 1 ? (/tfsec/i.test(s.name) ? 0.8 : 0.5) : 0;
}

function parse(doc: unknown, ctx: { file: string }): ParseOutput {
  if (!isObj(doc) || !('results' in doc) || !(doc.results === null || Array.isArray(doc.results)))
    throw new UserError(
      `not a tfsec JSON report: expected an object with a "results" array (or null), found ${describeType(doc)}${isObj(doc) ? ` with results ${describeType(doc.results)}` : ''}`,
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  (doc.results ?? []).forEach((r: unknown, i: number) => {
    const d = resultToDraft(r, i, out);
    if (d) out.findings.push(d);
  });
  out.scans.push({ tool: { name: 'tfsec', version: null }, categories: ['iac'], success: true, errors: [] });
  return out;
}

export const tfsecParser: Parser = {
  id: 'tfsec',
  input: 'json',
  docs: {
    title: 'tfsec JSON',
    produce:
      '`tfsec . --format json --out tfsec.json` (add `--include-ignored` to keep tfsec:ignore results as suppressed)',
    takes:
      'one record per result that did not pass (no merging): long id / rule id, description, severity (legacy ERROR/WARNING/INFO too), file and lines, resource, first link; ignored results as suppressed',
  },
  detect,
  parse,
};
