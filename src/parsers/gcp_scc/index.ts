import type { State } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import { cloudSeverity, isObj, isoDate, str } from '../cloud-util.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- SCC findings are free-form JSON */

/** A Finding resource: `organizations/1/sources/2/findings/x` (v2 adds `/locations/global`). */
function isSccFinding(f: unknown): boolean {
  return (
    isObj(f) &&
    typeof f.name === 'string' &&
    /\/sources\/[^/]+\/(locations\/[^/]+\/)?findings\//.test(f.name) &&
    'category' in f
  );
}

/** Results with their pointers: the gcloud list, the REST `listFindingsResults`, or bare findings. */
function resultsOf(doc: unknown): { list: unknown[]; prefix: string } | undefined {
  if (Array.isArray(doc)) return { list: doc, prefix: '' };
  if (isObj(doc) && Array.isArray(doc.listFindingsResults))
    return { list: doc.listFindingsResults, prefix: '/listFindingsResults' };
  if (isObj(doc) && Array.isArray(doc.findings)) return { list: doc.findings, prefix: '/findings' };
  return undefined;
}

function detect(s: Sniff): number {
  const r = resultsOf(s.doc);
  if (!r) return 0;
  if (r.list.length === 0) return isObj(s.doc) && Array.isArray(s.doc.listFindingsResults) ? 0.9 : 0;
  const first = r.list.find(isObj);
  return first && (isSccFinding(first.finding) || isSccFinding(first)) ? 1 : 0;
}

/** Project id out of a full resource name (`//compute.googleapis.com/projects/p/zones/z/instances/i`). */
function projectOf(resourceName: string | undefined): string | null {
  return /\/projects\/([^/]+)/.exec(resourceName ?? '')?.[1] ?? null;
}

function regionOf(resourceName: string | undefined): string | null {
  const m = /\/(?:zones|regions|locations)\/([^/]+)/.exec(resourceName ?? '');
  if (!m) return null;
  // A zone (us-central1-a) belongs to a region (us-central1).
  return m[1]!.replace(/^([a-z]+-[a-z]+\d+)-[a-z]$/, '$1');
}

function resultToDraft(item: Record<string, any>, pointer: string): Draft {
  const f = (isObj(item.finding) ? item.finding : item) as Record<string, any>;
  const res = isObj(item.resource) ? item.resource : {};
  const gcp = isObj(res.gcpMetadata) ? res.gcpMetadata : res;
  const sp = isObj(f.sourceProperties) ? f.sourceProperties : {};
  const resourceName = str(f.resourceName) ?? str(res.name);
  const category = str(f.category) ?? 'UNKNOWN_CATEGORY';
  const active = (str(f.state) ?? 'ACTIVE').toUpperCase() !== 'INACTIVE';
  const muted = str(f.mute)?.toUpperCase() === 'MUTED';
  let state: State = 'open';
  let reason: string | null = null;
  if (!active) {
    state = 'fixed';
    reason = 'SCC state INACTIVE';
  } else if (muted) {
    state = 'suppressed';
    reason = 'muted in Security Command Center';
  }
  const cve = isObj(f.vulnerability) && isObj(f.vulnerability.cve) ? f.vulnerability.cve : undefined;
  const cvss =
    cve && isObj(cve.cvssv3) && typeof cve.cvssv3.baseScore === 'number' ? cve.cvssv3.baseScore : undefined;
  const sevWord = str(f.severity);
  const sev = cloudSeverity(sevWord === 'SEVERITY_UNSPECIFIED' ? undefined : sevWord, cvss, 'medium');
  const where = str(res.displayName) ?? resourceName?.split('/').pop();
  const source = str(f.parentDisplayName) ?? str(res.parentDisplayName);
  return {
    title: where ? `${category} on ${where}` : category,
    description: str(f.description) ?? str(sp.Explanation) ?? str(sp.explanation) ?? null,
    category: 'cloud',
    rule_id: category,
    rule_name: source ? `${source}: ${category}` : category,
    ...sev,
    tool: 'Google Security Command Center',
    state,
    state_reason: reason,
    first_seen: isoDate(f.createTime) ?? isoDate(f.eventTime),
    last_seen: isoDate(f.eventTime) ?? isoDate(f.createTime),
    closed_at: state === 'fixed' ? isoDate(f.eventTime) : null,
    cve: cve && str(cve.id) ? [str(cve.id)!] : [],
    cvss: cvss !== undefined && cvss >= 0 && cvss <= 10 ? { score: cvss, vector: null, version: '3' } : null,
    location: {
      resource: resourceName ?? null,
      account:
        str(gcp.projectDisplayName) ?? projectOf(resourceName) ?? projectOf(str(gcp.projectName)) ?? null,
      region: str(res.location) ?? regionOf(resourceName),
    },
    fingerprints: str(f.name) ? { name: str(f.name)! } : {},
    tags: [str(f.findingClass), source].filter((x): x is string => !!x),
    help_uri: str(f.externalUri) ?? null,
    pointer,
  };
}

export function parseGcpScc(doc: unknown, ctx: { file: string }): ParseOutput {
  const r = resultsOf(doc);
  if (!r)
    throw new UserError(
      'not a Security Command Center export: expected a JSON array of {finding, resource} results (gcloud scc findings list --format=json) or an object with "listFindingsResults"',
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  r.list.forEach((item, i) => {
    const pointer = `${r.prefix}/${i}`;
    if (!isObj(item) || !(isObj(item.finding) || isSccFinding(item))) {
      out.warnings.push(`${pointer}: not a {finding, resource} result; skipped`);
      return;
    }
    out.findings.push(resultToDraft(item, pointer));
  });
  out.scans.push({
    tool: { name: 'Google Security Command Center', version: null },
    categories: ['cloud'],
    success: true,
    errors: [],
  });
  return out;
}

export const gcpSccParser: Parser = {
  id: 'gcp_scc',
  input: 'json',
  docs: {
    title: 'Google Security Command Center findings (JSON)',
    produce:
      '`gcloud scc findings list organizations/ORG_ID --format=json > scc.json` (or `projects/PROJECT_ID`, `folders/FOLDER_ID`; add `--filter=\'state="ACTIVE"\'` to leave out inactive findings)',
    takes:
      "one record per finding: category as rule, severity (or the CVE's CVSS), state (ACTIVE open, INACTIVE fixed, muted → suppressed), resource name, project, region, create/event time, CVE, source name",
  },
  detect,
  parse: parseGcpScc,
};
