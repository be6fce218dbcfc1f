import { describe, expect, it } from 'vitest';
import { RangeList } from '../../src/stream/file-io.js';
import { BufferPool } from '../../src/util/buffer-pool.js';
import { DEFAULT_PARALLEL_MAX_RESULTS, parallelMaxResults, workerCount } from '../../src/stream/parallel.js';
import { DigestCounter, fastHash64 } from '../../src/util/hash.js';

describe('RangeList (blocks of 65,536 ranges)', () => {
  it('keeps every range and flag across block boundaries, and copies any span', () => {
    const list = new RangeList();
    const n = 3 * 65_536 + 17;
    for (let k = 0; k < n; k++) list.push(k * 10, k * 10 + 7, k % 3 === 0);
    expect(list.length).toBe(n);
    for (const k of [0, 1, 65_535, 65_536, 65_537, 131_071, 131_072, n - 1]) {
      expect(list.start(k)).toBe(k * 10);
      expect(list.end(k)).toBe(k * 10 + 7);
      expect(list.flag(k)).toBe(k % 3 === 0);
    }
    const { starts, ends } = list.copy(65_530, 65_542);
    expect([...starts]).toEqual(Array.from({ length: 12 }, (_, i) => (65_530 + i) * 10));
    expect([...ends]).toEqual(Array.from({ length: 12 }, (_, i) => (65_530 + i) * 10 + 7));
    // offsets above 2^32 (files over 4 GiB) are kept exactly
    list.push(2 ** 33 + 5, 2 ** 33 + 9, false);
    expect(list.start(n)).toBe(2 ** 33 + 5);
    list.clear();
    expect(list.length).toBe(0);
    list.push(1, 2, true);
    expect([list.start(0), list.end(0), list.flag(0)]).toEqual([1, 2, true]);
  });
});

describe('DigestCounter', () => {
  it('sized for the expected keys gives the ordinals of the growing one; nextHashed is next', () => {
    const grown = new DigestCounter();
    const sized = new DigestCounter(30_000);
    const hashed = new DigestCounter(10);
    for (let i = 0; i < 30_000; i++) {
      const key = `k${(i * 7919) % 9001}\u0000f${i % 5}`;
      const want = grown.next(key);
      expect(sized.next(key)).toBe(want);
      const [a, b] = fastHash64(key);
      expect(hashed.nextHashed(a, b)).toBe(want);
    }
  });
});

describe('BufferPool', () => {
  it('hands out buffers at offset 0 of their own ArrayBuffer and uses given ones again', () => {
    const pool = new BufferPool(2);
    const a = pool.take(10);
    expect(a.length).toBe(10);
    expect(a.byteOffset).toBe(0);
    expect(a.buffer.byteLength).toBeGreaterThanOrEqual(1 << 20);
    const big = pool.take(3 << 20);
    expect(big.buffer.byteLength).toBe(3 << 20);
    pool.give(a.buffer as ArrayBuffer);
    pool.give(big.buffer as ArrayBuffer);
    pool.give(new ArrayBuffer(5)); // beyond max: dropped
    expect(pool.take(2 << 20).buffer).toBe(big.buffer); // the first one big enough
    expect(pool.take(100).buffer).toBe(a.buffer);
    expect(pool.take(100).buffer).not.toBe(a.buffer);
  });
});

describe('worker threads for pass 2', () => {
  it('one worker by default on two cores or more, none on one; the variable decides when set', () => {
    expect(workerCount({}, 2)).toBe(1);
    expect(workerCount({}, 8)).toBe(1);
    expect(workerCount({}, 1)).toBe(0);
    expect(workerCount({ SECURITY_METRICS_STREAM_WORKERS: '0' }, 8)).toBe(0);
    expect(workerCount({ SECURITY_METRICS_STREAM_WORKERS: '3' }, 1)).toBe(3);
    expect(workerCount({ SECURITY_METRICS_STREAM_WORKERS: '99' }, 2)).toBe(16);
    expect(workerCount({ SECURITY_METRICS_STREAM_WORKERS: 'x' }, 2)).toBe(1);
  });

  it('by default big files (many results) stay on one thread; an explicit count has no limit', () => {
    expect(parallelMaxResults({})).toBe(DEFAULT_PARALLEL_MAX_RESULTS);
    expect(parallelMaxResults({ SECURITY_METRICS_STREAM_WORKERS: '1' })).toBe(Infinity);
    expect(parallelMaxResults({ SECURITY_METRICS_STREAM_WORKERS: 'many' })).toBe(
      DEFAULT_PARALLEL_MAX_RESULTS,
    );
  });
});
