import type { Category, Package, State } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
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

/* eslint-disable @typescript-eslint/no-explicit-any -- Inspector findings are free-form JSON */

function looksInspector2(f: unknown): boolean {
  return isObj(f) && typeof f.findingArn === 'string' && /:inspector2:/.test(f.findingArn);
}

function detect(s: Sniff): number {
  const d = s.doc;
  if (!isObj(d) || !Array.isArray(d.findings)) return 0;
  // `{"findings": []}` is Inspector's empty answer, but also DefectDojo generic's: like every empty
  // report, it is claimed only when the file name says which one it is.
  if (d.findings.length === 0)
    return /inspector/i.test(s.name) && Object.keys(d).every((k) => k === 'findings' || k === 'nextToken')
      ? 0.6
      : 0;
  const first = d.findings.slice(0, 5).filter(isObj);
  return first.length > 0 && first.every(looksInspector2) ? 1 : 0;
}

const STATES: Record<string, { state: State; reason: string }> = {
  CLOSED: { state: 'fixed', reason: 'Inspector status CLOSED' },
  SUPPRESSED: { state: 'suppressed', reason: 'Inspector status SUPPRESSED (suppression rule)' },
};

function packagesOf(details: Record<string, any>): Package[] {
  const list = Array.isArray(details.vulnerablePackages) ? details.vulnerablePackages.filter(isObj) : [];
  return list
    .map((p: Record<string, any>): Package | null => {
      const name = str(p.name);
      if (!name) return null;
      const version = str(p.version);
      const release = str(p.release);
      return {
        name,
        version: version ? (release ? `${version}-${release}` : version) : null,
        fixed_version:
          str(p.fixedInVersion) && p.fixedInVersion !== 'NotAvailable' ? str(p.fixedInVersion)! : null,
        ecosystem: ecosystemOf(p.packageManager),
        purl: null,
      };
    })
    .filter((p: Package | null): p is Package => p !== null);
}

function cvssOf(f: Record<string, any>, details: Record<string, any>): Draft['cvss'] {
  const adjusted =
    isObj(f.inspectorScoreDetails) && isObj(f.inspectorScoreDetails.adjustedCvss)
      ? f.inspectorScoreDetails.adjustedCvss
      : undefined;
  if (adjusted && typeof adjusted.score === 'number')
    return {
      score: adjusted.score,
      vector: str(adjusted.scoringVector) ?? null,
      version: str(adjusted.version) ?? null,
    };
  const list = Array.isArray(details.cvss) ? details.cvss.filter(isObj) : [];
  const best = (list.find((c: any) => /^3/.test(String(c.version)) && typeof c.baseScore === 'number') ??
    list.find((c: any) => typeof c.baseScore === 'number')) as Record<string, any> | undefined;
  return best
    ? { score: best.baseScore, vector: str(best.scoringVector) ?? null, version: str(best.version) ?? null }
    : null;
}

