import type { Category, Package, State } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import { cvssToSeverity } from '../../normalize/severity.js';
import {
  arnParts,
  cloudSeverity,
  ecosystemOf,
  ecrImage,
  imageRepository,
  isObj,
  isoDate,
  str,
} from '../cloud-util.js';
import type { Draft, Parser, ParseOutput, ScanEvidence, Sniff } from '../types.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- ASFF is free-form JSON */

/** The findings array and its pointer prefix: `{"Findings": [...]}`, `{"findings": [...]}` or a bare list. */
function findingsOf(doc: unknown): { list: unknown[]; prefix: string } | undefined {
  if (Array.isArray(doc)) return { list: doc, prefix: '' };
  if (!isObj(doc)) return undefined;
  if (Array.isArray(doc.Findings)) return { list: doc.Findings, prefix: '/Findings' };
  if (Array.isArray(doc.findings)) return { list: doc.findings, prefix: '/findings' };
  return undefined;
}

/** An ASFF finding has SchemaVersion 2018-10-08 or the ProductArn/AwsAccountId/Resources trio. */
function looksAsff(f: unknown): boolean {
  if (!isObj(f)) return false;
  if (typeof f.SchemaVersion === 'string' && /^2018-10-08/.test(f.SchemaVersion)) return true;
  return typeof f.ProductArn === 'string' && 'AwsAccountId' in f && Array.isArray(f.Resources);
}

function detect(s: Sniff): number {
  const f = findingsOf(s.doc);
  if (!f) return 0;
  if (f.list.length === 0) return isObj(s.doc) && Array.isArray(s.doc.Findings) ? 0.5 : 0;
  const first = f.list.slice(0, 5).filter(isObj);
  return first.length > 0 && first.every(looksAsff) ? 1 : 0;
}

function toolName(f: Record<string, any>): string {
  const pf = isObj(f.ProductFields) ? f.ProductFields : {};
  const product = str(f.ProductName) ?? str(pf['aws/securityhub/ProductName']);
  const company = str(f.CompanyName) ?? str(pf['aws/securityhub/CompanyName']);
  if (!product) {
    const arnProduct = /product\/([^/]+)\/([^/]+)$/.exec(str(f.ProductArn) ?? '');
    return arnProduct ? `${arnProduct[1]}/${arnProduct[2]}` : 'AWS Security Hub';
  }
  if (company === 'AWS' || company === 'Amazon') {
    if (/^security hub$/i.test(product)) return 'AWS Security Hub';
    return `${company === 'AWS' ? 'AWS' : 'Amazon'} ${product}`;
  }
  return product;
}

/** State, in this order: archived, resolved or passed → fixed; suppressed; Inspector status; NOT_AVAILABLE. */
function stateOf(f: Record<string, any>): { state: State; reason: string | null } {
  const workflow = str(isObj(f.Workflow) ? f.Workflow.Status : undefined) ?? str(f.WorkflowState);
  const compliance = str(isObj(f.Compliance) ? f.Compliance.Status : undefined);
  const record = str(f.RecordState);
  const inspector = str(isObj(f.ProductFields) ? f.ProductFields['aws/inspector/FindingStatus'] : undefined);
  if (record?.toUpperCase() === 'ARCHIVED') return { state: 'fixed', reason: 'RecordState ARCHIVED' };
  if (workflow?.toUpperCase() === 'RESOLVED') return { state: 'fixed', reason: 'Workflow.Status RESOLVED' };
  if (compliance?.toUpperCase() === 'PASSED')
    return { state: 'fixed', reason: 'Compliance.Status PASSED: the control passed for this resource' };
  if (workflow?.toUpperCase() === 'SUPPRESSED')
    return { state: 'suppressed', reason: 'Workflow.Status SUPPRESSED' };
  if (inspector?.toUpperCase() === 'CLOSED')
    return { state: 'fixed', reason: 'Inspector FindingStatus CLOSED' };
  if (inspector?.toUpperCase() === 'SUPPRESSED')
    return { state: 'suppressed', reason: 'Inspector FindingStatus SUPPRESSED' };
  if (compliance?.toUpperCase() === 'NOT_AVAILABLE')
    return {
      state: 'not_applicable',
      reason: 'Compliance.Status NOT_AVAILABLE: the check could not be evaluated',
    };
  return { state: 'open', reason: null };
}

