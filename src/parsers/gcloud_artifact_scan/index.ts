import type { Package } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import { cloudSeverity, ecosystemOf, imageRepository, isObj, isoDate, str } from '../cloud-util.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Grafeas occurrences are free-form JSON */

const VULN_ID_RE = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3}|[A-Z]+-\d{4}-[\w-]+)$/i;

function isOccurrence(o: unknown): boolean {
  return isObj(o) && isObj(o.vulnerability) && (typeof o.noteName === 'string' || o.kind === 'VULNERABILITY');
}

/** Occurrences with their pointers, from the three shapes gcloud and the API write. */
function occurrencesOf(doc: unknown): Array<{ occ: unknown; pointer: string; group?: string }> | undefined {
  if (isObj(doc) && isObj(doc.package_vulnerability_summary)) {
    const groups = doc.package_vulnerability_summary.vulnerabilities;
    if (groups === undefined || groups === null) return [];
    if (!isObj(groups)) return undefined;
    return Object.entries(groups).flatMap(([group, list]) =>
      Array.isArray(list)
        ? list.map((occ, i) => ({
            occ,
            pointer: `/package_vulnerability_summary/vulnerabilities/${group}/${i}`,
            group,
          }))
        : [],
    );
  }
  if (isObj(doc) && Array.isArray(doc.occurrences))
    return doc.occurrences.map((occ, i) => ({ occ, pointer: `/occurrences/${i}` }));
  if (Array.isArray(doc)) return doc.map((occ, i) => ({ occ, pointer: `/${i}` }));
  return undefined;
}

function detect(s: Sniff): number {
  const d = s.doc;
  if (isObj(d) && isObj(d.package_vulnerability_summary)) return 1;
  const list = isObj(d) && Array.isArray(d.occurrences) ? d.occurrences : Array.isArray(d) ? d : undefined;
  if (!list || list.length === 0) return 0;
  const first = list.slice(0, 5).filter(isObj);
  const grafeas = first.every((o) => typeof o.noteName === 'string' && typeof o.kind === 'string');
  return grafeas && first.some(isOccurrence) ? 0.95 : 0;
}

function packageOf(pi: Record<string, any> | undefined): Package | null {
  const name = str(pi?.affectedPackage) ?? str(pi?.packageName);
  if (!pi || !name) return null;
  const av = isObj(pi.affectedVersion) ? pi.affectedVersion : {};
  const fv = isObj(pi.fixedVersion) ? pi.fixedVersion : {};
  // kind MAXIMUM means "no fixed version": every version is affected.
  const fixed = fv.kind === 'MAXIMUM' ? undefined : (str(fv.fullName) ?? str(fv.name));
  return {
    name,
    version: str(av.fullName) ?? str(av.name) ?? null,
    fixed_version: fixed ?? null,
    ecosystem: ecosystemOf(pi.packageType),
    purl: null,
  };
}