function findingToDraft(f: Record<string, any>, pointer: string, warnings: string[]): Draft {
  const res0 = Array.isArray(f.resources)
    ? (f.resources.find(isObj) as Record<string, any> | undefined)
    : undefined;
  const resourceId = str(res0?.id) ?? null;
  const resourceType = str(res0?.type) ?? '';
  const account = str(f.awsAccountId) ?? arnParts(resourceId ?? undefined).account;
  const region = str(res0?.region) ?? arnParts(str(f.findingArn)).region;
  const status = (str(f.status) ?? 'ACTIVE').toUpperCase();
  const mapped = STATES[status];
  if (!mapped && status !== 'ACTIVE')
    warnings.push(`${pointer}: unknown status "${f.status}"; taken as open`);
  const state = mapped?.state ?? 'open';
  const type = str(f.type) ?? 'PACKAGE_VULNERABILITY';
  const score = typeof f.inspectorScore === 'number' ? f.inspectorScore : undefined;
  const common = {
    title: str(f.title) ?? 'Amazon Inspector finding',
    description: str(f.description) ?? null,
    ...cloudSeverity(f.severity, score, 'medium'),
    tool: 'Amazon Inspector',
    state,
    state_reason: mapped?.reason ?? null,
    first_seen: isoDate(f.firstObservedAt),
    last_seen: isoDate(f.lastObservedAt) ?? isoDate(f.updatedAt),
    closed_at: state === 'fixed' ? (isoDate(f.lastObservedAt) ?? isoDate(f.updatedAt)) : null,
    fingerprints: (str(f.findingArn) ? { findingArn: str(f.findingArn)! } : {}) as Record<string, string>,
    tags: [
      type,
      ...(f.exploitAvailable === 'YES' ? ['exploit-available'] : []),
      ...(f.fixAvailable === 'YES' ? ['fix-available'] : []),
    ],
    pointer,
  };
  // UNTRIAGED is Inspector's "no severity from the vendor yet": say so instead of claiming a word.
  if (str(f.severity)?.toUpperCase() === 'UNTRIAGED' && score !== undefined && score > 0)
    Object.assign(common, cloudSeverity(undefined, score, 'info'), {
      source_severity: `UNTRIAGED (inspectorScore ${score})`,
    });

  if (type === 'CODE_VULNERABILITY' && isObj(f.codeVulnerabilityDetails)) {
    const c = f.codeVulnerabilityDetails;
    const fp = isObj(c.filePath) ? c.filePath : {};
    return {
      ...common,
      category: 'sast',
      rule_id: str(c.ruleId) ?? str(c.detectorId) ?? null,
      rule_name: str(c.detectorName) ?? null,
      cwe: Array.isArray(c.cwes) ? c.cwes.filter((x: unknown) => typeof x === 'string') : [],
      location: {
        file: str(fp.filePath) ?? str(fp.fileName) ?? null,
        start_line: typeof fp.startLine === 'number' ? fp.startLine : null,
        end_line: typeof fp.endLine === 'number' ? fp.endLine : null,
        resource: resourceId,
        account,
        region,
      },
      help_uri: Array.isArray(c.referenceUrls) ? (str(c.referenceUrls[0]) ?? null) : null,
    };
  }

  if (type === 'PACKAGE_VULNERABILITY' && isObj(f.packageVulnerabilityDetails)) {
    const d = f.packageVulnerabilityDetails;
    const vulnId = str(d.vulnerabilityId);
    const related = Array.isArray(d.relatedVulnerabilities)
      ? d.relatedVulnerabilities.filter((x: unknown) => typeof x === 'string')
      : [];
    const pkgs = packagesOf(d);
    if (new Set(pkgs.map((p) => p.name)).size > 1)
      warnings.push(`${pointer}: ${pkgs.length} vulnerable packages; the record names the first`);
    const isImage = /ECR_CONTAINER_IMAGE/i.test(resourceType);
    const ecr =
      isObj(res0?.details) && isObj(res0!.details.awsEcrContainerImage)
        ? res0!.details.awsEcrContainerImage
        : undefined;
    const image = isImage
      ? (ecrImage(
          str(ecr?.registry) ?? account ?? undefined,
          region ?? undefined,
          str(ecr?.repositoryName),
        ) ?? (resourceId ? imageRepository(resourceId) : null))
      : null;
    const category: Category = isImage ? 'container' : 'sca';
    return {
      ...common,
      category,
      rule_id: vulnId ?? null,
      rule_name: str(f.title) ?? null,
      cve: [vulnId, ...related].filter((x): x is string => !!x),
      cvss: cvssOf(f, d),
      package: pkgs[0] ?? null,
      location: {
        image,
        // Outside an image the resource (instance, Lambda function) is the scan target of the identity.
        file: isImage ? null : resourceId,
        resource: resourceId,
        account,
        region,
      },
      help_uri: str(d.sourceUrl) ?? null,
    };
  }

  // NETWORK_REACHABILITY and anything new: a posture finding on the resource.
  return {
    ...common,
    category: 'cloud',
    rule_id: type === 'NETWORK_REACHABILITY' ? `${type}:${str(f.title) ?? ''}` : type,
    rule_name: str(f.title) ?? null,
    location: { resource: resourceId, account, region },
  };
}

export function parseInspector2(doc: unknown, ctx: { file: string }): ParseOutput {
  if (!isObj(doc) || !Array.isArray(doc.findings))
    throw new UserError(
      'not an Amazon Inspector export: expected an object with a "findings" array (aws inspector2 list-findings --output json)',
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const cats = new Set<Category>();
  doc.findings.forEach((f: unknown, i: number) => {
    const pointer = `/findings/${i}`;
    if (!isObj(f)) {
      out.warnings.push(`${pointer}: finding is not an object; skipped`);
      return;
    }
    const d = findingToDraft(f, pointer, out.warnings);
    cats.add(d.category);
    out.findings.push(d);
  });
  const scan: ScanEvidence = {
    tool: { name: 'Amazon Inspector', version: null },
    categories: cats.size > 0 ? [...cats].sort() : ['container', 'sca'],
    success: true,
    errors: [],
  };
  out.scans.push(scan);
  return out;
}

export const awsInspector2Parser: Parser = {
  id: 'aws_inspector2',
  input: 'json',
  docs: {
    title: 'Amazon Inspector (v2) findings (JSON)',
    produce:
      '`aws inspector2 list-findings --output json > inspector2.json` (add `--filter-criteria` to narrow by account, resource or status)',
    takes:
      'one record per finding: severity (UNTRIAGED → inspectorScore), status (ACTIVE open, SUPPRESSED suppressed, CLOSED fixed), CVE and related ids, first vulnerable package with installed and fixed version, CVSS, ECR image / EC2 / Lambda resource, account, region, first/last observed; code findings with CWE, file and lines',
  },
  detect,
  parse: parseInspector2,
};
