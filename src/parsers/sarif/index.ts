import type { Category, Package, Severity, SeveritySource, Suppression } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import { levelToSeverity, scoreOrWordToSeverity, wordToSeverity } from '../../normalize/severity.js';
import { cleanPath, joinUri } from '../../normalize/paths.js';
import type { Draft, Parser, ParseOutput, ScanEvidence } from '../types.js';
import type { SarifLog, SarifReportingDescriptor, SarifResult, SarifRun } from './types.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF property bags are free-form */

const NOT_FINDINGS = new Set(['pass', 'informational', 'notApplicable']);
const CVE_RE = /\b(CVE-\d{4}-\d{4,})\b/gi;
const GHSA_RE = /\b(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/gi;
const CWE_RE = /\bcwe[-_/: ]*(\d{1,5})\b/i;

function isObj(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** Everything a result needs from its run, computed once per run. */
export interface RunContext {
  runIndex: number;
  toolName: string;
  toolVersion: string | null;
  /** rules of component -1 (driver) and 0..n (extensions). */
  components: Array<{ name: string; rules: SarifReportingDescriptor[] }>;
  ruleById: Map<string, SarifReportingDescriptor>;
  globalMessageStrings: Record<string, any>;
  baseUris: Record<string, string>;
  artifacts: any[];
  taxa: Map<string, { id?: string; name?: string; component: string }>;
  roots: string[];
  warnings: string[];
  secretTool: boolean;
  scan: ScanEvidence;
  categories: Set<Category>;
  /** What the tool's name says about categories (inferCategory's tool tests), once per run. */
  toolClass: ToolClass;
  /** Per-rule derived data, computed on a rule's first result (see RuleInfo). */
  ruleInfo: Map<SarifReportingDescriptor, RuleInfo>;
  /** CVE/GHSA ids found in each ruleId string seen (bounded). */
  idsOfRuleId: Map<string, string[]>;
}

export function sarifVersionError(doc: Record<string, unknown>): string | undefined {
  const version = doc.version;
  if (typeof version === 'string' && /^1\./.test(version))
    return `SARIF ${version} is not supported; only SARIF 2.1.0 is (convert 1.0 logs with the SARIF Multitool "transform" command)`;
  if (
    version !== undefined &&
    version !== '2.1.0' &&
    !(typeof version === 'string' && version.startsWith('2.1'))
  )
    return `unknown SARIF version ${typeof version === 'string' ? JSON.stringify(version.slice(0, 40)) : `(a ${Array.isArray(version) ? 'list' : typeof version})`}; expected "2.1.0"`;
  return undefined;
}

function resolveBase(id: string | undefined, bases: Record<string, any>, depth = 0): string | undefined {
  if (!id || depth > 10) return undefined;
  const b = bases[id];
  if (!isObj(b)) return undefined;
  const uri = str(b.uri);
  if (uri === undefined) return undefined;
  // A base whose uri is absolute is the analysis root: paths relative to it are repo-relative.
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) return undefined;
  const parent = resolveBase(str(b.uriBaseId), bases, depth + 1);
  return joinUri(parent, uri);
}

function rootsOf(run: SarifRun): string[] {
  const roots: string[] = [];
  const bases = isObj(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
  for (const b of Object.values(bases)) {
    const uri = isObj(b) ? str(b.uri) : undefined;
    if (uri && (/^file:/i.test(uri) || uri.startsWith('/'))) roots.push(fileUriToPath(uri));
  }
  for (const inv of Array.isArray(run.invocations) ? run.invocations : []) {
    const wd = isObj(inv) && isObj(inv.workingDirectory) ? str(inv.workingDirectory.uri) : undefined;
    if (wd) roots.push(fileUriToPath(wd));
  }
  return roots.map((r) => r.replace(/\/+$/, '')).filter((r) => r.length > 1);
}

function fileUriToPath(uri: string): string {
  let p = uri.replace(/^file:\/*/i, '/');
  if (/^\/[A-Za-z]:\//.test(p)) p = p.slice(1);
  try {
    p = decodeURIComponent(p);
  } catch {
    /* keep */
  }
  return p.replace(/\\/g, '/');
}

const SECRET_TOOLS =
  /gitleaks|trufflehog|detect-secrets|secretlint|ggshield|talisman|whispers|noseyparker|secret/i;

export function createRunContext(run: SarifRun, runIndex: number, file: string): RunContext {
  if (!isObj(run)) throw new UserError(`runs[${runIndex}] is not an object`, file);
  const tool = isObj(run.tool) ? run.tool : undefined;
  const driver = tool && isObj(tool.driver) ? tool.driver : undefined;
  if (!driver) throw new UserError(`runs[${runIndex}].tool.driver is missing: not a valid SARIF run`, file);
  const toolName = str(driver.name) ?? 'unknown';
  const toolVersion = str(driver.semanticVersion) ?? str(driver.version) ?? null;
  const components = [{ name: toolName, rules: Array.isArray(driver.rules) ? driver.rules : [] }];
  for (const ext of Array.isArray(tool!.extensions) ? tool!.extensions : []) {
    components.push({
      name: (isObj(ext) && str(ext.name)) || 'extension',
      rules: isObj(ext) && Array.isArray(ext.rules) ? ext.rules : [],
    });
  }
  const ruleById = new Map<string, SarifReportingDescriptor>();
  for (const c of components) {
    for (const r of c.rules) {
      if (!isObj(r)) continue;
      const id = str(r.id);
      if (id && !ruleById.has(id)) ruleById.set(id, r);
      const guid = str(r.guid);
      if (guid && !ruleById.has(guid)) ruleById.set(guid, r);
    }
  }
  const taxa = new Map<string, { id?: string; name?: string; component: string }>();
  for (const tax of Array.isArray(run.taxonomies) ? run.taxonomies : []) {
    if (!isObj(tax)) continue;
    const component = str(tax.name) ?? '';
    for (const t of Array.isArray(tax.taxa) ? tax.taxa : []) {
      if (!isObj(t)) continue;
      const entry = { id: str(t.id), name: str(t.name), component };
      if (entry.id) taxa.set(`${component}\u0000${entry.id}`, entry);
      if (str(t.guid)) taxa.set(`guid\u0000${t.guid}`, entry);
    }
  }
  const bases = isObj(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
  const baseUris: Record<string, string> = {};
  for (const k of Object.keys(bases)) {
    const r = resolveBase(k, bases);
    if (r !== undefined) baseUris[k] = r;
  }
  const errors: string[] = [];
  let success = true;
  for (const inv of Array.isArray(run.invocations) ? run.invocations : []) {
    if (!isObj(inv)) continue;
    if (inv.executionSuccessful === false) success = false;
    for (const n of Array.isArray(inv.toolExecutionNotifications) ? inv.toolExecutionNotifications : []) {
      if (isObj(n) && n.level === 'error') {
        const text = isObj(n.message) ? str(n.message.text) : undefined;
        errors.push(text ? text.slice(0, 300) : 'tool execution error');
      }
    }
  }
  const secretTool = SECRET_TOOLS.test(toolName);
  return {
    runIndex,
    toolName,
    toolVersion,
    components,
    ruleById,
    globalMessageStrings: isObj(driver.globalMessageStrings) ? driver.globalMessageStrings : {},
    baseUris,
    artifacts: Array.isArray(run.artifacts) ? run.artifacts : [],
    taxa,
    roots: rootsOf(run),
    warnings: [],
    secretTool,
    scan: { tool: { name: toolName, version: toolVersion }, categories: [], success, errors },
    categories: new Set(),
    toolClass: toolClassOf(toolName),
    ruleInfo: new Map(),
    idsOfRuleId: new Map(),
  };
}

function findRule(
  rc: RunContext,
  result: SarifResult,
  pointer: string,
): { rule: SarifReportingDescriptor | undefined; ruleId: string | undefined } {
  const ref = isObj(result.rule) ? result.rule : undefined;
  const ruleId = str(result.ruleId) ?? (ref ? str(ref.id) : undefined);
  const index =
    typeof result.ruleIndex === 'number'
      ? result.ruleIndex
      : ref && typeof ref.index === 'number'
        ? ref.index
        : undefined;
  const compIndex =
    ref && isObj(ref.toolComponent) && typeof ref.toolComponent.index === 'number'
      ? ref.toolComponent.index + 1
      : 0;
  if (index !== undefined && index >= 0) {
    const comp = rc.components[compIndex];
    const rule = comp?.rules[index];
    if (isObj(rule)) {
      const indexedId = str(rule.id);
      if (ruleId && indexedId && ruleId !== indexedId && !ruleId.startsWith(indexedId + '/'))
        rc.warnings.push(
          `${pointer}: ruleId "${ruleId}" disagrees with rule index ${index} ("${indexedId}"); the index wins`,
        );
      return { rule, ruleId: indexedId ?? ruleId };
    }
    rc.warnings.push(`${pointer}: rule index ${index} does not exist in ${comp?.name ?? 'the run'}`);
  }
  if (ruleId) {
    const rule =
      rc.ruleById.get(ruleId) ??
      rc.ruleById.get(ruleId.split('/')[0]!) ??
      (ref && str(ref.guid) ? rc.ruleById.get(ref.guid) : undefined);
    if (!rule && rc.ruleById.size > 0)
      rc.warnings.push(`${pointer}: rule "${ruleId}" is not defined in the run`);
    return { rule, ruleId };
  }
  return { rule: undefined, ruleId: undefined };
}

function formatMessage(template: string, args: unknown[]): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\d+)\}/g, (m, n: string) => {
    const a = args[Number(n)];
    return a === undefined ? m : String(a);
  });
}

