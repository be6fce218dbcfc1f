/**
 * ArrayBuffers used again once what was written into them is done with (a buffer that went to
 * another thread comes back to the pool it was taken from), so that a stream of batches does not
 * allocate a new one each time and leave the allocator fragmented. Each is a whole ArrayBuffer of its
 * own (never a slice of Buffer's shared pool), so it can be transferred.
 */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];
  /**
   * `max`: free buffers kept at most; `minBytes`: the smallest buffer made (batches of similar size
   * then fit the same buffers).
   */
  constructor(
    private readonly max = 6,
    private readonly minBytes = 1 << 20,
  ) {}

  /** A Buffer of `size` bytes at offset 0 of its own ArrayBuffer. */
  take(size: number): Buffer {
    const i = this.free.findIndex((ab) => ab.byteLength >= size);
    const ab = i >= 0 ? this.free.splice(i, 1)[0]! : new ArrayBuffer(Math.max(size, this.minBytes));
    return Buffer.from(ab, 0, size);
  }

  give(ab: ArrayBuffer): void {
    if (this.free.length < this.max) this.free.push(ab);
  }
}
