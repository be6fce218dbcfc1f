import type { Ticket } from '../../schema/ticket.js';
import { importGithubIssues } from '../../trackers/github-issues.js';
import { DEFAULT_MAPPING } from '../../trackers/index.js';
import type { components } from '@octokit/openapi-types';
import type { InventoryEntry, SourceProblem } from '../../commands/aggregate-api.js';
import type { Finding } from '../../schema/finding.js';
import type { Exception } from '../../schema/exception.js';
import type { ParseOutput } from '../../parsers/types.js';
import { getParser } from '../../parsers/registry.js';
import { finalizeDrafts } from '../../normalize/finalize.js';
import { exceptionFromIssue } from '../../exceptions/issue-form.js';
import { errorMessage } from '../../util/errors.js';
import { paginateKeeping, type GhClient } from './client.js';
import type { RepoInfo } from './repos.js';

type PropertyValues = components['schemas']['org-repo-custom-property-values'];
type Issue = components['schemas']['issue'];

export type InventoryField = 'application' | 'service' | 'owner' | 'tier' | 'environment';
export type FieldMap = Partial<Record<InventoryField, string>>;

function status(e: unknown): number | undefined {
  return (e as { status?: number }).status;
}

/** One org call per 100 repos. Empty map when the token may not read them (problem recorded). */
export async function readCustomProperties(
  octokit: GhClient,
  org: string,
  problems: SourceProblem[],
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  try {
    const rows = (await octokit.paginate('GET /orgs/{org}/properties/values', {
      org,
      per_page: 100,
    })) as PropertyValues[];
    for (const row of rows) {
      const props: Record<string, string> = {};
      for (const p of row.properties) {
        if (p.value === null || p.value === undefined) continue;
        props[p.property_name] = Array.isArray(p.value) ? p.value.join(', ') : String(p.value);
      }
      out.set(row.repository_full_name, props);
    }
  } catch (e) {
    problems.push({
      source: 'github:custom-properties',
      problem: `cannot read repository custom properties: HTTP ${status(e) ?? errorMessage(e)} (needs org "Custom properties: read")`,
      affects: 'inventory',
    });
  }
  return out;
}

/** Owners of the last `*` rule (the catch-all), the way GitHub resolves CODEOWNERS precedence. */
export function codeownersCatchAll(text: string): string | null {
  let owners: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const [pattern, ...rest] = line.split(/\s+/);
    if ((pattern === '*' || pattern === '/*' || pattern === '/**' || pattern === '**') && rest.length)
      owners = rest.join(' ');
  }
  return owners;
}

const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/** CODEOWNERS of many repos in one GraphQL call per 50 repos (3 candidate paths each). */
export async function readCodeowners(
  octokit: GhClient,
  repos: RepoInfo[],
  problems: SourceProblem[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < repos.length; i += 50) {
    const batch = repos.slice(i, i + 50);
    const fields = batch
      .map((r, k) => {
        const [owner, name] = r.full_name.split('/');
        const paths = CODEOWNERS_PATHS.map(
          (p, j) => `f${j}: object(expression: ${JSON.stringify(`HEAD:${p}`)}) { ... on Blob { text } }`,
        ).join(' ');
        return `r${k}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) { ${paths} }`;
      })
      .join('\n');
    let data: Record<string, Record<string, { text?: string } | null> | null> | undefined;
    try {
      data = await octokit.graphql(`query {\n${fields}\n}`);
    } catch (e) {
      // Partial answers (one repo not found) still carry data for the others.
      data = (e as { data?: typeof data }).data;
      if (!data)
        problems.push({
          source: 'github:codeowners',
          problem: `CODEOWNERS lookup failed: ${errorMessage(e)}`,
          affects: 'inventory',
        });
    }
    batch.forEach((r, k) => {
      const node = data?.[`r${k}`];
      for (let j = 0; j < CODEOWNERS_PATHS.length; j++) {
        const text = node?.[`f${j}`]?.text;
        const owner = text ? codeownersCatchAll(text) : null;
        if (owner) {
          out.set(r.full_name, owner);
          break;
        }
      }
    });
  }
  return out;
}

