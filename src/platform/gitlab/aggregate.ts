import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type {
  AggregateResult,
  CollectedRecord,
  InventoryEntry,
  RunAggregate,
  SourceProblem,
} from '../../commands/aggregate-api.js';
import type { Exception } from '../../schema/exception.js';
import { Finding } from '../../schema/finding.js';
import { RunRecord } from '../../schema/run.js';
import { errorMessage, UserError } from '../../util/errors.js';
import type { Logger } from '../../util/logger.js';
import { GitlabApiError, GitlabClient, encodeId } from './client.js';
import { exceptionsFromIssues, type GitlabIssue } from './issue-exceptions.js';
import { inventoryFromTopics, type GitlabProject } from './topics.js';
import { fetchGroupVulnerabilities, vulnerabilitiesToFindings } from './vulnerabilities.js';
import { extractZip, ZipError } from '../../util/safe-zip.js';

/** Everything the GitLab group job needs; the component and the CLI fill it from their inputs/flags. */
export interface GitlabAggregateOptions {
  /** REST base URL (`$CI_API_V4_URL`). */
  apiUrl: string;
  token: string;
  /** Full path of the group (subgroups included, archived projects excluded). */
  group: string;
  /** Central project (full path): labelled exception issues, the monthly issue, the history. */
  centralProject?: string;
  /** Name of the collect job whose latest successful artifacts are read per project. */
  collectJobName: string;
  /** Branch or tag; default: each project's default branch. */
  collectRef?: string;
  /** Read the group's vulnerability report (Ultimate) as a source. */
  vulnerabilities: boolean;
  configPath?: string;
  inventoryPath?: string;
  exceptionsPath?: string;
  exceptionLabel: string;
  reportLabel: string;
  month?: string;
  /** History folder inside the central project's repository. */
  historyDir: string;
  historyBranch?: string;
  outDir: string;
  /** Create/update the monthly issue and commit the history snapshot. */
  publish: boolean;
  asOf?: Date;
  /** Projects read in parallel (default 4; more buys nothing against rate limits). */
  concurrency?: number;
}

export interface GitlabAggregateDeps {
  runAggregate: RunAggregate;
  logger: Logger;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Page size of listings (tests use a small one to exercise pagination). */
  perPage?: number;
}

export interface ProjectOutcome {
  project: string;
  ref: string | null;
  records: number;
  findings: number;
  problem: string | null;
}

export interface GitlabAggregateResult {
  result: AggregateResult;
  projects: ProjectOutcome[];
  problems: SourceProblem[];
  platformFindings: number;
  issueExceptions: number;
  issue: { iid: number; web_url: string; action: 'created' | 'updated' } | null;
  commit: { id: string; files: string[] } | null;
  /** gitlab-sources.json: what was read from where, for the audit trail. */
  sourcesFile: string;
  apiCalls: number;
}

const RECORD_FILES = ['run.json', 'findings.jsonl'];

/** `YYYY-MM` of the report: the given month, or the previous full month (UTC) of `asOf`. */
export function reportMonth(asOf: Date, month?: string): string {
  if (month) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UserError(`month "${month}" is not YYYY-MM`);
    return month;
  }
  const d = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return out;
}

function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.join('.') || '(root)'}: ${i.message}` : 'invalid';
}

/** run.json + findings.jsonl pairs inside one artifact archive. */
export function recordsFromArchive(zip: Uint8Array, origin: string): CollectedRecord[] {
  const files = new Map(
    extractZip(zip)
      .filter((e) => RECORD_FILES.includes(e.name.split('/').pop()!))
      .map((e) => [e.name, e.data]),
  );
  const dec = new TextDecoder();
  const out: CollectedRecord[] = [];
  const runPaths = [...files.keys()].filter((k) => k.split('/').pop() === 'run.json').sort();
  if (runPaths.length === 0)
    throw new ZipError('no run.json in the artifacts (is the job the collect component?)');
  for (const runPath of runPaths) {
    const dir = runPath.slice(0, -'run.json'.length);
    const findingsBytes = files.get(`${dir}findings.jsonl`);
    if (!findingsBytes) throw new ZipError(`${runPath} has no findings.jsonl beside it`);
    let runJson: unknown;
    try {
      runJson = JSON.parse(dec.decode(files.get(runPath)!));
    } catch {
      throw new ZipError(`${runPath} is not JSON`);
    }
    const run = RunRecord.safeParse(runJson);
    if (!run.success) throw new ZipError(`${runPath} is not a run record (${firstIssue(run.error)})`);
    const findings: Finding[] = [];
    const lines = dec.decode(findingsBytes).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        throw new ZipError(`${dir}findings.jsonl line ${i + 1} is not JSON`);
      }
      const f = Finding.safeParse(obj);
      if (!f.success) throw new ZipError(`${dir}findings.jsonl line ${i + 1}: ${firstIssue(f.error)}`);
      findings.push(f.data);
    }
    out.push({ run: run.data, findings, origin: runPaths.length > 1 ? `${origin} (${runPath})` : origin });
  }
  return out;
}

function describeFailure(e: unknown, ref: string, job: string): string {
  if (e instanceof GitlabApiError && e.status === 404)
    return `no artifacts of a successful "${job}" job on ${ref} (collect component not included, the job failed, or the artifacts expired)`;
  if (e instanceof GitlabApiError && (e.status === 401 || e.status === 403))
    return `HTTP ${e.status}: the token cannot read this project's job artifacts (needs read_api and Reporter or higher)`;
  if (e instanceof GitlabApiError) return e.message;
  return errorMessage(e);
}

