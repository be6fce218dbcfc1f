import type { Category } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';
import {
  arr,
  cmpVersion,
  cvssOf,
  cwesOf,
  isObj,
  type Obj,
  pickSeverity,
  str,
  strings,
  vulnIds,
} from '../sca-common.js';

const OS_MANAGERS = /^(deb|apk|rpm|linux|dockerfile)$/i;

interface ProjectCtx {
  base: string;
  manager: string | null;
  file: string | null;
  image: string | null;
  container: boolean;
}

/** `docker-image|nginx@1.25` → `nginx:1.25` (Snyk writes name@tag for the image root of `from`). */
function imageRef(root: string | undefined): string | null {
  if (!root) return null;
  const r = root.replace(/^docker-image\|/, '');
  return /@sha256:/.test(r) ? r : r.replace(/@([^@/]+)$/, ':$1');
}

/** `fixedIn` lists a fix per release line; the lowest one above the installed version is the one to take. */
function fixedFor(version: string | null, fixedIn: string[]): string | null {
  if (fixedIn.length === 0) return null;
  const sorted = [...fixedIn].sort(cmpVersion);
  return (version ? sorted.find((f) => cmpVersion(f, version) > 0) : undefined) ?? sorted[sorted.length - 1]!;
}

function vulnDraft(p: ProjectCtx, v: Obj, pointer: string, out: ParseOutput): Draft | undefined {
  const id = str(v.id);
  const pkg = str(v.packageName) ?? str(v.name) ?? str(v.moduleName);
  if (!id || !pkg) {
    out.warnings.push(`${pointer}: vulnerability without id or packageName; skipped`);
    return undefined;
  }
  const version = str(v.version) ?? null;
  const license = str(v.type) === 'license' || id.startsWith('snyk:lic:');
  const ids = isObj(v.identifiers) ? v.identifiers : {};
  const cvss = cvssOf(v.cvssScore, v.CVSSv3);
  const sev = pickSeverity(str(v.severityWithCritical) ?? v.severity, cvss, 'medium');
  const from = strings(v.from);
  const upgrade = arr(v.upgradePath).filter((x): x is string => typeof x === 'string');
  const fixedIn = strings(v.fixedIn);
  const category: Category = license ? 'license' : p.container ? 'container' : 'sca';
  const title = license ? `${str(v.license) ?? str(v.title) ?? 'license'} license` : (str(v.title) ?? id);
  const description = [
    str(v.description)?.slice(0, 600),
    from.length ? `Introduced through: ${from.join(' > ')}` : null,
    upgrade.length ? `Upgrade path: ${upgrade.join(' > ')}` : null,
    v.isPatchable === true ? 'Patchable with `snyk protect`' : null,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    title: `${pkg}${version ? `@${version}` : ''}: ${title}`,
    description: description || null,
    category,
    rule_id: id,
    rule_name: str(v.title) ?? null,
    ...sev,
    cwe: cwesOf(ids.CWE),
    cve: license ? [] : vulnIds(ids.CVE, ids.GHSA),
    cvss,
    package: {
      name: pkg,
      version,
      fixed_version: fixedFor(version, fixedIn),
      ecosystem: str(v.packageManager)?.toLowerCase() ?? p.manager,
      purl: null,
    },
    location: { file: p.file, image: p.image },
    tags: [
      ...(str(v.exploit) && v.exploit !== 'Not Defined' ? [`exploit:${String(v.exploit)}`] : []),
      ...(v.isUpgradable === true ? ['upgradable'] : []),
      ...(v.malicious === true ? ['malicious'] : []),
    ],
    help_uri: `https://security.snyk.io/vuln/${encodeURIComponent(id)}`,
    pointer,
  };
}

