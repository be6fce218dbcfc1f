import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { SkeletonScanner } from './json-skeleton.js';

export const DEFAULT_CHUNK = 1 << 20;

/** Feed a whole file to a scanner in chunks of `chunkSize` bytes through one reused buffer. */
export async function scanFile(
  fh: FileHandle,
  scanner: SkeletonScanner,
  chunkSize = DEFAULT_CHUNK,
  onChunk?: (b: Buffer) => void,
): Promise<void> {
  const buf = Buffer.allocUnsafe(Math.max(3, chunkSize));
  let pos = 0;
  for (;;) {
    // The first chunk must hold a possible BOM whole; read() may return fewer bytes than asked.
    let got = 0;
    const want = pos === 0 ? Math.max(3, chunkSize) : chunkSize;
    while (got < Math.min(3, want)) {
      const { bytesRead } = await fh.read(buf, got, want - got, pos + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got === 0) break;
    const chunk = buf.subarray(0, got);
    onChunk?.(chunk);
    scanner.feed(chunk);
    pos += got;
  }
  scanner.end();
}

/** Byte ranges by index: the items of one JSON array, in order. */
export interface Ranges {
  readonly length: number;
  start(k: number): number;
  end(k: number): number;
}

const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const LOW = BLOCK - 1;

/**
 * Growable list of byte ranges (and a flag byte each), 17 bytes per range. Kept in blocks of 65,536
 * so that it grows without copying and without doubling: a million results cost 17 MB, not the 34
 * (and 51 while growing) of one doubling array.
 */
export class RangeList implements Ranges {
  private starts: Float64Array[] = [];
  private ends: Float64Array[] = [];
  private flags: Uint8Array[] = [];
  length = 0;

  push(start: number, end: number, flag: boolean): void {
    const b = this.length >>> BLOCK_BITS;
    if (b === this.starts.length) {
      this.starts.push(new Float64Array(BLOCK));
      this.ends.push(new Float64Array(BLOCK));
      this.flags.push(new Uint8Array(BLOCK));
    }
    const i = this.length & LOW;
    this.starts[b]![i] = start;
    this.ends[b]![i] = end;
    this.flags[b]![i] = flag ? 1 : 0;
    this.length++;
  }

  start(k: number): number {
    return this.starts[k >>> BLOCK_BITS]![k & LOW]!;
  }

  end(k: number): number {
    return this.ends[k >>> BLOCK_BITS]![k & LOW]!;
  }

  flag(k: number): boolean {
    return this.flags[k >>> BLOCK_BITS]![k & LOW] === 1;
  }

  /** Starts and ends of ranges [from, to), copied (e.g. to post them to a worker). */
  copy(from: number, to: number): { starts: Float64Array; ends: Float64Array } {
    const starts = new Float64Array(to - from);
    const ends = new Float64Array(to - from);
    for (let k = from; k < to; k++) {
      starts[k - from] = this.start(k);
      ends[k - from] = this.end(k);
    }
    return { starts, ends };
  }

  clear(): void {
    this.starts = [];
    this.ends = [];
    this.flags = [];
    this.length = 0;
  }
}

/** Ranges held in two arrays (a batch posted to a worker). */
export class ArrayRanges implements Ranges {
  constructor(
    private readonly starts: Float64Array,
    private readonly ends: Float64Array,
  ) {}
  get length(): number {
    return this.starts.length;
  }
  start(k: number): number {
    return this.starts[k]!;
  }
  end(k: number): number {
    return this.ends[k]!;
  }
}

/**
 * Reads byte ranges of a file that come mostly in increasing order (the items of an array) through a
 * window buffer, so one read serves many small items and memory stays at the window size (or the
 * largest single item).
 */
export class RangeReader {
  private buf: Buffer;
  private winStart = 0;
  private winEnd = 0;

  constructor(
    private readonly fh: FileHandle,
    private readonly fileSize: number,
    private readonly windowSize = 4 * DEFAULT_CHUNK,
  ) {
    this.buf = Buffer.allocUnsafe(windowSize);
  }

  async text(start: number, end: number): Promise<string> {
    if (start < this.winStart || end > this.winEnd) await this.fill(start, end);
    return this.buf.toString('utf8', start - this.winStart, end - this.winStart);
  }

  private async fill(start: number, end: number): Promise<void> {
    const len = Math.min(Math.max(this.windowSize, end - start), this.fileSize - start);
    if (len > this.buf.length) this.buf = Buffer.allocUnsafe(len);
    else if (this.buf.length > this.windowSize && len <= this.windowSize)
      this.buf = Buffer.allocUnsafe(this.windowSize);
    let got = 0;
    while (got < len) {
      const { bytesRead } = await this.fh.read(this.buf, got, len - got, start + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.winStart = start;
    this.winEnd = start + got;
    if (this.winEnd < end) throw new Error(`file shrank while reading (wanted bytes ${start}-${end})`);
  }
}

export async function openForRead(file: string): Promise<{ fh: FileHandle; size: number }> {
  const fh = await fs.open(file, 'r');
  try {
    const st = await fh.stat();
    return { fh, size: st.size };
  } catch (e) {
    await fh.close();
    throw e;
  }
}
