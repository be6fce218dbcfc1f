import type { Category } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import type { Spec } from '../../stream/json-skeleton.js';
import { isCut, sniffDoc } from '../head-doc.js';
import { parentPointer, PendingWarnings, runWhole, type BigArrayStreaming } from '../../stream/spec-walk.js';
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
  /** Resolved by `imageOf` once the project's `root` is known. */
  image: string | null;
  container: boolean;
  parent: ProjectCtx | undefined;
  projectName: string | undefined;
  /** The root of the first dependency path of the project's vulnerabilities (`from[0]`). */
  root: string | undefined;
  imageKnown: boolean;
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

function vulnDraft(p: ProjectCtx, v: Obj, pointer: string, out: { warnings: string[] }): Draft | undefined {
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

/** The image of a container project: its parent's, else the root of its first dependency path. */
function imageOf(p: ProjectCtx): string | null {
  if (!p.imageKnown) {
    p.image =
      (p.parent ? imageOf(p.parent) : null) ??
      (p.container ? (imageRef(p.root) ?? p.projectName?.replace(/^docker-image\|/, '') ?? null) : null);
    p.imageKnown = true;
  }
  return p.image;
}

interface SnykCtx {
  warnings: string[];
  /** Project-level warnings, written before the items of the next projects. */
  pending: PendingWarnings;
  categories: Set<Category>;
  errors: string[];
  /** A project's item arrays by JSON pointer (`/0/vulnerabilities`, `/filtered/ignore`). */
  containers: Map<string, { p: ProjectCtx; ignored: boolean; slot: number }>;
}

function beginProject(t: SnykCtx, pr: Obj, base: string, slot: number, parent?: ProjectCtx): void {
  const manager = str(pr.packageManager)?.toLowerCase() ?? null;
  const container = parent?.container ?? ('docker' in pr || (manager !== null && OS_MANAGERS.test(manager)));
  const p: ProjectCtx = {
    base,
    manager,
    file: str(pr.displayTargetFile) ?? str(pr.targetFile) ?? null,
    image: null,
    container,
    parent,
    projectName: str(pr.projectName),
    root: undefined,
    imageKnown: false,
  };
  t.categories.add(container ? 'container' : 'sca');
  if (isObj(pr.licensesPolicy) && !container) t.categories.add('license');
  t.containers.set(`${base}/vulnerabilities`, { p, ignored: false, slot });
  // Issues ignored by the .snyk policy: kept, as suppressed (exception debt).
  t.containers.set(`${base}/filtered/ignore`, { p, ignored: true, slot });
  // `snyk container test`: application dependencies found in the image.
  arr(pr.applications).forEach((a, i) => {
    if (isObj(a)) beginProject(t, a, `${base}/applications/${i}`, slot, p);
  });
}

const PROJECT: Spec & { type: 'object' } = {
  type: 'object',
  members: {
    vulnerabilities: { type: 'items' },
    filtered: { type: 'object', members: { ignore: { type: 'items' } } },
  },
};
PROJECT.members.applications = { type: 'array', each: PROJECT };

/**
 * Snyk streams every project's `vulnerabilities[]` and `filtered.ignore[]` (and those of a container
 * project's applications) above the streaming threshold, in a single project and in a list of
 * projects; `parse()` runs the same `begin` + `scout` + `item` + `finish` over the whole document
 * (src/stream/spec-walk.ts).
 */
export const snykStreaming: BigArrayStreaming<SnykCtx> = {
  spec: { type: 'root', object: PROJECT, array: { type: 'array', each: PROJECT } },
  begin(doc, file) {
    const warnings: string[] = [];
    const t: SnykCtx = {
      warnings,
      pending: new PendingWarnings(warnings),
      categories: new Set(),
      errors: [],
      containers: new Map(),
    };
    const projects = Array.isArray(doc) ? doc : [doc];
    let read = 0;
    projects.forEach((pr, i) => {
      const base = Array.isArray(doc) ? `/${i}` : '';
      if (!isObj(pr)) {
        t.pending.add(i, `${base || '/'}: project is not an object; skipped`);
        return;
      }
      if (pr.ok === false && typeof pr.error === 'string' && !Array.isArray(pr.vulnerabilities)) {
        t.errors.push(pr.error.slice(0, 300));
        return;
      }
      if (!Array.isArray(pr.vulnerabilities)) {
        if (!Array.isArray(doc))
          throw new UserError(
            'not a Snyk CLI JSON report: expected `snyk test --json` output (an object with a "vulnerabilities" array, or an array of them)',
            file,
          );
        t.pending.add(i, `${base}: project without a "vulnerabilities" array; skipped`);
        return;
      }
      read++;
      beginProject(t, pr, base, i);
    });
    if (read === 0 && t.errors.length === 0)
      throw new UserError(
        'not a Snyk CLI JSON report: no project object with a "vulnerabilities" array',
        file,
      );
    return t;
  },
  scout(t, container) {
    // a container project's image comes from its first vulnerability with a dependency path
    const e = t.containers.get(container);
    if (!e || e.ignored || !e.p.container || (e.p.parent && imageOf(e.p.parent) !== null)) return undefined;
    return (v) => {
      const root = isObj(v) ? strings(v.from)[0] : undefined;
      if (root) e.p.root = root;
      return !!root;
    };
  },
  item(t, v, pointer) {
    const e = t.containers.get(parentPointer(pointer));
    if (!e) return undefined;
    t.pending.flush(e.slot);
    if (!isObj(v)) {
      if (!e.ignored) t.warnings.push(`${pointer}: not an object; skipped`);
      return undefined;
    }
    imageOf(e.p);
    const d = vulnDraft(e.p, v, pointer, t);
    if (!d || !e.ignored) return d;
    const info = isObj(v.filtered) ? arr(v.filtered.ignored).find(isObj) : undefined;
    const reason = info
      ? [str(info.reason), str(info.expires) ? `expires ${info.expires}` : null].filter(Boolean).join('; ')
      : '';
    d.state = 'suppressed';
    d.state_reason = `ignored in Snyk policy${reason ? `: ${reason}` : ''}`;
    d.suppression = { kind: 'snyk-policy', status: 'accepted', justification: reason || null };
    return d;
  },
  finish(t) {
    t.pending.flush();
    return {
      scans: [
        {
          tool: { name: 'Snyk', version: null },
          categories: [...t.categories].sort(),
          success: t.errors.length === 0,
          errors: t.errors,
        },
      ],
      warnings: t.warnings,
    };
  },
  tool: () => ({ name: 'Snyk', version: null }),
  toolNeedsFirstDraft: false,
};

function parseSnyk(doc: unknown, ctx: { file: string }): ParseOutput {
  return runWhole(snykStreaming, doc, ctx.file);
}

function isProject(d: unknown): boolean {
  return (
    isObj(d) &&
    Array.isArray(d.vulnerabilities) &&
    ('packageManager' in d || 'projectName' in d || 'uniqueCount' in d || 'dependencyCount' in d)
  );
}

/** A `snyk test --json` vulnerability: id, dependency path, package, vulnerable ranges. */
function isSnykVuln(v: unknown): boolean {
  return (
    isObj(v) &&
    typeof v.id === 'string' &&
    Array.isArray(v.from) &&
    (typeof v.packageName === 'string' || typeof v.moduleName === 'string') &&
    (isObj(v.semver) || Array.isArray(v.upgradePath))
  );
}

function detect(s: Sniff): number {
  const sd = sniffDoc(s); // a streamed file: what its head holds
  const d = sd?.doc;
  if (sd?.cut) {
    // Snyk writes `vulnerabilities` first and the project's other members after it: a head of a big
    // file holds only vulnerabilities, recognised by their shape
    const project = Array.isArray(d) ? d.find(isObj) : d;
    if (isObj(project) && Array.isArray(project.vulnerabilities)) {
      const first = project.vulnerabilities.find((v) => isObj(v) && !isCut(v));
      if (first !== undefined && isSnykVuln(first)) return 0.9;
    }
  }
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
