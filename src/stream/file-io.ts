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

/** Growable list of byte ranges (and a flag byte each), 17 bytes per range. */
export class RangeList {
  starts = new Float64Array(1024);
  ends = new Float64Array(1024);
  flags = new Uint8Array(1024);
  length = 0;

  push(start: number, end: number, flag: boolean): void {
    if (this.length === this.starts.length) {
      const grow = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts, (n) => new Float64Array(n));
      this.ends = grow(this.ends, (n) => new Float64Array(n));
      this.flags = grow(this.flags, (n) => new Uint8Array(n));
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.flags[this.length] = flag ? 1 : 0;
    this.length++;
  }

  clear(): void {
    this.length = 0;
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