function publishError(what: string, e: unknown): UserError {
  const hint =
    e instanceof GitlabApiError && (e.status === 401 || e.status === 403)
      ? ' (the token needs scope `api` and role Developer or higher in the central project; Maintainer if the history branch is protected)'
      : '';
  return new UserError(`${what} failed: ${errorMessage(e)}${hint}`);
}

interface HistoryCopy {
  dir: string;
  /** Repository path → content, as read. */
  original: Map<string, Buffer>;
  branch: string | null;
  /** Set when `branch` does not exist yet: the commit creates it from this one. */
  startBranch?: string;
}

async function fetchHistory(
  client: GitlabClient,
  central: string,
  repoDir: string,
  branch: string,
  logger: Logger,
): Promise<HistoryCopy> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sm-history-'));
  const original = new Map<string, Buffer>();
  const base = repoDir.replace(/^\/+|\/+$/g, '');
  let tree: Array<{ type: string; path: string }> = [];
  try {
    tree = await client.paginate(`/projects/${encodeId(central)}/repository/tree`, {
      path: base,
      ref: branch,
      recursive: true,
    });
  } catch (e) {
    if (!(e instanceof GitlabApiError && e.status === 404)) throw e;
    logger.info(`history: ${base}/ does not exist yet on ${branch}; this is the first snapshot`);
  }
  for (const item of tree) {
    if (item.type !== 'blob') continue;
    const rel = path.posix.relative(base, item.path);
    if (rel.startsWith('..')) continue;
    const bytes = await client.bytes(
      `/projects/${encodeId(central)}/repository/files/${encodeId(item.path)}/raw`,
      { ref: branch },
    );
    const local = path.join(dir, ...rel.split('/'));
    await fs.mkdir(path.dirname(local), { recursive: true });
    await fs.writeFile(local, bytes);
    original.set(item.path, Buffer.from(bytes));
  }
  return { dir, original, branch };
}

async function findIssue(
  client: GitlabClient,
  central: string,
  label: string,
  search: string,
): Promise<GitlabIssue[]> {
  return client.paginate<GitlabIssue>(`/projects/${encodeId(central)}/issues`, {
    labels: label,
    search,
    in: 'title',
    state: 'all',
    order_by: 'created_at',
    sort: 'asc',
  });
}

/** Projects whose full path appears in the inventory file (as a whole token: YAML or CSV alike). */
async function reposListedIn(
  file: string | undefined,
  projects: readonly GitlabProject[],
): Promise<Set<string>> {
  const out = new Set<string>();
  if (!file) return out;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return out;
  }
  for (const p of projects) {
    const esc = p.path_with_namespace.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[\\s"',\\[:;|])${esc}($|[\\s"',\\]:;|])`, 'm').test(text))
      out.add(p.path_with_namespace);
  }
  return out;
}

/**
 * The GitLab group job: discover projects, read each one's latest collect artifacts, optionally the
 * vulnerability report, inventory from topics, exceptions from labelled issues; run the aggregator
 * core; then create or update the month's issue and commit the history snapshot. A project or
 * source that cannot be read is listed (SourceProblem) and never stops the others.
 */
