import type { Category, Cvss, State } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import type { Spec } from '../../stream/json-skeleton.js';
import { sniffDoc } from '../head-doc.js';
import { parentPointer, PendingWarnings, runWhole, type BigArrayStreaming } from '../../stream/spec-walk.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';
import { arr, cvssOf, cwesOf, isObj, num, type Obj, pickSeverity, purlType, str } from '../sca-common.js';

const OS_TYPES =
  /^(alpine|alma|amazon|azurelinux|bottlerocket|cbl-mariner|centos|chainguard|debian|echo|fedora|mariner|minimos|opensuse.*|oracle|photon|redhat|rocky|sles|suse.*|ubuntu|wolfi|coreos)$/i;

/**
 * Trivy `Status` (the vendor's status of the vulnerability for this package) → our state.
 * Trivy's `fixed` means "a fixed version exists", not "fixed here": the installed package is still
 * vulnerable, so it stays open (the fix is in package.fixed_version).
 */
function stateOf(status: string | undefined): { state: State; reason: string | null } {
  switch (status) {
    case undefined:
      return { state: 'open', reason: null };
    case 'not_affected':
      return {
        state: 'not_applicable',
        reason: 'Trivy status not_affected (VEX/vendor: this package is not affected)',
      };
    case 'will_not_fix':
      // The vendor's decision is not an accepted risk (no owner, no expiry): the finding stays open.
      return { state: 'open', reason: 'Trivy status will_not_fix: the vendor will not fix it' };
    case 'end_of_life':
      return { state: 'open', reason: 'Trivy status end_of_life: the package is out of vendor support' };
    case 'fixed':
      return { state: 'open', reason: null };
    default:
      // affected, fix_deferred, under_investigation, unknown
      return {
        state: 'open',
        reason: status === 'affected' || status === 'unknown' ? null : `Trivy status ${status}`,
      };
  }
}

interface FileCtx {
  warnings: string[];
  categories: Set<Category>;
  artifactName: string | null;
  isImage: boolean;
  /** Trivy's version (`Trivy.Version`), the tool version of every record. */
  version: string | null;
}

interface ResultCtx {
  base: string;
  target: string | null;
  cls: string;
  type: string | null;
  /** k8s workload "namespace/kind/name". */
  workload: string | null;
  image: string | null;
}

function classOf(r: Obj, isImage: boolean): string {
  const c = str(r.Class);
  if (c) return c;
  // Legacy reports have no Class: an OS family Type (or an image target) means OS packages.
  const type = str(r.Type);
  if (type && OS_TYPES.test(type)) return 'os-pkgs';
  if (isImage && /\([^()]+\)$/.test(str(r.Target) ?? '')) return 'os-pkgs';
  return 'lang-pkgs';
}

function vulnCategory(f: FileCtx, rc: ResultCtx): Category {
  return rc.cls === 'os-pkgs' || f.isImage || rc.workload ? 'container' : 'sca';
}

function bestCvss(v: Obj): Cvss | null {
  const all = isObj(v.CVSS) ? v.CVSS : {};
  const sources = ['nvd', ...Object.keys(all).filter((k) => k !== 'nvd')];
  for (const s of sources) {
    const c = all[s];
    if (isObj(c) && (num(c.V3Score) !== undefined || str(c.V3Vector)))
      return cvssOf(c.V3Score, c.V3Vector, '3.x');
  }
  for (const s of sources) {
    const c = all[s];
    if (isObj(c) && (num(c.V2Score) !== undefined || str(c.V2Vector)))
      return cvssOf(c.V2Score, c.V2Vector, '2.0');
  }
  return null;
}

