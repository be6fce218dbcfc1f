import picomatch from 'picomatch';
import type { components } from '@octokit/openapi-types';
import { Finding } from '../../schema/finding.js';
import { RunRecord } from '../../schema/run.js';
import type { CollectedRecord, SourceProblem } from '../../commands/aggregate-api.js';
import { extractZip, ZipError, type ZipLimits } from '../../util/safe-zip.js';
import { paginateKeeping, type GhClient } from './client.js';
import { downloadArchive, DownloadError } from './download.js';

type Artifact = components['schemas']['artifact'];
type Repo = components['schemas']['minimal-repository'];

/** What the job keeps of a repo from the org listing (topics come with it: no extra call). */
export interface RepoInfo {
  full_name: string;
  name: string;
  default_branch: string;
  topics: string[];
  archived: boolean;
  fork: boolean;
}

export interface RepoFilter {
  repos: string[];
  topics: string[];
  include: string[];
  exclude: string[];
  includeArchived: boolean;
  includeForks: boolean;
}

export function toRepoInfo(r: Repo): RepoInfo {
  return {
    full_name: r.full_name,
    name: r.name,
    default_branch: r.default_branch ?? 'main',
    topics: r.topics ?? [],
    archived: !!r.archived,
    fork: !!r.fork,
  };
}

/** Apply the user's selection; the reason each repo was left out is not needed downstream. */
export function selectRepos(all: RepoInfo[], f: RepoFilter): RepoInfo[] {
  const wanted = new Set(f.repos.map((r) => r.split('/').pop()!.toLowerCase()));
  const inc = f.include.length ? picomatch(f.include, { nocase: true }) : () => true;
  const exc = f.exclude.length ? picomatch(f.exclude, { nocase: true }) : () => false;
  return all
    .filter((r) => (wanted.size ? wanted.has(r.name.toLowerCase()) : true))
    .filter((r) => f.includeArchived || !r.archived)
    .filter((r) => f.includeForks || !r.fork)
    .filter((r) => !f.topics.length || r.topics.some((t) => f.topics.includes(t)))
    .filter((r) => inc(r.name) && !exc(r.name))
    .sort((a, b) => a.full_name.localeCompare(b.full_name));
}

/** Shard i of n (1-based) by position in the sorted list: balanced, and stable while the org is. */
export function shardOf<T>(items: T[], index: number, count: number): T[] {
  return items.filter((_, k) => k % count === index - 1);
}

/** The org's repos; a page that fails after the first is reported in `problems`, the rest kept. */
export async function listOrgRepos(
  octokit: GhClient,
  org: string,
  problems: SourceProblem[] = [],
): Promise<RepoInfo[]> {
  const r = await paginateKeeping<Repo>(octokit, 'GET /orgs/{org}/repos', {
    org,
    type: 'all',
    per_page: 100,
  });
  if (r.failure)
    problems.push({
      source: `github:org ${org} repository list`,
      problem: `incomplete: page ${r.failure.afterPage + 1} failed (HTTP ${r.failure.status ?? r.failure.message}); only the first ${r.items.length} repositories were read, the others are missing from every metric`,
      affects: 'records',
    });
  return r.items.map(toRepoInfo);
}

export type RepoStatus = 'ok' | 'no_artifact' | 'failed';

export interface RepoOutcome {
  repo: string;
  status: RepoStatus;
  records: CollectedRecord[];
  problems: SourceProblem[];
  /** Release runs of the month read (gate evaluations on release events). */
  releaseRuns: number;
  /** Artifact used for the default branch, for the audit trail. */
  artifact?: { id: number; created_at: string | null; head_sha?: string };
  notes: string[];
}

export interface CollectRepoOptions {
  artifactName: string;
  monthStart: Date;
  monthEnd: Date;
  releaseRe: RegExp;
  maxArtifactBytes: number;
  zipLimits: Partial<ZipLimits>;
  /** Pages of the artifact list read at most when the default branch is buried under PR runs. */
  maxListPages?: number;
}

