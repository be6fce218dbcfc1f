import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { components } from '@octokit/openapi-types';
import { extractZip, safeJoin } from '../../util/safe-zip.js';
import type { GhClient } from './client.js';
import { downloadArchive } from './download.js';

type Issue = components['schemas']['issue'];

export const ISSUE_BODY_LIMIT = 65_536;

/** Hidden marker that makes a rerun find its issue even after someone edits the title. */
export function reportMarker(org: string, month: string): string {
  return `<!-- product-security-metrics:report org=${org} month=${month} -->`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

/** Marker + body, trimmed to the issue limit with a note (the full report is in the artifact). */
export function issueBody(marker: string, markdown: string, previousUrl: string | undefined): string {
  let body = markdown;
  if (previousUrl && !body.includes(previousUrl)) body += `\n\nPrevious report: ${previousUrl}\n`;
  const head = marker + '\n';
  const note = '\n\n> Report trimmed to fit an issue; the full `report.md` is in the workflow artifact.\n';
  if (head.length + body.length <= ISSUE_BODY_LIMIT) return head + body;
  let cut = body.slice(0, ISSUE_BODY_LIMIT - head.length - note.length - 8);
  if ((cut.match(/^```/gm) ?? []).length % 2 === 1) cut += '\n```';
  return head + cut + note;
}

export interface ReportIssues {
  current?: { number: number; html_url: string };
  previous?: { number: number; html_url: string };
}

/** This month's and last month's issue, by marker (title as a fallback), newest first. */
export async function findReportIssues(
  octokit: GhClient,
  centralRepo: string,
  label: string,
  org: string,
  month: string,
  title: (month: string) => string,
): Promise<ReportIssues> {
  const [owner, repo] = centralRepo.split('/') as [string, string];
  const out: ReportIssues = {};
  const cur = reportMarker(org, month);
  const prev = reportMarker(org, previousMonth(month));
  for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues', {
    owner,
    repo,
    labels: label,
    state: 'all',
    per_page: 100,
  })) {
    for (const i of page.data as Issue[]) {
      if (i.pull_request) continue;
      const body = i.body ?? '';
      if (!out.current && (body.includes(cur) || i.title === title(month)))
        out.current = { number: i.number, html_url: i.html_url };
      if (!out.previous && (body.includes(prev) || i.title === title(previousMonth(month))))
        out.previous = { number: i.number, html_url: i.html_url };
    }
    if (out.current && out.previous) break;
  }
  return out;
}

/**
 * Update this month's issue, or create it. The create is never retried blindly: a 5xx may come
 * after GitHub made the issue, so on failure the list is read again (`refind`) and a found issue is
 * updated instead; only when it is still absent is the create tried once more.
 */
export async function upsertReportIssue(
  octokit: GhClient,
  centralRepo: string,
  label: string,
  existing: ReportIssues['current'],
  title: string,
  body: string,
  refind?: () => Promise<ReportIssues['current']>,
): Promise<{ number: number; html_url: string; created: boolean }> {
  const [owner, repo] = centralRepo.split('/') as [string, string];
  const update = async (n: number) => {
    const r = await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      owner,
      repo,
      issue_number: n,
      title,
      body,
    });
    return { number: r.data.number, html_url: r.data.html_url, created: false };
  };
  if (existing) return update(existing.number);
  const create = async () => {
    const r = await octokit.request('POST /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      title,
      body,
      labels: [label],
      request: { retries: 0 },
    });
    return { number: r.data.number, html_url: r.data.html_url, created: true };
  };
  try {
    return await create();
  } catch (e) {
    const status = (e as { status?: number }).status ?? 0;
    if (!refind || (status > 0 && status < 500)) throw e;
    const found = await refind();
    if (found) return update(found.number);
    return create();
  }
}

/**
 * The history folder of the data branch, read in one call (zipball) and written to `dir`.
 * Returns the files found (repo path → bytes) so the commit step writes only what changed.
 * A missing branch is an empty history, not an error.
 */
