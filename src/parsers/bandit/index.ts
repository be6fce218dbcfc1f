import { wordToSeverity } from '../../normalize/severity.js';
import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput } from '../types.js';
import { cwesOf, describeType, isObj, posInt, str, type Obj } from '../code-helpers.js';

/** Bandit tests whose `code` holds a hard-coded password (B105 string, B106 argument, B107 default). */
const PASSWORD_TESTS = new Set(['B105', 'B106', 'B107']);

/**
 * B105-B107 put the flagged literal in issue_text ("Possible hardcoded password: 'hunter2'"). The text is
 * kept with the literal replaced; only literals of 8+ characters go to the file-wide redaction list,
 * because Bandit also flags words such as 'Pass' or 'POST' that appear in other records' text.
 */
function withoutPassword(text: string, out: ParseOutput): string {
  return text.replace(/(: )(['"])(.*)\2\s*$/, (_m, sep: string, q: string, value: string) => {
    if (value.length >= 8) out.secrets.push(value);
    return `${sep}${q}[REDACTED]${q}`;
  });
}

function resultToDraft(r: unknown, i: number, out: ParseOutput, version: string | null): Draft | undefined {
  const pointer = `/results/${i}`;
  if (!isObj(r)) {
    out.warnings.push(`${pointer}: result is ${describeType(r)}, not an object; skipped`);
    return undefined;
  }
  const testId = str(r.test_id);
  const testName = str(r.test_name);
  const word = str(r.issue_severity);
  // UNDEFINED is Bandit's "no severity given".
  const sev = word && word.toUpperCase() !== 'UNDEFINED' ? wordToSeverity(word) : undefined;
  if (word && !sev && word.toUpperCase() !== 'UNDEFINED')
    out.warnings.push(`${pointer}: unknown issue_severity "${word}"`);
  // `code` (source lines) is never copied.
  const range = Array.isArray(r.line_range) ? r.line_range.filter((n: unknown) => typeof n === 'number') : [];
  const issueCwe: Obj | undefined = isObj(r.issue_cwe) ? r.issue_cwe : undefined;
  const raw = str(r.issue_text) ?? '';
  const text = testId && PASSWORD_TESTS.has(testId) ? withoutPassword(raw, out) : raw;
  return {
    title: text.trim() || testName || testId || 'Bandit issue',
    description: text || null,
    category: 'sast',
    rule_id: testId ?? null,
    rule_name: testName ?? null,
    severity: sev ?? 'medium',
    severity_source: sev ? 'tool' : 'default',
    source_severity: word ?? null,
    tool: 'Bandit',
    tool_version: version,
    tool_confidence: str(r.issue_confidence) ?? null,
    state: 'open',
    cwe: issueCwe ? cwesOf(issueCwe.id) : [],
    location: {
      file: str(r.filename) ?? null,
      start_line: posInt(r.line_number),
      end_line: range.length > 0 ? posInt(Math.max(...range)) : null,
    },
    help_uri: str(r.more_info) ?? (issueCwe ? (str(issueCwe.link) ?? null) : null),
    tags: [],
    pointer,
  };
}

function detect(s: { doc?: unknown }): number {
  const d = s.doc;
  if (!isObj(d) || !Array.isArray(d.results)) return 0;
  const first = d.results.find(isObj);
  if (first) return 'test_id' in first && 'issue_severity' in first ? 1 : 0;
  return isObj(d.metrics) && isObj(d.metrics._totals) ? 0.95 : 0;
}

function parse(doc: unknown, ctx: { file: string }): ParseOutput {
  if (!isObj(doc) || !Array.isArray(doc.results))
    throw new UserError(
      `not a Bandit JSON report: expected an object with a "results" array, found ${describeType(doc)}${isObj(doc) ? ' without "results"' : ''}`,
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  // Bandit writes no version into its JSON report.
  const version = null;
  doc.results.forEach((r: unknown, i: number) => {
    const d = resultToDraft(r, i, out, version);
    if (d) out.findings.push(d);
  });
  const errors = (Array.isArray(doc.errors) ? doc.errors : []).map((e: unknown) =>
    isObj(e)
      ? `${str(e.filename) ?? '?'}: ${str(e.reason) ?? 'error'}`.slice(0, 300)
      : typeof e === 'string' || typeof e === 'number'
        ? String(e).slice(0, 300)
        : `(unreadable ${Array.isArray(e) ? 'list' : typeof e})`,
  );
  for (const e of errors) out.warnings.push(`Bandit could not scan ${e}`);
  // A file Bandit could not parse is reported and skipped; the rest of the run is valid (as Semgrep "warn").
  out.scans.push({ tool: { name: 'Bandit', version }, categories: ['sast'], success: true, errors });
  return out;
}

export const banditParser: Parser = {
  id: 'bandit',
  input: 'json',
  docs: {
    title: 'Bandit JSON',
    produce: '`bandit -r . -f json -o bandit.json`',
    takes:
      'one record per `results[]` entry: test_id/test_name, issue_text, issue_severity, issue_confidence, CWE (issue_cwe), filename and lines, more_info; `errors[]` as scan errors; `code` is never copied',
  },
  detect,
  parse,
};