/** Refs the aggregator treats as release candidates when no pattern is given. */
export const DEFAULT_RELEASE_REF = '^(v?\\d+(\\.\\d+)+([-+.].*)?|release[-/].+|releases/.+)$';

function httpProblem(e: unknown): string {
  const status = (e as { status?: number }).status;
  if (e instanceof DownloadError || e instanceof ZipError) return e.message;
  if (status === 404) return 'HTTP 404 (repo gone, or the token cannot read its Actions)';
  if (status === 403) return 'HTTP 403 (token lacks Actions: read on this repo, or rate limited)';
  if (status === 410) return 'HTTP 410 (artifact expired)';
  if (status) return `HTTP ${status}`;
  return e instanceof Error ? e.message : String(e);
}

function decodeRecords(
  files: Array<{ name: string; data: Uint8Array }>,
  origin: string,
  sourceRepo: string,
  notes: string[],
): { records: CollectedRecord[]; problems: string[] } {
  const problems: string[] = [];
  const records: CollectedRecord[] = [];
  const byName = new Map(files.map((f) => [f.name, f.data]));
  const runFiles = files.filter((f) => f.name === 'run.json' || f.name.endsWith('/run.json'));
  if (runFiles.length === 0)
    return { records, problems: ['artifact holds no run.json (not made by the collector?)'] };
  for (const rf of runFiles) {
    const dir = rf.name.slice(0, rf.name.length - 'run.json'.length);
    let run: RunRecord;
    try {
      const parsed = RunRecord.safeParse(JSON.parse(Buffer.from(rf.data).toString('utf8')));
      if (!parsed.success) {
        problems.push(
          `${rf.name}: not a run record (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`,
        );
        continue;
      }
      run = parsed.data;
    } catch {
      problems.push(`${rf.name}: not JSON`);
      continue;
    }
    const findings: Finding[] = [];
    const jsonl = byName.get(`${dir}findings.jsonl`);
    if (!jsonl) problems.push(`${dir}findings.jsonl missing beside ${rf.name}`);
    else {
      let bad = 0;
      Buffer.from(jsonl)
        .toString('utf8')
        .split('\n')
        .forEach((line) => {
          if (!line.trim()) return;
          try {
            const f = Finding.safeParse(JSON.parse(line));
            if (f.success) findings.push(f.data);
            else bad++;
          } catch {
            bad++;
          }
        });
      if (bad) problems.push(`${dir}findings.jsonl: ${bad} line(s) are not finding records`);
    }
    // The repo the artifact was downloaded from is the truth: a record cannot speak for another repo.
    if (run.repo !== sourceRepo) {
      notes.push(`${rf.name} says repo ${run.repo ?? '(none)'}; recorded as ${sourceRepo}`);
      run = { ...run, repo: sourceRepo };
      for (const f of findings) f.repo = sourceRepo;
    }
    records.push({ run, findings, origin: `${origin}${dir ? ` (${dir.replace(/\/$/, '')})` : ''}` });
  }
  return { records, problems };
}

async function readArtifact(
  octokit: GhClient,
  owner: string,
  repo: string,
  a: Artifact,
  o: CollectRepoOptions,
  notes: string[],
): Promise<{ records: CollectedRecord[]; problems: string[] }> {
  if (a.size_in_bytes > o.maxArtifactBytes)
    return { records: [], problems: [`artifact ${a.id} is ${a.size_in_bytes} bytes, above max_artifact_mb`] };
  const what = `artifact ${a.id}`;
  const bytes = await downloadArchive(
    octokit,
    'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    { owner, repo, artifact_id: a.id, archive_format: 'zip' },
    o.maxArtifactBytes,
    what,
  );
  const files = extractZip(bytes, { ...o.zipLimits, maxArchiveBytes: o.maxArtifactBytes });
  return decodeRecords(files, `artifact ${a.id} of ${owner}/${repo}`, `${owner}/${repo}`, notes);
}

