import type { Category, Finding, State } from '../../schema/finding.js';
import type { Draft } from '../../parsers/types.js';
import { finalizeDrafts } from '../../normalize/finalize.js';
import { wordToSeverity } from '../../normalize/severity.js';
import type { GitlabClient } from './client.js';

/** The fields of GitLab's GraphQL `Vulnerability` type that we read (Ultimate: the vulnerability report). */
export interface GqlVulnerability {
  id: string;
  title?: string | null;
  description?: string | null;
  severity?: string | null;
  state?: string | null;
  reportType?: string | null;
  detectedAt?: string | null;
  resolvedAt?: string | null;
  dismissedAt?: string | null;
  dismissalReason?: string | null;
  webUrl?: string | null;
  project?: { fullPath?: string | null } | null;
  scanner?: { name?: string | null; vendor?: string | null } | null;
  identifiers?: Array<{
    externalType?: string | null;
    externalId?: string | null;
    name?: string | null;
    url?: string | null;
  }> | null;
  location?: {
    __typename?: string;
    file?: string | null;
    startLine?: string | number | null;
    endLine?: string | number | null;
    image?: string | null;
    hostname?: string | null;
    path?: string | null;
    dependency?: { version?: string | null; package?: { name?: string | null } | null } | null;
  } | null;
}

export const GROUP_VULNERABILITIES_QUERY = `query($fullPath: ID!, $after: String) {
  group(fullPath: $fullPath) {
    vulnerabilities(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id title description severity state reportType
        detectedAt resolvedAt dismissedAt dismissalReason webUrl
        project { fullPath }
        scanner { name vendor }
        identifiers { externalType externalId name url }
        location {
          __typename
          ... on VulnerabilityLocationSast { file startLine endLine }
          ... on VulnerabilityLocationSecretDetection { file startLine endLine }
          ... on VulnerabilityLocationDependencyScanning { file dependency { version package { name } } }
          ... on VulnerabilityLocationContainerScanning { image dependency { version package { name } } }
          ... on VulnerabilityLocationClusterImageScanning { image dependency { version package { name } } }
          ... on VulnerabilityLocationDast { hostname path }
        }
      }
    }
  }
}`;

interface GroupVulnsPage {
  group: {
    vulnerabilities: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: GqlVulnerability[];
    };
  } | null;
}

/** Every vulnerability of the group and its subgroups, all states, following the GraphQL cursor. */
export async function fetchGroupVulnerabilities(
  client: GitlabClient,
  group: string,
  maxPages = 1000,
): Promise<GqlVulnerability[]> {
  const out: GqlVulnerability[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const data: GroupVulnsPage = await client.graphql<GroupVulnsPage>(GROUP_VULNERABILITIES_QUERY, {
      fullPath: group,
      after,
    });
    if (!data.group)
      throw new Error(`group ${group} not found, or the token cannot see its vulnerability report`);
    const v = data.group.vulnerabilities;
    out.push(...v.nodes);
    if (!v.pageInfo.hasNextPage || !v.pageInfo.endCursor) return out;
    after = v.pageInfo.endCursor;
  }
  throw new Error(`more than ${maxPages} pages of vulnerabilities`);
}

const CATEGORY: Record<string, Category> = {
  SAST: 'sast',
  DEPENDENCY_SCANNING: 'sca',
  CONTAINER_SCANNING: 'container',
  CLUSTER_IMAGE_SCANNING: 'container',
  SECRET_DETECTION: 'secret',
  DAST: 'dast',
  API_FUZZING: 'dast',
  COVERAGE_FUZZING: 'sast',
  GENERIC: 'other',
};

/** METRICS.md "Lifecycle states": GitLab's state + dismissal reason → ours, keeping the reason. */
export function mapGitlabState(
  state: string | null | undefined,
  reason: string | null | undefined,
): { state: State; reason: string | null } {
  const s = (state ?? '').toUpperCase();
  const r = (reason ?? '').toUpperCase();
  if (s === 'RESOLVED') return { state: 'fixed', reason: 'resolved' };
  if (s === 'DISMISSED') {
    const why = r ? r.toLowerCase().replace(/_/g, ' ') : 'dismissed';
    if (r === 'ACCEPTABLE_RISK') return { state: 'accepted_risk', reason: why };
    if (r === 'FALSE_POSITIVE') return { state: 'false_positive', reason: why };
    return { state: 'not_applicable', reason: why };
  }
  return { state: 'open', reason: s === 'CONFIRMED' ? 'confirmed' : s ? s.toLowerCase() : null };
}