export async function readHistory(
  octokit: GhClient,
  centralRepo: string,
  branch: string,
  folder: string,
  dir: string,
  maxBytes: number,
): Promise<Map<string, Uint8Array>> {
  const [owner, repo] = centralRepo.split('/') as [string, string];
  const existing = new Map<string, Uint8Array>();
  let zip: Uint8Array;
  try {
    zip = await downloadArchive(
      octokit,
      'GET /repos/{owner}/{repo}/zipball/{ref}',
      { owner, repo, ref: branch },
      maxBytes,
      `${centralRepo}@${branch}`,
    );
  } catch (e) {
    if ((e as { status?: number }).status === 404) return existing;
    throw e;
  }
  const prefix = folder.replace(/^\/+|\/+$/g, '');
  await fs.mkdir(dir, { recursive: true });
  for (const entry of extractZip(zip, { maxArchiveBytes: maxBytes, maxEntries: 20_000 })) {
    // zipballs put everything under one `owner-repo-sha/` folder.
    const rel = entry.name.split('/').slice(1).join('/');
    if (!rel) continue;
    const inFolder = prefix ? (rel.startsWith(prefix + '/') ? rel.slice(prefix.length + 1) : null) : rel;
    if (!inFolder) continue;
    const dest = safeJoin(dir, inFolder);
    await fs.mkdir(path.dirname(dest), { recursive: true });
    await fs.writeFile(dest, entry.data);
    existing.set(inFolder, entry.data);
  }
  return existing;
}

/**
 * Commit the changed history files to the data branch (created as an orphan when missing) with the
 * Git Data API: ref, commit, tree, commit, ref — five calls, file contents inline in the tree.
 */
export async function commitHistory(
  octokit: GhClient,
  centralRepo: string,
  branch: string,
  folder: string,
  dir: string,
  files: string[],
  existing: Map<string, Uint8Array>,
  message: string,
): Promise<{ sha: string | null; changed: string[] }> {
  const [owner, repo] = centralRepo.split('/') as [string, string];
  const prefix = folder.replace(/^\/+|\/+$/g, '');
  const changed: Array<{ path: string; content: string }> = [];
  for (const f of files) {
    const rel = path.relative(dir, f).split(path.sep).join('/');
    if (rel.startsWith('..')) continue;
    const data = await fs.readFile(f);
    const old = existing.get(rel);
    if (old && Buffer.compare(Buffer.from(old), data) === 0) continue;
    changed.push({ path: prefix ? `${prefix}/${rel}` : rel, content: data.toString('utf8') });
  }
  if (changed.length === 0) return { sha: null, changed: [] };
  let parent: string | null = null;
  let baseTree: string | undefined;
  try {
    const ref = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      owner,
      repo,
      ref: `heads/${branch}`,
    });
    parent = ref.data.object.sha;
    const c = await octokit.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
      owner,
      repo,
      commit_sha: parent,
    });
    baseTree = c.data.tree.sha;
  } catch (e) {
    if ((e as { status?: number }).status !== 404) throw e;
  }
  const tree = await octokit.request('POST /repos/{owner}/{repo}/git/trees', {
    owner,
    repo,
    ...(baseTree ? { base_tree: baseTree } : {}),
    tree: changed.map((c) => ({
      path: c.path,
      mode: '100644' as const,
      type: 'blob' as const,
      content: c.content,
    })),
  });
  const commit = await octokit.request('POST /repos/{owner}/{repo}/git/commits', {
    owner,
    repo,
    message,
    tree: tree.data.sha,
    parents: parent ? [parent] : [],
  });
  if (parent)
    await octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      owner,
      repo,
      ref: `heads/${branch}`,
      sha: commit.data.sha,
      force: false,
    });
  else
    await octokit.request('POST /repos/{owner}/{repo}/git/refs', {
      owner,
      repo,
      ref: `refs/heads/${branch}`,
      sha: commit.data.sha,
    });
  return { sha: commit.data.sha, changed: changed.map((c) => c.path) };
}