/** One inventory row per repo; owner precedence custom property > topic > CODEOWNERS, source kept. */
export function inventoryFromRepos(
  repos: RepoInfo[],
  props: Map<string, Record<string, string>>,
  propMap: FieldMap,
  topicMap: FieldMap,
  codeowners: Map<string, string>,
): InventoryEntry[] {
  const fields: InventoryField[] = ['application', 'service', 'owner', 'tier', 'environment'];
  return repos.map((r) => {
    const values: Partial<Record<InventoryField, { value: string; source: string }>> = {};
    const p = props.get(r.full_name) ?? {};
    for (const f of fields) {
      const name = propMap[f];
      if (name && p[name]) values[f] = { value: p[name], source: 'custom-property' };
    }
    for (const f of fields) {
      const prefix = topicMap[f];
      if (!prefix || values[f]) continue;
      const t = r.topics.find((x) => x.startsWith(prefix) && x.length > prefix.length);
      if (t) values[f] = { value: t.slice(prefix.length), source: 'topic' };
    }
    const co = codeowners.get(r.full_name);
    if (!values.owner && co) values.owner = { value: co, source: 'codeowners' };
    const sources = [...new Set(Object.values(values).map((v) => v.source))];
    const e: InventoryEntry = {
      application: values.application?.value ?? r.name,
      repos: [r.full_name],
      source: ['github:repos', ...sources.map((s) => `github:${s}`)].join(' + '),
    };
    if (values.service) e.service = values.service.value;
    if (values.owner) {
      e.owner = values.owner.value;
      e.owner_source = values.owner.source;
    }
    if (values.tier) e.tier = values.tier.value;
    if (values.environment) e.environment = values.environment.value;
    return e;
  });
}

export interface AlertKind {
  key: 'code_scanning' | 'secret_scanning' | 'dependabot';
  route: string;
  format: string;
  params: Record<string, string | number | boolean>;
  permission: string;
}

export const ALERT_KINDS: AlertKind[] = [
  {
    key: 'code_scanning',
    route: 'GET /orgs/{org}/code-scanning/alerts',
    format: 'github_code_scanning',
    params: {},
    permission: 'Code scanning alerts: read',
  },
  {
    key: 'secret_scanning',
    route: 'GET /orgs/{org}/secret-scanning/alerts',
    format: 'github_secret_scanning',
    // The API can leave the secret out of the answer: we never want it.
    params: { hide_secret: true },
    permission: 'Secret scanning alerts: read',
  },
  {
    key: 'dependabot',
    route: 'GET /orgs/{org}/dependabot/alerts',
    format: 'github_vulnerability',
    params: {},
    permission: 'Dependabot alerts: read',
  },
];

export type ParseAlerts = (format: string, doc: unknown, file: string) => ParseOutput;

export const registryParse: ParseAlerts = (format, doc, file) => getParser(format).parse(doc, { file });

export interface AlertResult {
  findings: Finding[];
  counts: Record<string, number | string>;
}

/**
 * Org-level alert lists (per-org calls, paginated by the number of alerts, not repos), grouped by
 * repo and normalized by the platform parsers with confidence A: the platform dates are the
 * lifecycle dates, not our observation time.
 */
