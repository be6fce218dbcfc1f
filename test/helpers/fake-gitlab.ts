import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server that speaks the GitLab REST shapes the group job uses: group projects
 * (subgroups, archived filter, offset pagination with Link + X-Next-Page), job artifacts by ref + job
 * name (302 to a blob host on another origin, like object storage), project issues (labels, search in
 * title, state; create and update), repository tree/raw files/commits, and GraphQL group
 * vulnerabilities with cursors. Faults are injected per request.
 */
export interface FakeProject {
  id: number;
  path_with_namespace: string;
  default_branch: string | null;
  archived?: boolean;
  topics?: string[];
  empty_repo?: boolean;
}

export interface FakeIssue {
  iid: number;
  title: string;
  description: string;
  labels: string[];
  state: 'opened' | 'closed';
  web_url: string;
  created_at: string;
}

export interface Fault {
  method?: string;
  /** Regular expression on the path (with query string). */
  path: RegExp;
  /** How many times it fires (default 1). */
  times?: number;
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Handle the request first, then answer with the fault (the write landed, the caller cannot know). */
  afterHandling?: boolean;
}

export interface LoggedRequest {
  method: string;
  url: string;
  token: string | undefined;
  host: 'api' | 'blob';
}

export class FakeGitlab {
  projects: FakeProject[] = [];
  groups: Record<string, number[]> = {};
  /** `${projectId}|${ref}|${job}` → zip bytes (or a fault via `faults`). */
  artifacts = new Map<string, Uint8Array>();
  issues = new Map<number, FakeIssue[]>();
  /** `${projectId}|${branch}` → path → content. */
  files = new Map<string, Map<string, Buffer>>();
  commits: Array<{
    project: number;
    branch: string;
    start_branch?: string;
    message: string;
    actions: Array<{ action: string; file_path: string }>;
  }> = [];
  vulnerabilities: unknown[] = [];
  faults: Fault[] = [];
  requests: LoggedRequest[] = [];
  readonly token = 'glpat-test-token';
  private api!: Server;
  private blob!: Server;
  private blobs = new Map<string, Uint8Array>();
  apiOrigin = '';
  blobOrigin = '';

  get apiUrl(): string {
    return `${this.apiOrigin}/api/v4`;
  }

  async start(): Promise<void> {
    this.api = createServer((req, res) => void this.handle(req, res, 'api'));
    this.blob = createServer((req, res) => void this.handle(req, res, 'blob'));
    for (const [s, set] of [
      [this.api, (o: string) => (this.apiOrigin = o)],
      [this.blob, (o: string) => (this.blobOrigin = o)],
    ] as const) {
      await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
      set(`http://127.0.0.1:${(s.address() as AddressInfo).port}`);
    }
  }

  async stop(): Promise<void> {
    await Promise.all([this.api, this.blob].map((s) => new Promise((r) => s.close(r))));
  }

  project(path: string): FakeProject {
    const p = this.projects.find((x) => x.path_with_namespace === path);
    if (!p) throw new Error(`no project ${path}`);
    return p;
  }

  private byIdOrPath(idOrPath: string): FakeProject | undefined {
    const key = decodeURIComponent(idOrPath);
    return this.projects.find((p) => String(p.id) === key || p.path_with_namespace === key);
  }

