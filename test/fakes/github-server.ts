import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import type { components } from '@octokit/openapi-types';

/**
 * A loopback GitHub: the REST (and one GraphQL) endpoints the org job uses, with payloads typed by
 * @octokit/openapi-types so a drift in GitHub's schema breaks the build of the fake, not silently the
 * test. Faults are injected per route. Only 127.0.0.1; no network.
 */

type S = components['schemas'];
type Artifact = S['artifact'];
type Issue = S['issue'];

const REPO_URL_KEYS = [
  'url',
  'archive_url',
  'assignees_url',
  'blobs_url',
  'branches_url',
  'collaborators_url',
  'comments_url',
  'commits_url',
  'compare_url',
  'contents_url',
  'contributors_url',
  'deployments_url',
  'downloads_url',
  'events_url',
  'forks_url',
  'git_commits_url',
  'git_refs_url',
  'git_tags_url',
  'issue_comment_url',
  'issue_events_url',
  'issues_url',
  'keys_url',
  'labels_url',
  'languages_url',
  'merges_url',
  'milestones_url',
  'notifications_url',
  'pulls_url',
  'releases_url',
  'stargazers_url',
  'statuses_url',
  'subscribers_url',
  'subscription_url',
  'tags_url',
  'teams_url',
  'trees_url',
  'hooks_url',
] as const;

function repoUrls(api: string, full: string): Record<(typeof REPO_URL_KEYS)[number], string> {
  const out = {} as Record<(typeof REPO_URL_KEYS)[number], string>;
  for (const k of REPO_URL_KEYS)
    out[k] = `${api}/repos/${full}${k === 'url' ? '' : '/' + k.replace(/_url$/, '')}`;
  return out;
}