function messageText(
  rc: RunContext,
  result: SarifResult,
  rule: SarifReportingDescriptor | undefined,
): string {
  const msg = isObj(result.message) ? result.message : {};
  const args = Array.isArray(msg.arguments) ? msg.arguments : [];
  const direct = str(msg.text) ?? str(msg.markdown);
  if (direct) return formatMessage(direct, args);
  const id = str(msg.id);
  if (id) {
    const strings = rule && isObj(rule.messageStrings) ? rule.messageStrings : {};
    const ms = strings[id] ?? rc.globalMessageStrings[id];
    const t = isObj(ms) ? (str(ms.text) ?? str(ms.markdown)) : undefined;
    if (t) return formatMessage(t, args);
  }
  return '';
}

function textOf(v: unknown): string | undefined {
  return isObj(v) ? (str(v.text) ?? str(v.markdown)) : undefined;
}

function collectTags(...bags: unknown[]): string[] {
  const tags: string[] = [];
  for (const b of bags) {
    if (isObj(b) && Array.isArray(b.tags)) for (const t of b.tags) if (typeof t === 'string') tags.push(t);
  }
  return tags;
}

/** The CWE ids of one property bag: its tags that mention CWE, then its cwe-like keys. */
function cwesOfBag(bag: unknown, out: string[]): void {
  if (!isObj(bag)) return;
  for (const t of Array.isArray(bag.tags) ? bag.tags : [])
    if (typeof t === 'string' && /cwe/i.test(t)) addCweText(t, out);
  for (const key of ['cwe', 'CWE', 'cwe_id', 'cweId', 'cwes']) if (key in bag) addCweText(bag[key], out);
}

