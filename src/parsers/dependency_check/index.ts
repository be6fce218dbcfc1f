import type { Cvss, Package } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';
import { cvssOf, cwesOf, isObj, num, type Obj, pickSeverity, purlType, vulnIds } from '../sca-common.js';

/* Dependency-Check writes XML (default, schema dependency-check.2.x.xsd, parsed with `@_` attributes)
 * and JSON (`--format JSON`, reportSchema 1.1). Both are read into one shape first. */

interface Vuln {
  raw: Obj;
  pointer: string;
  suppressed: boolean;
}

interface Dep {
  pointer: string;
  fileName: string | null;
  filePath: string | null;
  purls: string[];
  mavenIds: string[];
  related: string[];
  vulns: Vuln[];
  /** Best product / version evidence, for dependencies without a package identifier. */
  product?: string;
  version?: string;
}

function list(v: unknown): unknown[] {
  return v == null ? [] : Array.isArray(v) ? v : [v];
}

/** Text of an XML node (a string, or `#text` of a node with attributes), or a JSON string. */
function text(v: unknown): string | undefined {
  if (isObj(v)) return text(v['#text']);
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function purlToPackage(purl: string): Pick<Package, 'name' | 'version' | 'ecosystem'> | undefined {
  const m = /^pkg:([^/]+)\/(.+?)(?:@([^?#]+))?(?:[?#].*)?$/.exec(purl);
  if (!m) return undefined;
  const type = m[1]!.toLowerCase();
  const segs = m[2]!.split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const name = segs.pop()!;
  const ns = segs.join('/');
  let version: string | null = null;
  if (m[3]) {
    try {
      version = decodeURIComponent(m[3]);
    } catch {
      version = m[3];
    }
  }
  return {
    name: ns ? (type === 'maven' ? `${ns}:${name}` : `${ns}/${name}`) : name,
    version,
    ecosystem: type,
  };
}

function packageOf(d: Dep): Package {
  for (const purl of d.purls) {
    const p = purlToPackage(purl);
    if (p) return { ...p, fixed_version: null, purl };
  }
  for (const id of d.mavenIds) {
    const parts = id.split(':');
    if (parts.length >= 3)
      return {
        name: `${parts[0]}:${parts[1]}`,
        version: parts[2]!,
        fixed_version: null,
        ecosystem: 'maven',
        purl: null,
      };
  }
  if (d.product)
    return { name: d.product, version: d.version ?? null, fixed_version: null, ecosystem: null, purl: null };
  // No identifier, no evidence: the file name (a jar, a dll, a lock file entry) is all there is.
  const file = (d.fileName ?? d.filePath?.split(/[\\/]/).pop() ?? 'unknown').split(': ').pop()!;
  const m = /^(.+?)-(\d[\w.+-]*?)(?:\.(?:jar|war|ear|dll|exe|js|whl|egg|gem|nupkg|zip|tar\.gz))?$/i.exec(
    file,
  );
  return {
    name: m ? m[1]! : file,
    version: m ? m[2]! : null,
    fixed_version: null,
    ecosystem: purlType(undefined),
    purl: null,
  };
}

const V3_METRICS: Array<[string, string]> = [
  ['AV', 'attackVector'],
  ['AC', 'attackComplexity'],
  ['PR', 'privilegesRequired'],
  ['UI', 'userInteraction'],
  ['S', 'scope'],
  ['C', 'confidentialityImpact'],
  ['I', 'integrityImpact'],
  ['A', 'availabilityImpact'],
];

/** Dependency-Check spells the v3 metrics out (NETWORK or N); the first letter is the vector value. */
function v3Vector(v3: Obj): string | null {
  const parts: string[] = [];
  for (const [k, field] of V3_METRICS) {
    const val = text(v3[field]);
    if (!val) return null;
    parts.push(`${k}:${val[0]!.toUpperCase()}`);
  }
  return `CVSS:${text(v3.version) ?? '3.1'}/${parts.join('/')}`;
}

function cvssFrom(v: Obj): Cvss | null {
  const v3 = isObj(v.cvssV3) ? v.cvssV3 : isObj(v.cvssv3) ? v.cvssv3 : undefined;
  if (v3 && num(text(v3.baseScore)) !== undefined)
    return cvssOf(num(text(v3.baseScore)), text(v3.vectorString) ?? v3Vector(v3), text(v3.version) ?? '3.x');
  const v2 = isObj(v.cvssV2) ? v.cvssV2 : isObj(v.cvssv2) ? v.cvssv2 : undefined;
  if (v2 && num(text(v2.score)) !== undefined)
    return cvssOf(num(text(v2.score)), text(v2.vectorString) ?? null, '2.0');
  // Schema 1.x: flat cvssScore.
  if (num(text(v.cvssScore)) !== undefined) return cvssOf(num(text(v.cvssScore)), null, '2.0');
  return null;
}

function vulnDraft(d: Dep, pkg: Package, file: string | null, x: Vuln): Draft | undefined {
  const v = x.raw;
  const name = text(v.name);
  if (!name) return undefined;
  const source = text(v['@_source']) ?? text(v.source);
  const ruleId = source === 'NPM' && /^\d+$/.test(name) ? `NPM-${name}` : name;
  const cvss = cvssFrom(v);
  const sevWord = text(v.severity);
  const sev = pickSeverity(sevWord, cvss, 'medium');
  const ids = /^(CVE-\d{4}-\d+|GHSA(-[a-z0-9]{4}){3})$/i.test(name) ? [name] : [];
  const cwes = cwesOf(text(v.cwe), list(isObj(v.cwes) ? v.cwes.cwe : v.cwes).map(text));
  const refs = list(isObj(v.references) ? v.references.reference : v.references).filter(isObj);
  const notes = text(v.notes);
  const description = [
    text(v.description)
      ?.replace(/[ \t]*\n[ \t]*/g, '\n')
      .slice(0, 600),
    d.related.length ? `Also found in: ${d.related.slice(0, 10).join(', ')}` : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    title: [ruleId, pkg.name, pkg.version].filter(Boolean).join(' '),
    description: description || null,
    category: 'sca',
    rule_id: ruleId,
    ...sev,
    state: x.suppressed ? 'suppressed' : 'open',
    state_reason: x.suppressed
      ? `suppressed by a Dependency-Check suppression rule${notes ? `: ${notes}` : ''}`
      : null,
    suppression: x.suppressed
      ? { kind: 'dependency-check-suppression', status: 'accepted', justification: notes ?? null }
      : null,
    cwe: cwes,
    cve: vulnIds(ids),
    cvss,
    package: pkg,
    location: { file },
    tags: source ? [`source:${source}`] : [],
    help_uri: refs.map((r) => text(r.url)).find(Boolean) ?? null,
    pointer: x.pointer,
  };
}

function depFile(d: Dep): string | null {
  // Virtual dependencies (from a lock file) carry `?<package>` after the manifest path.
  const p = d.filePath?.replace(/\?[^/\\]*$/, '').replace(/\\+/g, '/') ?? null;
  return p ?? d.fileName;
}

const CONFIDENCE = ['HIGHEST', 'HIGH', 'MEDIUM', 'LOW'];

/** The most confident evidence value of a type (product, version). */
function bestEvidence(items: unknown[], type: string): string | undefined {
  const of = items.filter((e): e is Obj => isObj(e) && (text(e['@_type']) ?? text(e.type)) === type);
  of.sort(
    (a, b) =>
      CONFIDENCE.indexOf(text(a['@_confidence']) ?? text(a.confidence) ?? 'LOW') -
      CONFIDENCE.indexOf(text(b['@_confidence']) ?? text(b.confidence) ?? 'LOW'),
  );
  return of.map((e) => text(e.value)).find(Boolean);
}

function evidenceOf(ev: unknown): { product?: string; version?: string } {
  if (!isObj(ev)) return {};
  // XML: <evidence type="product">; JSON: productEvidence[] / versionEvidence[].
  const typed = [
    ...list(ev.evidence),
    ...list(ev.productEvidence).map((e) => (isObj(e) ? { ...e, type: 'product' } : e)),
    ...list(ev.versionEvidence).map((e) => (isObj(e) ? { ...e, type: 'version' } : e)),
  ];
  return { product: bestEvidence(typed, 'product'), version: bestEvidence(typed, 'version') };
}

function fromXml(analysis: Obj, out: ParseOutput): Dep[] {
  const deps = list(isObj(analysis.dependencies) ? analysis.dependencies.dependency : undefined);
  return deps.flatMap((raw, di) => {
    const pointer = `/analysis/dependencies/dependency[${di + 1}]`;
    if (!isObj(raw)) {
      out.warnings.push(`${pointer}: not an element; skipped`);
      return [];
    }
    const idBlocks = [
      raw.identifiers,
      isObj(raw.identifiers) ? raw.identifiers.identifiers : undefined,
    ].filter(isObj);
    const purls = idBlocks.flatMap((b) => list(b.package).map((p) => (isObj(p) ? text(p.id) : text(p))));
    const mavenIds = idBlocks.flatMap((b) =>
      list(b.identifier)
        .filter((i): i is Obj => isObj(i) && text(i['@_type']) === 'maven')
        .map((i) => text(i.name)),
    );
    const vulnsEl = isObj(raw.vulnerabilities) ? raw.vulnerabilities : {};
    const sup = isObj(raw.suppressedVulnerabilities) ? raw.suppressedVulnerabilities : {};
    const vulns: Vuln[] = [
      ...list(vulnsEl.vulnerability).map((v, i) => ({
        v,
        p: `${pointer}/vulnerabilities/vulnerability[${i + 1}]`,
        s: false,
      })),
      ...list(vulnsEl.suppressedVulnerability).map((v, i) => ({
        v,
        p: `${pointer}/vulnerabilities/suppressedVulnerability[${i + 1}]`,
        s: true,
      })),
      ...list(sup.suppressedVulnerability ?? sup.vulnerability).map((v, i) => ({
        v,
        p: `${pointer}/suppressedVulnerabilities/suppressedVulnerability[${i + 1}]`,
        s: true,
      })),
    ].flatMap(({ v, p, s }) => (isObj(v) ? [{ raw: v, pointer: p, suppressed: s }] : []));
    const related = list(
      isObj(raw.relatedDependencies) ? raw.relatedDependencies.relatedDependency : undefined,
    )
      .map((r) => (isObj(r) ? (text(r.filePath) ?? text(r.fileName)) : undefined))
      .filter((x): x is string => !!x);
    return [
      {
        pointer,
        fileName: text(raw.fileName) ?? null,
        filePath: text(raw.filePath) ?? null,
        purls: purls.filter((x): x is string => !!x),
        mavenIds: mavenIds.filter((x): x is string => !!x),
        related,
        vulns,
        ...evidenceOf(raw.evidenceCollected),
      },
    ];
  });
}

function fromJson(doc: Obj, out: ParseOutput): Dep[] {
  return list(doc.dependencies).flatMap((raw, di) => {
    const pointer = `/dependencies/${di}`;
    if (!isObj(raw)) {
      out.warnings.push(`${pointer}: not an object; skipped`);
      return [];
    }
    const vulns: Vuln[] = [
      ...list(raw.vulnerabilities).map((v, i) => ({ v, p: `${pointer}/vulnerabilities/${i}`, s: false })),
      ...list(raw.suppressedVulnerabilities).map((v, i) => ({
        v,
        p: `${pointer}/suppressedVulnerabilities/${i}`,
        s: true,
      })),
    ].flatMap(({ v, p, s }) => (isObj(v) ? [{ raw: v, pointer: p, suppressed: s }] : []));
    return [
      {
        pointer,
        fileName: text(raw.fileName) ?? null,
        filePath: text(raw.filePath) ?? null,
        purls: list(raw.packages)
          .map((p) => (isObj(p) ? text(p.id) : undefined))
          .filter((x): x is string => !!x),
        mavenIds: [],
        related: list(raw.relatedDependencies)
          .map((r) => (isObj(r) ? (text(r.filePath) ?? text(r.fileName)) : undefined))
          .filter((x): x is string => !!x),
        vulns,
        ...evidenceOf(raw.evidenceCollected),
      },
    ];
  });
}

function parseDependencyCheck(doc: unknown, ctx: { file: string }): ParseOutput {
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  let deps: Dep[];
  let scanInfo: unknown;
  if (isObj(doc) && isObj(doc.analysis)) {
    deps = fromXml(doc.analysis, out);
    scanInfo = doc.analysis.scanInfo;
  } else if (
    isObj(doc) &&
    Array.isArray(doc.dependencies) &&
    (isObj(doc.scanInfo) || 'reportSchema' in doc)
  ) {
    deps = fromJson(doc, out);
    scanInfo = doc.scanInfo;
  } else {
    throw new UserError(
      'not an OWASP Dependency-Check report: expected XML with an <analysis> root, or the JSON report with "scanInfo" and a "dependencies" array',
      ctx.file,
    );
  }
  for (const d of deps) {
    const pkg = packageOf(d);
    const file = depFile(d);
    for (const x of d.vulns) {
      const draft = vulnDraft(d, pkg, file, x);
      if (draft) out.findings.push(draft);
      else out.warnings.push(`${x.pointer}: vulnerability without a name; skipped`);
    }
  }
  const version = isObj(scanInfo) ? (text(scanInfo.engineVersion) ?? null) : null;
  for (const d of out.findings) d.tool_version = version;
  out.scans.push({
    tool: { name: 'OWASP Dependency-Check', version },
    categories: ['sca'],
    success: true,
    errors: [],
  });
  return out;
}

function detectXml(s: Sniff): number {
  const d = s.doc;
  if (!isObj(d) || !isObj(d.analysis)) return 0;
  const ns = text(d.analysis['@_xmlns']) ?? '';
  if (/dependency-?check/i.test(ns)) return 1;
  return 'dependencies' in d.analysis && 'scanInfo' in d.analysis ? 0.8 : 0;
}

function detectJson(s: Sniff): number {
  const d = s.doc;
  return isObj(d) && Array.isArray(d.dependencies) && isObj(d.scanInfo) && 'engineVersion' in d.scanInfo
    ? 1
    : 0;
}

const TAKES =
  'one record per vulnerability per dependency, suppressed vulnerabilities kept as suppressed; CVE/advisory name, severity, CVSS v3 (else v2), CWE, package from the purl/Maven identifier (else the file name), the dependency path, related dependencies in the description';

export const dependencyCheckParser: Parser = {
  id: 'dependency_check',
  input: 'xml',
  docs: {
    title: 'OWASP Dependency-Check XML',
    produce:
      '`dependency-check.sh --scan . --format XML --out dependency-check-report.xml` (the Maven/Gradle plugins write the same report)',
    takes: TAKES,
  },
  detect: detectXml,
  parse: parseDependencyCheck,
};

/** The JSON report: a separate id only because a parser declares one input kind. */
export const dependencyCheckJsonParser: Parser = {
  id: 'dependency_check_json',
  input: 'json',
  docs: {
    title: 'OWASP Dependency-Check JSON',
    produce: '`dependency-check.sh --scan . --format JSON --out dependency-check-report.json`',
    takes: TAKES,
  },
  detect: detectJson,
  parse: parseDependencyCheck,
};
