import type { Category, State } from '../../schema/finding.js';
import { parseCsv } from '../../util/csv.js';
import { UserError } from '../../util/errors.js';
import { cloudSeverity, imageRepository, isoDate, str } from '../cloud-util.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';

type Layout = 'issues' | 'vulnerabilities';
type Row = Record<string, string> & { __line: number };

const ISSUES = ['Title', 'Severity', 'Status', 'Issue ID', 'Control ID'];
const VULNS = ['Name', 'DetailedName', 'FindingStatus', 'VendorSeverity'];

function layoutOf(headers: string[]): Layout | undefined {
  const cols = new Set(headers);
  if (ISSUES.every((c) => cols.has(c))) return 'issues';
  if (VULNS.every((c) => cols.has(c))) return 'vulnerabilities';
  return undefined;
}

function headerColumns(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
}

function detect(s: Sniff): number {
  if (s.doc !== undefined) return 0;
  return layoutOf(headerColumns(s.head)) ? 1 : 0;
}

/** Issue / finding status → state. Resolution (or ResolutionReason) refines IGNORED. */
function stateOf(status: string, resolution: string | undefined): { state: State; reason: string | null } {
  const s = status.trim().toUpperCase();
  const res = resolution?.toUpperCase() ?? '';
  if (s === 'RESOLVED')
    return { state: 'fixed', reason: resolution ? `Wiz RESOLVED (${resolution})` : 'Wiz RESOLVED' };
  if (s === 'IGNORED' || s === 'REJECTED') {
    if (/FALSE_POSITIVE/.test(res)) return { state: 'false_positive', reason: `Wiz ${s} (${resolution})` };
    if (/WONT_FIX|EXCEPTION|ACCEPT/.test(res))
      return { state: 'accepted_risk', reason: `Wiz ${s} (${resolution})` };
    if (/NOT_RELEVANT|NOT_APPLICABLE/.test(res))
      return { state: 'not_applicable', reason: `Wiz ${s} (${resolution})` };
    // An ignore rule without a stated reason: the tool's own suppression.
    return { state: 'suppressed', reason: resolution ? `Wiz ${s} (${resolution})` : `Wiz ${s}` };
  }
  return { state: 'open', reason: null };
}

function issueToDraft(r: Row, warnings: string[]): Draft {
  const pointer = `row ${r.__line}`;
  const { state, reason } = stateOf(r.Status ?? '', str(r.Resolution));
  const resolved = str(r['Resolved Time']);
  const closedAt = state === 'fixed' || state === 'false_positive' ? isoDate(resolved) : null;
  if (resolved && !isoDate(resolved))
    warnings.push(`${pointer}: unreadable Resolved Time "${resolved}"; closed date left empty`);
  const cluster = str(r['Kubernetes Cluster']);
  const namespace = str(r['Kubernetes Namespace']);
  return {
    title: str(r.Title) ?? str(r['Control ID']) ?? 'Wiz issue',
    // `Resource original JSON` can hold environment variables and configuration: never copied.
    description: str(r.Description) ?? null,
    category: 'cloud',
    rule_id: str(r['Control ID']) ?? null,
    rule_name: str(r.Title) ?? null,
    ...cloudSeverity(r.Severity, undefined, 'medium'),
    tool: 'Wiz',
    state,
    state_reason: reason,
    first_seen: isoDate(r['Created At']),
    closed_at: closedAt,
    location: {
      account: str(r['Subscription ID']) ?? null,
      region: str(r['Resource Region']) ?? null,
      resource: str(r['Resource external ID']) ?? str(r['Resource vertex ID']) ?? null,
    },
    fingerprints: str(r['Issue ID']) ? { issueId: str(r['Issue ID'])! } : {},
    tags: [
      str(r['Resource Type']),
      cluster ? `k8s-cluster:${cluster}` : undefined,
      namespace ? `k8s-namespace:${namespace}` : undefined,
    ].filter((x): x is string => !!x),
    help_uri: str(r['Wiz URL']) ?? null,
    pointer,
  };
}

