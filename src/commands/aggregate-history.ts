import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';

/**
 * History snapshots read in bounded memory (docs/performance.md "Aggregator over 1,000,000
 * findings"). A snapshot of a million lifecycle entries is ~1.2 GB of JSON on one line: above V8's
 * string limit (536,870,888 characters), so `JSON.parse(readFile(...))` cannot read it at all. Here
 * the file is read in 1 MiB chunks and the elements of the top-level `"lifecycle"` array are parsed
 * one by one as they come (and handed to `onEntry`, which may keep a smaller copy); the rest of the
 * document (small: month, metrics, ...) is parsed whole, with `[]` in place of the array.
 *
 * The value is the one `JSON.parse` of the whole file gives, for any valid JSON (any key order,
 * white space, or snapshots written by older versions). Anything the scanner does not take the
 * simple way — a `"lifecycle"` key written with escapes or given twice, invalid JSON — goes
 * through `JSON.parse` of the whole file, so the value and the error message are exactly those of
 * `JSON.parse` (for a file that fits in a string).
 */

/** Longest text `JSON.parse` can be given (V8's string limit, in UTF-16 units). */
const STRING_LIMIT = 0x1fffffe8;
const CHUNK = 1 << 20;

/** The streamed read gives up: the whole file is parsed instead. */
class Fallback extends Error {}

export interface SnapshotRead {
  /** The parsed document, or (`error`) what JSON.parse said about it. */
  value?: unknown;
  error?: Error;
  sha256: string;
  bytes: number;
}

const C = {
  quote: 0x22,
  backslash: 0x5c,
  comma: 0x2c,
  colon: 0x3a,
  openBrace: 0x7b,
  closeBrace: 0x7d,
  openBracket: 0x5b,
  closeBracket: 0x5d,
} as const;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

const LIFECYCLE_KEY = Buffer.from('"lifecycle"');

/**
 * Read and parse a snapshot file. `onEntry(entry, start, end)` gets each element of the top-level
 * `lifecycle` array (parsed) with its byte range in the file, and returns what to keep in its place.
 * A file that is not JSON gives `error` (the file was read: its hash is known); a file that cannot
 * be read throws.
 */
