import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  AggregateResult,
  CollectedRecord,
  InventoryEntry,
  RunAggregate,
  SourceProblem,
} from '../../commands/aggregate-api.js';
import type { AggregateInputs } from '../../schema/inputs.js';
import type { Exception } from '../../schema/exception.js';
import { errorMessage, UserError } from '../../util/errors.js';
import type { Logger } from '../../util/logger.js';
import {
  createClient,
  installationToken,
  newCallStats,
  resolveApiUrl,
  type CallStats,
  type GhClient,
} from './client.js';
import {
  collectRepo,
  DEFAULT_RELEASE_REF,
  listOrgRepos,
  selectRepos,
  shardOf,
  type RepoInfo,
  type RepoOutcome,
} from './repos.js';
import {
  inventoryFromRepos,
  readCodeowners,
  readCustomProperties,
  readExceptionIssues,
  readTrackerIssues,
  readPlatformAlerts,
  registryParse,
  type ParseAlerts,
} from './org-sources.js';
import {
  commitHistory,
  findReportIssues,
  issueBody,
  readHistory,
  reportMarker,
  upsertReportIssue,
} from './publish.js';

export interface GithubAggregateOptions {
  inputs: AggregateInputs;
  env: Record<string, string | undefined>;
  cwd: string;
  logger: Logger;
  /** "Now" for the default month and observation times (tests, reruns). */
  now?: Date;
  /** Test knobs passed to the client. */
  retryAfterBaseMs?: number;
  noWriteSpacing?: boolean;
}

export interface GithubAggregateDeps {
  /** The aggregator core (src/commands/aggregate.ts once merged); injected so the job is testable alone. */
  runAggregate: RunAggregate;
  uploadArtifact?: (
    name: string,
    files: string[],
    rootDir: string,
  ) => Promise<{ id?: number | string; size?: number }>;
  writeSummary?: (markdown: string) => Promise<void>;
  setOutput?: (name: string, value: string) => void;
  /** core.setSecret in the action; nothing on the CLI (it would print the token). */
  maskSecret?: (value: string) => void;
  parseAlerts?: ParseAlerts;
}

export interface RepoReport {
  repo: string;
  status: RepoOutcome['status'];
  records: number;
  release_runs: number;
  calls: number;
  problems: string[];
  notes: string[];
  artifact_id: number | null;
}

/** What one shard hands to the merge job (uploaded as an artifact, read from `shards_dir`). */
export interface ShardBundle {
  kind: 'product-security-metrics/github-shard';
  version: 1;
  org: string;
  shard: { index: number; count: number };
  month: string;
  repos: RepoInfo[];
  reports: RepoReport[];
  records: CollectedRecord[];
  problems: SourceProblem[];
  calls: number;
}

export interface GithubAggregateResult {
  exitCode: 0 | 2;
  month: string;
  stats: CallStats;
  repos: RepoReport[];
  problems: SourceProblem[];
  issue?: { number: number; html_url: string; created: boolean };
  historyCommit?: string | null;
  aggregate?: AggregateResult;
  outDir: string;
  /** Written in shard mode. */
  shardFile?: string;
  summary: string;
}

/** Previous full month in UTC: the report a job run on the 1st should publish. */
export function defaultMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

function monthBounds(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
}

export const reportTitle = (month: string) => `Security metrics — ${month}`;

async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

async function authenticate(
  o: GithubAggregateOptions,
  deps: GithubAggregateDeps,
  baseUrl: string,
  stats: CallStats,
): Promise<string> {
  const i = o.inputs;
  if (i.github_token) {
    deps.maskSecret?.(i.github_token);
    return i.github_token;
  }
  // A workflow command is one line: mask the key's lines one by one as well as the whole.
  deps.maskSecret?.(i.app_private_key!);
  for (const line of i.app_private_key!.split(/\r?\n|\\n/))
    if (line.trim().length >= 16 && !line.startsWith('-----')) deps.maskSecret?.(line.trim());
  try {
    const token = await installationToken({
      baseUrl,
      appId: i.app_id!,
      privateKey: i.app_private_key!,
      org: i.github_org,
      installationId: i.app_installation_id,
      logger: o.logger,
      stats,
      retryAfterBaseMs: o.retryAfterBaseMs,
    });
    deps.maskSecret?.(token);
    return token;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(
      `GitHub App authentication failed for org "${i.github_org}": ${errorMessage(e)} (is the app installed on the org?)`,
    );
  }
}