function vulnToDraft(r: Row): Draft {
  const pointer = `row ${r.__line}`;
  const { state, reason } = stateOf(r.FindingStatus ?? '', str(r.ResolutionReason));
  const vulnId = str(r.Name);
  const pkg = str(r.DetailedName);
  const asset = str(r.ProviderUniqueId) ?? str(r.AssetID) ?? str(r.AssetName);
  const isImage = /@sha256:|ContainerImage/i.test(`${asset ?? ''} ${r.AssetType ?? ''}`);
  const category: Category = isImage ? 'container' : 'sca';
  const sev = str(r.VendorSeverity) ? cloudSeverity(r.VendorSeverity) : cloudSeverity(r.CVSSSeverity);
  return {
    title: [vulnId, pkg].filter(Boolean).join(' - ') || 'Wiz vulnerability',
    description: str(r.Remediation) ?? null,
    category,
    rule_id: vulnId ?? null,
    rule_name: vulnId ?? null,
    ...sev,
    tool: 'Wiz',
    state,
    state_reason: reason,
    first_seen: isoDate(r.FirstDetected),
    last_seen: isoDate(r.LastDetected),
    closed_at: state === 'fixed' ? isoDate(r.ResolvedAt) : null,
    cve: vulnId ? [vulnId] : [],
    package: pkg
      ? {
          name: pkg,
          version: str(r.Version) ?? null,
          fixed_version: str(r.FixedVersion) ?? null,
          ecosystem: null,
          purl: null,
        }
      : null,
    location: {
      // Outside an image the asset is the scan target the SCA identity is built on.
      file: isImage ? null : (asset ?? null),
      image: isImage && asset ? imageRepository(asset) : null,
      account: str(r.SubscriptionExternalId) ?? str(r.SubscriptionId) ?? null,
      region: str(r.AssetRegion) ?? null,
      resource: asset ?? null,
    },
    fingerprints: str(r.ID) ? { findingId: str(r.ID)! } : {},
    tags: [str(r.DetectionMethod), r.HasCisaKevExploit === 'true' ? 'cisa-kev' : undefined].filter(
      (x): x is string => !!x,
    ),
    help_uri: str(r.Link) ?? str(r.WizURL) ?? null,
    pointer,
  };
}

export function parseWiz(text: unknown, ctx: { file: string }): ParseOutput {
  if (typeof text !== 'string') throw new UserError('not a Wiz CSV export: expected CSV text', ctx.file);
  const table = parseCsv(text, ctx.file);
  const layout = layoutOf(table.headers);
  if (!layout)
    throw new UserError(
      'not a Wiz CSV export: expected the Issues report header (Title, Severity, Status, Issue ID, Control ID) or the vulnerability findings header (Name, DetailedName, FindingStatus, VendorSeverity)',
      ctx.file,
      '1',
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const cats = new Set<Category>();
  for (const r of table.rows) {
    const d = layout === 'issues' ? issueToDraft(r, out.warnings) : vulnToDraft(r);
    cats.add(d.category);
    out.findings.push(d);
  }
  out.scans.push({
    tool: { name: 'Wiz', version: null },
    categories: cats.size > 0 ? [...cats].sort() : [layout === 'issues' ? 'cloud' : 'sca'],
    success: true,
    errors: [],
  });
  return out;
}

export const wizParser: Parser = {
  id: 'wiz',
  input: 'text',
  docs: {
    title: 'Wiz Issues / vulnerability findings (CSV)',
    produce: 'Wiz console → Issues (or Vulnerability Findings) → filter → Export → CSV',
    takes:
      'one record per row, resolved and ignored ones included with their state: Issues report title, control id, severity, status/resolution, subscription, region, resource external id, created/resolved time; vulnerability report CVE, package, installed and fixed version, asset, first/last detected',
  },
  detect,
  parse: parseWiz,
};
