import { createSign } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { throttling } from '@octokit/plugin-throttling';
import { retry } from '@octokit/plugin-retry';
import type { Logger } from '../../util/logger.js';
import { UserError } from '../../util/errors.js';

export const GhOctokit = Octokit.plugin(throttling, retry);
export type GhClient = InstanceType<typeof GhOctokit>;

/** What the job spent: every HTTP request to the API (retries included) and the rate limit left. */
export interface CallStats {
  calls: number;
  byRoute: Map<string, number>;
  /** Calls whose path names one repo (`/repos/{o}/{r}/...`), by `owner/repo`. */
  byRepo: Map<string, number>;
  rateLimitRemaining: number | null;
  rateLimitLimit: number | null;
  retries: number;
}

export function newCallStats(): CallStats {
  return {
    calls: 0,
    byRoute: new Map(),
    byRepo: new Map(),
    rateLimitRemaining: null,
    rateLimitLimit: null,
    retries: 0,
  };
}

/** GITHUB_API_URL is read now, at call time: GHES runners and tests set it after the bundle loads. */
export function resolveApiUrl(
  input: string | undefined,
  env: Record<string, string | undefined> = process.env,
): string {
  return (input || env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}

export interface ClientOptions {
  baseUrl: string;
  token: string;
  logger: Logger;
  stats: CallStats;
  /** Test knobs: ms per "second" of Retry-After / retry backoff, and write spacing. */
  retryAfterBaseMs?: number;
  noWriteSpacing?: boolean;
  userAgent?: string;
}

function routeOf(url: string, base: string): { route: string; repo: string | null } {
  let p = url.startsWith(base) ? url.slice(base.length) : new URL(url).pathname;
  p = p.split('?')[0]!;
  const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(p);
  if (m)
    return {
      route: `/repos/{o}/{r}${(m[3] ?? '').replace(/\/\d+(?=\/|$)/g, '/{id}')}`,
      repo: `${m[1]}/${m[2]}`,
    };
  return { route: p.replace(/\/orgs\/[^/]+/, '/orgs/{org}'), repo: null };
}

/** Octokit with throttling + retry, counting every HTTP request it makes. */
export function createClient(o: ClientOptions): GhClient {
  const base = o.baseUrl;
  const countingFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const { route, repo } = routeOf(url, base);
    o.stats.calls++;
    o.stats.byRoute.set(route, (o.stats.byRoute.get(route) ?? 0) + 1);
    if (repo) o.stats.byRepo.set(repo, (o.stats.byRepo.get(repo) ?? 0) + 1);
    const res = await fetch(input, init);
    const rem = res.headers.get('x-ratelimit-remaining');
    const lim = res.headers.get('x-ratelimit-limit');
    if (rem !== null && /^\d+$/.test(rem)) o.stats.rateLimitRemaining = Number(rem);
    if (lim !== null && /^\d+$/.test(lim)) o.stats.rateLimitLimit = Number(lim);
    return res;
  };
  const base1000 = o.retryAfterBaseMs ?? 1000;
  const noSpacing = {
    key: () => ({
      schedule: (_opts: unknown, fn: (...a: unknown[]) => unknown, ...args: unknown[]) => fn(...args),
    }),
  };
  return new GhOctokit({
    auth: o.token,
    baseUrl: base,
    userAgent: o.userAgent ?? 'product-security-metrics',
    request: { fetch: countingFetch },
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => o.logger.debug(m),
      error: (m: string) => o.logger.debug(m),
    },
    retry: { retries: 3, retryAfterBaseValue: base1000 },
    throttle: {
      retryAfterBaseValue: base1000,
      fallbackSecondaryRateRetryAfter: 60,
      ...(o.noWriteSpacing ? { write: noSpacing as never } : {}),
      onRateLimit: (
        retryAfter: number,
        options: { method: string; url: string },
        _k: unknown,
        retryCount: number,
      ) => {
        o.stats.retries++;
        o.logger.warning(
          `rate limit hit on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter}s`,
        );
        // Waiting for a primary reset can take most of an hour: retry once if it is close.
        return retryCount < 1 && retryAfter <= 120;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        options: { method: string; url: string },
        _k: unknown,
        retryCount: number,
      ) => {
        o.stats.retries++;
        o.logger.warning(
          `secondary rate limit on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter}s`,
        );
        return retryCount < 3;
      },
    },
  });
}

function b64url(s: string | Buffer): string {
  return Buffer.from(s).toString('base64url');
}

/** A GitHub App JWT (RS256, 9 minutes, backdated 60 s for clock drift). */
export function appJwt(appId: string, privateKeyPem: string, now = Date.now()): string {
  const iat = Math.floor(now / 1000) - 60;
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ iat, exp: iat + 540, iss: appId }));
  let sig: string;
  try {
    sig = createSign('RSA-SHA256')
      .update(`${head}.${body}`)
      .sign(privateKeyPem.replace(/\\n/g, '\n'), 'base64url');
  } catch {
    throw new UserError('input "app_private_key": not a readable PEM private key');
  }
  return `${head}.${body}.${sig}`;
}

/** App id + key → installation token for the org (2 calls; the id lookup is skipped when given). */
export async function installationToken(o: {
  baseUrl: string;
  appId: string;
  privateKey: string;
  org: string;
  installationId?: string;
  logger: Logger;
  stats: CallStats;
  retryAfterBaseMs?: number;
}): Promise<string> {
  const jwt = appJwt(o.appId, o.privateKey);
  const app = createClient({
    baseUrl: o.baseUrl,
    token: jwt,
    logger: o.logger,
    stats: o.stats,
    retryAfterBaseMs: o.retryAfterBaseMs,
    noWriteSpacing: true,
  });
  let id = o.installationId ? Number(o.installationId) : NaN;
  if (!Number.isFinite(id)) {
    const r = await app.request('GET /orgs/{org}/installation', { org: o.org });
    id = r.data.id;
  }
  const t = await app.request('POST /app/installations/{installation_id}/access_tokens', {
    installation_id: id,
  });
  return t.data.token;
}

/**
 * Paginate, keeping the pages already read when a later page fails (after the retry plugin gave up):
 * the caller reports exactly what is missing instead of losing everything. A failure on the first
 * page is thrown, as there is nothing to keep.
 */
export async function paginateKeeping<T>(
  octokit: GhClient,
  route: string,
  params: Record<string, unknown>,
): Promise<{ items: T[]; failure: { afterPage: number; status: number | null; message: string } | null }> {
  const items: T[] = [];
  let page = 0;
  try {
    for await (const res of octokit.paginate.iterator(route, params)) {
      page++;
      items.push(...((res as { data: T[] }).data ?? []));
    }
    return { items, failure: null };
  } catch (e) {
    if (page === 0) throw e;
    const status = (e as { status?: number }).status ?? null;
    return {
      items,
      failure: {
        afterPage: page,
        status,
        message: e instanceof Error ? e.message.split('\n')[0]! : String(e),
      },
    };
  }
}
