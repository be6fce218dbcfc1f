import type { GhClient } from './client.js';

export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Read a fetch body, stopping as soon as it passes `cap` bytes (the Content-Length may lie). */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  cap: number,
  what: string,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel().catch(() => {});
      throw new DownloadError(`${what} is larger than the ${cap}-byte download limit`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * An archive endpoint answers 302 to a short-lived blob URL. The redirect is followed by hand so the
 * token is never sent to blob storage and the body can be size-capped while it streams. One API call.
 */
export async function downloadArchive(
  octokit: GhClient,
  route: string,
  params: Record<string, string | number>,
  cap: number,
  what: string,
): Promise<Uint8Array> {
  const r = await octokit.request(route, {
    ...params,
    request: { redirect: 'manual', parseSuccessResponseBody: false },
  });
  const status = r.status as number;
  if (status >= 300 && status < 400) {
    const location = (r.headers as Record<string, string | undefined>).location;
    if (!location) throw new DownloadError(`${what}: redirect without a location`, status);
    const res = await fetch(location, { redirect: 'follow' });
    if (res.status === 410 || res.status === 404)
      throw new DownloadError(`${what}: HTTP ${res.status} from blob storage (expired?)`, res.status);
    if (!res.ok) throw new DownloadError(`${what}: HTTP ${res.status} from blob storage`, res.status);
    const len = Number(res.headers.get('content-length'));
    if (Number.isFinite(len) && len > cap) {
      await res.body?.cancel().catch(() => {});
      throw new DownloadError(`${what} is ${len} bytes, above the ${cap}-byte download limit`);
    }
    return readCapped(res.body, cap, what);
  }
  return readCapped(r.data as unknown as ReadableStream<Uint8Array>, cap, what);
}
