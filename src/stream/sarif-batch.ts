import { occurrenceId, prepareFinding, type FinalizeContext } from '../normalize/finalize.js';
import { resultToDraft, type RunContext } from '../parsers/sarif/index.js';
import { isUserError } from '../util/errors.js';
import type { BufferPool } from '../util/buffer-pool.js';
import { fastHash64 } from '../util/hash.js';
import { ArrayRanges, type RangeReader } from './file-io.js';
import type { BatchReply, Task } from './parallel-protocol.js';
import { forEachItem } from './slices.js';

const MARK = ',"occurrence_id":"';
const TAIL = ',"source_index":0}';

/**
 * Pass 2 of the parallel SARIF reader for one batch of consecutive results of one run: parse them
 * (one JSON.parse per ~256 KiB), make drafts, prepare findings, and encode them as UTF-8 JSON lines
 * into one buffer (transferred to the main thread without a copy). Each line is written as if its
 * occurrence ordinal were 0 and its index 0 (`"source_index":0}` ends every line); the main thread
 * counts occurrences in file order from the digests, rewrites the id in place when the ordinal is
 * not 0 (same length), and writes the index. Run by the worker threads and by the main thread alike,
 * so both make the same bytes.
 */
export async function prepareBatch(
  reader: RangeReader,
  contexts: readonly RunContext[],
  t: Task,
  ctx: FinalizeContext,
  displayPath: string,
  pool: BufferPool,
): Promise<BatchReply> {
  const rc = contexts[t.run]!;
  const occurrences: string[] = [];
  const ends: number[] = [];
  const idAt: number[] = [];
  const trash: string[] = [];
  // Each line is encoded as soon as it is made, so only bytes outlive the result (less for the GC).
  let buf = pool.take(
    t.ends.length > 0 ? Math.max(1 << 16, 2 * (t.ends[t.ends.length - 1]! - t.starts[0]!)) : 0,
  );
  let at = 0;
  let error: BatchReply['error'];
  try {
    await forEachItem(reader, new ArrayRanges(t.starts, t.ends), displayPath, (r, k) => {
      const d = resultToDraft(rc, r as never, t.first + k, trash);
      trash.length = 0;
      if (!d) return;
      const p = prepareFinding(d, ctx, ctx.secrets);
      p.finding.occurrence_id = occurrenceId(p.occurrence, 0);
      const line = JSON.stringify(p.finding);
      if (!line.endsWith(TAIL)) throw new Error('a prepared finding does not end with source_index');
      const mark = line.indexOf(MARK);
      if (mark < 0) throw new Error('a prepared finding has no occurrence_id');
      // a UTF-16 unit is at most 3 bytes of UTF-8
      if (at + 3 * line.length > buf.length) {
        const bigger = pool.take(Math.max(2 * buf.length, at + 3 * line.length));
        buf.copy(bigger, 0, 0, at);
        pool.give(buf.buffer as ArrayBuffer);
        buf = bigger;
      }
      const len = buf.write(line, at, 'utf8');
      const idChar = mark + MARK.length;
      idAt.push(at + (len === line.length ? idChar : Buffer.byteLength(line.slice(0, idChar), 'utf8')));
      at += len;
      ends.push(at);
      occurrences.push(p.occurrence);
    });
  } catch (e) {
    // the lines before the broken result are sent, as the sequential path writes them
    error = isUserError(e)
      ? { user: true, message: e.message, position: e.position }
      : { user: false, message: e instanceof Error ? e.message : String(e) };
  }
  const digests = new Uint32Array(2 * occurrences.length);
  for (let k = 0; k < occurrences.length; k++) {
    const [a, b] = fastHash64(occurrences[k]!);
    digests[2 * k] = a;
    digests[2 * k + 1] = b;
  }
  return {
    id: t.id,
    buf: new Uint8Array(buf.buffer, 0, at),
    ends: Int32Array.from(ends),
    idAt: Int32Array.from(idAt),
    digests,
    occurrences,
    warnings: rc.warnings.splice(0),
    categories: [...rc.categories],
    error,
  };
}