function addCweText(v: unknown, out: string[]): void {
  if (typeof v === 'number' && v > 0) out.push(`CWE-${v}`);
  else if (typeof v === 'string') {
    for (const part of v.split(/[,;]/)) {
      const m = CWE_RE.exec(part);
      if (m) out.push(`CWE-${Number(m[1])}`);
    }
  } else if (Array.isArray(v)) v.forEach((x) => typeof x !== 'object' && addCweText(x, out)); // one level: hostile nesting
}

/** The CWE ids of taxa references (result.taxa, rule.relationships[].target). */
function cwesOfTaxa(rc: RunContext, refs: unknown[], out: string[]): void {
  for (const ref of refs) {
    if (!isObj(ref)) continue;
    const compName = isObj(ref.toolComponent) ? (str(ref.toolComponent.name) ?? '') : '';
    const taxon =
      (str(ref.guid) ? rc.taxa.get(`guid\u0000${ref.guid}`) : undefined) ??
      (str(ref.id) ? rc.taxa.get(`${compName}\u0000${ref.id}`) : undefined);
    const component = taxon?.component ?? compName;
    if (!/cwe/i.test(component)) continue;
    const id = taxon?.id ?? str(ref.id);
    if (id && /^\d+$/.test(id)) out.push(`CWE-${Number(id)}`);
    else if (id) addCweText(id, out);
    else if (taxon?.name) addCweText(taxon.name, out);
  }
}

/**
 * CWE ids in this order, without repeats: the rule's property bag, the result's, the result's taxa,
 * the rule's relationships (the rule's parts come from its RuleInfo).
 */
function cwesFrom(rc: RunContext, info: RuleInfo, result: SarifResult): string[] {
  const out = info.cweBag.slice();
  cwesOfBag(result.properties, out);
  if (Array.isArray(result.taxa)) cwesOfTaxa(rc, result.taxa, out);
  for (const c of info.cweRel) out.push(c);
  return out.length > 1 ? [...new Set(out)] : out;
}