function vulnDraft(f: FileCtx, rc: ResultCtx, v: Obj, pointer: string, modified?: Obj): Draft | undefined {
  const id = str(v.VulnerabilityID);
  const pkgName = str(v.PkgName);
  if (!id) {
    f.warnings.push(`${pointer}: vulnerability without VulnerabilityID; skipped`);
    return undefined;
  }
  const installed = str(v.InstalledVersion) ?? null;
  const cvss = bestCvss(v);
  const sev = pickSeverity(v.Severity, cvss, 'medium');
  const category = vulnCategory(f, rc);
  const purl = isObj(v.PkgIdentifier) ? (str(v.PkgIdentifier.PURL) ?? null) : null;
  let { state, reason } = stateOf(str(v.Status));
  let suppression = null;
  if (modified) {
    const st = str(modified.Status);
    const statement = str(modified.Statement) ?? null;
    const source = str(modified.Source) ?? null;
    const why = [statement, source ? `source: ${source}` : null].filter(Boolean).join('; ') || null;
    if (st === 'not_affected') state = 'not_applicable';
    else if (st === 'ignored') state = 'accepted_risk';
    else state = 'suppressed';
    reason = `Trivy ${st ?? 'modified'} finding${why ? `: ${why}` : ''}`;
    suppression = {
      kind: st === 'not_affected' ? 'vex' : 'trivyignore',
      status: 'accepted',
      justification: why,
    };
  }
  const fileLoc =
    rc.cls === 'os-pkgs' ? (f.isImage || rc.image ? null : rc.target) : (rc.target ?? str(v.PkgPath) ?? null);
  return {
    title: [id, pkgName, installed].filter(Boolean).join(' '),
    description: [str(v.Title), str(v.Description)].filter(Boolean).join('\n\n') || null,
    category,
    rule_id: id,
    rule_name: str(v.Title) ?? null,
    ...sev,
    state,
    state_reason: reason,
    suppression,
    cwe: cwesOf(v.CweIDs),
    cve: [
      id,
      ...arr(v.VendorIDs).filter((x): x is string => typeof x === 'string' && /^(CVE|GHSA)-/i.test(x)),
    ],
    cvss,
    package: pkgName
      ? {
          name: pkgName,
          version: installed,
          fixed_version: str(v.FixedVersion) ?? null,
          ecosystem: rc.type?.toLowerCase() ?? purlType(purl ?? undefined),
          purl,
        }
      : null,
    location: {
      file: fileLoc,
      image: rc.image,
      resource: rc.workload,
    },
    service: rc.workload,
    fingerprints: str(v.Fingerprint) ? { trivy: v.Fingerprint as string } : {},
    help_uri: str(v.PrimaryURL) ?? null,
    pointer,
  };
}

function misconfDraft(f: FileCtx, rc: ResultCtx, m: Obj, pointer: string): Draft | undefined {
  const status = str(m.Status) ?? 'FAIL';
  if (status !== 'FAIL') return undefined; // PASS / EXCEPTION (with --include-non-failures) are not findings
  const id = str(m.ID) ?? str(m.AVDID);
  const cm = isObj(m.CauseMetadata) ? m.CauseMetadata : {};
  // Misconfiguration code lines are source lines of IaC: they may hold credentials. Never copied.
  const sev = pickSeverity(m.Severity, null, 'medium');
  return {
    title: [id, str(m.Title)].filter(Boolean).join(' - ') || 'Trivy misconfiguration',
    description:
      [str(m.Description), str(m.Message), str(m.Resolution) ? `Resolution: ${m.Resolution}` : undefined]
        .filter(Boolean)
        .join('\n\n') || null,
    category: 'iac',
    rule_id: id ?? null,
    rule_name: str(m.Title) ?? null,
    ...sev,
    state: 'open',
    location: {
      file: rc.workload ? null : rc.target,
      start_line: num(cm.StartLine) ?? null,
      end_line: num(cm.EndLine) ?? null,
      resource: rc.workload ?? str(cm.Resource) ?? null,
    },
    service: rc.workload,
    tags: [str(m.Type), str(cm.Provider), str(cm.Service)].filter((x): x is string => !!x),
    help_uri: str(m.PrimaryURL) ?? null,
    pointer,
  };
}

