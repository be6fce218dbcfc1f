import type { Category, Package, Severity, SeveritySource } from '../schema/finding.js';
import { wordToSeverity } from '../normalize/severity.js';
import { UserError } from '../util/errors.js';
import { isCut, sniffDoc } from './head-doc.js';
import type { Draft, FormatDocs, Parser, ParseOutput, ScanEvidence, Sniff } from './types.js';
import {
  CVE_RE,
  cweNumber,
  ecosystemOf,
  GHSA_RE,
  int,
  isObj,
  orderVulnIds,
  str,
  strOrNum,
} from './platform-common.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GitLab report objects are free-form JSON */

/**
 * GitLab security reports (gitlab-org/security-products/security-report-schemas, 2.x–15.x): one file
 * per report type, all with a `vulnerabilities[]` array and, from schema 14 on, a `scan` object whose
 * `type` names the report. Older files (no `scan`) are recognised by the shape of their items.
 */
export type GitlabKind = 'sast' | 'dependency_scanning' | 'container_scanning' | 'secret_detection' | 'dast';

export const GITLAB_FORMAT: Record<GitlabKind, string> = {
  sast: 'gitlab_sast',
  dependency_scanning: 'gitlab_dep_scan',
  container_scanning: 'gitlab_container_scan',
  secret_detection: 'gitlab_secret_detection',
  dast: 'gitlab_dast',
};

const SCAN_TYPES: Record<string, GitlabKind> = {
  sast: 'sast',
  dependency_scanning: 'dependency_scanning',
  container_scanning: 'container_scanning',
  cluster_image_scanning: 'container_scanning',
  secret_detection: 'secret_detection',
  dast: 'dast',
  api_fuzzing: 'dast',
};

const CATEGORY: Record<GitlabKind, Category> = {
  sast: 'sast',
  dependency_scanning: 'sca',
  container_scanning: 'container',
  secret_detection: 'secret',
  dast: 'dast',
};

const DEFAULT_TOOL: Record<GitlabKind, string> = {
  sast: 'GitLab SAST',
  dependency_scanning: 'GitLab Dependency Scanning',
  container_scanning: 'GitLab Container Scanning',
  secret_detection: 'GitLab Secret Detection',
  dast: 'GitLab DAST',
};

/** Official artifact names (gl-sast-report.json, ...) and the corpus' names, for empty files without `scan`. */
const NAME_HINTS: Array<[RegExp, GitlabKind]> = [
  [/dependency[-_ ]?scanning|gl-dep|dep[-_]scan/i, 'dependency_scanning'],
  [/container[-_ ]?scanning|cluster[-_]image/i, 'container_scanning'],
  [/secret[-_ ]?detection/i, 'secret_detection'],
  [/(^|[^a-z])dast|api[-_]fuzzing/i, 'dast'],
  [/(^|[^a-z])sast/i, 'sast'],
];

function kindOfItem(v: Record<string, any>): GitlabKind | undefined {
  const declared = SCAN_TYPES[str(v.category) ?? ''];
  if (declared) return declared;
  const loc = isObj(v.location) ? v.location : {};
  if (str(v.raw_source_code_extract) && isObj(loc.commit)) return 'secret_detection';
  if (str(loc.image) || str(loc.operating_system)) return 'container_scanning';
  const pkg = isObj(loc.dependency) && isObj(loc.dependency.package) ? loc.dependency.package : {};
  if (str(pkg.name)) return 'dependency_scanning';
  if (str(loc.hostname) || str(loc.path)) return 'dast';
  // a dependency without a package name (old SAST items carry an empty one too, but with lines)
  if (isObj(loc.dependency) && loc.start_line === undefined && str(loc.file)) return 'dependency_scanning';
  if (str(loc.file)) return 'sast';
  return undefined;
}

export interface GitlabDetection {
  kind: GitlabKind;
  score: number;
}