const VULN_ID_KEYS = ['cve', 'cves', 'CVE', 'cveId', 'ghsa', 'ghsaId', 'vulnerabilityId', 'aliases'];
/** Every CVE/GHSA match needs one of these (case-insensitive): text without them is skipped. */
const MAY_HAVE_ID = /cve-|ghsa-/i;

/** CVE ids (upper-cased) then GHSA ids found in `s`, appended to `out`. */
function idsIn(s: string, out: string[]): void {
  if (!MAY_HAVE_ID.test(s)) return;
  for (const m of s.matchAll(CVE_RE)) out.push(m[1]!.toUpperCase());
  for (const m of s.matchAll(GHSA_RE)) out.push(m[1]!);
}

function idsInBag(bag: unknown, out: string[]): void {
  if (!isObj(bag)) return;
  for (const key of VULN_ID_KEYS) {
    const v = bag[key];
    if (typeof v === 'string') idsIn(v, out);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') idsIn(x, out);
  }
}

function idsOfRuleId(rc: RunContext, ruleId: string): string[] {
  let ids = rc.idsOfRuleId.get(ruleId);
  if (ids === undefined) {
    ids = [];
    idsIn(ruleId, ids);
    if (rc.idsOfRuleId.size < 100_000) rc.idsOfRuleId.set(ruleId, ids);
  }
  return ids;
}

/**
 * CVE/GHSA ids in this order, without repeats: the ruleId, the tags (the rule's, then the
 * result's), the result's properties, the rule's properties.
 */
function vulnIdsFrom(
  rc: RunContext,
  ruleId: string | undefined,
  info: RuleInfo,
  resultTags: readonly string[],
  resultProps: unknown,
): string[] {
  const out: string[] = ruleId ? idsOfRuleId(rc, ruleId).slice() : [];
  for (const id of info.tagIds) out.push(id);
  for (const t of resultTags) idsIn(t, out);
  idsInBag(resultProps, out);
  for (const id of info.propIds) out.push(id);
  return out.length > 1 ? [...new Set(out)] : out;
}

const IAC_TOOLS =
  /checkov|kics|tfsec|terrascan|tflint|hadolint|cfn[-_ ]?(lint|nag)|kube-?score|kubesec|kube-linter|conftest|snyk iac|trivy.*config|defsec/i;
const SCA_TOOLS =
  /grype|dependency[- ]check|osv|npm audit|retire|snyk open source|snyk$|pip-audit|govulncheck|dependabot|bundler-audit|safety|owasp/i;