function packagesOf(v: Record<string, any>): Package[] {
  const list = Array.isArray(v.VulnerablePackages) ? v.VulnerablePackages.filter(isObj) : [];
  return list
    .map((p: Record<string, any>): Package | null => {
      const name = str(p.Name);
      if (!name) return null;
      const version = str(p.Version);
      const release = str(p.Release);
      return {
        name,
        version: version ? (release ? `${version}-${release}` : version) : null,
        fixed_version: str(p.FixedInVersion) ?? null,
        ecosystem: ecosystemOf(p.PackageManager),
        purl: null,
      };
    })
    .filter((p: Package | null): p is Package => p !== null);
}

function cvssOf(v: Record<string, any> | undefined): Draft['cvss'] {
  const list = v && Array.isArray(v.Cvss) ? v.Cvss.filter(isObj) : [];
  const best = list.find((c: any) => typeof c.BaseScore === 'number') as Record<string, any> | undefined;
  if (!best) return null;
  const score = best.BaseScore as number;
  return score >= 0 && score <= 10
    ? { score, vector: str(best.BaseVector) ?? null, version: str(best.Version) ?? null }
    : null;
}

function findingToDrafts(f: Record<string, any>, pointer: string, warnings: string[]): Draft[] {
  const tool = toolName(f);
  const pf = isObj(f.ProductFields) ? f.ProductFields : {};
  const resources = Array.isArray(f.Resources) ? f.Resources.filter(isObj) : [];
  const res0 = resources[0] as Record<string, any> | undefined;
  if (!res0) warnings.push(`${pointer}: no Resources entry; the record has no resource`);
  const resourceId = str(res0?.Id) ?? null;
  const resourceType = str(res0?.Type) ?? null;
  const account = str(f.AwsAccountId) ?? arnParts(resourceId ?? undefined).account;
  const region = str(res0?.Region) ?? str(f.Region) ?? arnParts(resourceId ?? undefined).region;
  const sevObj = isObj(f.Severity) ? f.Severity : {};
  const label =
    str(sevObj.Label) ??
    str(isObj(f.FindingProviderFields?.Severity) ? f.FindingProviderFields.Severity.Label : undefined);
  let sev = cloudSeverity(label, undefined);
  if (sev.severity_source === 'default' && typeof sevObj.Normalized === 'number') {
    // ASFF derives Label from Normalized (0-100) with the same bands as CVSS x 10.
    sev = {
      severity: cvssToSeverity(sevObj.Normalized / 10),
      severity_source: 'tool',
      source_severity: `Normalized ${sevObj.Normalized}`,
    };
  }
  const { state, reason } = stateOf(f);
  const types = Array.isArray(f.Types)
    ? f.Types.filter((t: unknown): t is string => typeof t === 'string')
    : [];
  const vulns = Array.isArray(f.Vulnerabilities) ? f.Vulnerabilities.filter(isObj) : [];
  const controlId =
    str(isObj(f.Compliance) ? f.Compliance.SecurityControlId : undefined) ??
    str(pf.ControlId) ??
    str(pf.RuleId);
  const isGuardDuty = /guardduty/i.test(tool);
  const remediation =
    isObj(f.Remediation) && isObj(f.Remediation.Recommendation) ? f.Remediation.Recommendation : {};
  const common = {
    description: str(f.Description) ?? null,
    ...sev,
    tool,
    state,
    state_reason: reason,
    first_seen: isoDate(f.FirstObservedAt) ?? isoDate(f.CreatedAt),
    last_seen: isoDate(f.UpdatedAt) ?? isoDate(f.LastObservedAt),
    closed_at: state === 'fixed' ? (isoDate(f.UpdatedAt) ?? isoDate(f.LastObservedAt)) : null,
    fingerprints: (str(f.Id) ? { asffId: str(f.Id)! } : {}) as Record<string, string>,
    tags: types,
    help_uri: str(remediation.Url) ?? str(f.SourceUrl) ?? null,
    pointer,
  };

  if (
    vulns.length > 0 &&
    vulns.some((v: any) => Array.isArray(v.VulnerablePackages) && v.VulnerablePackages.length > 0)
  ) {
    // Inspector (or a third-party) package vulnerability: one record per finding, package of the first.
    const v0 = vulns[0] as Record<string, any>;
    const ids = vulns.map((v: any) => str(v.Id)).filter((x: string | undefined): x is string => !!x);
    const pkgs = vulns.flatMap((v: any) => packagesOf(v));
    const isImage = /EcrContainerImage|ContainerImage/i.test(resourceType ?? '');
    const ecr =
      isObj(res0?.Details) && isObj(res0!.Details.AwsEcrContainerImage)
        ? res0!.Details.AwsEcrContainerImage
        : undefined;
    const image = isImage
      ? (ecrImage(
          str(ecr?.RegistryId) ?? account ?? undefined,
          region ?? undefined,
          str(ecr?.RepositoryName),
        ) ?? (resourceId ? imageRepository(resourceId) : null))
      : null;
    const category: Category = isImage ? 'container' : 'sca';
    if (new Set(pkgs.map((p) => p.name)).size > 1)
      warnings.push(`${pointer}: ${pkgs.length} vulnerable packages; the record names the first`);
    return [
      {
        ...common,
        title: str(f.Title) ?? ids[0] ?? 'Security Hub finding',
        category,
        rule_id: ids[0] ?? str(f.GeneratorId) ?? null,
        rule_name: str(f.Title) ?? null,
        cve: ids,
        cvss: cvssOf(v0),
        package: pkgs[0] ?? null,
        location: {
          image,
          // Outside an image the resource itself is the scan target (identity: CVE + package + target).
          file: isImage ? null : resourceId,
          resource: resourceId,
          account,
          region,
        },
        help_uri: str(isObj(v0.Vendor) ? v0.Vendor.Url : undefined) ?? common.help_uri,
      },
    ];
  }

  const ruleId = controlId ?? (isGuardDuty ? (types[0] ?? str(f.GeneratorId)) : str(f.GeneratorId)) ?? null;
  return [
    {
      ...common,
      title: str(f.Title) ?? ruleId ?? 'Security Hub finding',
      category: 'cloud',
      rule_id: ruleId,
      rule_name: str(f.Title) ?? null,
      cve: vulns.map((v: any) => str(v.Id)).filter((x: string | undefined): x is string => !!x),
      location: { resource: resourceId, account, region },
    },
  ];
}