function repoReport(o: RepoOutcome, stats: CallStats): RepoReport {
  return {
    repo: o.repo,
    status: o.status,
    records: o.records.length,
    release_runs: o.releaseRuns,
    calls: stats.byRepo.get(o.repo) ?? 0,
    problems: o.problems.map((p) => p.problem),
    notes: o.notes,
    artifact_id: o.artifact?.id ?? null,
  };
}

async function readShards(dir: string): Promise<ShardBundle[]> {
  const found: string[] = [];
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.shard.json')) found.push(p);
    }
  };
  try {
    await walk(dir);
  } catch {
    throw new UserError('shards folder not found', dir);
  }
  if (found.length === 0)
    throw new UserError('no *.shard.json files found (did the shard jobs upload their artifacts?)', dir);
  const bundles: ShardBundle[] = [];
  for (const f of found.sort()) {
    const b = JSON.parse(await fs.readFile(f, 'utf8')) as ShardBundle;
    if (b.kind !== 'product-security-metrics/github-shard') throw new UserError('not a shard bundle', f);
    bundles.push(b);
  }
  const counts = new Set(bundles.map((b) => b.shard.count));
  const have = new Set(bundles.map((b) => b.shard.index));
  const problems: string[] = [];
  if (counts.size > 1) problems.push(`shards disagree on n: ${[...counts].join(', ')}`);
  const n = [...counts][0]!;
  for (let k = 1; k <= n; k++) if (!have.has(k)) problems.push(`shard ${k}/${n} is missing`);
  if (problems.length) throw new UserError(problems.join('; '), dir);
  return bundles;
}

function fmtCalls(stats: CallStats): string {
  const top = [...stats.byRoute].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return top.map(([r, n]) => `| \`${r}\` | ${n} |`).join('\n');
}

export function renderJobSummary(r: {
  org: string;
  month: string;
  repos: RepoReport[];
  problems: SourceProblem[];
  stats: CallStats;
  alerts?: Record<string, number | string>;
  exceptions?: { file: string | null; issues: number };
  issueUrl?: string;
  historyCommit?: string | null;
  shard?: { index: number; count: number };
  /** Merge job: API calls the shard jobs made. */
  shardCalls?: number;
}): string {
  const n = r.repos.length;
  const ok = r.repos.filter((x) => x.status === 'ok').length;
  const none = r.repos.filter((x) => x.status === 'no_artifact').length;
  const failed = r.repos.filter((x) => x.status === 'failed');
  const repoCalls = r.repos.reduce((s, x) => s + x.calls, 0);
  const lines = [
    `## Security metrics aggregation — ${r.org}, ${r.month}${r.shard ? ` (shard ${r.shard.index}/${r.shard.count})` : ''}`,
    '',
    `| | |`,
    `|---|---|`,
    `| repos in scope | ${n} |`,
    `| records collected | ${ok} repos |`,
    `| no collector artifact | ${none} repos |`,
    `| failed | ${failed.length} repos |`,
    `| release runs read | ${r.repos.reduce((s, x) => s + x.release_runs, 0)} |`,
  ];
  if (r.alerts)
    for (const [k, v] of Object.entries(r.alerts)) lines.push(`| ${k.replace('_', ' ')} alerts | ${v} |`);
  if (r.exceptions)
    lines.push(
      `| exceptions | ${r.exceptions.issues} from issues${r.exceptions.file ? `, plus the file ${r.exceptions.file}` : ''} |`,
    );
  lines.push(
    `| API calls | ${r.stats.calls} (${repoCalls} repo-scoped = ${n ? (repoCalls / n).toFixed(2) : '0'} per repo; ${r.stats.retries} rate-limit retries) |`,
    `| rate limit left | ${r.stats.rateLimitRemaining ?? 'unknown'}${r.stats.rateLimitLimit ? ` of ${r.stats.rateLimitLimit}` : ''} |`,
  );
  if (r.shardCalls !== undefined) lines.push(`| API calls in the shard jobs | ${r.shardCalls} |`);
  if (r.issueUrl) lines.push(`| issue | ${r.issueUrl} |`);
  if (r.historyCommit !== undefined) lines.push(`| history commit | ${r.historyCommit ?? 'unchanged'} |`);
  if (r.problems.length) {
    lines.push(
      '',
      `### What failed (${r.problems.length})`,
      '',
      '| source | affects | problem |',
      '|---|---|---|',
    );
    for (const p of r.problems.slice(0, 100))
      lines.push(`| ${p.source} | ${p.affects} | ${p.problem.replace(/\|/g, '\\|')} |`);
    if (r.problems.length > 100) lines.push(`| … | | ${r.problems.length - 100} more in sources.json |`);
  }
  lines.push(
    '',
    '<details><summary>Calls by route</summary>',
    '',
    '| route | calls |',
    '|---|---|',
    fmtCalls(r.stats),
    '',
    '</details>',
    '',
  );
  return lines.join('\n');
}