function readProject(
  pr: Obj,
  base: string,
  out: ParseOutput,
  categories: Set<Category>,
  parent?: ProjectCtx,
) {
  const manager = str(pr.packageManager)?.toLowerCase() ?? null;
  const vulns = arr(pr.vulnerabilities);
  const root = vulns
    .filter(isObj)
    .map((v) => strings(v.from)[0])
    .find(Boolean);
  const container = parent?.container ?? ('docker' in pr || (manager !== null && OS_MANAGERS.test(manager)));
  const p: ProjectCtx = {
    base,
    manager,
    file: str(pr.displayTargetFile) ?? str(pr.targetFile) ?? null,
    image:
      parent?.image ??
      (container ? (imageRef(root) ?? str(pr.projectName)?.replace(/^docker-image\|/, '') ?? null) : null),
    container,
  };
  categories.add(container ? 'container' : 'sca');
  if (isObj(pr.licensesPolicy) && !container) categories.add('license');
  vulns.forEach((v, i) => {
    const pointer = `${base}/vulnerabilities/${i}`;
    if (!isObj(v)) {
      out.warnings.push(`${pointer}: not an object; skipped`);
      return;
    }
    const d = vulnDraft(p, v, pointer, out);
    if (d) out.findings.push(d);
  });
  // Issues ignored by the .snyk policy: kept, as suppressed (exception debt).
  const ignored = isObj(pr.filtered) ? arr(pr.filtered.ignore) : [];
  ignored.forEach((v, i) => {
    const pointer = `${base}/filtered/ignore/${i}`;
    if (!isObj(v)) return;
    const d = vulnDraft(p, v, pointer, out);
    if (!d) return;
    const info = isObj(v.filtered) ? arr(v.filtered.ignored).find(isObj) : undefined;
    const reason = info
      ? [str(info.reason), str(info.expires) ? `expires ${info.expires}` : null].filter(Boolean).join('; ')
      : '';
    d.state = 'suppressed';
    d.state_reason = `ignored in Snyk policy${reason ? `: ${reason}` : ''}`;
    d.suppression = { kind: 'snyk-policy', status: 'accepted', justification: reason || null };
    out.findings.push(d);
  });
  // `snyk container test`: application dependencies found in the image.
  arr(pr.applications).forEach((a, i) => {
    if (isObj(a)) readProject(a, `${base}/applications/${i}`, out, categories, p);
  });
}

function parseSnyk(doc: unknown, ctx: { file: string }): ParseOutput {
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const projects = Array.isArray(doc) ? doc : [doc];
  const categories = new Set<Category>();
  const errors: string[] = [];
  let read = 0;
  projects.forEach((pr, i) => {
    const base = Array.isArray(doc) ? `/${i}` : '';
    if (!isObj(pr)) {
      out.warnings.push(`${base || '/'}: project is not an object; skipped`);
      return;
    }
    if (pr.ok === false && typeof pr.error === 'string' && !Array.isArray(pr.vulnerabilities)) {
      errors.push(pr.error.slice(0, 300));
      return;
    }
    if (!Array.isArray(pr.vulnerabilities)) {
      if (!Array.isArray(doc))
        throw new UserError(
          'not a Snyk CLI JSON report: expected `snyk test --json` output (an object with a "vulnerabilities" array, or an array of them)',
          ctx.file,
        );
      out.warnings.push(`${base}: project without a "vulnerabilities" array; skipped`);
      return;
    }
    read++;
    readProject(pr, base, out, categories);
  });
  if (read === 0 && errors.length === 0)
    throw new UserError(
      'not a Snyk CLI JSON report: no project object with a "vulnerabilities" array',
      ctx.file,
    );
  out.scans.push({
    tool: { name: 'Snyk', version: null },
    categories: [...categories].sort(),
    success: errors.length === 0,
    errors,
  });
  return out;
}

function isProject(d: unknown): boolean {
  return (
    isObj(d) &&
    Array.isArray(d.vulnerabilities) &&
    ('packageManager' in d || 'projectName' in d || 'uniqueCount' in d || 'dependencyCount' in d)
  );
}

function detect(s: Sniff): number {
  const d = s.doc;
  if (isProject(d)) return 1;
  if (Array.isArray(d) && d.length > 0 && d.every((x) => isProject(x) || (isObj(x) && x.ok === false)))
    return d.some(isProject) ? 1 : 0;
  if (isObj(d) && d.ok === false && typeof d.error === 'string' && 'path' in d) return 0.6;
  return 0;
}

export const snykParser: Parser = {
  id: 'snyk',
  input: 'json',
  docs: {
    title: 'Snyk CLI JSON (Open Source, Container)',
    produce:
      '`snyk test --json > snyk.json` (or `snyk test --all-projects --json`, `snyk container test IMAGE --json`)',
    takes:
      'one record per `vulnerabilities[]` entry (Snyk reports one per dependency path) of every project, container application and policy-ignored issue (suppressed): Snyk id, CVE/GHSA/CWE, severity, CVSS, package/version/fixedIn, upgrade path, manifest or image; license issues as license findings',
  },
  detect,
  parse: parseSnyk,
};