const DAST_TOOLS = /zap|zaproxy|burp|nuclei|arachni|nikto|wapiti|stackhawk/i;
const MOBILE_TOOLS = /mobsf|qark|androbugs/i;
const MANIFEST_RE =
  /(package(-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|requirements[^/]*\.txt|Pipfile(\.lock)?|poetry\.lock|pom\.xml|build\.gradle(\.kts)?|gradle\.lockfile|go\.(mod|sum)|Cargo\.(toml|lock)|Gemfile(\.lock)?|composer\.(json|lock)|packages\.lock\.json|\.csproj|\.jar|\.war|\.ear|\.whl|\.egg|node_modules\/)/i;

/** What a tool's name says, for inferCategory: computed once per run. */
export interface ToolClass {
  secret: boolean;
  mobile: boolean;
  dast: boolean;
  iac: boolean;
  sca: boolean;
  /** a code scanner whose CVE-looking results are still code findings */
  code: boolean;
  container: boolean;
  trivy: boolean;
}

export function toolClassOf(toolName: string): ToolClass {
  const t = toolName.toLowerCase();
  return {
    secret: SECRET_TOOLS.test(t),
    mobile: MOBILE_TOOLS.test(t),
    dast: DAST_TOOLS.test(t),
    iac: IAC_TOOLS.test(t),
    sca: SCA_TOOLS.test(t),
    code: /snyk ?code|codeql|semgrep code/i.test(t),
    container: /trivy|grype|clair|anchore|docker scout|aws inspector/i.test(t),
    trivy: /trivy/.test(t),
  };
}

const TAG_SECRET = 1;
const TAG_LICENSE = 2;
const TAG_IAC = 4;
const TAG_VULN = 8;

/** The tags inferCategory looks at (compared lower-cased), as bits. */
function tagBitsOf(tags: readonly string[]): number {
  let bits = 0;
  for (const t of tags) {
    switch (t.toLowerCase()) {
      case 'secret':
      case 'secrets':
        bits |= TAG_SECRET;
        break;
      case 'license':
        bits |= TAG_LICENSE;
        break;
      case 'misconfiguration':
      case 'iac':
        bits |= TAG_IAC;
        break;
      case 'vulnerability':
        bits |= TAG_VULN;
        break;
    }
  }
  return bits;
}

function categoryOf(
  tc: ToolClass,
  tagBits: number,
  vulnIdCount: number,
  ruleId: string | undefined,
  file: string | undefined,
): Category {
  if (tc.secret || tagBits & TAG_SECRET) return 'secret';
  if (tagBits & TAG_LICENSE) return 'license';
  if (tc.mobile) return 'mobile';
  if (tc.dast) return 'dast';
  if (tc.iac || tagBits & TAG_IAC) return 'iac';
  const isVuln = vulnIdCount > 0 || (tagBits & TAG_VULN) !== 0 || tc.sca;
  if (isVuln && !tc.code) {
    if (file && MANIFEST_RE.test(file)) return 'sca';
    if (tc.container) return 'container';
    return 'sca';
  }
  if (tc.trivy && ruleId && /^(AVD-|DS\d|KSV|AWS|AZU|GCP)/.test(ruleId)) return 'iac';
  return 'sast';
}

export function inferCategory(
  toolName: string,
  ruleId: string | undefined,
  tags: string[],
  vulnIds: string[],
  file: string | undefined,
): Category {
  return categoryOf(toolClassOf(toolName), tagBitsOf(tags), vulnIds.length, ruleId, file);
}

type Sev = { severity: Severity; severity_source: SeveritySource; source_severity: string | null };
const SEVERITY_KEYS = ['severity', 'Severity', 'DevSkimSeverity', 'issue_severity', 'impact', 'risk'];

/** The first severity word of a property bag (SEVERITY_KEYS order). */
function wordSeverityOf(bag: Record<string, any>): Sev | undefined {
  for (const key of SEVERITY_KEYS) {
    const v = bag[key];
    const s = typeof v === 'string' ? wordToSeverity(v) : undefined;
    if (s) return { severity: s, severity_source: 'tool', source_severity: String(v) };
  }
  return undefined;
}

/**
 * Everything a result takes from its rule, derived once per rule object: most results of a run
 * share a few hundred rules, and these lookups, regexes and allocations were most of the per-result
 * work. Each field is what resultToDraft computed from `rule` before, unchanged.
 */
export interface RuleInfo {
  /** rule.properties when an object */
  props: Record<string, any> | undefined;
  tags: string[];
  tagBits: number;
  /** CVE/GHSA ids in the rule's tags, and in its properties */
  tagIds: string[];
  propIds: string[];
  defaultLevel: string | undefined;
  /** severity from the rule's security-severity, and from its severity words */
  secSev: Sev | undefined;
  wordSev: Sev | undefined;
  /** CWE ids from the rule's property bag, and from its relationships */
  cweBag: string[];
  cweRel: string[];
  ruleTitle: string | undefined;
  ruleName: string | null;
  fullDescription: string | undefined;
  toolConfidence: string | null;
  helpUri: string | null;
  cvssScore: number;
  /** SECRET_PROPS values of rule.properties (pushed to the file's secrets for each result) */
  secretValues: string[];
  /** offender ?? secret ?? match of rule.properties */
  offender: string | undefined;
}

function makeRuleInfo(rc: RunContext, rule: SarifReportingDescriptor | undefined): RuleInfo {
  const props = rule && isObj(rule.properties) ? rule.properties : undefined;
  const tags = collectTags(props);
  const tagIds: string[] = [];
  for (const t of tags) idsIn(t, tagIds);
  const propIds: string[] = [];
  idsInBag(props, propIds);
  const cweBag: string[] = [];
  cwesOfBag(props, cweBag);
  const cweRel: string[] = [];
  if (rule && Array.isArray(rule.relationships))
    cwesOfTaxa(
      rc,
      rule.relationships.map((r: any) => r?.target),
      cweRel,
    );
  const fromRule = props ? scoreOrWordToSeverity(props['security-severity']) : undefined;
  const ruleTitle = textOf(rule?.shortDescription) ?? str(rule?.name);
  const secretValues: string[] = [];
  if (props)
    for (const k of SECRET_PROPS)
      if (typeof props[k] === 'string' && props[k].length >= 4) secretValues.push(props[k]);
  return {
    props,
    tags,
    tagBits: tagBitsOf(tags),
    tagIds,
    propIds,
    defaultLevel: rule && isObj(rule.defaultConfiguration) ? str(rule.defaultConfiguration.level) : undefined,
    secSev: fromRule
      ? {
          severity: fromRule,
          severity_source: 'security-severity-rule',
          source_severity: String(props!['security-severity']),
        }
      : undefined,
    wordSev: wordSeverityOf(props ?? {}),
    cweBag,
    cweRel,
    ruleTitle,
    ruleName: str(rule?.name) ?? ruleTitle ?? null,
    fullDescription: textOf(rule?.fullDescription),
    toolConfidence: props ? (str(props.precision) ?? null) : null,
    helpUri: str(rule?.helpUri) ?? null,
    cvssScore: Number(props ? props['security-severity'] : NaN),
    secretValues,
    offender: props ? (str(props.offender) ?? str(props.secret) ?? str(props.match)) : undefined,
  };
}

let noRuleInfo: RuleInfo | undefined;

function ruleInfoOf(rc: RunContext, rule: SarifReportingDescriptor | undefined): RuleInfo {
  if (rule === undefined) return (noRuleInfo ??= makeRuleInfo(rc, undefined)); // uses nothing of rc
  let info = rc.ruleInfo.get(rule);
  if (!info) {
    info = makeRuleInfo(rc, rule);
    rc.ruleInfo.set(rule, info);
  }
  return info;
}

function severityOf(result: SarifResult, info: RuleInfo, level: string): Sev {
  const rp = isObj(result.properties) ? result.properties : undefined;
  const fromResult = rp ? scoreOrWordToSeverity(rp['security-severity']) : undefined;
  if (fromResult)
    return {
      severity: fromResult,
      severity_source: 'security-severity-result',
      source_severity: String(rp!['security-severity']),
    };
  if (info.secSev) return { ...info.secSev };
  const fromWord = (rp && wordSeverityOf(rp)) ?? info.wordSev;
  if (fromWord) return { ...fromWord };
  return { severity: levelToSeverity(level), severity_source: 'level', source_severity: level };
}

function suppressionOf(result: SarifResult): { suppression: Suppression | null; suppressed: boolean } {
  const list = Array.isArray(result.suppressions) ? result.suppressions.filter(isObj) : [];
  if (list.length === 0) return { suppression: null, suppressed: false };
  // SARIF §3.27.23 / sarif-sdk: suppressed only when every suppression is accepted (or has no status).
  const suppressed = list.every((s) => s.status === undefined || s.status === 'accepted');
  const first = list.find((s) => s.status === undefined || s.status === 'accepted') ?? list[0]!;
  return {
    suppressed,
    suppression: {
      kind: str(first.kind) ?? 'unknown',
      status: str(first.status) ?? (suppressed ? 'accepted' : null),
      justification: str(first.justification) ?? null,
    },
  };
}

function packageFromMessage(text: string): Package | null {
  // Trivy: "Package: libssl1.1\nInstalled Version: 1.1.1c-r0\n...Fixed Version: 1.1.1d-r0"
  const trivy = /Package: ([^\n]+)\nInstalled Version: ([^\n]+)/.exec(text);
  if (trivy) {
    const fixed = /Fixed Version: ([^\n]*)/.exec(text)?.[1]?.trim();
    return {
      name: trivy[1]!.trim(),
      version: trivy[2]!.trim(),
      fixed_version: fixed || null,
      ecosystem: null,
      purl: null,
    };
  }
  // Grype: "The path X reports NAME at version VERSION  which would result in a vulnerable (TYPE) package"
  const grype = /reports (\S+) at version (\S+)\s+which would result in a vulnerable \(([^)]+)\)/.exec(text);
  if (grype)
    return { name: grype[1]!, version: grype[2]!, fixed_version: null, ecosystem: grype[3]!, purl: null };
  return null;
}

