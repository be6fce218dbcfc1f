import type { Logger } from '../../util/logger.js';

/**
 * A small GitLab REST (and GraphQL) client over fetch: the base URL is the instance's
 * `$CI_API_V4_URL` (or any other, for self-managed instances and test servers), pagination follows
 * the `Link`/`X-Next-Page` headers, 429 waits as long as `Retry-After` says, 5xx and network errors
 * are retried with backoff (except for POST, which the caller checks and repeats itself). The token never leaves the instance's origin (redirects are followed
 * without it).
 */
export interface GitlabClientOptions {
  /** REST base, e.g. `https://gitlab.example.com/api/v4`. */
  apiUrl: string;
  token: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
  /** Retries after 429/5xx/network errors (default 5). */
  maxRetries?: number;
  /** Longest single wait honoured, in seconds (default 300); a longer Retry-After fails the call. */
  maxWaitSeconds?: number;
  /** Page size (default 100, GitLab's maximum). */
  perPage?: number;
  /** Stop after this many pages of one listing (default 1000). */
  maxPages?: number;
  /** Per-request timeout in ms, body included (default 300,000: artifact archives can be large). */
  timeoutMs?: number;
}

/** An HTTP failure, with a one-line message fit for the report's source problems. */
export class GitlabApiError extends Error {
  override readonly name = 'GitlabApiError';
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly detail: string,
  ) {
    super(
      `${method} ${path}: ${status === 0 ? 'network error' : `HTTP ${status}`}${detail ? ` ${detail}` : ''}`,
    );
  }
}

type Query = Record<string, string | number | boolean | undefined | string[]>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Return the raw Response (after status checks) instead of parsing JSON. */
  raw?: boolean;
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** `group/sub project` → `group%2Fsub%20project` (GitLab's URL-encoded path ids). */
export function encodeId(idOrPath: string | number): string {
  return typeof idOrPath === 'number' ? String(idOrPath) : encodeURIComponent(idOrPath);
}

function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1]!;
  }
  return null;
}

async function errorDetail(res: Response): Promise<string> {
  let text = '';
  try {
    text = await res.text();
  } catch {
    return res.statusText;
  }
  try {
    const j = JSON.parse(text) as { message?: unknown; error?: unknown; error_description?: unknown };
    const m = j.message ?? j.error_description ?? j.error;
    if (m !== undefined) text = typeof m === 'string' ? m : JSON.stringify(m);
  } catch {
    // not JSON: keep the text
  }
  text = text.replace(/\s+/g, ' ').trim();
  return (text || res.statusText).slice(0, 200);
}

export class GitlabClient {
  readonly apiUrl: string;
  private readonly origin: string;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetries: number;
  private readonly maxWait: number;
  private readonly perPage: number;
  private readonly maxPages: number;
  /** Calls made, for the run log. */
  calls = 0;

  constructor(private readonly opts: GitlabClientOptions) {
    this.apiUrl = opts.apiUrl.replace(/\/+$/, '');
    this.origin = new URL(this.apiUrl).origin;
    this.fetchImpl = opts.fetch ?? fetch;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.maxRetries = opts.maxRetries ?? 5;
    this.maxWait = opts.maxWaitSeconds ?? 300;
    this.perPage = opts.perPage ?? 100;
    this.maxPages = opts.maxPages ?? 1000;
  }

  /** GraphQL endpoint of the same instance: `/api/v4` → `/api/graphql`. */
  get graphqlUrl(): string {
    return this.apiUrl.replace(/\/api\/v4$/, '') + '/api/graphql';
  }

