import type { Category } from '../../schema/finding.js';
import { wordToSeverity } from '../../normalize/severity.js';
import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput, ScanEvidence } from '../types.js';
import { cwesOf, describeType, isObj, posInt, str, vulnIdsIn, type Obj } from '../code-helpers.js';

function categoryOf(checkType: string): Category {
  if (checkType === 'secrets') return 'secret';
  if (checkType === 'sca_image') return 'container';
  if (checkType.startsWith('sca_')) return 'sca';
  if (checkType.startsWith('sast')) return 'sast';
  return 'iac';
}

/** Checkov masks most of a secret in code_block, but not always the whole line: those lines are redacted. */
function codeBlockLines(c: Obj): string[] {
  const block = Array.isArray(c.code_block) ? c.code_block : [];
  return block
    .map((l: unknown) => (Array.isArray(l) ? str(l[1])?.trim() : undefined))
    .filter((l: string | undefined): l is string => l !== undefined && l.length >= 4);
}

function checkToDraft(
  c: unknown,
  pointer: string,
  checkType: string,
  skipped: boolean,
  version: string | null,
  out: ParseOutput,
): Draft | undefined {
  if (!isObj(c)) {
    out.warnings.push(`${pointer}: check is ${describeType(c)}, not an object; skipped`);
    return undefined;
  }
  const category = categoryOf(checkType);
  const checkId = str(c.check_id);
  if (!checkId) out.warnings.push(`${pointer}: check has no check_id`);
  const word = str(c.severity);
  const sev = wordToSeverity(word);
  if (word && !sev) out.warnings.push(`${pointer}: unknown severity "${word}"; using medium`);
  const range = Array.isArray(c.file_line_range) ? c.file_line_range : [];
  const vd: Obj = isObj(c.vulnerability_details) ? c.vulnerability_details : {};
  let secret: string | null = null;
  if (category === 'secret') {
    const lines = codeBlockLines(c);
    out.secrets.push(...lines);
    // For secrets Checkov's `resource` is a hash of the secret: the best identity handle it gives.
    const res = str(c.resource);
    secret = res && /^[0-9a-f]{32,}$/i.test(res) ? res : (lines[0] ?? null);
  }
  const suppressComment =
    str(c.suppress_comment) ??
    (isObj(c.check_result) ? str(c.check_result.suppress_comment) : undefined) ??
    null;
  const cve = vulnIdsIn(vd.id, vd.cve_id);
  const pkgName = str(vd.package_name);
  return {
    title: str(c.check_name) ?? checkId ?? 'Checkov check',
    description: str(c.description) ?? str(c.short_description) ?? null,
    category,
    rule_id: checkId ?? null,
    rule_name: str(c.bc_check_id) ?? null,
    // Without a Prisma Cloud API key Checkov writes `severity: null`: medium, and say it is a default.
    severity: sev ?? 'medium',
    severity_source: sev ? 'tool' : 'default',
    source_severity: word ?? null,
    tool: 'Checkov',
    tool_version: version,
    state: skipped ? 'suppressed' : 'open',
    suppression: skipped ? { kind: 'inSource', status: 'accepted', justification: suppressComment } : null,
    cwe: cwesOf(vd.cwe ?? c.cwe),
    cve,
    package: pkgName
      ? {
          name: pkgName,
          version: str(vd.package_version) ?? null,
          fixed_version: str(vd.fixed_version) ?? null,
          ecosystem: null,
          purl: null,
        }
      : null,
    location: {
      // file_path is relative to the scanned directory, written with a leading slash ("/main.tf").
      file: (str(c.file_path) ?? str(c.repo_file_path))?.replace(/^\/+/, '') ?? null,
      // Dockerfile checks say [0, 0]: no line.
      start_line: posInt(range[0]),
      end_line: posInt(range[1]),
      resource: str(c.resource) ?? null,
    },
    tags: [`check_type:${checkType}`],
    help_uri: str(c.guideline) ?? null,
    pointer,
    secret,
  };
}

function isReport(o: unknown): o is Obj {
  return isObj(o) && typeof o.check_type === 'string' && isObj(o.results);
}

/** Checkov 2 prints only a summary object when nothing was scanned or found. */
function isSummaryOnly(o: unknown): o is Obj {
  return isObj(o) && 'checkov_version' in o && 'failed' in o && !('results' in o);
}

function detect(s: { doc?: unknown }): number {
  const d = s.doc;
  const reports = Array.isArray(d) ? d : [d];
  if (reports.length === 0) return 0;
  if (reports.every(isReport)) {
    const r = reports[0] as Obj;
    return isObj(r.summary) || Array.isArray(r.results.failed_checks) ? 1 : 0.7;
  }
  return isSummaryOnly(d) ? 0.9 : 0;
}

function parse(doc: unknown, ctx: { file: string }): ParseOutput {
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  if (isSummaryOnly(doc)) {
    const version = str(doc.checkov_version) ?? null;
    out.scans.push({ tool: { name: 'Checkov', version }, categories: ['iac'], success: true, errors: [] });
    return out;
  }
  const list = Array.isArray(doc) ? doc : [doc];
  const isList = Array.isArray(doc);
  if (list.length === 0 || !list.some(isReport))
    throw new UserError(
      `not a Checkov JSON report: expected an object (or a list of objects) with "check_type" and "results", found ${describeType(doc)}`,
      ctx.file,
    );
  list.forEach((rep: unknown, ri: number) => {
    const base = isList ? `/${ri}` : '';
    if (!isReport(rep)) {
      out.warnings.push(`${base || '/'}: not a Checkov report (no check_type/results); skipped`);
      return;
    }
    const checkType = rep.check_type as string;
    const summary: Obj = isObj(rep.summary) ? rep.summary : {};
    const version = str(summary.checkov_version) ?? null;
    const res: Obj = rep.results;
    const start = out.findings.length;
    // failed checks are findings; skipped checks are in-source suppressions (kept, state suppressed);
    // passed checks are not findings.
    for (const [key, skipped] of [
      ['failed_checks', false],
      ['skipped_checks', true],
    ] as const) {
      const arr = Array.isArray(res[key]) ? res[key] : [];
      arr.forEach((c: unknown, i: number) => {
        const d = checkToDraft(c, `${base}/results/${key}/${i}`, checkType, skipped, version, out);
        if (d) out.findings.push(d);
      });
    }
    const errors = (Array.isArray(res.parsing_errors) ? res.parsing_errors : []).map(
      (e: unknown) => `could not parse ${String(e).slice(0, 280)}`,
    );
    for (const e of errors) out.warnings.push(`Checkov (${checkType}) ${e}`);
    const cats = new Set<ScanEvidence['categories'][number]>([categoryOf(checkType)]);
    for (const f of out.findings.slice(start)) cats.add(f.category);
    // A file Checkov could not parse is skipped by Checkov; the other files were checked.
    out.scans.push({
      tool: { name: 'Checkov', version },
      categories: [...cats].sort(),
      success: true,
      errors,
    });
  });
  return out;
}

export const checkovParser: Parser = {
  id: 'checkov',
  input: 'json',
  docs: {
    title: 'Checkov JSON',
    produce:
      '`checkov -d . -o json --output-file-path checkov/` (writes results_json.json); or `checkov -d . -o json > checkov.json`',
    takes:
      'one record per failed check and per skipped check (in-source suppression, state suppressed) of every check_type report: check_id, check_name, severity (null = medium, default), resource, file and line range, guideline; secrets checks are secrets (code_block is never copied), SCA checks carry CVE and package',
  },
  detect,
  parse,
};
