import type { Category, Cvss, Severity, SeveritySource, State } from '../../schema/finding.js';
import { CATEGORIES } from '../../schema/finding-constants.js';
import { cvssToSeverity, wordToSeverity } from '../../normalize/severity.js';
import { parseCsv } from '../../util/csv.js';
import { UserError } from '../../util/errors.js';
import { parseJsonWithPosition } from '../../util/json-position.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';
import {
  CVE_RE,
  cvssVersion,
  cweNumber,
  GHSA_RE,
  int,
  isObj,
  isoDate,
  orderVulnIds,
  str,
  strOrNum,
} from '../platform-common.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- DefectDojo's import format is free-form JSON */

const DEFAULT_TOOL = 'DefectDojo generic import';

/** DefectDojo Finding attributes the Generic Findings Import accepts (used to tell it from other `findings[]` files). */
const KNOWN_KEYS = new Set(
  (
    'title description severity mitigation impact references date cve cwe cvssv3 cvssv3_score cvssv4 cvssv4_score ' +
    'file_path line component_name component_version endpoints unique_id_from_tool vuln_id_from_tool active verified ' +
    'false_p out_of_scope risk_accepted is_mitigated mitigated mitigated_by duplicate tags steps_to_reproduce ' +
    'severity_justification fix_available fix_version static_finding dynamic_finding sast_source_object ' +
    'sast_sink_object sast_source_line sast_source_file_path nb_occurences publish_date service ' +
    'planned_remediation_date planned_remediation_version effort_for_fixing vulnerability_ids files epss_score ' +
    'epss_percentile kev_date known_exploited ransomware_used scanner_confidence numerical_severity param payload ' +
    'under_review under_defect_review url request response hash_code found_by cvssv3_vector cvss_score'
  ).split(' '),
);

const CSV_MARKERS = [
  'Date',
  'CweId',
  'Url',
  'Mitigation',
  'Impact',
  'References',
  'Active',
  'Verified',
  'FalsePositive',
  'Duplicate',
];

function detectJson(d: unknown, name: string): number {
  if (!isObj(d) || !Array.isArray(d.findings)) return 0;
  const items = d.findings.slice(0, 20).filter(isObj);
  const keys = items.flatMap((f) => Object.keys(f));
  if (keys.length === 0) {
    // `{"findings": []}` is also an empty AWS Inspector2 export: only the file name can tell.
    if (!Object.keys(d).every((k) => ['findings', 'name', 'type', 'version'].includes(k))) return 0;
    return /generic|defect-?dojo|dojo/i.test(name) ? 0.6 : 0.3;
  }
  const known = keys.filter((k) => KNOWN_KEYS.has(k)).length / keys.length;
  if (known < 0.8) return 0;
  return items.every((f) => 'title' in f) ? 0.9 : 0.6;
}

function detectCsvHead(head: string): number {
  const line = (head.charCodeAt(0) === 0xfeff ? head.slice(1) : head).split(/\r?\n/)[0] ?? '';
  const cols = new Set(line.split(',').map((c) => c.trim().replace(/^"|"$/g, '')));
  if (!cols.has('Title') || !cols.has('Severity') || !cols.has('Description')) return 0;
  const markers = CSV_MARKERS.filter((m) => cols.has(m)).length;
  return markers >= 4 ? 0.9 : markers >= 2 ? 0.6 : 0;
}

function detect(s: Sniff): number {
  if (s.doc !== undefined) return detectJson(s.doc, s.name);
  return detectCsvHead(s.head);
}

function boolOf(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (['true', 'yes', '1', 'y'].includes(t)) return true;
    if (['false', 'no', '0', 'n'].includes(t)) return false;
  }
  if (typeof v === 'number') return v !== 0;
  return undefined;
}

function stateOf(f: Record<string, any>): { state: State; state_reason: string | null } {
  if (boolOf(f.false_p)) return { state: 'false_positive', state_reason: 'false_p' };
  if (boolOf(f.risk_accepted)) return { state: 'accepted_risk', state_reason: 'risk_accepted' };
  if (boolOf(f.out_of_scope)) return { state: 'not_applicable', state_reason: 'out_of_scope' };
  if (boolOf(f.duplicate)) return { state: 'duplicate', state_reason: 'duplicate' };
  if (boolOf(f.is_mitigated) || str(f.mitigated)) return { state: 'fixed', state_reason: 'is_mitigated' };
  if (boolOf(f.active) === false)
    return { state: 'fixed', state_reason: 'inactive (active: false, no other reason given)' };
  return { state: 'open', state_reason: null };
}