const SECRET_PROPS = ['offender', 'secret', 'match', 'Match', 'Secret', 'secretValue', 'raw'];

/** Normalize one SARIF result; undefined when it is not a finding (kind pass/informational/notApplicable). */
export function resultToDraft(
  rc: RunContext,
  result: SarifResult,
  resultIndex: number,
  secrets: string[],
): Draft | undefined {
  const pointer = `/runs/${rc.runIndex}/results/${resultIndex}`;
  if (!isObj(result)) {
    rc.warnings.push(`${pointer}: result is not an object; skipped`);
    return undefined;
  }
  const kind = str(result.kind) ?? 'fail';
  if (NOT_FINDINGS.has(kind)) return undefined;
  const { rule, ruleId } = findRule(rc, result, pointer);
  const info = ruleInfoOf(rc, rule);
  const levelGiven = str(result.level) ?? info.defaultLevel;
  const level = levelGiven ?? 'warning';
  const rp = isObj(result.properties) ? result.properties : undefined;
  const resultTags = rp ? collectTags(rp) : [];
  const tags = resultTags.length > 0 ? info.tags.concat(resultTags) : info.tags.slice();
  const vulnIds = vulnIdsFrom(rc, ruleId, info, resultTags, rp);
  const loc0 = Array.isArray(result.locations) ? result.locations.find(isObj) : undefined;
  const phys = loc0 && isObj(loc0.physicalLocation) ? loc0.physicalLocation : undefined;
  let al = phys && isObj(phys.artifactLocation) ? phys.artifactLocation : undefined;
  if (al && str(al.uri) === undefined && typeof al.index === 'number') {
    const art = rc.artifacts[al.index];
    if (isObj(art) && isObj(art.location)) al = { ...art.location, ...al, uri: art.location.uri };
  }
  let file: string | undefined;
  if (al && str(al.uri)) {
    const joined = joinUri(rc.baseUris[str(al.uriBaseId) ?? ''], al.uri as string);
    // Absolute URIs under the analysis root (originalUriBaseIds, workingDirectory) become repo-relative.
    file = cleanPath(joined, rc.roots) ?? joined;
  }
  const region = phys && isObj(phys.region) ? phys.region : undefined;
  const logical =
    loc0 && Array.isArray(loc0.logicalLocations) && isObj(loc0.logicalLocations[0])
      ? (str(loc0.logicalLocations[0].fullyQualifiedName) ?? str(loc0.logicalLocations[0].name))
      : undefined;

  // Secret-bearing fields: remember their values for redaction, never copy them.
  if (rp)
    for (const k of SECRET_PROPS) if (typeof rp[k] === 'string' && rp[k].length >= 4) secrets.push(rp[k]);
  for (const v of info.secretValues) secrets.push(v);
  const category = categoryOf(
    rc.toolClass,
    resultTags.length > 0 ? info.tagBits | tagBitsOf(resultTags) : info.tagBits,
    vulnIds.length,
    ruleId,
    file,
  );
  let secret: string | null = null;
  if (category === 'secret') {
    const snippet = region && isObj(region.snippet) ? str(region.snippet.text) : undefined;
    const offender =
      (rp ? (str(rp.offender) ?? str(rp.secret) ?? str(rp.match)) : undefined) ?? info.offender;
    secret = offender ?? snippet?.trim() ?? null;
    if (snippet) secrets.push(snippet.trim());
  }
  rc.categories.add(category);

  const text = messageText(rc, result, rule);
  const nl = text.indexOf('\n');
  const firstLine = (nl < 0 ? text : text.slice(0, nl)).trim();
  const ruleTitle = info.ruleTitle;
  const title = (nl >= 0 && ruleTitle) || firstLine || ruleTitle || ruleId || 'SARIF result';
  let sev = severityOf(result, info, level);
  // METRICS.md: secrets default to critical unless the tool says otherwise; an absent level says nothing.
  if (category === 'secret' && sev.severity_source === 'level' && levelGiven === undefined)
    sev = { severity: 'critical', severity_source: 'default', source_severity: null };
  const { suppression, suppressed } = suppressionOf(result);
  const baseline = str(result.baselineState) ?? null;
  const fps =
    isObj(result.fingerprints) && Object.keys(result.fingerprints).length > 0
      ? result.fingerprints
      : isObj(result.partialFingerprints)
        ? result.partialFingerprints
        : {};
  const fingerprints: Record<string, string> = {};
  for (const k of Object.keys(fps)) {
    const v = fps[k];
    if (typeof v !== 'string') continue;
    // Secret scanners sometimes embed the secret (or commit:file:rule:secret) in fingerprints.
    if (category === 'secret' && secret && v.includes(secret)) continue;
    fingerprints[k] = v;
  }
  const pkg =
    category === 'sca' || category === 'container' || category === 'license'
      ? packageFromMessage(text)
      : null;
  const cvssScore = info.cvssScore;
  const commit = category === 'secret' && rp ? str(rp.commit) : undefined;

  return {
    title,
    description: text || info.fullDescription || null,
    category,
    rule_id: ruleId ?? null,
    rule_name: info.ruleName,
    ...sev,
    tool: rc.toolName,
    tool_version: rc.toolVersion,
    tool_confidence: info.toolConfidence,
    state: suppressed ? 'suppressed' : baseline === 'absent' ? 'fixed' : 'open',
    state_reason:
      baseline === 'absent' ? 'baselineState absent: reported in the baseline, not in this run' : null,
    cwe: cwesFrom(rc, info, result),
    cve: vulnIds,
    cvss:
      (category === 'sca' || category === 'container') &&
      Number.isFinite(cvssScore) &&
      cvssScore >= 0 &&
      cvssScore <= 10
        ? { score: cvssScore, vector: null, version: null }
        : null,
    package: pkg,
    location: {
      file: file ?? null,
      start_line: region && typeof region.startLine === 'number' ? region.startLine : null,
      end_line: region && typeof region.endLine === 'number' ? region.endLine : null,
      resource: file ? null : (logical ?? null),
    },
    fingerprints,
    baseline_state: baseline,
    suppression,
    tags,
    help_uri: info.helpUri,
    pointer,
    secret,
    identity_hint: commit ?? null,
  };
}