/**
 * The GitHub org job: discover repos, read their collector artifacts and the org's alerts,
 * inventory and exceptions, hand everything to the aggregator core, then publish the issue,
 * the artifact and the history commit. A failing repo or source is reported, never fatal.
 */
export async function runGithubAggregate(
  o: GithubAggregateOptions,
  deps: GithubAggregateDeps,
): Promise<GithubAggregateResult> {
  const { inputs: i, logger } = o;
  const now = o.now ?? new Date();
  const month = i.month ?? defaultMonth(now);
  const { start: monthStart, end: monthEnd } = monthBounds(month);
  const outDir = path.resolve(o.cwd, i.output_dir);
  await fs.mkdir(outDir, { recursive: true });
  const stats = newCallStats();
  const baseUrl = resolveApiUrl(i.api_url, o.env);
  const token = await authenticate(o, deps, baseUrl, stats);
  const octokit: GhClient = createClient({
    baseUrl,
    token,
    logger,
    stats,
    retryAfterBaseMs: o.retryAfterBaseMs,
    noWriteSpacing: o.noWriteSpacing,
  });
  const problems: SourceProblem[] = [];
  const releaseRe = new RegExp(i.release_ref_pattern ?? DEFAULT_RELEASE_REF);
  const maxArtifactBytes = Math.floor(i.max_artifact_mb * 1024 * 1024);
  const zipLimits = {
    maxTotalBytes: Math.floor(i.max_extracted_mb * 1024 * 1024),
    maxFileBytes: Math.floor(i.max_extracted_mb * 1024 * 1024),
  };

  let repos: RepoInfo[];
  let reports: RepoReport[];
  let records: CollectedRecord[];
  let shardCalls: number | undefined;
  if (i.shards_dir) {
    const bundles = await readShards(path.resolve(o.cwd, i.shards_dir));
    const other = bundles.find((b) => b.month !== month || b.org !== i.github_org);
    if (other)
      throw new UserError(
        `shard ${other.shard.index}/${other.shard.count} was made for ${other.org} ${other.month}, not ${i.github_org} ${month}`,
        i.shards_dir,
      );
    shardCalls = bundles.reduce((sum, b) => sum + b.calls, 0);
    repos = bundles.flatMap((b) => b.repos);
    reports = bundles.flatMap((b) => b.reports);
    records = bundles.flatMap((b) => b.records);
    problems.push(...bundles.flatMap((b) => b.problems));
    logger.info(`merged ${bundles.length} shards: ${repos.length} repos, ${records.length} records`);
  } else {
    let all: RepoInfo[];
    try {
      all = await listOrgRepos(octokit, i.github_org, problems);
    } catch (e) {
      const s = (e as { status?: number }).status;
      throw new UserError(
        `cannot list the repos of org "${i.github_org}": ${s ? `HTTP ${s}` : errorMessage(e)}${s === 401 ? ' (bad token)' : s === 404 ? ' (no such org, or the token cannot see it)' : ''}`,
      );
    }
    repos = selectRepos(all, {
      repos: i.repos,
      topics: i.repo_topics,
      include: i.include_repos,
      exclude: i.exclude_repos,
      includeArchived: i.include_archived,
      includeForks: i.include_forks,
    });
    if (i.shard) repos = shardOf(repos, i.shard.index, i.shard.count);
    logger.info(
      `${repos.length} repos in scope (of ${all.length} in ${i.github_org})${i.shard ? `, shard ${i.shard.index}/${i.shard.count}` : ''}`,
    );
    const outcomes = await pool(repos, i.concurrency, (r) =>
      collectRepo(octokit, r, {
        artifactName: i.artifact_name,
        monthStart,
        monthEnd,
        releaseRe,
        maxArtifactBytes,
        zipLimits,
      }),
    );
    for (const x of outcomes) for (const p of x.problems) logger.warning(`${p.source}: ${p.problem}`);
    reports = outcomes.map((x) => repoReport(x, stats));
    records = outcomes.flatMap((x) => x.records);
    problems.push(...outcomes.flatMap((x) => x.problems));
  }

  if (i.shard) {
    const bundle: ShardBundle = {
      kind: 'product-security-metrics/github-shard',
      version: 1,
      org: i.github_org,
      shard: i.shard,
      month,
      repos,
      reports,
      records,
      problems,
      calls: stats.calls,
    };
    const shardFile = path.join(outDir, `shard-${i.shard.index}-of-${i.shard.count}.shard.json`);
    await fs.writeFile(shardFile, JSON.stringify(bundle));
    const summary = renderJobSummary({
      org: i.github_org,
      month,
      repos: reports,
      problems,
      stats,
      shard: i.shard,
    });
    if (i.upload_artifact && !i.dry_run && deps.uploadArtifact)
      await deps.uploadArtifact(
        `${i.artifact_name}-shard-${i.shard.index}-of-${i.shard.count}`,
        [shardFile],
        outDir,
      );
    await deps.writeSummary?.(summary);
    return { exitCode: 0, month, stats, repos: reports, problems, outDir, shardFile, summary };
  }

  // Per-org sources: constant calls whatever the number of repos (pages of 100 aside).
  const propMapEmpty = Object.keys(i.custom_properties).length === 0;
  const props = propMapEmpty
    ? new Map<string, Record<string, string>>()
    : await readCustomProperties(octokit, i.github_org, problems);
  let inventory: InventoryEntry[] = inventoryFromRepos(
    repos,
    props,
    i.custom_properties,
    i.topic_prefixes,
    new Map(),
  );
  if (i.codeowners_fallback) {
    const ownerless = repos.filter((r, k) => !inventory[k]!.owner);
    if (ownerless.length) {
      const co = await readCodeowners(octokit, ownerless, problems);
      inventory = inventoryFromRepos(repos, props, i.custom_properties, i.topic_prefixes, co);
    }
  }
  const productOf = new Map(inventory.map((e) => [e.repos![0]!, { product: e.application }]));

  let alertCounts: Record<string, number | string> | undefined;
  const platformFindings = [];
  if (i.platform_alerts !== 'false') {
    const r = await readPlatformAlerts(
      octokit,
      i.github_org,
      productOf,
      i.platform_alerts,
      now.toISOString(),
      deps.parseAlerts ?? registryParse,
      problems,
    );
    platformFindings.push(...r.findings);
    alertCounts = r.counts;
  }

  // The exception file goes to the core as a path, so it is hashed and listed with the other inputs.
  const exceptions: Exception[] = [];
  let fromIssues = 0;
  if (i.exception_label) {
    const ex = await readExceptionIssues(octokit, i.central_repo, i.exception_label, problems);
    fromIssues = ex.length;
    exceptions.push(...ex);
  }

  const tickets = i.tracker_label
    ? await readTrackerIssues(octokit, i.github_org, i.tracker_label, problems)
    : [];

  const historyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'psm-history-'));
  try {
    let existingHistory = new Map<string, Uint8Array>();
    if (i.history_branch) {
      try {
        existingHistory = await readHistory(
          octokit,
          i.central_repo,
          i.history_branch,
          i.history_path,
          historyDir,
          maxArtifactBytes,
        );
      } catch (e) {
        problems.push({
          source: `${i.central_repo}@${i.history_branch}`,
          problem: `history not read: ${errorMessage(e)}`,
          affects: 'records',
        });
      }
    }

    let issues: Awaited<ReturnType<typeof findReportIssues>> = {};
    try {
      issues = await findReportIssues(
        octokit,
        i.central_repo,
        i.report_label,
        i.github_org,
        month,
        reportTitle,
      );
    } catch (e) {
      logger.warning(`cannot list report issues in ${i.central_repo}: ${errorMessage(e)}`);
    }

    const aggregate = await deps.runAggregate(
      {
        configPath: i.config ? path.resolve(o.cwd, i.config) : undefined,
        inventoryPath: i.inventory ? path.resolve(o.cwd, i.inventory) : undefined,
        exceptionsPath: i.exceptions ? path.resolve(o.cwd, i.exceptions) : undefined,
        records,
        inventory,
        exceptions,
        platformFindings,
        tickets,
        ticketsPaths: i.tickets.map((t) => path.resolve(o.cwd, t)),
        historyDir,
        sourceProblems: problems,
        month,
        asOf: now,
        outDir,
        previousReportUrl: issues.previous?.html_url,
      },
      logger,
    );

    const sourcesFile = path.join(outDir, 'sources.json');
    await fs.writeFile(
      sourcesFile,
      JSON.stringify(
        {
          org: i.github_org,
          month,
          repos: reports,
          problems,
          alerts: alertCounts ?? null,
          exceptions: { file: i.exceptions ?? null, issues: fromIssues },
          calls: {
            total: stats.calls,
            by_route: Object.fromEntries(stats.byRoute),
            rate_limit_remaining: stats.rateLimitRemaining,
          },
        },
        null,
        2,
      ) + '\n',
    );

    let issue: GithubAggregateResult['issue'];
    let historyCommit: string | null | undefined;
    if (!i.dry_run) {
      try {
        const body = issueBody(
          reportMarker(i.github_org, month),
          aggregate.reportMarkdown,
          issues.previous?.html_url,
        );
        issue = await upsertReportIssue(
          octokit,
          i.central_repo,
          i.report_label,
          issues.current,
          aggregate.title || reportTitle(month),
          body,
          async () =>
            (
              await findReportIssues(
                octokit,
                i.central_repo,
                i.report_label,
                i.github_org,
                month,
                reportTitle,
              )
            ).current,
        );
        logger.info(`${issue.created ? 'created' : 'updated'} ${issue.html_url}`);
      } catch (e) {
        problems.push({
          source: `${i.central_repo} issue`,
          problem: `report issue not published: ${errorMessage(e)}`,
          affects: 'records',
        });
        logger.error(`report issue not published: ${errorMessage(e)}`);
      }
      if (i.history_branch) {
        try {
          const c = await commitHistory(
            octokit,
            i.central_repo,
            i.history_branch,
            i.history_path,
            historyDir,
            aggregate.historyFiles,
            existingHistory,
            `security metrics history: ${i.github_org} ${month}`,
          );
          historyCommit = c.sha;
        } catch (e) {
          logger.error(`history not committed: ${errorMessage(e)}`);
          problems.push({
            source: `${i.central_repo}@${i.history_branch}`,
            problem: `history not committed: ${errorMessage(e)}`,
            affects: 'records',
          });
        }
      }
      if (i.upload_artifact && deps.uploadArtifact) {
        const files = [...new Set([...aggregate.outputs, sourcesFile])].filter((f) =>
          f.startsWith(outDir + path.sep),
        );
        try {
          await deps.uploadArtifact(`${i.artifact_name}-report-${month}`, files, outDir);
        } catch (e) {
          logger.error(`report artifact not uploaded: ${errorMessage(e)}`);
        }
      }
    }

    const summary = renderJobSummary({
      org: i.github_org,
      month,
      repos: reports,
      problems,
      stats,
      alerts: alertCounts,
      exceptions: { file: i.exceptions ?? null, issues: fromIssues },
      issueUrl: issue?.html_url,
      historyCommit,
      shardCalls,
    });
    await deps.writeSummary?.(summary);
    deps.setOutput?.('month', month);
    if (issue) deps.setOutput?.('issue_url', issue.html_url);
    deps.setOutput?.('failed_repos', String(reports.filter((r) => r.status === 'failed').length));
    deps.setOutput?.('report_dir', outDir);
    return {
      exitCode: 0,
      month,
      stats,
      repos: reports,
      problems,
      issue,
      historyCommit,
      aggregate,
      outDir,
      summary,
    };
  } finally {
    await fs.rm(historyDir, { recursive: true, force: true });
  }
}