  private async handle(req: IncomingMessage, res: ServerResponse, host: 'api' | 'blob'): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const tokenHeader = req.headers['private-token'];
    this.requests.push({
      method: req.method ?? 'GET',
      url: req.url ?? '',
      token: typeof tokenHeader === 'string' ? tokenHeader : undefined,
      host,
    });
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      const isBytes = data instanceof Uint8Array;
      res.writeHead(status, { 'content-type': isBytes ? 'application/zip' : 'application/json', ...headers });
      res.end(isBytes ? Buffer.from(data) : data === undefined ? '' : JSON.stringify(data));
    };
    if (host === 'blob') {
      const b = this.blobs.get(url.pathname);
      return b ? send(200, b) : send(404, { message: 'blob not found' });
    }
    const fault = this.faults.find(
      (f) => (f.times ?? 1) > 0 && (!f.method || f.method === req.method) && f.path.test(req.url ?? ''),
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.afterHandling) await this.route(req.method ?? 'GET', url, body, () => undefined);
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      res.end(fault.body ?? JSON.stringify({ message: `${fault.status} injected` }));
      return;
    }
    if (tokenHeader !== this.token) return send(401, { message: '401 Unauthorized' });
    try {
      await this.route(req.method ?? 'GET', url, body, send);
    } catch (e) {
      send(500, { message: String(e) });
    }
  }

  private paginate(
    url: URL,
    items: unknown[],
    send: (s: number, d: unknown, h?: Record<string, string>) => void,
  ) {
    const per = Number(url.searchParams.get('per_page') ?? 20);
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = items.slice((page - 1) * per, page * per);
    const headers: Record<string, string> = { 'x-page': String(page), 'x-per-page': String(per) };
    if (page * per < items.length) {
      const next = new URL(url.toString().replace('http://x', this.apiOrigin));
      next.searchParams.set('page', String(page + 1));
      headers['x-next-page'] = String(page + 1);
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    send(200, slice, headers);
  }

  private async route(
    method: string,
    url: URL,
    body: string,
    send: (s: number, d: unknown, h?: Record<string, string>) => void,
  ): Promise<void> {
    const p = url.pathname;
    let m: RegExpExecArray | null;
    if (method === 'POST' && p === '/api/graphql') {
      const { variables } = JSON.parse(body) as { variables: { fullPath: string; after: string | null } };
      if (!this.groups[variables.fullPath]) return send(200, { data: { group: null } });
      const start = variables.after ? Number(variables.after) : 0;
      const nodes = this.vulnerabilities.slice(start, start + 2);
      const end = start + nodes.length;
      return send(200, {
        data: {
          group: {
            vulnerabilities: {
              nodes,
              pageInfo: {
                hasNextPage: end < this.vulnerabilities.length,
                endCursor: end < this.vulnerabilities.length ? String(end) : null,
              },
            },
          },
        },
      });
    }
    if ((m = /^\/api\/v4\/groups\/([^/]+)\/projects$/.exec(p))) {
      const group = decodeURIComponent(m[1]!);
      if (!this.groups[group]) return send(404, { message: '404 Group Not Found' });
      const subgroups = url.searchParams.get('include_subgroups') === 'true';
      let list = this.projects.filter((x) =>
        subgroups ? x.path_with_namespace.startsWith(group + '/') : this.groups[group]!.includes(x.id),
      );
      if (url.searchParams.get('archived') === 'false') list = list.filter((x) => !x.archived);
      return this.paginate(url, list, send);
    }
    if ((m = /^\/api\/v4\/projects\/([^/]+)$/.exec(p)) && method === 'GET') {
      const proj = this.byIdOrPath(m[1]!);
      return proj ? send(200, proj) : send(404, { message: '404 Project Not Found' });
    }
    if ((m = /^\/api\/v4\/projects\/([^/]+)\/jobs\/artifacts\/([^/]+)\/download$/.exec(p))) {
      const proj = this.byIdOrPath(m[1]!);
      const key = `${proj?.id}|${decodeURIComponent(m[2]!)}|${url.searchParams.get('job')}`;
      const zip = this.artifacts.get(key);
      if (!zip) return send(404, { message: '404 Not found' });
      const blobPath = `/blobs/${encodeURIComponent(key)}`;
      this.blobs.set(blobPath, zip);
      return send(302, undefined, { location: `${this.blobOrigin}${blobPath}` });
    }
    if ((m = /^\/api\/v4\/projects\/([^/]+)\/issues$/.exec(p))) {
      const proj = this.byIdOrPath(m[1]!);
      if (!proj) return send(404, { message: '404 Project Not Found' });
      const list = this.issues.get(proj.id) ?? [];
      this.issues.set(proj.id, list);
      if (method === 'POST') {
        const b = JSON.parse(body) as { title: string; description: string; labels?: string };
        const iid = list.length + 1;
        const issue: FakeIssue = {
          iid,
          title: b.title,
          description: b.description,
          labels: (b.labels ?? '').split(',').filter(Boolean),
          state: 'opened',
          web_url: `${this.apiOrigin}/${proj.path_with_namespace}/-/issues/${iid}`,
          created_at: new Date().toISOString(),
        };
        list.push(issue);
        return send(201, issue);
      }
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const search = url.searchParams.get('search');
      const state = url.searchParams.get('state') ?? 'all';
      const found = list.filter(
        (i) =>
          labels.every((l) => i.labels.includes(l)) &&
          (!search || i.title.toLowerCase().includes(search.toLowerCase())) &&
          (state === 'all' || i.state === state),
      );
      return this.paginate(url, found, send);
    }
    if ((m = /^\/api\/v4\/projects\/([^/]+)\/issues\/(\d+)$/.exec(p)) && method === 'PUT') {
      const proj = this.byIdOrPath(m[1]!);
      const issue = (this.issues.get(proj?.id ?? -1) ?? []).find((i) => i.iid === Number(m![2]));
      if (!issue) return send(404, { message: '404 Issue Not Found' });
      const b = JSON.parse(body) as { description?: string; title?: string; add_labels?: string };
      if (b.description !== undefined) issue.description = b.description;
      if (b.title !== undefined) issue.title = b.title;
      for (const l of (b.add_labels ?? '').split(',').filter(Boolean))
        if (!issue.labels.includes(l)) issue.labels.push(l);
      return send(200, issue);
    }
    if ((m = /^\/api\/v4\/projects\/([^/]+)\/repository\/tree$/.exec(p))) {
      const proj = this.byIdOrPath(m[1]!);
      const files = this.files.get(`${proj?.id}|${url.searchParams.get('ref')}`) ?? new Map();
      const dir = url.searchParams.get('path') ?? '';
      const inside = [...files.keys()].filter((f) => f.startsWith(dir + '/')).sort();
      if (inside.length === 0) return send(404, { message: '404 Tree Not Found' });
      return this.paginate(
        url,
        inside.map((f) => ({ type: 'blob', path: f, name: f.split('/').pop() })),
        send,
      );
    }
    if ((m = /^\/api\/v4\/projects\/([^/]+)\/repository\/files\/([^/]+)\/raw$/.exec(p))) {
      const proj = this.byIdOrPath(m[1]!);
      const files = this.files.get(`${proj?.id}|${url.searchParams.get('ref')}`) ?? new Map();
      const f = files.get(decodeURIComponent(m[2]!));
      return f ? send(200, new Uint8Array(f)) : send(404, { message: '404 File Not Found' });
    }
    if ((m = /^\/api\/v4\/projects\/([^/]+)\/repository\/branches\/([^/]+)$/.exec(p))) {
      const proj = this.byIdOrPath(m[1]!);
      const branch = decodeURIComponent(m[2]!);
      const exists = !!proj && (proj.default_branch === branch || this.files.has(`${proj.id}|${branch}`));
      return exists ? send(200, { name: branch }) : send(404, { message: '404 Branch Not Found' });
    }
    if ((m = /^\/api\/v4\/projects\/([^/]+)\/repository\/commits$/.exec(p)) && method === 'POST') {
      const proj = this.byIdOrPath(m[1]!)!;
      const b = JSON.parse(body) as {
        start_branch?: string;
        branch: string;
        commit_message: string;
        actions: Array<{ action: string; file_path: string; content: string; encoding?: string }>;
      };
      const key = `${proj.id}|${b.branch}`;
      const branchExists = proj.default_branch === b.branch || this.files.has(key);
      if (!branchExists && !b.start_branch)
        return send(400, { message: 'You can only create or edit files when you are on a branch' });
      const files = new Map(this.files.get(branchExists ? key : `${proj.id}|${b.start_branch}`) ?? []);
      for (const a of b.actions) {
        if (a.action === 'create' && files.has(a.file_path))
          return send(400, { message: 'A file with this name already exists' });
        if (a.action === 'update' && !files.has(a.file_path))
          return send(400, { message: "A file with this name doesn't exist" });
        files.set(a.file_path, Buffer.from(a.content, a.encoding === 'base64' ? 'base64' : 'utf8'));
      }
      this.files.set(key, files);
      this.commits.push({
        project: proj.id,
        branch: b.branch,
        start_branch: b.start_branch,
        message: b.commit_message,
        actions: b.actions,
      });
      return send(201, { id: `c0ffee${String(this.commits.length).padStart(34, '0')}` });
    }
    send(404, { message: `404 no route ${method} ${p}` });
  }
}