  url(path: string, query?: Query): string {
    const u = new URL(path.startsWith('http') ? path : this.apiUrl + path);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const item of v) u.searchParams.append(k, item);
      else u.searchParams.set(k, String(v));
    }
    return u.toString();
  }

  /** One call with retries; follows redirects itself so the token is only sent to the API's origin. */
  async fetchWithRetry(method: string, url: string, body?: unknown, display = url): Promise<Response> {
    let attempt = 0;
    let target = url;
    for (;;) {
      const sameOrigin = new URL(target).origin === this.origin;
      const headers: Record<string, string> = { accept: 'application/json' };
      if (sameOrigin) headers['private-token'] = this.opts.token;
      if (body !== undefined) headers['content-type'] = 'application/json';
      let res: Response;
      this.calls++;
      try {
        res = await this.fetchImpl(target, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          redirect: 'manual',
          signal: AbortSignal.timeout(this.opts.timeoutMs ?? 300_000),
        });
      } catch (e) {
        // A POST that may have reached the server is not repeated blindly (it could create twice).
        if (attempt >= this.maxRetries || method === 'POST')
          throw new GitlabApiError(0, method, display, (e as Error).message);
        await this.sleep(this.backoff(attempt++));
        continue;
      }
      if (REDIRECTS.has(res.status) && res.headers.get('location')) {
        target = new URL(res.headers.get('location')!, target).toString();
        method = res.status === 303 ? 'GET' : method;
        continue;
      }
      const retryable = method === 'POST' ? res.status === 429 : RETRYABLE.has(res.status);
      if (retryable && attempt < this.maxRetries) {
        const wait = this.retryWait(res, attempt);
        if (wait > this.maxWait * 1000) {
          throw new GitlabApiError(
            res.status,
            method,
            display,
            `rate limited; Retry-After ${Math.round(wait / 1000)} s is longer than the ${this.maxWait} s this job waits`,
          );
        }
        this.opts.logger?.debug(
          `${method} ${display}: HTTP ${res.status}, retrying in ${Math.round(wait)} ms`,
        );
        await res.body?.cancel().catch(() => undefined);
        await this.sleep(wait);
        attempt++;
        continue;
      }
      if (!res.ok) throw new GitlabApiError(res.status, method, display, await errorDetail(res));
      return res;
    }
  }

  private backoff(attempt: number): number {
    return Math.min(1000 * 2 ** attempt, 30_000);
  }

  /** Retry-After (seconds or an HTTP date), else RateLimit-Reset (epoch seconds), else backoff. */
  private retryWait(res: Response, attempt: number): number {
    const ra = res.headers.get('retry-after');
    if (ra) {
      if (/^\d+(\.\d+)?$/.test(ra.trim())) return Number(ra) * 1000;
      const at = Date.parse(ra);
      if (!Number.isNaN(at)) return Math.max(0, at - Date.now());
    }
    const reset = res.headers.get('ratelimit-reset');
    if (res.status === 429 && reset && /^\d+$/.test(reset))
      return Math.max(0, Number(reset) * 1000 - Date.now());
    return this.backoff(attempt);
  }

  async request<T = unknown>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
    const res = await this.fetchWithRetry(method, this.url(path, o.query), o.body, path);
    if (o.raw) return res as unknown as T;
    const text = await res.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new GitlabApiError(res.status, method, path, 'response is not JSON');
    }
  }

  get<T = unknown>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path, { query });
  }

  async bytes(path: string, query?: Query): Promise<Uint8Array> {
    const res = await this.fetchWithRetry('GET', this.url(path, query), undefined, path);
    return new Uint8Array(await res.arrayBuffer());
  }

  /** Every item of a listing: `Link: rel="next"` (keyset or offset), else `X-Next-Page`. */
  async paginate<T>(path: string, query: Query = {}): Promise<T[]> {
    const out: T[] = [];
    let url: string | null = this.url(path, { per_page: this.perPage, ...query });
    for (let page = 0; url; page++) {
      if (page >= this.maxPages) throw new GitlabApiError(0, 'GET', path, `more than ${this.maxPages} pages`);
      const res = await this.fetchWithRetry('GET', url, undefined, path);
      const items = (await res.json()) as unknown;
      if (!Array.isArray(items)) throw new GitlabApiError(res.status, 'GET', path, 'expected a JSON array');
      out.push(...(items as T[]));
      const link = nextLink(res.headers.get('link'));
      const nextPage = res.headers.get('x-next-page');
      url = link ?? (nextPage ? this.url(path, { per_page: this.perPage, ...query, page: nextPage }) : null);
    }
    return out;
  }

  /** A GraphQL query; GraphQL `errors` become a GitlabApiError. */
  async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await this.fetchWithRetry('POST', this.graphqlUrl, { query, variables }, '/api/graphql');
    const body = (await res.json()) as { data?: T; errors?: Array<{ message?: string }> };
    if (body.errors?.length)
      throw new GitlabApiError(
        res.status,
        'POST',
        '/api/graphql',
        body.errors.map((e) => e.message).join('; '),
      );
    if (!body.data) throw new GitlabApiError(res.status, 'POST', '/api/graphql', 'no data in the response');
    return body.data;
  }
}