export async function readSnapshot(
  file: string,
  onEntry: (entry: unknown, start: number, end: number) => unknown = (e) => e,
  chunkSize = CHUNK,
): Promise<SnapshotRead> {
  const fh = await fs.open(file, 'r');
  const hash = createHash('sha256');
  let pos = 0;
  /** The document outside the lifecycle array (with "[" and "]" of the array). */
  const rest: Buffer[] = [];
  let restBytes = 0;
  const keepRest = (b: Buffer): void => {
    if (b.length === 0) return;
    rest.push(Buffer.from(b));
    restBytes += b.length;
  };
  const entries: unknown[] = [];
  let failed = false;
  let arrayClosed = false;
  let suspicious = false; // an escape in a top-level string (a key written with escapes?)
  let inString = false;
  try {
    let depth = 0;
    let escaped = false;
    /** The current top-level string's first bytes (enough to tell `"lifecycle"`), or null. */
    let key: number[] | null = null;
    let lastKeyIsLifecycle = false;
    let afterColon = false;
    let streamed = false;
    let inArray = false;
    let needValue = false;
    let canClose = false;
    let elemStart = -1;
    let elemParts: Buffer[] = [];
    let elemScalar = false;
    const buf = Buffer.allocUnsafe(chunkSize);
    for (;;) {
      const { bytesRead: n } = await fh.read(buf, 0, chunkSize, pos);
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      hash.update(chunk);
      if (!failed) {
        try {
          let restFrom = inArray ? -1 : 0;
          let elemFrom = elemStart >= 0 ? 0 : -1;
          const endElement = (at: number): void => {
            elemParts.push(chunk.subarray(elemFrom, at));
            const text = Buffer.concat(elemParts).toString('utf8');
            entries.push(onEntry(JSON.parse(text), elemStart, pos + at));
            elemParts = [];
            elemStart = -1;
            elemFrom = -1;
            elemScalar = false;
            canClose = true;
          };
          let i = 0;
          let nextBackslash = -1;
          while (i < n) {
            if (inString) {
              if (escaped) {
                escaped = false;
                if (key) key.push(chunk[i]!);
                i++;
                continue;
              }
              const q = chunk.indexOf(C.quote, i);
              // The next backslash of the chunk, looked up again only once passed (a search per
              // string would scan the rest of the chunk for each one).
              if (nextBackslash < i) {
                nextBackslash = chunk.indexOf(C.backslash, i);
                if (nextBackslash < 0) nextBackslash = n;
              }
              const b = nextBackslash < n ? nextBackslash : -1;
              const stop = b >= 0 && (q < 0 || b < q) ? b : q;
              if (key && key.length <= LIFECYCLE_KEY.length)
                for (let j = i; j < (stop < 0 ? n : stop + 1) && key.length <= LIFECYCLE_KEY.length; j++)
                  key.push(chunk[j]!);
              if (stop < 0) {
                i = n;
                continue;
              }
              if (stop === b) {
                if (key) suspicious = true;
                escaped = true;
                i = b + 1;
                continue;
              }
              inString = false;
              i = q + 1;
              if (key) {
                lastKeyIsLifecycle = Buffer.from(key).equals(LIFECYCLE_KEY);
                key = null;
              } else if (inArray && depth === 2 && elemStart >= 0) endElement(i);
              continue;
            }
            const c = chunk[i]!;
            if (inArray && depth === 2) {
              // In the lifecycle array, between elements or in a number/true/false/null element.
              if (elemScalar) {
                if (c === C.comma || c === C.closeBracket || isSpace(c)) endElement(i);
                else if (c === C.quote || c === C.openBrace || c === C.openBracket) throw new Fallback();
                else i++;
                continue;
              }
              i++;
              if (isSpace(c)) continue;
              if (c === C.comma) {
                if (needValue) throw new Fallback();
                needValue = true;
                canClose = false;
                continue;
              }
              if (c === C.closeBracket) {
                if (!canClose) throw new Fallback();
                inArray = false;
                arrayClosed = true;
                depth = 1;
                restFrom = i - 1; // the "]"
                continue;
              }
              if (!needValue) throw new Fallback();
              needValue = false;
              canClose = false;
              elemStart = pos + i - 1;
              elemFrom = i - 1;
              if (c === C.openBrace || c === C.openBracket) depth++;
              else if (c === C.quote) inString = true;
              else elemScalar = true;
              continue;
            }
            if (c === C.quote) {
              inString = true;
              if (!inArray && depth === 1) key = [C.quote];
              afterColon = false;
              i++;
              continue;
            }
            if (c === C.openBrace || c === C.openBracket) {
              if (!inArray && depth === 1 && afterColon && c === C.openBracket) {
                if (streamed) throw new Fallback(); // "lifecycle" twice
                streamed = true;
                inArray = true;
                keepRest(chunk.subarray(restFrom, i + 1));
                restFrom = -1;
                depth = 2;
                afterColon = false;
                i++;
                // A first element may come, or "]" (the empty array).
                needValue = true;
                canClose = true;
                continue;
              }
              afterColon = false;
              depth++;
              i++;
              continue;
            }
            if (c === C.closeBrace || c === C.closeBracket) {
              depth--;
              i++;
              if (inArray && depth === 2) endElement(i);
              continue;
            }
            if (!inArray && depth === 1) {
              if (c === C.colon) afterColon = lastKeyIsLifecycle;
              else if (!isSpace(c)) afterColon = false;
              if (c === C.comma) lastKeyIsLifecycle = false;
            }
            i++;
          }
          if (elemStart >= 0) elemParts.push(Buffer.from(chunk.subarray(elemFrom, n)));
          if (restFrom >= 0) keepRest(chunk.subarray(restFrom, n));
          if (restBytes > STRING_LIMIT) throw new Fallback();
        } catch (e) {
          if (!(e instanceof Fallback) && !(e instanceof SyntaxError)) throw e;
          failed = true;
          entries.length = 0;
        }
      }
      pos += n;
    }
  } finally {
    await fh.close();
  }
  const digest = { sha256: hash.digest('hex'), bytes: pos };
  if (!failed && !inString && arrayClosed && !suspicious) {
    try {
      const value: unknown = JSON.parse(Buffer.concat(rest, restBytes).toString('utf8'));
      const head = value as Record<string, unknown> | null;
      const arr = head !== null && typeof head === 'object' ? head.lifecycle : undefined;
      if (Array.isArray(arr) && arr.length === 0) {
        head!.lifecycle = entries;
        return { value, ...digest };
      }
    } catch {
      // below: the whole file, for JSON.parse's own message
    }
  }
  // The whole file, as before: JSON.parse's value or error (when it fits in a string).
  const whole = await fs.readFile(file);
  try {
    return { value: JSON.parse(whole.toString('utf8')) as unknown, ...digest };
  } catch (e) {
    return { error: e as Error, ...digest };
  }
}