function secretDraft(rc: ResultCtx, s: Obj, pointer: string, secrets: string[]): Draft {
  const match = str(s.Match);
  if (match) secrets.push(match);
  const lines = isObj(s.Code) ? arr(s.Code.Lines) : [];
  for (const l of lines) {
    if (!isObj(l)) continue;
    for (const k of ['Content', 'Highlighted'])
      if (typeof l[k] === 'string' && l[k].trim().length >= 4) secrets.push(l[k].trim());
  }
  const sev = pickSeverity(s.Severity, null, 'critical');
  const title = str(s.Title) ?? str(s.RuleID) ?? 'secret';
  return {
    title: `Secret detected in ${rc.target ?? 'target'} - ${title}`,
    description: str(s.Category) ? `${s.Category}: ${title}` : title,
    category: 'secret',
    rule_id: str(s.RuleID) ?? null,
    rule_name: str(s.Title) ?? null,
    ...sev,
    state: 'open',
    location: {
      file: rc.target,
      start_line: num(s.StartLine) ?? null,
      end_line: num(s.EndLine) ?? null,
      image: rc.image,
      resource: rc.workload,
    },
    service: rc.workload,
    secret: match ?? null,
    pointer,
  };
}

function licenseDraft(rc: ResultCtx, l: Obj, pointer: string): Draft {
  const name = str(l.Name) ?? 'unknown license';
  const pkg = str(l.PkgName);
  const sev = pickSeverity(l.Severity, null, 'medium');
  return {
    title: `License detected in ${rc.target ?? 'target'} - ${name}${pkg ? ` (${pkg})` : ''}`,
    description: str(l.Category) ? `license ${name}, category ${l.Category}` : `license ${name}`,
    category: 'license',
    rule_id: name,
    ...sev,
    tool_confidence: l.Confidence !== undefined && l.Confidence !== null ? String(l.Confidence) : null,
    state: 'open',
    package: pkg ? { name: pkg, version: null, fixed_version: null, ecosystem: null, purl: null } : null,
    location: { file: str(l.FilePath) ?? rc.target, image: rc.image, resource: rc.workload },
    service: rc.workload,
    tags: str(l.Category) ? [`license-category:${l.Category}`] : [],
    help_uri: str(l.Link) ?? null,
    pointer,
  };
}

function categoryOfClass(f: FileCtx, rc: ResultCtx): Category | undefined {
  switch (rc.cls) {
    case 'os-pkgs':
    case 'lang-pkgs':
      return vulnCategory(f, rc);
    case 'config':
      return 'iac';
    case 'secret':
      return 'secret';
    case 'license':
    case 'license-file':
      return 'license';
    default:
      return undefined;
  }
}

/** The per-result arrays of items, in the order the parser reads them. */
const ITEM_KEYS = [
  'Vulnerabilities',
  'Misconfigurations',
  'Secrets',
  'Licenses',
  'ModifiedFindings',
] as const;
type ItemKey = (typeof ITEM_KEYS)[number];

interface TrivyCtx {
  f: FileCtx;
  /** Every result's item arrays, by JSON pointer (`/Results/0/Vulnerabilities`), with their slot. */
  containers: Map<string, { rc: ResultCtx; key: ItemKey; slot: number }>;
  /** Result-level warnings, written before the items that follow them. */
  pending: PendingWarnings;
  /** One slot per item array of every result, in reading order (for `pending`). */
  slot: number;
}

function beginResult(t: TrivyCtx, r: unknown, base: string, workload: string | null): void {
  const { f } = t;
  if (!isObj(r)) {
    t.pending.add(t.slot, `${base}: result is not an object; skipped`);
    return;
  }
  const target = str(r.Target) ?? null;
  const cls = classOf(r, f.isImage);
  const rc: ResultCtx = {
    base,
    target,
    cls,
    type: str(r.Type) ?? null,
    workload,
    // Image scans: the artifact is the image. k8s and legacy reports: the OS-package target names it.
    image: f.isImage
      ? (f.artifactName ?? (cls === 'os-pkgs' ? target : null))
      : cls === 'os-pkgs' && (workload || !f.artifactName)
        ? target
        : null,
  };
  const cat = categoryOfClass(f, rc);
  if (cat) f.categories.add(cat);
  for (const key of ITEM_KEYS) {
    t.slot++;
    t.containers.set(`${base}/${key}`, { rc, key, slot: t.slot });
    if (r[key] != null && !Array.isArray(r[key]))
      t.pending.add(t.slot, `${base}/${key}: expected an array; skipped`);
  }
}