/**
 * Category a tool evidences by its name alone, for runs with no results: a clean run of a known
 * scanner is coverage (and lets the aggregator close what it no longer reports). Unknown tools: none.
 */
export function categoryOfTool(toolName: string): Category | undefined {
  const t = toolName.toLowerCase();
  if (SECRET_TOOLS.test(t)) return 'secret';
  if (MOBILE_TOOLS.test(t)) return 'mobile';
  if (DAST_TOOLS.test(t)) return 'dast';
  if (IAC_TOOLS.test(t)) return 'iac';
  if (SCA_TOOLS.test(t)) return 'sca';
  if (
    /codeql|semgrep|bandit|gosec|brakeman|eslint|spotbugs|sonar|snyk ?code|devskim|flawfinder|psalm|phpstan/.test(
      t,
    )
  )
    return 'sast';
  return undefined;
}

export function finishRun(rc: RunContext): ScanEvidence {
  if (rc.categories.size === 0) {
    const c = categoryOfTool(rc.toolName);
    if (c) rc.categories.add(c);
  }
  return { ...rc.scan, categories: [...rc.categories].sort() };
}

function detect(s: { doc?: unknown; head: string }): number {
  const d = s.doc;
  if (isObj(d)) {
    if (!Array.isArray(d.runs)) return 0;
    const schema = typeof d.$schema === 'string' ? d.$schema : '';
    if (/sarif/i.test(schema) || typeof d.version === 'string') return 1;
    return 0.6;
  }
  return /"\$schema"\s*:\s*"[^"]*sarif/i.test(s.head) ||
    (/"runs"\s*:/.test(s.head) && /"version"\s*:\s*"2\.1/.test(s.head))
    ? 0.9
    : 0;
}

