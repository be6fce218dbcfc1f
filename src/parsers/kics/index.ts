import { wordToSeverity } from '../../normalize/severity.js';
import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput } from '../types.js';
import { cwesOf, describeType, isObj, posInt, str, type Obj } from '../code-helpers.js';

/** KICS severities; TRACE is below INFO. */
function severityOf(word: string | undefined): ReturnType<typeof wordToSeverity> {
  if (word && word.toUpperCase() === 'TRACE') return 'info';
  return wordToSeverity(word);
}

function hitToDraft(
  q: Obj,
  qi: number,
  f: unknown,
  fi: number,
  version: string | null,
  out: ParseOutput,
): Draft | undefined {
  const pointer = `/queries/${qi}/files/${fi}`;
  if (!isObj(f)) {
    out.warnings.push(`${pointer}: file hit is ${describeType(f)}, not an object; skipped`);
    return undefined;
  }
  const word = str(q.severity);
  const sev = severityOf(word);
  if (word && !sev) out.warnings.push(`${pointer}: unknown severity "${word}"; using medium`);
  const queryName = str(q.query_name);
  const category = str(q.category);
  const secretQuery = /secret/i.test(category ?? '') || /password|secret/i.test(queryName ?? '');
  const expected = str(f.expected_value);
  const actual = str(f.actual_value);
  const tags = [
    str(q.platform) && `platform:${q.platform}`,
    category && `kics:${category}`,
    str(f.issue_type) && `issue_type:${f.issue_type}`,
  ].filter((t): t is string => typeof t === 'string');
  return {
    title: queryName ?? str(q.query_id) ?? 'KICS query',
    description:
      [str(q.description), expected && `Expected: ${expected}`, actual && `Actual: ${actual}`]
        .filter(Boolean)
        .join('\n') || null,
    // "Passwords And Secrets" queries stay IaC: KICS names the place, never the value (nothing to hash).
    category: 'iac',
    rule_id: str(q.query_id) ?? null,
    rule_name: queryName ?? null,
    severity: sev ?? 'medium',
    severity_source: sev ? 'tool' : 'default',
    source_severity: word ?? null,
    tool: 'KICS',
    tool_version: version,
    state: 'open',
    cwe: cwesOf(q.cwe),
    location: {
      file: str(f.file_name) ?? null,
      start_line: posInt(f.line),
      end_line: null,
      resource:
        str(f.resource_type) && str(f.resource_name)
          ? `${f.resource_type}.${f.resource_name}`
          : (str(f.search_key) ?? null),
    },
    fingerprints: str(f.similarity_id) ? { similarity_id: f.similarity_id } : {},
    tags: secretQuery ? [...tags, 'secret'] : tags,
    help_uri: str(q.query_url) ?? null,
    pointer,
  };
}

function detect(s: { doc?: unknown }): number {
  const d = s.doc;
  if (!isObj(d) || !Array.isArray(d.queries)) return 0;
  return 'queries_total' in d || 'total_counter' in d || 'kics_version' in d || 'severity_counters' in d
    ? 1
    : 0.5;
}

function parse(doc: unknown, ctx: { file: string }): ParseOutput {
  if (!isObj(doc) || !Array.isArray(doc.queries))
    throw new UserError(
      `not a KICS JSON report: expected an object with a "queries" array, found ${describeType(doc)}${isObj(doc) ? ' without "queries"' : ''}`,
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const version = str(doc.kics_version) ?? null;
  doc.queries.forEach((q: unknown, qi: number) => {
    if (!isObj(q)) {
      out.warnings.push(`/queries/${qi}: query is ${describeType(q)}, not an object; skipped`);
      return;
    }
    (Array.isArray(q.files) ? q.files : []).forEach((f: unknown, fi: number) => {
      const d = hitToDraft(q, qi, f, fi, version, out);
      if (d) out.findings.push(d);
    });
  });
  const errors: string[] = [];
  const failedQueries = typeof doc.queries_failed_to_execute === 'number' ? doc.queries_failed_to_execute : 0;
  const failedFiles = typeof doc.files_failed_to_scan === 'number' ? doc.files_failed_to_scan : 0;
  if (failedQueries > 0) errors.push(`${failedQueries} queries failed to execute`);
  if (failedFiles > 0) errors.push(`${failedFiles} files failed to scan`);
  for (const e of errors) out.warnings.push(`KICS reported: ${e}`);
  // Partial failures are recorded as errors; the run still evidences an IaC scan of the other files.
  out.scans.push({ tool: { name: 'KICS', version }, categories: ['iac'], success: true, errors });
  return out;
}

export const kicsParser: Parser = {
  id: 'kics',
  input: 'json',
  docs: {
    title: 'KICS JSON',
    produce: '`kics scan -p . --report-formats json -o kics-out/` (writes results.json)',
    takes:
      'one record per `queries[].files[]` hit: query id and name, severity (TRACE = info), CWE when present, file, line, resource or search key, similarity_id as fingerprint, expected/actual value',
  },
  detect,
  parse,
};