export async function runGitlabAggregate(
  opts: GitlabAggregateOptions,
  deps: GitlabAggregateDeps,
): Promise<GitlabAggregateResult> {
  const { logger } = deps;
  const asOf = opts.asOf ?? new Date();
  const month = reportMonth(asOf, opts.month);
  const client = new GitlabClient({
    apiUrl: opts.apiUrl,
    token: opts.token,
    fetch: deps.fetch,
    sleep: deps.sleep,
    logger,
    perPage: deps.perPage,
  });
  if (opts.publish && !opts.centralProject)
    throw new UserError(
      'publishing needs the central project (--gitlab-project) that holds the issue and the history',
    );

  // 1. Projects of the group.
  let projects: GitlabProject[];
  try {
    projects = await client.paginate<GitlabProject>(`/groups/${encodeId(opts.group)}/projects`, {
      include_subgroups: true,
      archived: false,
      with_shared: false,
      order_by: 'path',
      sort: 'asc',
    });
  } catch (e) {
    throw new UserError(
      `cannot list the projects of group "${opts.group}" at ${opts.apiUrl}: ${errorMessage(e)}` +
        (e instanceof GitlabApiError && (e.status === 401 || e.status === 404)
          ? ' (check the group path, and that the token is valid and a member of the group)'
          : ''),
    );
  }
  projects = projects
    .filter((p) => !p.archived && !p.marked_for_deletion_at && !p.marked_for_deletion_on)
    .sort((a, b) => a.path_with_namespace.localeCompare(b.path_with_namespace));
  logger.info(`group ${opts.group}: ${projects.length} project(s) (subgroups included, archived excluded)`);

  const problems: SourceProblem[] = [];
  const records: CollectedRecord[] = [];

  // 2. Latest collect artifacts per project.
  const outcomes = await pool(projects, opts.concurrency ?? 4, async (p): Promise<ProjectOutcome> => {
    const ref = opts.collectRef || p.default_branch || null;
    const base = { project: p.path_with_namespace, ref, records: 0, findings: 0 };
    if (!ref || p.empty_repo)
      return { ...base, problem: 'empty repository (no default branch), nothing collected' };
    try {
      const zip = await client.bytes(`/projects/${p.id}/jobs/artifacts/${encodeURIComponent(ref)}/download`, {
        job: opts.collectJobName,
      });
      const got = recordsFromArchive(
        zip,
        `artifacts of job ${opts.collectJobName} on ${ref} of ${p.path_with_namespace}`,
      );
      records.push(...got);
      const findings = got.reduce((n, r) => n + r.findings.length, 0);
      logger.info(
        `${p.path_with_namespace}: ${got.length} record(s), ${findings} finding(s) from ${opts.collectJobName}@${ref}`,
      );
      return { ...base, records: got.length, findings, problem: null };
    } catch (e) {
      const problem = describeFailure(e, ref, opts.collectJobName);
      logger.info(`${p.path_with_namespace}: ${problem}`);
      return { ...base, problem };
    }
  });
  // Project order, not completion order: the report and its inputs are deterministic.
  records.sort((a, b) => a.origin.localeCompare(b.origin));
  for (const o of outcomes)
    if (o.problem) problems.push({ source: o.project, problem: o.problem, affects: 'records' });

  // 3. Inventory from topics, for the projects the inventory file does not list (the file wins, so a
  // project is never two applications). The core reads and validates the file itself.
  const listed = await reposListedIn(opts.inventoryPath, projects);
  const fromTopics = projects.map(inventoryFromTopics);
  const inventory: InventoryEntry[] = fromTopics.filter((e) => !listed.has(e.repos![0]!));
  const productOf = new Map(fromTopics.map((e) => [e.repos![0]!, e.application]));

  // 4. Vulnerability report (Ultimate).
  let platformFindings: Finding[] = [];
  if (opts.vulnerabilities) {
    try {
      const known = new Set(projects.map((p) => p.path_with_namespace));
      const vulns = (await fetchGroupVulnerabilities(client, opts.group)).filter(
        (v) => !v.project?.fullPath || known.has(v.project.fullPath),
      );
      platformFindings = vulnerabilitiesToFindings(
        vulns,
        asOf.toISOString(),
        (repo) => productOf.get(repo) ?? null,
      );
      logger.info(`vulnerability report: ${platformFindings.length} vulnerabilit(ies)`);
    } catch (e) {
      const problem = `vulnerability report not read: ${errorMessage(e)}`;
      problems.push({ source: 'gitlab:vulnerabilities', problem, affects: 'alerts' });
      logger.warning(problem);
    }
  }

  // 5. Exceptions from labelled issues of the central project.
  const issueExceptions: Exception[] = [];
  if (opts.centralProject && opts.exceptionLabel) {
    try {
      const issues = await client.paginate<GitlabIssue>(`/projects/${encodeId(opts.centralProject)}/issues`, {
        labels: opts.exceptionLabel,
        state: 'opened',
        order_by: 'created_at',
        sort: 'asc',
      });
      const r = exceptionsFromIssues(issues, opts.centralProject);
      issueExceptions.push(...r.exceptions);
      for (const err of r.errors)
        problems.push({ source: err.source, problem: err.problem, affects: 'exceptions' });
      logger.info(
        `exceptions: ${r.exceptions.length} from issues labelled ${opts.exceptionLabel}, ${r.errors.length} problem(s)`,
      );
    } catch (e) {
      const problem = `exception issues not read: ${errorMessage(e)}`;
      problems.push({ source: `${opts.centralProject} issues`, problem, affects: 'exceptions' });
      logger.warning(problem);
    }
  }

  // 6. History from the central project's repository (so trends outlive artifact retention).
  let history: HistoryCopy;
  let centralInfo: { default_branch?: string | null } | null = null;
  if (opts.centralProject) {
    try {
      centralInfo = await client.get(`/projects/${encodeId(opts.centralProject)}`);
    } catch (e) {
      throw new UserError(`cannot read the central project "${opts.centralProject}": ${errorMessage(e)}`);
    }
    const branch = opts.historyBranch || centralInfo?.default_branch || 'main';
    try {
      const exists = await client
        .get(`/projects/${encodeId(opts.centralProject)}/repository/branches/${encodeURIComponent(branch)}`)
        .then(
          () => true,
          (e: unknown) => {
            if (e instanceof GitlabApiError && e.status === 404) return false;
            throw e;
          },
        );
      if (exists) history = await fetchHistory(client, opts.centralProject, opts.historyDir, branch, logger);
      else {
        // The first commit creates the branch from the default branch (like the GitHub job's data branch).
        logger.info(`history: branch ${branch} does not exist yet; the first snapshot creates it`);
        history = {
          dir: await fs.mkdtemp(path.join(os.tmpdir(), 'sm-history-')),
          original: new Map(),
          branch,
          startBranch: centralInfo?.default_branch || 'main',
        };
      }
    } catch (e) {
      throw new UserError(`cannot read the history (${opts.historyDir} on ${branch}): ${errorMessage(e)}`);
    }
  } else {
    history = { dir: path.resolve(opts.historyDir), original: new Map(), branch: null };
  }

  // The downloaded history is a temporary copy: removed however the run ends.
  try {
    let previousReportUrl: string | undefined;
    if (opts.centralProject) {
      try {
        const prev = previousMonth(month);
        const found = (await findIssue(client, opts.centralProject, opts.reportLabel, prev)).find((i) =>
          i.title.includes(prev),
        );
        previousReportUrl = found?.web_url;
      } catch (e) {
        logger.warning(`previous month's issue not looked up: ${errorMessage(e)}`);
      }
    }

    // 7. The core.
    await fs.mkdir(opts.outDir, { recursive: true });
    const result = await deps.runAggregate(
      {
        configPath: opts.configPath,
        records,
        inventoryPath: opts.inventoryPath,
        inventory,
        exceptionsPath: opts.exceptionsPath,
        exceptions: issueExceptions,
        platformFindings,
        historyDir: history.dir,
        sourceProblems: problems,
        month,
        asOf,
        outDir: opts.outDir,
        previousReportUrl,
      },
      logger,
    );

    // 8. Publish: the month's issue (created once, updated on reruns) and the history commit.
    let issue: GitlabAggregateResult['issue'] = null;
    let commit: GitlabAggregateResult['commit'] = null;
    if (opts.publish && opts.centralProject) {
      const central = encodeId(opts.centralProject);
      try {
        const existing = (
          await findIssue(client, opts.centralProject, opts.reportLabel, result.month)
        ).filter((i) => i.title === result.title);
        if (existing.length > 1)
          logger.warning(
            `${existing.length} issues titled "${result.title}"; updating the oldest (#${existing[0]!.iid})`,
          );
        const ambiguous = (e: unknown) => e instanceof GitlabApiError && (e.status === 0 || e.status >= 500);
        if (existing[0]) {
          const updated = await client.request<GitlabIssue>(
            'PUT',
            `/projects/${central}/issues/${existing[0].iid}`,
            {
              body: { description: result.reportMarkdown, add_labels: opts.reportLabel },
            },
          );
          issue = { iid: updated.iid, web_url: updated.web_url, action: 'updated' };
        } else {
          const create = () =>
            client.request<GitlabIssue>('POST', `/projects/${central}/issues`, {
              body: { title: result.title, description: result.reportMarkdown, labels: opts.reportLabel },
            });
          let created: GitlabIssue;
          try {
            created = await create();
          } catch (e) {
            // The POST may have landed before the error: look before creating again.
            if (!ambiguous(e)) throw e;
            const landed = (
              await findIssue(client, opts.centralProject, opts.reportLabel, result.month)
            ).find((i) => i.title === result.title);
            created = landed ?? (await create());
          }
          issue = { iid: created.iid, web_url: created.web_url, action: 'created' };
        }
        logger.info(`monthly issue ${issue.action}: ${issue.web_url}`);
      } catch (e) {
        throw publishError(`publishing the monthly issue in ${opts.centralProject}`, e);
      }

      const base = opts.historyDir.replace(/^\/+|\/+$/g, '');
      const actions: Array<{
        action: 'create' | 'update';
        file_path: string;
        content: string;
        encoding: 'base64';
      }> = [];
      for (const file of [...result.historyFiles].sort()) {
        const rel = path.relative(history.dir, file).split(path.sep).join('/');
        if (rel.startsWith('..')) continue;
        const repoPath = `${base}/${rel}`;
        const content = await fs.readFile(file);
        const before = history.original.get(repoPath);
        if (before && before.equals(content)) continue;
        actions.push({
          action: before ? 'update' : 'create',
          file_path: repoPath,
          content: content.toString('base64'),
          encoding: 'base64',
        });
      }
      if (actions.length > 0) {
        const post = (list: typeof actions) =>
          client.request<{ id: string }>('POST', `/projects/${central}/repository/commits`, {
            body: {
              branch: history.branch,
              ...(history.startBranch ? { start_branch: history.startBranch } : {}),
              commit_message: `security-metrics: history snapshot ${result.month}\n\n[skip ci]`,
              actions: list,
            },
          });
        try {
          let c: { id: string };
          try {
            c = await post(actions);
          } catch (e) {
            if (!(e instanceof GitlabApiError && (e.status === 0 || e.status >= 500))) throw e;
            // The commit may have landed: compare with the branch now and send only what still differs.
            const remaining: typeof actions = [];
            for (const a of actions) {
              const now = await client
                .bytes(`/projects/${central}/repository/files/${encodeId(a.file_path)}/raw`, {
                  ref: history.branch!,
                })
                .then(
                  (b) => Buffer.from(b),
                  (err: unknown) => {
                    if (err instanceof GitlabApiError && err.status === 404) return null;
                    throw err;
                  },
                );
              if (now && now.toString('base64') === a.content) continue;
              remaining.push({ ...a, action: now ? 'update' : 'create' });
            }
            c = remaining.length ? await post(remaining) : { id: '(committed; id not returned)' };
          }
          commit = { id: c.id, files: actions.map((a) => a.file_path) };
          logger.info(
            `history: committed ${actions.length} file(s) to ${history.branch} (${c.id.slice(0, 12)})`,
          );
        } catch (e) {
          throw publishError(
            `committing the history snapshot to ${opts.centralProject}@${history.branch}`,
            e,
          );
        }
      } else logger.info('history: unchanged, nothing to commit');
    }

    const sourcesFile = path.join(opts.outDir, 'gitlab-sources.json');
    const sources = {
      group: opts.group,
      api_url: opts.apiUrl,
      month: result.month,
      collect_job_name: opts.collectJobName,
      projects: outcomes,
      vulnerability_report: opts.vulnerabilities ? { findings: platformFindings.length } : null,
      issue_exceptions: issueExceptions.length,
      problems,
      issue,
      history_commit: commit,
      api_calls: client.calls,
    };
    await fs.writeFile(sourcesFile, JSON.stringify(sources, null, 2) + '\n');
    return {
      result: { ...result, outputs: [...result.outputs, path.resolve(sourcesFile)] },
      projects: outcomes,
      problems,
      platformFindings: platformFindings.length,
      issueExceptions: issueExceptions.length,
      issue,
      commit,
      sourcesFile,
      apiCalls: client.calls,
    };
  } finally {
    if (opts.centralProject) await fs.rm(history.dir, { recursive: true, force: true });
  }
}