function cvssOf(f: Record<string, any>): Cvss | null {
  const vector = str(f.cvssv3) ?? str(f.cvssv3_vector) ?? str(f.cvssv4);
  const raw = f.cvssv3_score ?? f.cvss_score ?? f.cvssv4_score;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  const score = Number.isFinite(n) && n >= 0 && n <= 10 ? n : null;
  if (!vector && score === null) return null;
  return { score, vector: vector ?? null, version: cvssVersion(vector) };
}

function severityOf(
  f: Record<string, any>,
  cvss: Cvss | null,
): { severity: Severity; severity_source: SeveritySource; source_severity: string | null } {
  const word = strOrNum(f.severity);
  const s = wordToSeverity(word);
  if (s) return { severity: s, severity_source: 'tool', source_severity: word! };
  if (cvss?.score != null)
    return {
      severity: cvssToSeverity(cvss.score),
      severity_source: 'cvss',
      source_severity: String(cvss.score),
    };
  return { severity: 'medium', severity_source: 'default', source_severity: word ?? null };
}

/** The categories a DefectDojo tag can name ('other' is what is left when none does). */
const CATEGORY_WORDS = new Set<Category>(CATEGORIES.filter((c) => c !== 'other'));

function categoryOf(f: Record<string, any>, hasFile: boolean, hasUrl: boolean): Category {
  const tags: string[] = Array.isArray(f.tags)
    ? f.tags.filter((t: unknown) => typeof t === 'string')
    : typeof f.tags === 'string'
      ? f.tags.split(/[,;]/)
      : [];
  for (const t of tags) {
    const w = t.trim().toLowerCase();
    if (CATEGORY_WORDS.has(w as Category)) return w as Category;
    if (w === 'secrets') return 'secret';
  }
  if (str(f.component_name)) return 'sca';
  if (f.dynamic_finding === true && f.static_finding !== true) return 'dast';
  if (f.static_finding === true && hasFile && !hasUrl) return 'sast';
  // A title, a CWE and a path do not say which kind of tool found it.
  return 'other';
}

function endpointUrl(e: unknown): string | undefined {
  if (typeof e === 'string') return str(e);
  if (!isObj(e)) return undefined;
  const host = str(e.host);
  if (!host) return str(e.url);
  const proto = str(e.protocol);
  const port = strOrNum(e.port);
  const path = str(e.path);
  return `${proto ? `${proto}://` : ''}${host}${port ? `:${port}` : ''}${path ? (path.startsWith('/') ? path : `/${path}`) : ''}`;
}

function vulnIdsOf(f: Record<string, any>): string[] {
  const ids: string[] = [];
  const add = (v: unknown) => {
    const s = (isObj(v) ? str(v.vulnerability_id) : str(v))?.trim();
    if (!s) return;
    ids.push(CVE_RE.test(s) ? s.toUpperCase() : s);
  };
  for (const part of (str(f.cve) ?? '').split(/[,;\s]+/)) add(part);
  if (Array.isArray(f.vulnerability_ids)) f.vulnerability_ids.forEach(add);
  // Only recognised ids: free text in `cve` would otherwise become an identity key.
  return orderVulnIds(ids).filter((i) => CVE_RE.test(i) || GHSA_RE.test(i) || /^[A-Z]+-[\w.-]+$/.test(i));
}

function findingToDraft(
  f: Record<string, any>,
  pointer: string,
  tool: string,
  warnings: string[],
): Draft | undefined {
  const title = strOrNum(f.title)?.trim();
  if (!title) {
    warnings.push(`${pointer}: finding has no title (required by the Generic Findings Import); skipped`);
    return undefined;
  }
  const cvss = cvssOf(f);
  const sev = severityOf(f, cvss);
  if (sev.severity_source === 'default')
    warnings.push(
      `${pointer}: severity ${sev.source_severity ? `"${sev.source_severity}" not recognised` : 'missing'}; medium assumed`,
    );
  const endpoints = Array.isArray(f.endpoints) ? f.endpoints : [];
  const url = str(f.url) ?? endpoints.map(endpointUrl).find(Boolean) ?? null;
  const file = str(f.file_path) ?? null;
  const cwe = cweNumber(f.cwe);
  const comp = str(f.component_name);
  const life = stateOf(f);
  const date = f.date;
  if (str(date) && !isoDate(date))
    warnings.push(`${pointer}: date ${JSON.stringify(date)} not readable; first_seen left empty`);
  const uid = strOrNum(f.unique_id_from_tool);
  return {
    title,
    description: str(f.description) ?? null,
    category: categoryOf(f, file !== null, url !== null),
    rule_id: strOrNum(f.vuln_id_from_tool) ?? null,
    ...sev,
    tool,
    tool_confidence: strOrNum(f.scanner_confidence) ?? null,
    ...life,
    first_seen: isoDate(date) ?? null,
    closed_at: life.state === 'open' ? null : (isoDate(f.mitigated) ?? null),
    cwe: cwe ? [cwe] : [],
    cve: vulnIdsOf(f),
    cvss,
    package: comp
      ? {
          name: comp,
          version: strOrNum(f.component_version) ?? null,
          fixed_version: strOrNum(f.fix_version) ?? null,
          ecosystem: null,
          purl: null,
        }
      : null,
    location: { file, start_line: int(f.line), url },
    fingerprints: uid ? { unique_id_from_tool: uid } : {},
    tags: Array.isArray(f.tags) ? f.tags.filter((t: unknown): t is string => typeof t === 'string') : [],
    help_uri: null,
    service: str(f.service) ?? null,
    pointer,
  };
}