/**
 * One repo: 1 call to list the named artifacts (newest first, branch included) + 1 download of the
 * default branch's latest; release runs of the month add one download each. Never throws: every
 * failure becomes a problem on the outcome.
 */
export async function collectRepo(
  octokit: GhClient,
  r: RepoInfo,
  o: CollectRepoOptions,
): Promise<RepoOutcome> {
  const [owner, repo] = r.full_name.split('/') as [string, string];
  const out: RepoOutcome = {
    repo: r.full_name,
    status: 'ok',
    records: [],
    problems: [],
    releaseRuns: 0,
    notes: [],
  };
  const fail = (problem: string) => {
    out.problems.push({ source: r.full_name, problem, affects: 'records' });
  };
  const artifacts: Artifact[] = [];
  try {
    const maxPages = o.maxListPages ?? 5;
    for (let page = 1; page <= maxPages; page++) {
      const res = await octokit.request('GET /repos/{owner}/{repo}/actions/artifacts', {
        owner,
        repo,
        name: o.artifactName,
        per_page: 100,
        page,
      });
      artifacts.push(...res.data.artifacts);
      const oldest = res.data.artifacts.at(-1)?.created_at;
      const haveDefault = artifacts.some((a) => a.workflow_run?.head_branch === r.default_branch);
      const pastMonth = oldest ? Date.parse(oldest) < o.monthStart.getTime() : true;
      if (
        artifacts.length >= res.data.total_count ||
        res.data.artifacts.length < 100 ||
        (haveDefault && pastMonth)
      )
        break;
    }
  } catch (e) {
    fail(`cannot list artifacts: ${httpProblem(e)}`);
    out.status = 'failed';
    return out;
  }
  const created = (a: Artifact) => (a.created_at ? Date.parse(a.created_at) : 0);
  artifacts.sort((a, b) => created(b) - created(a));
  const onDefault = artifacts.filter((a) => a.workflow_run?.head_branch === r.default_branch);
  const latest = onDefault.find((a) => created(a) < o.monthEnd.getTime()) ?? onDefault[0];
  const releases = artifacts.filter(
    (a) =>
      a !== latest &&
      a.workflow_run?.head_branch !== r.default_branch &&
      o.releaseRe.test(a.workflow_run?.head_branch ?? '') &&
      created(a) >= o.monthStart.getTime() &&
      created(a) < o.monthEnd.getTime(),
  );
  if (!latest && releases.length === 0) {
    out.status = 'no_artifact';
    out.notes.push(`no "${o.artifactName}" artifact on ${r.default_branch}`);
    return out;
  }
  const targets: Array<{ a: Artifact; release: boolean }> = [];
  if (latest) targets.push({ a: latest, release: false });
  for (const a of releases) targets.push({ a, release: true });
  let anyOk = false;
  for (const { a, release } of targets) {
    const label = release
      ? `release artifact ${a.id} (${a.workflow_run?.head_branch})`
      : `artifact ${a.id} on ${r.default_branch}`;
    if (a.expired) {
      fail(`${label} expired${a.expires_at ? ` on ${a.expires_at.slice(0, 10)}` : ''}`);
      continue;
    }
    try {
      const got = await readArtifact(octokit, owner, repo, a, o, out.notes);
      for (const p of got.problems) fail(`${label}: ${p}`);
      const keep = release ? got.records.filter((x) => x.run.event.kind === 'release') : got.records;
      if (release) {
        out.releaseRuns += keep.length;
        if (keep.length < got.records.length) out.notes.push(`${label}: not a release event, not counted`);
      } else out.artifact = { id: a.id, created_at: a.created_at, head_sha: a.workflow_run?.head_sha };
      out.records.push(...keep);
      if (got.records.length) anyOk = true;
    } catch (e) {
      fail(`${label}: ${httpProblem(e)}`);
    }
  }
  if (!anyOk && out.problems.length) out.status = 'failed';
  return out;
}
