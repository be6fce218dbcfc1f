import * as crypto from 'node:crypto';

// crypto.hash (Node >= 20.12) skips the Hash object: ~15% faster for the many short inputs of identity.
const oneShot = (crypto as { hash?: (alg: string, data: string | Uint8Array, enc: 'hex') => string }).hash;

export function sha256(data: string | Uint8Array): string {
  return oneShot ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}

/** Two independent 32-bit multiply-xor hashes of a string (a 64-bit non-cryptographic digest). */
export function fastHash64(s: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/**
 * Counts per string key in typed arrays (open addressing on the 64-bit digest): 12–24 bytes per key
 * and nothing for the garbage collector to walk, where a Map of strings costs ~100. For in-memory
 * counting only; two keys with the same digest (odds ~3e-8 per million keys) share a count.
 */
export class DigestCounter {
  private keys: Uint32Array;
  private counts: Uint32Array;
  private used = 0;

  /** `expected`: how many keys will come, when known, so the table never grows (no copy, no transient). */
  constructor(expected = 0) {
    let size = 1024;
    while (size * 3 < expected * 4) size *= 2;
    this.keys = new Uint32Array(2 * size);
    this.counts = new Uint32Array(size);
  }

  /** The count of `key` before this call, then count it once more. */
  next(key: string): number {
    const [a, b] = fastHash64(key);
    return this.nextHashed(a, b);
  }

  /** `next` for a key whose `fastHash64` is already known (computed on another thread). */
  nextHashed(a: number, b: number): number {
    if ((this.used + 1) * 4 > this.counts.length * 3) this.grow(); // at most 3/4 full
    const mask = this.counts.length - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const c = this.counts[i]!;
      if (c === 0) {
        this.keys[2 * i] = a;
        this.keys[2 * i + 1] = b;
        this.counts[i] = 1;
        this.used++;
        return 0;
      }
      if (this.keys[2 * i] === a && this.keys[2 * i + 1] === b) {
        this.counts[i] = c + 1;
        return c;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.counts = new Uint32Array(oldCounts.length * 2);
    const mask = this.counts.length - 1;
    for (let j = 0; j < oldCounts.length; j++) {
      const c = oldCounts[j]!;
      if (c === 0) continue;
      const a = oldKeys[2 * j]!;
      const b = oldKeys[2 * j + 1]!;
      let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
      while (this.counts[i] !== 0) i = (i + 1) & mask;
      this.keys[2 * i] = a;
      this.keys[2 * i + 1] = b;
      this.counts[i] = c;
    }
  }
}

/** Short stable hash of parts, joined with a separator that cannot appear in text. */
export function hashParts(parts: readonly string[], length = 24): string {
  return sha256(parts.join('\u0000')).slice(0, length);
}
