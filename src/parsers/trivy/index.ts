import type { Category, Cvss, State } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
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
  out: ParseOutput;
  categories: Set<Category>;
  artifactName: string | null;
  isImage: boolean;
  toolVersion: string | null;
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
    f.out.warnings.push(`${pointer}: vulnerability without VulnerabilityID; skipped`);
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

function secretDraft(f: FileCtx, rc: ResultCtx, s: Obj, pointer: string): Draft {
  const match = str(s.Match);
  if (match) f.out.secrets.push(match);
  const lines = isObj(s.Code) ? arr(s.Code.Lines) : [];
  for (const l of lines) {
    if (!isObj(l)) continue;
    for (const k of ['Content', 'Highlighted'])
      if (typeof l[k] === 'string' && l[k].trim().length >= 4) f.out.secrets.push(l[k].trim());
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

function licenseDraft(f: FileCtx, rc: ResultCtx, l: Obj, pointer: string): Draft {
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

function parseResult(f: FileCtx, r: unknown, base: string, workload: string | null) {
  if (!isObj(r)) {
    f.out.warnings.push(`${base}: result is not an object; skipped`);
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
  const each = (key: string, fn: (item: Obj, pointer: string) => Draft | undefined) => {
    if (r[key] == null) return;
    if (!Array.isArray(r[key])) {
      f.out.warnings.push(`${base}/${key}: expected an array; skipped`);
      return;
    }
    (r[key] as unknown[]).forEach((item, i) => {
      const pointer = `${base}/${key}/${i}`;
      if (!isObj(item)) {
        f.out.warnings.push(`${pointer}: not an object; skipped`);
        return;
      }
      const d = fn(item, pointer);
      if (d) {
        f.out.findings.push(d);
        f.categories.add(d.category);
      }
    });
  };
  each('Vulnerabilities', (v, p) => vulnDraft(f, rc, v, p));
  each('Misconfigurations', (m, p) => misconfDraft(f, rc, m, p));
  each('Secrets', (s, p) => secretDraft(f, rc, s, p));
  each('Licenses', (l, p) => licenseDraft(f, rc, l, p));
  // --show-suppressed: findings suppressed by VEX or .trivyignore, kept with their mapped state.
  each('ModifiedFindings', (m, p) => {
    const inner = isObj(m.Finding) ? m.Finding : undefined;
    const type = str(m.Type);
    if (!inner || (type && type !== 'vulnerability')) {
      if (inner && type === 'misconfiguration') {
        const d = misconfDraft(f, rc, { ...inner, Status: 'FAIL' }, `${p}/Finding`);
        if (d)
          return {
            ...d,
            state: 'suppressed',
            state_reason: `Trivy ${str(m.Status) ?? 'modified'}: ${str(m.Statement) ?? ''}`.trim(),
          };
      }
      if (inner) f.out.warnings.push(`${p}: suppressed ${type} finding not read`);
      return undefined;
    }
    return vulnDraft(f, rc, inner, `${p}/Finding`, m);
  });
}

function workloadOf(w: Obj): string | null {
  const parts = [str(w.Namespace), str(w.Kind), str(w.Name)].filter(Boolean);
  return parts.length ? parts.join('/') : null;
}

function parseTrivy(doc: unknown, ctx: { file: string }): ParseOutput {
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const f: FileCtx = { out, categories: new Set(), artifactName: null, isImage: false, toolVersion: null };
  if (doc === null) {
    // Trivy before 0.20 wrote `null` for a scan with no targets.
    out.scans.push({ tool: { name: 'Trivy', version: null }, categories: [], success: true, errors: [] });
    return out;
  }
  if (Array.isArray(doc)) {
    doc.forEach((r, i) => parseResult(f, r, `/${i}`, null));
  } else if (isObj(doc) && (doc.ClusterName !== undefined || Array.isArray(doc.Resources))) {
    // trivy k8s: workloads under Resources (current) or Vulnerabilities/Misconfigurations (older).
    for (const key of ['Resources', 'Vulnerabilities', 'Misconfigurations']) {
      arr(doc[key]).forEach((w, wi) => {
        if (!isObj(w)) {
          out.warnings.push(`/${key}/${wi}: not an object; skipped`);
          return;
        }
        const wl = workloadOf(w);
        arr(w.Results).forEach((r, ri) => parseResult(f, r, `/${key}/${wi}/Results/${ri}`, wl));
      });
    }
  } else if (isObj(doc) && (Array.isArray(doc.Results) || doc.SchemaVersion !== undefined)) {
    f.artifactName = str(doc.ArtifactName) ?? null;
    f.isImage = str(doc.ArtifactType) === 'container_image' || str(doc.ArtifactType) === 'vm';
    if (doc.Results != null && !Array.isArray(doc.Results))
      throw new UserError(
        `expected "Results" to be an array, found ${typeof doc.Results}`,
        ctx.file,
        '/Results',
      );
    arr(doc.Results).forEach((r, i) => parseResult(f, r, `/Results/${i}`, null));
  } else {
    throw new UserError(
      'not a Trivy JSON report: expected an object with "SchemaVersion" and a "Results" array, a trivy k8s report with "ClusterName", or (legacy) a list of targets',
      ctx.file,
    );
  }
  const root = doc as unknown;
  const meta: unknown = isObj(root) ? root.Trivy : undefined;
  const trivy = isObj(meta) ? str(meta.Version) : undefined;
  out.scans.push({
    tool: { name: 'Trivy', version: trivy ?? null },
    categories: [...f.categories].sort(),
    success: true,
    errors: [],
  });
  for (const d of out.findings) d.tool_version = trivy ?? null;
  return out;
}

function detect(s: Sniff): number {
  const d = s.doc;
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
