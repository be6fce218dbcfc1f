import { UserError } from '../util/errors.js';
import type { FinalizeContext } from '../normalize/finalize.js';
import type { Draft, ScanEvidence, ToolInfo } from '../parsers/types.js';
import type { RangeReader, Ranges } from './file-io.js';

export interface StreamIo {
  /** Bytes per read in pass 1 (tests use tiny chunks to hit every boundary). */
  chunkSize?: number;
  /** Sees every byte of the file once, in order (for the sha256). */
  onChunk?: (b: Buffer) => void;
  /** The file's path on disk (workers open it themselves). */
  path?: string;
  /**
   * Worker threads wanted for pass 2 (only when the caller will call `runLines`): a format that
   * can use them starts them at once, so their start-up overlaps pass 1.
   */
  workers?: number;
  /** Above this many items the workers are not used (memory; see `parallelMaxResults`). */
  maxParallelItems?: number;
}

/** A streamed normalization, prepared: headers read and validated, secrets known. */
export interface StreamPlan {
  /** Every secret value of the file, in the order the whole-file path collects them. */
  secrets: string[];
  /** The file-level tool (the first scan's tool on the whole-file path). */
  tool: ToolInfo | undefined;
  /** Parse each item once, in file order, and hand its draft to `onDraft`. */
  run(onDraft: (d: Draft) => void | Promise<void>): Promise<StreamOutcome>;
  /**
   * The same records as JSON lines, prepared on the worker threads started for `StreamIo.workers`
   * and the main thread (when the format supports it and the worker bundle is there; undefined
   * otherwise); `run` and `runLines` are alternatives, call one.
   */
  runLines?(ctx: FinalizeContext, sink: LineSink): Promise<(StreamOutcome & { count: number }) | undefined>;
  /** Release what the plan holds besides the file (worker threads); safe to call twice. */
  close?(): void;
}

/** Where prepared JSON lines go: as strings, or as bytes (`bytes[start, end)` then `tail`). */
export interface LineSink {
  onLine: (line: string) => void | Promise<void>;
  onBytes?: (bytes: Uint8Array, start: number, end: number, tail: string) => void | Promise<void>;
}

export interface StreamOutcome {
  scans: ScanEvidence[];
  /** The first warnings (at most 50) ... */
  warnings: string[];
  /** ... and how many there were in all. */
  warningCount: number;
}

/** Keeps the first 50 warnings and a count, so a file with a warning per item stays bounded. */
export class WarningList {
  readonly first: string[] = [];
  count = 0;
  /** Move the warnings out of `list` (emptied). */
  take(list: string[]): void {
    for (const w of list) {
      if (this.first.length < 50) this.first.push(w);
      this.count++;
    }
    list.length = 0;
  }
}

export interface MemberRange {
  key: string;
  start: number;
  end: number;
}

/** Set a parsed member the way JSON.parse does (an own property even for `__proto__`). */
export function defineMember(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** JSON.parse one byte range of the file; a syntax error names the byte offset in the file. */
export async function parseSlice(reader: RangeReader, r: MemberRange, file: string): Promise<unknown> {
  const text = await reader.text(r.start, r.end);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    // Positions are in UTF-16 units of the slice; for the byte offset count the bytes before it.
    const at = m ? r.start + Buffer.byteLength(text.slice(0, Number(m[1])), 'utf8') : r.start;
    throw new UserError('not valid JSON (inside a value the streaming reader parsed)', file, `byte ${at}`);
  }
}

/** Bytes of items that `forEachItem` parses with one JSON.parse. */
const BATCH_BYTES = 256 * 1024;

/**
 * Parse the items `list` holds (the elements of one JSON array, in order) and hand each to `fn`.
 * Consecutive elements are separated by a comma and white space only (the skeleton scanner checked
 * it), so a run of them is parsed by one JSON.parse of `[` + their bytes + `]`: one decode and one
 * parse per ~256 KiB instead of per item, and no await per item. A batch that does not parse (a
 * syntax error inside an item) is parsed again item by item, so the items before the broken one are
 * handed over and the error names its byte offset, exactly as with `parseSlice` per item.
 */
export async function forEachItem(
  reader: RangeReader,
  list: Ranges,
  file: string,
  fn: (value: unknown, index: number) => void | Promise<void>,
): Promise<void> {
  const n = list.length;
  for (let k = 0; k < n;) {
    let to = k + 1;
    const first = list.start(k);
    while (to < n && list.end(to) - first <= BATCH_BYTES) to++;
    let values: unknown[] | undefined;
    const text = await reader.text(first, list.end(to - 1));
    try {
      const v = JSON.parse('[' + text + ']') as unknown;
      if (Array.isArray(v) && v.length === to - k) values = v;
    } catch {
      /* parsed again item by item below */
    }
    for (let j = k; j < to; j++) {
      const value = values
        ? values[j - k]
        : await parseSlice(reader, { key: String(j), start: list.start(j), end: list.end(j) }, file);
      const p = fn(value, j);
      if (p) await p;
    }
    k = to;
  }
}