/** Which GitLab report this is, and how sure: `scan.type` (1), item shape (0.7–0.9), file name for empty files (0.6). */
export function detectGitlabReport(s: Sniff): GitlabDetection | undefined {
  // a streamed file: what its head holds (`scan` is mostly written after the vulnerabilities, so
  // the head's first items decide; an item the head cut off is not counted)
  const sd = sniffDoc(s);
  const d = sd?.doc;
  if (!isObj(d) || !Array.isArray(d.vulnerabilities)) return undefined;
  const scan = isObj(d.scan) ? d.scan : undefined;
  const declared = scan ? SCAN_TYPES[str(scan.type) ?? ''] : undefined;
  if (declared) return { kind: declared, score: 1 };
  if (scan && str(scan.type)) return undefined; // coverage_fuzzing and other types we do not read
  const items = d.vulnerabilities
    .slice(0, 50)
    .filter(isObj)
    .filter((v) => !isCut(v));
  if (items.length > 0) {
    // GitLab items carry an identifiers *array* and a location object; Snyk's identifiers is an object.
    const gitlabShaped = items.filter((v) => Array.isArray(v.identifiers) && isObj(v.location));
    if (gitlabShaped.length < Math.ceil(items.length / 2)) return undefined;
    const votes = new Map<GitlabKind, number>();
    for (const v of gitlabShaped) {
      const k = kindOfItem(v);
      if (k) votes.set(k, (votes.get(k) ?? 0) + 1);
    }
    const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
    if (!best) return undefined;
    // a head (of a streamed file) whose items disagree: not sure enough without `scan`
    if (sd?.cut && votes.size > 1) return undefined;
    return { kind: best[0], score: typeof d.version === 'string' ? 0.9 : 0.75 };
  }
  // a head cut in the dependency_files of a report without vulnerabilities
  if (
    sd?.cut &&
    d.vulnerabilities.length === 0 &&
    Array.isArray(d.dependency_files) &&
    !isCut(d.vulnerabilities)
  )
    return { kind: 'dependency_scanning', score: 0.7 };
  const hint = NAME_HINTS.find(([re]) => re.test(s.name));
  if (hint) return { kind: hint[1], score: 0.6 };
  // An empty report without `scan` could be any type: below the auto-detection threshold on purpose.
  return typeof d.version === 'string' && Array.isArray(d.remediations)
    ? { kind: 'sast', score: 0.3 }
    : undefined;
}

function severityOf(v: Record<string, any>): {
  severity: Severity;
  severity_source: SeveritySource;
  source_severity: string | null;
} {
  const word = str(v.severity);
  if (word === undefined) return { severity: 'medium', severity_source: 'default', source_severity: null };
  // GitLab's Unknown/Undefined mean "the analyzer had no severity": info, as GitLab shows them.
  const s = wordToSeverity(word) ?? (/^undefined$/i.test(word) ? 'info' : undefined);
  return s
    ? { severity: s, severity_source: 'tool', source_severity: word }
    : { severity: 'medium', severity_source: 'default', source_severity: word };
}

const ID_TYPES_NOT_RULES = /^(cve|cwe|ghsa|osvdb|owasp|usn|rhsa|elsa|dsa|alas)$/i;

interface Identifiers {
  primary: { type?: string; name?: string; value?: string } | undefined;
  vulnIds: string[];
  cwe: number[];
}