function num(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isInteger(n) ? n : null;
}

export function vulnerabilityToDraft(v: GqlVulnerability, index: number): Draft {
  const ids = v.identifiers ?? [];
  const ofType = (t: string) =>
    ids
      .filter((i) => (i.externalType ?? '').toLowerCase() === t)
      .map((i) => i.externalId ?? i.name ?? '')
      .filter(Boolean);
  const cve = [...ofType('cve').map((c) => c.toUpperCase()), ...ofType('ghsa')];
  const primary = ids.find(
    (i) => !['cve', 'cwe', 'ghsa', 'owasp'].includes((i.externalType ?? '').toLowerCase()),
  );
  const reportType = (v.reportType ?? '').toUpperCase();
  const category = CATEGORY[reportType] ?? 'other';
  const word = wordToSeverity(v.severity);
  const { state, reason } = mapGitlabState(v.state, v.dismissalReason);
  const loc = v.location ?? {};
  const dep = loc.dependency?.package?.name
    ? {
        name: loc.dependency.package.name,
        version: loc.dependency.version ?? null,
        fixed_version: null,
        ecosystem: null,
        purl: null,
      }
    : null;
  const url = loc.hostname ? `${loc.hostname.replace(/\/+$/, '')}${loc.path ?? ''}` : null;
  return {
    title: v.title ?? primary?.name ?? 'GitLab vulnerability',
    description: v.description ?? null,
    category,
    rule_id:
      category === 'sca' || category === 'container'
        ? (cve[0] ?? primary?.externalId ?? null)
        : (primary?.externalId ?? cve[0] ?? null),
    rule_name: primary?.name ?? null,
    severity: word ?? 'info',
    severity_source: word ? 'tool' : 'default',
    source_severity: v.severity ?? null,
    tool: v.scanner?.name ?? 'GitLab',
    state,
    state_reason: reason,
    first_seen: v.detectedAt ?? null,
    closed_at: state === 'fixed' ? (v.resolvedAt ?? null) : state === 'open' ? null : (v.dismissedAt ?? null),
    repo: v.project?.fullPath ?? null,
    cwe: ofType('cwe'),
    cve,
    package: dep,
    location: {
      file: loc.file ?? null,
      start_line: num(loc.startLine),
      end_line: num(loc.endLine),
      image: loc.image ?? null,
      url,
    },
    fingerprints: { gitlab_vulnerability_id: v.id },
    tags: reportType ? [`gitlab:${reportType.toLowerCase()}`] : [],
    help_uri: v.webUrl ?? null,
    pointer: `vulnerability ${index} (${v.id})`,
  };
}

/** Vulnerabilities → findings (confidence A: the platform's own data), one per project so `repo` is right. */
export function vulnerabilitiesToFindings(
  vulns: readonly GqlVulnerability[],
  observedAt: string,
  productOf: (repo: string) => string | null = (repo) => repo.split('/').pop() ?? null,
): Finding[] {
  const byProject = new Map<string, Draft[]>();
  vulns.forEach((v, i) => {
    const d = vulnerabilityToDraft(v, i);
    const key = d.repo ?? '';
    const list = byProject.get(key) ?? [];
    list.push(d);
    byProject.set(key, list);
  });
  const out: Finding[] = [];
  for (const [repo, drafts] of [...byProject].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(
      ...finalizeDrafts(drafts, {
        sourceFile: 'gitlab:vulnerabilities',
        sourceFormat: 'gitlab_vulnerabilities',
        tool: { name: 'GitLab', version: null },
        product: repo ? productOf(repo) : null,
        service: null,
        repo: repo || null,
        ref: null,
        commit: null,
        observedAt,
        confidence: 'A',
        roots: [],
        secrets: [],
      }),
    );
  }
  return out;
}