export function simpleUser(api: string, login: string, id = 1): S['simple-user'] {
  const u = `${api}/users/${login}`;
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `${u}/avatar`,
    gravatar_id: null,
    url: u,
    html_url: `https://github.test/${login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following`,
    gists_url: `${u}/gists`,
    starred_url: `${u}/starred`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events`,
    received_events_url: `${u}/received_events`,
    type: 'Organization',
    site_admin: false,
  };
}

export interface FakeRepo {
  name: string;
  id: number;
  default_branch: string;
  topics: string[];
  archived?: boolean;
  fork?: boolean;
  /** Custom property values by property name. */
  properties?: Record<string, string>;
  /** File contents served to the CODEOWNERS GraphQL lookup, by path. */
  files?: Record<string, string>;
}

export interface FakeArtifact {
  id: number;
  repo: string;
  name: string;
  branch: string;
  created_at: string;
  expired?: boolean;
  /** Zip bytes served by the blob URL. */
  zip: Uint8Array;
}

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many times it fires (default 1; Infinity = always). */
  times?: number;
  /** Do the work, then answer with the fault anyway (a 5xx after the write happened). */
  afterWrite?: boolean;
  /** Let this many matching requests through first (a fault on page 2 of a list). */
  skip?: number;
}

interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

export interface FakeGithub {
  url: string;
  org: string;
  repos: FakeRepo[];
  artifacts: FakeArtifact[];
  issues: Issue[];
  /** Issues of the org's repos served by `GET /search/issues` (tracker tickets). */
  trackerIssues: Issue[];
  codeScanning: S['code-scanning-organization-alert-items'][];
  secretScanning: S['organization-secret-scanning-alert'][];
  dependabot: S['dependabot-alert-with-repository'][];
  /** Faults by `METHOD /path` (no query), consumed in order. */
  faults: Map<string, Fault[]>;
  /** Every API request served (blob downloads excluded): `METHOD /path?query`. */
  calls: string[];
  /** Git state of every repo: branch → commit sha; trees are path → content. */
  branches: Map<string, Map<string, string>>;
  commits: Map<string, Commit>;
  trees: Map<string, Map<string, string>>;
  /** Tokens accepted (Bearer or token). */
  tokens: Set<string>;
  close(): Promise<void>;
  callsForRepo(full: string): number;
  addFault(route: string, f: Fault): void;
  /** Put files on a branch directly (seed history). */
  seedBranch(repo: string, branch: string, files: Record<string, string>): void;
  branchFiles(repo: string, branch: string): Map<string, string> | undefined;
}

function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

export async function startFakeGithub(init: {
  org: string;
  repos: FakeRepo[];
  token?: string;
}): Promise<FakeGithub> {
  let url = '';
  const org = init.org;
  let issueSeq = 1;
  const fake: FakeGithub = {
    url: '',
    org,
    repos: init.repos,
    artifacts: [],
    issues: [],
    trackerIssues: [],
    codeScanning: [],
    secretScanning: [],
    dependabot: [],
    faults: new Map(),
    calls: [],
    branches: new Map(),
    commits: new Map(),
    trees: new Map(),
    tokens: new Set([init.token ?? 'test-token']),
    close: async () => {},
    callsForRepo: (full) => fake.calls.filter((c) => c.split(' ')[1]!.startsWith(`/repos/${full}/`)).length,
    addFault(route, f) {
      if (!fake.faults.has(route)) fake.faults.set(route, []);
      fake.faults.get(route)!.push({ times: 1, ...f });
    },
    seedBranch(repo, branch, files) {
      const treeSha = sha1(JSON.stringify(files));
      fake.trees.set(treeSha, new Map(Object.entries(files)));
      const sha = sha1(`${treeSha}seed`);
      fake.commits.set(sha, { sha, tree: treeSha, parents: [], message: 'seed' });
      if (!fake.branches.has(repo)) fake.branches.set(repo, new Map());
      fake.branches.get(repo)!.set(branch, sha);
    },
    branchFiles(repo, branch) {
      const sha = fake.branches.get(repo)?.get(branch);
      if (!sha) return undefined;
      return fake.trees.get(fake.commits.get(sha)!.tree);
    },
  };

  const repoObj = (r: FakeRepo): S['minimal-repository'] => ({
    ...repoUrls(url, `${org}/${r.name}`),
    id: r.id,
    node_id: `R_${r.id}`,
    name: r.name,
    full_name: `${org}/${r.name}`,
    owner: simpleUser(url, org),
    private: true,
    html_url: `https://github.test/${org}/${r.name}`,
    description: null,
    fork: !!r.fork,
    archived: !!r.archived,
    default_branch: r.default_branch,
    topics: r.topics,
  });

  const artifactObj = (a: FakeArtifact): Artifact => {
    const r = fake.repos.find((x) => `${org}/${x.name}` === a.repo)!;
    const expires = new Date(Date.parse(a.created_at) + (a.expired ? 2 : 90) * 86_400_000).toISOString();
    return {
      id: a.id,
      node_id: `A_${a.id}`,
      name: a.name,
      size_in_bytes: a.zip.length,
      url: `${url}/repos/${a.repo}/actions/artifacts/${a.id}`,
      archive_download_url: `${url}/repos/${a.repo}/actions/artifacts/${a.id}/zip`,
      expired: !!a.expired,
      created_at: a.created_at,
      expires_at: expires,
      updated_at: a.created_at,
      workflow_run: {
        id: a.id * 10,
        repository_id: r.id,
        head_repository_id: r.id,
        head_branch: a.branch,
        head_sha: sha1(String(a.id)),
      },
    };
  };

  const overrides = new WeakMap<http.ServerResponse, Fault>();
  const send = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    const o = overrides.get(res);
    if (o) {
      overrides.delete(res);
      return send(res, o.status, o.body ?? { message: `injected ${o.status}` }, o.headers);
    }
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(0, 5000 - fake.calls.length)),
      ...headers,
    });
    res.end(text);
  };

  const paginate = <T>(
    res: http.ServerResponse,
    reqUrl: string,
    items: T[],
    wrap?: (page: T[]) => unknown,
  ) => {
    const u = new URL(reqUrl, url);
    const per = Math.min(100, Number(u.searchParams.get('per_page') ?? 30));
    const page = Number(u.searchParams.get('page') ?? 1);
    const slice = items.slice((page - 1) * per, page * per);
    const headers: Record<string, string> = {};
    if (page * per < items.length) {
      u.searchParams.set('page', String(page + 1));
      headers.link = `<${u.href}>; rel="next"`;
    }
    send(res, 200, wrap ? wrap(slice) : slice, headers);
  };

  const readBody = (req: http.IncomingMessage) =>
    new Promise<unknown>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const t = Buffer.concat(chunks).toString('utf8');
        resolve(t ? JSON.parse(t) : undefined);
      });
    });

  const blobs = new Map<string, Uint8Array>();

  const server = http.createServer((req, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      const full = req.url ?? '/';
      const pathname = decodeURIComponent(full.split('?')[0]!);
      if (pathname.startsWith('/_blob/')) {
        const b = blobs.get(pathname);
        if (!b) return send(res, 404, { message: 'blob not found' });
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(b.length) });
        return res.end(Buffer.from(b));
      }
      fake.calls.push(`${method} ${full}`);
      const route = `${method} ${pathname}`;
      const q = fake.faults.get(route);
      if (q && q.length && (q[0]!.skip ?? 0) > 0) q[0]!.skip!--;
      else if (q && q.length) {
        const f = q[0]!;
        f.times = (f.times ?? 1) - 1;
        if (f.times <= 0) q.shift();
        if (f.afterWrite) overrides.set(res, f);
        else return send(res, f.status, f.body ?? { message: `injected ${f.status}` }, f.headers);
      }
      const auth = req.headers.authorization ?? '';
      const tok = auth.replace(/^(token|bearer)\s+/i, '');
      const isApp = pathname === '/orgs/' + org + '/installation' || pathname.startsWith('/app/');
      if (!isApp && !fake.tokens.has(tok)) return send(res, 401, { message: 'Bad credentials' });
      let m: RegExpExecArray | null;

      if (method === 'GET' && pathname === '/search/issues') {
        const q = new URL(full, 'http://x').searchParams.get('q') ?? '';
        const label = /label:"([^"]+)"/.exec(q)?.[1];
        const items = fake.trackerIssues.filter((i) =>
          (i.labels as Array<{ name?: string }>).some((l) => l.name === label),
        );
        const perPage = Number(new URL(full, 'http://x').searchParams.get('per_page') ?? 30);
        const page = Number(new URL(full, 'http://x').searchParams.get('page') ?? 1);
        const slice = items.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < items.length) {
          const next = new URL(full, url);
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next.toString()}>; rel="next"`;
        }
        return send(
          res,
          200,
          { total_count: items.length, incomplete_results: false, items: slice },
          headers,
        );
      }
      if (method === 'GET' && pathname === `/orgs/${org}/repos`)
        return paginate(res, full, fake.repos.map(repoObj));
      if (method === 'GET' && pathname === `/orgs/${org}/properties/values`) {
        const rows: S['org-repo-custom-property-values'][] = fake.repos.map((r) => ({
          repository_id: r.id,
          repository_name: r.name,
          repository_full_name: `${org}/${r.name}`,
          properties: Object.entries(r.properties ?? {}).map(([property_name, value]) => ({
            property_name,
            value,
          })),
        }));
        return paginate(res, full, rows);
      }
      if (method === 'GET' && pathname === `/orgs/${org}/code-scanning/alerts`)
        return paginate(res, full, fake.codeScanning);
      if (method === 'GET' && pathname === `/orgs/${org}/secret-scanning/alerts`) {
        const hide = new URL(full, url).searchParams.get('hide_secret') === 'true';
        return paginate(
          res,
          full,
          hide ? fake.secretScanning.map(({ secret: _s, ...rest }) => rest) : fake.secretScanning,
        );
      }
      if (method === 'GET' && pathname === `/orgs/${org}/dependabot/alerts`)
        return paginate(res, full, fake.dependabot);
      if (method === 'GET' && pathname === `/orgs/${org}/installation`) return send(res, 200, { id: 42 });
      if (method === 'POST' && (m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(pathname))) {
        if (!/^bearer\s+\S+\.\S+\.\S+$/i.test(auth))
          return send(res, 401, { message: 'A JSON web token could not be decoded' });
        fake.tokens.add('installation-token');
        return send(res, 201, {
          token: 'installation-token',
          expires_at: new Date(Date.now() + 3600e3).toISOString(),
        });
      }
      if (method === 'POST' && pathname === '/graphql') {
        const body = (await readBody(req)) as { query: string };
        const data: Record<string, Record<string, { text: string } | null> | null> = {};
        // The job writes one `rN: repository(...) { ... }` per line.
        for (const line of body.query.split('\n')) {
          const rm = /^(r\d+): repository\(owner: ("[^"]*"), name: ("[^"]*")\)/.exec(line);
          if (!rm) continue;
          const name = JSON.parse(rm[3]!) as string;
          const repo = fake.repos.find((r) => r.name === name);
          if (!repo) {
            data[rm[1]!] = null;
            continue;
          }
          const node: Record<string, { text: string } | null> = {};
          for (const fm of line.matchAll(/(f\d+): object\(expression: ("[^"]*")\)/g)) {
            const p = (JSON.parse(fm[2]!) as string).replace(/^HEAD:/, '');
            node[fm[1]!] = repo.files?.[p] !== undefined ? { text: repo.files[p]! } : null;
          }
          data[rm[1]!] = node;
        }
        return send(res, 200, { data });
      }

      if ((m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(pathname))) {
        const repoFull = `${m[1]}/${m[2]}`;
        const rest = m[3] ?? '';
        const repo = fake.repos.find((r) => `${org}/${r.name}` === repoFull);
        if (!repo) return send(res, 404, { message: 'Not Found' });
        let mm: RegExpExecArray | null;
        if (method === 'GET' && rest === '/actions/artifacts') {
          const name = new URL(full, url).searchParams.get('name');
          const list = fake.artifacts
            .filter((a) => a.repo === repoFull && (!name || a.name === name))
            .sort((a, b) => b.created_at.localeCompare(a.created_at))
            .map(artifactObj);
          const u = new URL(full, url);
          const per = Math.min(100, Number(u.searchParams.get('per_page') ?? 30));
          const page = Number(u.searchParams.get('page') ?? 1);
          return send(res, 200, {
            total_count: list.length,
            artifacts: list.slice((page - 1) * per, page * per),
          });
        }
        if (method === 'GET' && (mm = /^\/actions\/artifacts\/(\d+)\/zip$/.exec(rest))) {
          const a = fake.artifacts.find((x) => x.id === Number(mm![1]) && x.repo === repoFull);
          if (!a) return send(res, 404, { message: 'Not Found' });
          if (a.expired) return send(res, 410, { message: 'Artifact has expired' });
          const key = `/_blob/artifact-${a.id}`;
          blobs.set(key, a.zip);
          return send(res, 302, undefined, { location: `${url}${key}?sig=abc` });
        }
        if (method === 'GET' && (mm = /^\/zipball\/(.+)$/.exec(rest))) {
          const files = fake.branchFiles(repoFull, decodeURIComponent(mm[1]!));
          if (!files) return send(res, 404, { message: 'Not Found' });
          const top = `${m[1]}-${m[2]}-abc1234`;
          const z: Record<string, Uint8Array> = {};
          for (const [p, c] of files) z[`${top}/${p}`] = strToU8(c);
          const key = `/_blob/zipball-${repoFull.replace('/', '-')}-${Date.now()}`;
          blobs.set(key, zipSync(z));
          return send(res, 302, undefined, { location: `${url}${key}` });
        }
        if (rest === '/issues' && method === 'GET') {
          const u = new URL(full, url);
          const labels = (u.searchParams.get('labels') ?? '').split(',').filter(Boolean);
          const state = u.searchParams.get('state') ?? 'open';
          const list = fake.issues
            .filter((i) => i.repository_url.endsWith(`/repos/${repoFull}`))
            .filter((i) => state === 'all' || i.state === state)
            .filter((i) =>
              labels.every((l) => i.labels.some((x) => (typeof x === 'string' ? x : x.name) === l)),
            )
            .sort((a, b) => b.number - a.number);
          return paginate(res, full, list);
        }
        if (rest === '/issues' && method === 'POST') {
          const body = (await readBody(req)) as { title: string; body?: string; labels?: string[] };
          const issue = makeIssue(url, repoFull, issueSeq++, body.title, body.body ?? '', body.labels ?? []);
          fake.issues.push(issue);
          return send(res, 201, issue);
        }
        if (method === 'PATCH' && (mm = /^\/issues\/(\d+)$/.exec(rest))) {
          const issue = fake.issues.find(
            (i) => i.number === Number(mm![1]) && i.repository_url.endsWith(`/repos/${repoFull}`),
          );
          if (!issue) return send(res, 404, { message: 'Not Found' });
          const body = (await readBody(req)) as { title?: string; body?: string };
          if (body.title !== undefined) issue.title = body.title;
          if (body.body !== undefined) issue.body = body.body;
          issue.updated_at = new Date().toISOString();
          return send(res, 200, issue);
        }
        const branches = fake.branches.get(repoFull) ?? new Map<string, string>();
        if (method === 'GET' && (mm = /^\/git\/ref\/heads\/(.+)$/.exec(rest))) {
          const sha = branches.get(decodeURIComponent(mm[1]!));
          if (!sha) return send(res, 404, { message: 'Not Found' });
          return send(res, 200, {
            ref: `refs/heads/${mm[1]}`,
            node_id: 'REF',
            url: '',
            object: { type: 'commit', sha, url: '' },
          });
        }
        if (method === 'GET' && (mm = /^\/git\/commits\/([0-9a-f]+)$/.exec(rest))) {
          const c = fake.commits.get(mm[1]!);
          if (!c) return send(res, 404, { message: 'Not Found' });
          return send(res, 200, {
            sha: c.sha,
            tree: { sha: c.tree, url: '' },
            parents: c.parents.map((sha) => ({ sha, url: '', html_url: '' })),
            message: c.message,
          });
        }
        if (method === 'POST' && rest === '/git/trees') {
          const body = (await readBody(req)) as {
            base_tree?: string;
            tree: Array<{ path: string; content: string }>;
          };
          const files = new Map(body.base_tree ? (fake.trees.get(body.base_tree) ?? []) : []);
          for (const e of body.tree) files.set(e.path, e.content);
          const sha = sha1(JSON.stringify([...files].sort()));
          fake.trees.set(sha, files);
          return send(res, 201, { sha, url: '', tree: [], truncated: false });
        }
        if (method === 'POST' && rest === '/git/commits') {
          const body = (await readBody(req)) as { message: string; tree: string; parents: string[] };
          const sha = sha1(`${body.tree}${body.parents.join()}${body.message}${fake.commits.size}`);
          fake.commits.set(sha, { sha, tree: body.tree, parents: body.parents, message: body.message });
          return send(res, 201, { sha, tree: { sha: body.tree }, parents: [], message: body.message });
        }
        if (method === 'PATCH' && (mm = /^\/git\/refs\/heads\/(.+)$/.exec(rest))) {
          const body = (await readBody(req)) as { sha: string };
          const b = decodeURIComponent(mm[1]!);
          if (!branches.has(b)) return send(res, 422, { message: 'Reference does not exist' });
          const c = fake.commits.get(body.sha);
          if (!c || !c.parents.includes(branches.get(b)!))
            return send(res, 422, { message: 'Update is not a fast forward' });
          branches.set(b, body.sha);
          return send(res, 200, { ref: `refs/heads/${b}`, object: { sha: body.sha } });
        }
        if (method === 'POST' && rest === '/git/refs') {
          const body = (await readBody(req)) as { ref: string; sha: string };
          const b = body.ref.replace(/^refs\/heads\//, '');
          if (branches.has(b)) return send(res, 422, { message: 'Reference already exists' });
          branches.set(b, body.sha);
          fake.branches.set(repoFull, branches);
          return send(res, 201, { ref: body.ref, object: { sha: body.sha } });
        }
      }
      send(res, 404, { message: `fake GitHub does not implement ${route}` });
    })().catch((e: unknown) => {
      res.writeHead(599);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.url = url;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

export function makeIssue(
  api: string,
  repoFull: string,
  number: number,
  title: string,
  body: string,
  labels: string[],
  created_at = new Date().toISOString(),
): Issue {
  const u = `${api}/repos/${repoFull}/issues/${number}`;
  return {
    id: number * 1000,
    node_id: `I_${number}`,
    url: u,
    repository_url: `${api}/repos/${repoFull}`,
    labels_url: `${u}/labels{/name}`,
    comments_url: `${u}/comments`,
    events_url: `${u}/events`,
    html_url: `https://github.test/${repoFull}/issues/${number}`,
    number,
    state: 'open',
    title,
    body,
    user: simpleUser(api, 'someone', 7),
    labels: labels.map((name, k) => ({
      id: k + 1,
      node_id: `L_${k}`,
      url: '',
      name,
      description: null,
      color: 'ededed',
      default: false,
    })),
    assignee: null,
    milestone: null,
    locked: false,
    comments: 0,
    closed_at: null,
    created_at,
    updated_at: created_at,
    author_association: 'MEMBER',
  };
}

export function simpleRepository(api: string, org: string, r: FakeRepo): S['simple-repository'] {
  return {
    ...repoUrls(api, `${org}/${r.name}`),
    id: r.id,
    node_id: `R_${r.id}`,
    name: r.name,
    full_name: `${org}/${r.name}`,
    owner: simpleUser(api, org),
    private: true,
    html_url: `https://github.test/${org}/${r.name}`,
    description: null,
    fork: false,
  };
}