function readIdentifiers(v: Record<string, any>): Identifiers {
  const list = Array.isArray(v.identifiers) ? v.identifiers.filter(isObj) : [];
  const vulnIds: string[] = [];
  const cwe: number[] = [];
  for (const id of list) {
    const type = str(id.type)?.toLowerCase() ?? '';
    const value = strOrNum(id.value)?.trim();
    const name = str(id.name)?.trim();
    if (type === 'cwe') {
      const n = cweNumber(id.value) ?? cweNumber(name);
      if (n) cwe.push(n);
      continue;
    }
    for (const cand of [value, name]) {
      if (cand && CVE_RE.test(cand)) vulnIds.push(cand.toUpperCase());
      else if (cand && GHSA_RE.test(cand)) vulnIds.push(cand);
      else continue;
      break;
    }
  }
  const primary =
    list.find((i) => !ID_TYPES_NOT_RULES.test(str(i.type) ?? '') && strOrNum(i.value)) ??
    list.find((i) => strOrNum(i.value));
  return {
    primary: primary
      ? { type: str(primary.type), name: str(primary.name), value: strOrNum(primary.value) }
      : undefined,
    vulnIds: orderVulnIds(vulnIds),
    cwe: [...new Set(cwe)],
  };
}

/** `Upgrade apt from 1.4.8 to 1.4.9` / `Upgrade libssl1.1 to 1.1.1d-r0` (Trivy) / `Upgrade to version 2.2.3 or above.` → the fixed version. */
function fixedVersionFrom(solution: string | undefined): string | null {
  if (!solution) return null;
  const m =
    /\bupgrade\s+\S+\s+from\s+\S+\s+to\s+(?:version\s+)?([^\s,;]+?)\.?(?:\s|$)/i.exec(solution) ??
    /\bupgrade\s+(?!to\b)\S+\s+to\s+(?:version\s+)?([^\s,;]+?)\.?(?:\s|$)/i.exec(solution) ??
    /\bupgrade\s+to\s+(?:version\s+)?([^\s,;]+?)\.?(?:\s+or\s+(?:above|later|higher)|\s|$)/i.exec(solution);
  return m ? m[1]! : null;
}

const SENSITIVE_HEADERS =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-auth-token|private-token)$/i;

/** DAST evidence headers are never copied; their credential values are still remembered for redaction. */
function collectHeaderSecrets(v: Record<string, any>, secrets: string[]): void {
  const ev = isObj(v.evidence) ? v.evidence : undefined;
  for (const part of [ev?.request, ev?.response]) {
    if (!isObj(part) || !Array.isArray(part.headers)) continue;
    for (const h of part.headers) {
      if (!isObj(h) || !SENSITIVE_HEADERS.test(str(h.name) ?? '')) continue;
      const val = str(h.value);
      if (val && !/^\*+$/.test(val.trim())) secrets.push(val);
    }
  }
}

export interface FileContext {
  kind: GitlabKind;
  toolName: string;
  toolVersion: string | null;
  managers: Map<string, string>;
  secrets: string[];
}