export async function readPlatformAlerts(
  octokit: GhClient,
  org: string,
  inScope: Map<string, { product: string | null }>,
  mode: 'auto' | 'true',
  observedAt: string,
  parse: ParseAlerts,
  problems: SourceProblem[],
): Promise<AlertResult> {
  const findings: Finding[] = [];
  const counts: Record<string, number | string> = {};
  for (const kind of ALERT_KINDS) {
    let alerts: Array<{ repository?: { full_name?: string } }>;
    try {
      const r = await paginateKeeping<{ repository?: { full_name?: string } }>(octokit, kind.route, {
        org,
        per_page: 100,
        ...kind.params,
      });
      alerts = r.items;
      if (r.failure)
        problems.push({
          source: `github:${kind.key.replace('_', '-')}-alerts`,
          problem: `incomplete: page ${r.failure.afterPage + 1} failed (HTTP ${r.failure.status ?? r.failure.message}); ${r.items.length} alerts read, the rest are missing`,
          affects: 'alerts',
        });
    } catch (e) {
      const s = status(e);
      const why =
        s === 403 || s === 404
          ? `HTTP ${s}: not enabled, or the token lacks "${kind.permission}"`
          : `HTTP ${s ?? errorMessage(e)}`;
      counts[kind.key] = `not read (${why})`;
      if (mode === 'true' || (s !== 403 && s !== 404))
        problems.push({
          source: `github:${kind.key.replace('_', '-')}-alerts`,
          problem: why,
          affects: 'alerts',
        });
      continue;
    }
    const byRepo = new Map<string, unknown[]>();
    for (const a of alerts) {
      const repo = a.repository?.full_name;
      if (!repo || !inScope.has(repo)) continue;
      if (!byRepo.has(repo)) byRepo.set(repo, []);
      byRepo.get(repo)!.push(a);
    }
    let n = 0;
    for (const [repo, list] of [...byRepo].sort(([a], [b]) => a.localeCompare(b))) {
      const file = `github:${kind.key} ${repo}`;
      try {
        const out = parse(kind.format, list, file);
        const tool = out.scans[0]?.tool ?? { name: kind.format, version: null };
        const fs = finalizeDrafts(out.findings, {
          sourceFile: file,
          sourceFormat: kind.format,
          tool,
          product: inScope.get(repo)?.product ?? null,
          service: null,
          repo,
          ref: null,
          commit: null,
          observedAt,
          confidence: 'A',
          roots: [],
          secrets: out.secrets,
        });
        findings.push(...fs);
        n += fs.length;
      } catch (e) {
        problems.push({
          source: `github:${kind.key.replace('_', '-')}-alerts`,
          problem: `${repo}: ${errorMessage(e)}`,
          affects: 'alerts',
        });
      }
    }
    counts[kind.key] = n;
  }
  return { findings, counts };
}

/** Open issues with the exception label, each parsed from the issue form. Closing an issue ends it. */
export async function readExceptionIssues(
  octokit: GhClient,
  centralRepo: string,
  label: string,
  problems: SourceProblem[],
): Promise<Exception[]> {
  const [owner, repo] = centralRepo.split('/') as [string, string];
  const out: Exception[] = [];
  let issues: Issue[];
  try {
    issues = (await octokit.paginate('GET /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      labels: label,
      state: 'open',
      per_page: 100,
    })) as Issue[];
  } catch (e) {
    problems.push({
      source: `${centralRepo} issues`,
      problem: `cannot list exception issues: HTTP ${status(e) ?? errorMessage(e)}`,
      affects: 'exceptions',
    });
    return out;
  }
  for (const issue of issues) {
    if (issue.pull_request) continue;
    const r = exceptionFromIssue(issue);
    if (r.exception) out.push(r.exception);
    for (const err of r.errors)
      problems.push({
        source: issue.html_url,
        problem: err.startsWith(`${issue.html_url}: `) ? err.slice(issue.html_url.length + 2) : err,
        affects: 'exceptions',
      });
  }
  return out;
}

/**
 * GitHub Issues as the tracker: issues labelled `label` anywhere in the org, through the search API
 * (per-org calls: one per 100 issues, at most 1,000 issues by GitHub's search limit).
 */
export async function readTrackerIssues(
  octokit: GhClient,
  org: string,
  label: string,
  problems: SourceProblem[],
): Promise<Ticket[]> {
  let items: unknown[];
  try {
    items = (await octokit.paginate('GET /search/issues', {
      q: `org:${org} label:"${label.replace(/"/g, '')}" is:issue`,
      per_page: 100,
    })) as unknown[];
  } catch (e) {
    problems.push({
      source: `github:issues label ${label}`,
      problem: `cannot search tracker issues: HTTP ${status(e) ?? errorMessage(e)}`,
      affects: 'tickets',
    });
    return [];
  }
  const errors: string[] = [];
  const tickets = importGithubIssues(items, `github-issues(${label})`, DEFAULT_MAPPING, errors);
  for (const err of errors)
    problems.push({ source: `github:issues label ${label}`, problem: err, affects: 'tickets' });
  if (items.length >= 1000)
    problems.push({
      source: `github:issues label ${label}`,
      problem: "the search returned 1,000 issues, GitHub's limit: older tickets are missing",
      affects: 'tickets',
    });
  return tickets;
}