export function parseSarif(doc: unknown, ctx: { file: string }): ParseOutput {
  if (!isObj(doc) || !Array.isArray((doc as SarifLog).runs))
    throw new UserError('not a SARIF log: expected an object with a "runs" array', ctx.file);
  const verr = sarifVersionError(doc);
  if (verr) throw new UserError(verr, ctx.file);
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  (doc as SarifLog).runs.forEach((run, runIndex) => {
    const rc = createRunContext(run, runIndex, ctx.file);
    const results = Array.isArray(run.results) ? run.results : [];
    results.forEach((r, i) => {
      const d = resultToDraft(rc, r, i, out.secrets);
      if (d) out.findings.push(d);
    });
    out.scans.push(finishRun(rc));
    out.warnings.push(...rc.warnings);
  });
  return out;
}

export const sarifParser: Parser = {
  id: 'sarif',
  input: 'json',
  docs: {
    title: 'SARIF 2.1.0 (any tool)',
    produce:
      'CodeQL: `codeql database analyze db --format=sarif-latest --output=codeql.sarif`; Semgrep: `semgrep scan --sarif -o semgrep.sarif`; Trivy: `trivy image --format sarif -o trivy.sarif IMAGE`; most scanners have a SARIF option',
    takes:
      'one record per result of kind fail/open/review (absent = fail); rule, level/security-severity, CWE (tags, properties, taxa), CVE/GHSA, message, repo-relative path and lines, fingerprints, suppressions, baselineState, tool name and version; snippets are never copied',
  },
  detect,
  parse: parseSarif,
};