function itemToDraft(fc: FileContext, v: Record<string, any>, i: number): Draft {
  const pointer = `/vulnerabilities/${i}`;
  const loc = isObj(v.location) ? v.location : {};
  const ids = readIdentifiers(v);
  const itemScanner = isObj(v.scanner) ? str(v.scanner.name) : undefined;
  let category = CATEGORY[fc.kind];
  // Old SAST reports (schema 2.x) carried the secrets analyzers' results too (TruffleHog, Gitleaks).
  if (
    fc.kind === 'sast' &&
    (str(v.category) === 'secret_detection' || /^(gitleaks|trufflehog)/i.test(ids.primary?.type ?? ''))
  )
    category = 'secret';

  // raw_source_code_extract is the matched line/secret: remembered for redaction, never copied.
  const extract = str(v.raw_source_code_extract);
  if (extract) fc.secrets.push(extract.trim());
  if (fc.kind === 'dast') collectHeaderSecrets(v, fc.secrets);

  const dep = isObj(loc.dependency) ? loc.dependency : undefined;
  const pkgName = dep && isObj(dep.package) ? str(dep.package.name) : undefined;
  let pkg: Package | null = null;
  if (pkgName && (category === 'sca' || category === 'container')) {
    const file = str(loc.file);
    const os = str(loc.operating_system);
    pkg = {
      name: pkgName,
      version: strOrNum(dep!.version) ?? null,
      fixed_version: fixedVersionFrom(str(v.solution)),
      ecosystem:
        category === 'container'
          ? ecosystemOf(os?.split(/[\s:]/)[0])
          : ecosystemOf((file && fc.managers.get(file)) ?? undefined),
      purl: null,
    };
  }

  const ruleId = ids.primary?.value ?? null;
  const name = str(v.name) ?? str(v.message);
  let title = name ?? ids.primary?.name ?? ruleId ?? 'GitLab finding';
  if (!name && pkg && ruleId) title = `${ruleId} in ${pkg.name}${pkg.version ? `@${pkg.version}` : ''}`;

  const location: Draft['location'] = {};
  const tags: string[] = [];
  if (category === 'dast') {
    const host = str(loc.hostname);
    const path = str(loc.path);
    location.url = host
      ? host.replace(/\/+$/, '') + (path ? (path.startsWith('/') ? path : `/${path}`) : '')
      : (path ?? null);
    const method = str(loc.method);
    if (method) tags.push(`method:${method.toUpperCase()}`);
  } else if (category === 'container') {
    location.image = str(loc.image) ?? null;
  } else {
    location.file = str(loc.file) ?? null;
    location.start_line = int(loc.start_line);
    location.end_line = int(loc.end_line);
  }
  const commit = isObj(loc.commit) ? str(loc.commit.sha) : undefined;

  return {
    title,
    description: str(v.description) ?? str(v.message) ?? null,
    category,
    rule_id: ruleId,
    rule_name: ids.primary?.name ?? null,
    ...severityOf(v),
    tool: itemScanner ?? fc.toolName,
    tool_version: itemScanner ? null : fc.toolVersion,
    tool_confidence: str(v.confidence) ?? null,
    state: 'open',
    first_seen: null,
    cwe: ids.cwe,
    cve: ids.vulnIds,
    package: pkg,
    location,
    tags,
    pointer,
    secret: category === 'secret' ? (extract?.trim() ?? null) : null,
    // A history scan names the commit; "0000000" is the analyzer's "not from history".
    identity_hint: category === 'secret' && commit && !/^0+$/.test(commit) ? commit : null,
  };
}

function describeShape(doc: unknown): string {
  if (Array.isArray(doc)) return 'an array';
  if (isObj(doc)) {
    const keys = Object.keys(doc).slice(0, 6);
    return `an object with keys ${keys.map((k) => JSON.stringify(k)).join(', ') || '(none)'}`;
  }
  return doc === null ? 'null' : `a ${typeof doc}`;
}

/** What a GitLab report's items need from the rest of the file; one per file. */
export interface GitlabStreamContext {
  fc: FileContext;
  scan: Record<string, any>;
  warnings: string[];
  /** Tool name → [version, categories seen], in order of first appearance. */
  tools: Map<string, { version: string | null; categories: Category[] }>;
}

/** The report minus its items: validates the header and makes the file context. */
export function beginGitlabReport(
  doc: unknown,
  file: string,
  kind: GitlabKind,
  secrets: string[],
): GitlabStreamContext {
  const label = GITLAB_FORMAT[kind];
  if (!isObj(doc) || !Array.isArray(doc.vulnerabilities))
    throw new UserError(
      `not a GitLab ${kind} report: expected an object with a "vulnerabilities" array, found ${describeShape(doc)}`,
      file,
    );
  const scan = isObj(doc.scan) ? doc.scan : {};
  const declaredType = str(scan.type);
  if (declaredType && SCAN_TYPES[declaredType] !== kind) {
    const other = SCAN_TYPES[declaredType];
    throw new UserError(
      other
        ? `this is a GitLab ${declaredType} report (scan.type "${declaredType}"), not ${kind}: use --format ${GITLAB_FORMAT[other]}`
        : `GitLab report type "${declaredType}" is not supported by ${label}`,
      file,
      '/scan/type',
    );
  }
  const scanner = isObj(scan.scanner) ? scan.scanner : {};
  const analyzer = isObj(scan.analyzer) ? scan.analyzer : {};
  const toolName = str(scanner.name) ?? str(analyzer.name) ?? DEFAULT_TOOL[kind];
  const toolVersion = strOrNum(scanner.version) ?? strOrNum(analyzer.version) ?? null;
  const managers = new Map<string, string>();
  for (const df of Array.isArray(doc.dependency_files) ? doc.dependency_files : []) {
    if (isObj(df) && str(df.path) && str(df.package_manager)) managers.set(df.path, df.package_manager);
  }
  return { fc: { kind, toolName, toolVersion, managers, secrets }, scan, warnings: [], tools: new Map() };
}