function occurrenceToDraft(
  o: Record<string, any>,
  pointer: string,
  group: string | undefined,
  warnings: string[],
): Draft {
  const v = o.vulnerability as Record<string, any>;
  const note = str(o.noteName);
  const noteId = note?.split('/').pop();
  const short = str(v.shortDescription);
  const vulnId = [short, noteId].find((x) => x && VULN_ID_RE.test(x)) ?? short ?? noteId;
  const issues = Array.isArray(v.packageIssue) ? v.packageIssue.filter(isObj) : [];
  if (issues.length > 1)
    warnings.push(`${pointer}: ${issues.length} package issues; the record names the first`);
  const pkg = packageOf(issues[0]);
  const word =
    str(v.effectiveSeverity) ??
    str(issues[0]?.effectiveSeverity) ??
    str(v.severity) ??
    (group && group !== 'None' ? group : undefined);
  const severity = cloudSeverity(word === 'SEVERITY_UNSPECIFIED' ? undefined : word, v.cvssScore, 'info');
  const score = typeof v.cvssScore === 'number' && v.cvssScore >= 0 && v.cvssScore <= 10 ? v.cvssScore : null;
  const vector = /CVSS:[0-9.]+\/[A-Z:/]+/.exec(str(v.longDescription) ?? '')?.[0] ?? null;
  const uri = str(o.resourceUri) ?? str(isObj(o.resource) ? o.resource.uri : undefined);
  const name = str(o.name);
  const project = /^projects\/([^/]+)/.exec(name ?? '')?.[1] ?? null;
  const region = /\/locations\/([^/]+)/.exec(name ?? '')?.[1] ?? null;
  const file =
    issues[0] && Array.isArray(issues[0].fileLocation) ? str(issues[0].fileLocation[0]?.filePath) : undefined;
  const related = Array.isArray(v.relatedUrls)
    ? v.relatedUrls.find((u: any) => isObj(u) && str(u.url))
    : undefined;
  return {
    title: [vulnId ?? 'vulnerability', pkg?.name].filter(Boolean).join(' - '),
    description: str(v.longDescription) ?? null,
    category: 'container',
    rule_id: vulnId ?? null,
    rule_name: note ?? null,
    ...severity,
    tool: 'Google Artifact Analysis',
    state: 'open',
    first_seen: isoDate(o.createTime),
    last_seen: isoDate(o.updateTime) ?? isoDate(o.createTime),
    cve: vulnId ? [vulnId] : [],
    cvss:
      score !== null
        ? { score, vector, version: str(v.cvssVersion)?.replace(/^CVSS_VERSION_/, '') ?? null }
        : null,
    package: pkg,
    location: {
      image: uri ? imageRepository(uri) : null,
      resource: uri ? uri.replace(/^https?:\/\//, '') : null,
      file: file ?? null,
      account: project,
      region,
    },
    fingerprints: name ? { occurrence: name } : {},
    tags: v.fixAvailable === true ? ['fix-available'] : [],
    help_uri: related ? str(related.url)! : null,
    pointer,
  };
}

export function parseGcloudArtifactScan(doc: unknown, ctx: { file: string }): ParseOutput {
  const list = occurrencesOf(doc);
  if (!list)
    throw new UserError(
      'not a Google Artifact Analysis export: expected an object with "package_vulnerability_summary" (gcloud artifacts docker images describe --show-package-vulnerability --format=json), an "occurrences" array, or a JSON array of occurrences',
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  for (const { occ, pointer, group } of list) {
    if (!isObj(occ)) {
      out.warnings.push(`${pointer}: occurrence is not an object; skipped`);
      continue;
    }
    if (!isObj(occ.vulnerability)) {
      // DISCOVERY and other occurrence kinds in a mixed list are not findings.
      if (str(occ.kind) !== 'DISCOVERY')
        out.warnings.push(`${pointer}: occurrence has no "vulnerability"; skipped`);
      continue;
    }
    out.findings.push(occurrenceToDraft(occ, pointer, group, out.warnings));
  }
  let success = true;
  const errors: string[] = [];
  const disc =
    isObj(doc) && isObj(doc.discovery_summary) && Array.isArray(doc.discovery_summary.discovery)
      ? doc.discovery_summary.discovery
      : [];
  for (const d of disc) {
    const status = isObj(d) && isObj(d.discovery) ? str(d.discovery.analysisStatus) : undefined;
    if (status && /FAILED|UNSUPPORTED/i.test(status)) {
      success = false;
      errors.push(`analysisStatus ${status}`);
    }
  }
  out.scans.push({
    tool: { name: 'Google Artifact Analysis', version: null },
    categories: ['container'],
    success,
    errors,
  });
  return out;
}

export const gcloudArtifactScanParser: Parser = {
  id: 'gcloud_artifact_scan',
  input: 'json',
  docs: {
    title: 'Google Artifact Analysis vulnerability occurrences (JSON)',
    produce:
      '`gcloud artifacts docker images describe LOCATION-docker.pkg.dev/PROJECT/REPO/IMAGE@sha256:DIGEST --show-package-vulnerability --format=json > gcp-artifact-scan.json`',
    takes:
      'one record per vulnerability occurrence: CVE (shortDescription/noteName), effectiveSeverity (MINIMAL → info), CVSS score, first package issue (package, installed and fixed version, type), image repository and digest, project, create/update times',
  },
  detect,
  parse: parseGcloudArtifactScan,
};