/** One item of a result's array; undefined when it is not a finding. */
function itemDraft(f: FileCtx, rc: ResultCtx, key: ItemKey, item: Obj, p: string, secrets: string[]) {
  switch (key) {
    case 'Vulnerabilities':
      return vulnDraft(f, rc, item, p);
    case 'Misconfigurations':
      return misconfDraft(f, rc, item, p);
    case 'Secrets':
      return secretDraft(rc, item, p, secrets);
    case 'Licenses':
      return licenseDraft(rc, item, p);
    case 'ModifiedFindings': {
      // --show-suppressed: findings suppressed by VEX or .trivyignore, kept with their mapped state.
      const m = item;
      const inner = isObj(m.Finding) ? m.Finding : undefined;
      const type = str(m.Type);
      if (!inner || (type && type !== 'vulnerability')) {
        if (inner && type === 'misconfiguration') {
          const d = misconfDraft(f, rc, { ...inner, Status: 'FAIL' }, `${p}/Finding`);
          if (d)
            return {
              ...d,
              state: 'suppressed' as const,
              state_reason: `Trivy ${str(m.Status) ?? 'modified'}: ${str(m.Statement) ?? ''}`.trim(),
            };
        }
        if (inner) f.warnings.push(`${p}: suppressed ${type} finding not read`);
        return undefined;
      }
      return vulnDraft(f, rc, inner, `${p}/Finding`, m);
    }
  }
}

function workloadOf(w: Obj): string | null {
  const parts = [str(w.Namespace), str(w.Kind), str(w.Name)].filter(Boolean);
  return parts.length ? parts.join('/') : null;
}

const RESULT: Spec = {
  type: 'object',
  members: {
    Vulnerabilities: { type: 'items' },
    Misconfigurations: { type: 'items' },
    Secrets: { type: 'items' },
    Licenses: { type: 'items' },
    ModifiedFindings: { type: 'items' },
    // --list-all-pkgs: every package of the target; not read, but big
    Packages: { type: 'items', discard: true },
  },
};
const RESULTS: Spec = { type: 'array', each: RESULT };
const WORKLOADS: Spec = { type: 'array', each: { type: 'object', members: { Results: RESULTS } } };

/**
 * Trivy streams every result's item arrays above the streaming threshold (of a report, of a
 * legacy list of targets, and of a `trivy k8s` report's workloads); `parse()` runs the same
 * `begin` + `item` + `finish` over the whole document (src/stream/spec-walk.ts).
 */
