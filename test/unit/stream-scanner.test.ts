import { describe, expect, it } from 'vitest';
import { SkeletonScanner, type Spec } from '../../src/stream/json-skeleton.js';

const SPEC: Spec = {
  type: 'object',
  members: { runs: { type: 'array', each: { type: 'object', members: { results: { type: 'items' } } } } },
};
const WORDS = ['secret', 'secrets', 'secretvalue', 'offender', 'match', 'raw'];

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Raw JSON string contents (between the quotes) of every kind the fast path must get right. */
function rawString(r: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const len = pick([0, 1, 3, 5, 6, 7, 11, 20, 62, 63, 64, 65, 66, 67, 70, 130, 300]);
  let s = '';
  while (s.length < len) {
    const k = r();
    if (k < 0.04) s += '\\"';
    else if (k < 0.07) s += '\\\\';
    else if (k < 0.08) s += '\\u0073';
    else if (k < 0.09) s += 'é';
    else s += String.fromCharCode(97 + Math.floor(r() * 26));
  }
  if (r() < 0.15) s = pick(WORDS);
  if (r() < 0.1) s = pick(WORDS).toUpperCase();
  if (r() < 0.05) s = '\\u0073ecret';
  return s;
}

function genDoc(seed: number): string {
  const r = rng(seed);
  const results: string[] = [];
  const n = 1 + Math.floor(r() * 40);
  for (let i = 0; i < n; i++) {
    const members: string[] = [];
    const m = Math.floor(r() * 6);
    for (let k = 0; k < m; k++) {
      const v =
        r() < 0.6
          ? `"${rawString(r)}"`
          : r() < 0.5
            ? `[${rawString(r) ? `"${rawString(r)}", {"${rawString(r)}": [1, true, null]}` : ''}]`
            : String(Math.floor(r() * 1000));
      members.push(`"${rawString(r)}": ${v}`);
    }
    results.push(r() < 0.9 ? `{${members.join(',')}}` : `"${rawString(r)}"`);
  }
  return `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[${results.join(',\n')}]}]}`;
}

/** What the flag means, from the text: a string (key or value) of the item equal to a word ignoring case, or a short one with an escape. */
function expectedFlag(item: string): boolean {
  for (const m of item.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    const raw = Buffer.from(m[1]!, 'utf8');
    if (raw.length > 66) continue;
    if (raw.includes(0x5c)) return true;
    if (WORDS.includes(raw.toString('latin1').toLowerCase())) return true;
  }
  return false;
}

function scan(doc: Buffer, chunk: number): Array<[number, number, boolean]> {
  const items: Array<[number, number, boolean]> = [];
  const sc = new SkeletonScanner(SPEC, { item: (_p, _k, s, e, f) => items.push([s, e, f]) }, { flagWords: WORDS });
  for (let i = 0; i < doc.length; i += chunk) sc.feed(doc.subarray(i, Math.min(doc.length, i + chunk)));
  sc.end();
  return items;
}

describe('skeleton scanner: ranges and secret flags do not depend on chunk boundaries', () => {
  it('random items with escapes, flag words and long strings, at several chunk sizes', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const doc = Buffer.from(genDoc(seed), 'utf8');
      const whole = scan(doc, doc.length);
      expect(whole.length).toBeGreaterThan(0);
      for (const [s, e, f] of whole) {
        const text = doc.subarray(s, e).toString('utf8');
        expect(() => JSON.parse(text) as unknown).not.toThrow();
        // a whole-chunk scan decides each string exactly
        expect(f).toBe(expectedFlag(text));
      }
      for (const chunk of [3, 7, 64, 65, 67, 200]) {
        const parts = scan(doc, chunk);
        expect(parts.map(([s, e]) => [s, e])).toEqual(whole.map(([s, e]) => [s, e]));
        // a string split over chunks may be flagged more (conservatively), never less
        parts.forEach(([, , f], i) => {
          if (whole[i]![2]) expect(f).toBe(true);
        });
      }
    }
  });
});