/** One `vulnerabilities[]` item; problems become warnings and the item is skipped. */
export function gitlabItem(gc: GitlabStreamContext, v: unknown, i: number): Draft | undefined {
  if (!isObj(v)) {
    gc.warnings.push(`/vulnerabilities/${i}: not an object; skipped`);
    return undefined;
  }
  let d: Draft;
  try {
    d = itemToDraft(gc.fc, v, i);
  } catch (e) {
    gc.warnings.push(
      `/vulnerabilities/${i}: unreadable item (${e instanceof Error ? e.message : String(e)}); skipped`,
    );
    return undefined;
  }
  const { toolName, toolVersion } = gc.fc;
  const name = d.tool ?? toolName;
  let t = gc.tools.get(name);
  if (!t) {
    t = {
      version: d.tool === toolName ? toolVersion : (d.tool_version ?? null),
      categories: [CATEGORY[gc.fc.kind]],
    };
    gc.tools.set(name, t);
  }
  if (!t.categories.includes(d.category)) t.categories.push(d.category);
  return d;
}

/** After the last item: one ScanEvidence per tool (old SAST reports name a scanner per item). */
export function finishGitlabReport(gc: GitlabStreamContext): ScanEvidence[] {
  const { scan } = gc;
  const errors: string[] = [];
  for (const m of Array.isArray(scan.messages) ? scan.messages : []) {
    if (isObj(m) && /^(fatal|error)$/i.test(str(m.level) ?? '') && str(m.value)) errors.push(m.value);
  }
  const status = str(scan.status);
  const success = status === undefined ? true : status.toLowerCase() !== 'failure';
  if (!success && errors.length === 0) errors.push('scan.status is "failure"');
  if (gc.tools.size === 0)
    gc.tools.set(gc.fc.toolName, { version: gc.fc.toolVersion, categories: [CATEGORY[gc.fc.kind]] });
  return [...gc.tools].map(([name, t]) => ({
    tool: { name, version: t.version },
    categories: [...t.categories].sort(),
    success,
    errors: [...errors],
  }));
}

/** Parse one GitLab security report of the given kind. */
export function parseGitlabReport(doc: unknown, file: string, kind: GitlabKind): ParseOutput {
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const gc = beginGitlabReport(doc, file, kind, out.secrets);
  (doc as { vulnerabilities: unknown[] }).vulnerabilities.forEach((v: unknown, i: number) => {
    const d = gitlabItem(gc, v, i);
    if (d) out.findings.push(d);
  });
  out.scans = finishGitlabReport(gc);
  out.warnings = gc.warnings;
  return out;
}

/**
 * Words that can make an item contribute a secret value (raw_source_code_extract; DAST credential
 * header names), for the streaming reader's secrets pre-pass.
 */
export const GITLAB_SECRET_WORDS = [
  'raw_source_code_extract',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
  'private-token',
];

/** The five GitLab parsers differ only in kind and docs. */
export function gitlabParser(kind: GitlabKind, docs: FormatDocs): Parser {
  return {
    id: GITLAB_FORMAT[kind],
    input: 'json',
    docs,
    detect(s) {
      const d = detectGitlabReport(s);
      return d && d.kind === kind ? d.score : 0;
    },
    parse: (doc, ctx) => parseGitlabReport(doc, ctx.file, kind),
  };
}