export const trivyStreaming: BigArrayStreaming<TrivyCtx> = {
  spec: {
    type: 'root',
    object: {
      type: 'object',
      // a report reads Results; a k8s report reads Resources, Vulnerabilities, Misconfigurations
      members: {
        Results: RESULTS,
        Resources: WORKLOADS,
        Vulnerabilities: WORKLOADS,
        Misconfigurations: WORKLOADS,
      },
    },
    array: RESULTS,
  },
  // Secrets items carry Match and Code.Lines[].Content/Highlighted (misconfigurations' code lines
  // hold Content too: parsed in the first pass for nothing, but never missed)
  secretWords: ['match', 'content', 'highlighted'],
  begin(doc, file) {
    const warnings: string[] = [];
    const f: FileCtx = { warnings, categories: new Set(), artifactName: null, isImage: false, version: null };
    const t: TrivyCtx = { f, containers: new Map(), pending: new PendingWarnings(warnings), slot: 0 };
    // Trivy before 0.20 wrote `null` for a scan with no targets.
    if (doc === null) return t;
    if (Array.isArray(doc)) {
      doc.forEach((r, i) => beginResult(t, r, `/${i}`, null));
    } else if (isObj(doc) && (doc.ClusterName !== undefined || Array.isArray(doc.Resources))) {
      // trivy k8s: workloads under Resources (current) or Vulnerabilities/Misconfigurations (older).
      for (const key of ['Resources', 'Vulnerabilities', 'Misconfigurations']) {
        arr(doc[key]).forEach((w, wi) => {
          if (!isObj(w)) {
            t.pending.add(t.slot, `/${key}/${wi}: not an object; skipped`);
            return;
          }
          const wl = workloadOf(w);
          arr(w.Results).forEach((r, ri) => beginResult(t, r, `/${key}/${wi}/Results/${ri}`, wl));
        });
      }
    } else if (isObj(doc) && (Array.isArray(doc.Results) || doc.SchemaVersion !== undefined)) {
      f.artifactName = str(doc.ArtifactName) ?? null;
      f.isImage = str(doc.ArtifactType) === 'container_image' || str(doc.ArtifactType) === 'vm';
      if (doc.Results != null && !Array.isArray(doc.Results))
        throw new UserError(
          `expected "Results" to be an array, found ${typeof doc.Results}`,
          file,
          '/Results',
        );
      arr(doc.Results).forEach((r, i) => beginResult(t, r, `/Results/${i}`, null));
    } else {
      throw new UserError(
        'not a Trivy JSON report: expected an object with "SchemaVersion" and a "Results" array, a trivy k8s report with "ClusterName", or (legacy) a list of targets',
        file,
      );
    }
    const root = doc as unknown;
    const meta: unknown = isObj(root) ? root.Trivy : undefined;
    f.version = (isObj(meta) ? str(meta.Version) : undefined) ?? null;
    return t;
  },
  item(t, v, pointer, secrets) {
    // arrays of the other report shape (a k8s member in a plain report) are not read
    const c = t.containers.get(parentPointer(pointer));
    if (!c) return undefined;
    t.pending.flush(c.slot);
    if (!isObj(v)) {
      t.f.warnings.push(`${pointer}: not an object; skipped`);
      return undefined;
    }
    const d = itemDraft(t.f, c.rc, c.key, v, pointer, secrets);
    if (!d) return undefined;
    t.f.categories.add(d.category);
    d.tool_version = t.f.version;
    return d;
  },
  finish(t) {
    t.pending.flush();
    return {
      scans: [
        {
          tool: { name: 'Trivy', version: t.f.version },
          categories: [...t.f.categories].sort(),
          success: true,
          errors: [],
        },
      ],
      warnings: t.f.warnings,
    };
  },
  tool: (t) => ({ name: 'Trivy', version: t.f.version }),
  toolNeedsFirstDraft: false,
};

function parseTrivy(doc: unknown, ctx: { file: string }): ParseOutput {
  return runWhole(trivyStreaming, doc, ctx.file);
}

function detect(s: Sniff): number {
  const d = sniffDoc(s)?.doc; // a streamed file: what its head holds
  // Pre-0.20 Trivy wrote `null` for "no targets", but so does Gitleaks for "no leaks": claim it only by name.
  if (d === null && s.head.trim() === 'null') return /trivy/i.test(s.name) ? 0.9 : 0.3;
  if (Array.isArray(d)) {
    const first = d.find(isObj);
    return first &&
      typeof first.Target === 'string' &&
      ('Vulnerabilities' in first || 'Type' in first) &&
      !('runs' in first)
      ? 0.9
      : 0;
  }
  if (!isObj(d)) return 0;
  if (
    typeof d.ClusterName === 'string' &&
    (Array.isArray(d.Resources) || 'Vulnerabilities' in d || 'Misconfigurations' in d)
  )
    return 1;
  if (typeof d.SchemaVersion === 'number' && (Array.isArray(d.Results) || 'ArtifactName' in d)) return 1;
  if (Array.isArray(d.Results) && 'ArtifactName' in d) return 0.9;
  return 0;
}

export const trivyParser: Parser = {
  id: 'trivy',
  input: 'json',
  docs: {
    title: 'Trivy JSON',
    produce:
      '`trivy image --format json -o trivy.json IMAGE` (also `trivy fs`, `trivy config`, `trivy repo`, `trivy k8s --format json --report all`)',
    takes:
      'one record per vulnerability, failed misconfiguration, secret and license item of every target (plus `--show-suppressed` findings with their VEX/ignore state); CVE, package/installed/fixed version, purl, CVSS (nvd v3 first), CWE, VEX status, image/manifest/k8s workload; secret matches and code lines are never copied',
  },
  detect,
  parse: parseTrivy,
};