export function parseSecurityHub(doc: unknown, ctx: { file: string }): ParseOutput {
  const f = findingsOf(doc);
  if (!f)
    throw new UserError(
      `not an AWS Security Hub export: expected an object with a "Findings" array (aws securityhub get-findings) or a JSON array of ASFF findings, found ${Array.isArray(doc) ? 'an array' : typeof doc}`,
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const scans = new Map<string, ScanEvidence & { cats: Set<Category> }>();
  f.list.forEach((item, i) => {
    const pointer = `${f.prefix}/${i}`;
    if (!isObj(item)) {
      out.warnings.push(`${pointer}: finding is not an object; skipped`);
      return;
    }
    try {
      for (const d of findingToDrafts(item, pointer, out.warnings)) {
        out.findings.push(d);
        const name = d.tool ?? 'AWS Security Hub';
        const s = scans.get(name) ?? {
          tool: { name, version: null },
          categories: [],
          success: true,
          errors: [],
          cats: new Set(),
        };
        s.cats.add(d.category);
        scans.set(name, s);
      }
    } catch (e) {
      out.warnings.push(
        `${pointer}: unreadable finding (${e instanceof Error ? e.message : String(e)}); skipped`,
      );
    }
  });
  out.scans = [...scans.values()].map(({ cats, ...s }) => ({ ...s, categories: [...cats].sort() }));
  if (out.scans.length === 0)
    out.scans.push({
      tool: { name: 'AWS Security Hub', version: null },
      categories: ['cloud'],
      success: true,
      errors: [],
    });
  return out;
}

export const awsSecurityHubParser: Parser = {
  id: 'aws_securityhub',
  input: 'json',
  docs: {
    title: 'AWS Security Hub findings (ASFF JSON)',
    produce:
      '`aws securityhub get-findings --output json > securityhub.json` (add `--filters` to narrow by account, product or workflow status)',
    takes:
      'one record per ASFF finding (Security Hub controls, Config, GuardDuty, Inspector, partners): Severity.Label, control id / GeneratorId / Types, account, region and resource ARN, Compliance/Workflow/RecordState as state (PASSED → fixed, SUPPRESSED → suppressed), observed/updated dates, and for Inspector package findings the CVE, package and CVSS',
  },
  detect,
  parse: parseSecurityHub,
};