function parseJsonDoc(doc: unknown, file: string): ParseOutput {
  if (!isObj(doc) || !Array.isArray(doc.findings))
    throw new UserError(
      'not a DefectDojo Generic Findings Import file: expected a JSON object with a "findings" array (or the CSV with Title, Severity, Description columns)',
      file,
    );
  const tool = str(doc.type) ?? str(doc.name) ?? DEFAULT_TOOL;
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  doc.findings.forEach((f: unknown, i: number) => {
    const pointer = `/findings/${i}`;
    if (!isObj(f)) {
      out.warnings.push(`${pointer}: not an object; skipped`);
      return;
    }
    const d = findingToDraft(f, pointer, tool, out.warnings);
    if (d) out.findings.push(d);
  });
  out.scans = scanEvidence(out, tool, strOrNum(doc.version) ?? null);
  return out;
}

function scanEvidence(out: ParseOutput, tool: string, version: string | null): ParseOutput['scans'] {
  const cats = [...new Set(out.findings.map((d) => d.category))].sort();
  return [
    { tool: { name: tool, version }, categories: cats.length ? cats : ['other'], success: true, errors: [] },
  ];
}

/** CSV columns (DefectDojo docs) → the JSON attribute names. */
const CSV_COLUMNS: Record<string, string> = {
  Date: 'date',
  Title: 'title',
  CweId: 'cwe',
  Url: 'url',
  Severity: 'severity',
  Description: 'description',
  Mitigation: 'mitigation',
  Impact: 'impact',
  References: 'references',
  Active: 'active',
  Verified: 'verified',
  FalsePositive: 'false_p',
  Duplicate: 'duplicate',
  CVE: 'cve',
  CVSSV3: 'cvssv3',
  FilePath: 'file_path',
  Line: 'line',
  ComponentName: 'component_name',
  ComponentVersion: 'component_version',
  Mitigated: 'mitigated',
};

function parseCsvText(text: string, file: string): ParseOutput {
  const table = parseCsv(text, file);
  for (const need of ['Title', 'Severity'])
    if (!table.headers.includes(need))
      throw new UserError(
        `not a DefectDojo Generic Findings Import CSV: no "${need}" column (found ${table.headers.slice(0, 8).join(', ')})`,
        file,
        '1',
      );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  for (const row of table.rows) {
    const f: Record<string, unknown> = {};
    for (const [col, key] of Object.entries(CSV_COLUMNS)) {
      const v = row[col];
      if (v !== undefined && v.trim() !== '') f[key] = v;
    }
    const d = findingToDraft(f, `row ${row.__line}`, DEFAULT_TOOL, out.warnings);
    if (d) out.findings.push(d);
  }
  out.scans = scanEvidence(out, DEFAULT_TOOL, null);
  return out;
}

export function parseDefectdojoGeneric(doc: unknown, file: string): ParseOutput {
  if (typeof doc !== 'string') return parseJsonDoc(doc, file);
  const lead = doc.replace(/^\uFEFF/, '').trimStart()[0];
  if (lead === '{' || lead === '[') {
    const r = parseJsonWithPosition(doc.replace(/^\uFEFF/, ''));
    if (!r.ok) throw new UserError(r.message, file, r.position);
    return parseJsonDoc(r.value, file);
  }
  return parseCsvText(doc, file);
}

export const defectdojoGenericParser: Parser = {
  id: 'defectdojo_generic',
  // JSON or CSV: the parser decodes the text itself.
  input: 'text',
  docs: {
    title: 'DefectDojo Generic Findings Import (JSON or CSV)',
    produce:
      'a DefectDojo "Generic Findings Import" file written by hand or by a script (`{"findings": [...]}` or CSV with Date, Title, CweId, Url, Severity, Description, ... columns)',
    takes:
      'one record per finding / row; title, severity (else CVSS), description, CVE/vulnerability ids, CWE, CVSS v3, file and line, component name/version/fix version, first endpoint as URL, state from false_p / risk_accepted / out_of_scope / duplicate / is_mitigated / active, date → first_seen, mitigated → closed_at; category only when the file makes it clear, else other',
  },
  detect,
  parse: (doc, ctx) => parseDefectdojoGeneric(doc, ctx.file),
};
