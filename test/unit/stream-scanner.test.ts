import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBuffer, normalizeStreamed } from '../../src/commands/read-input.js';
import { SkeletonScanner, type Spec } from '../../src/stream/json-skeleton.js';
import { TEST_READ_OPTIONS } from '../helpers/corpus.js';

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

/**
 * What the flag means, from the text: a string (key or value) of the item equal to a word ignoring
 * case — for a string with an escape, once unescaped, where "ignoring case" also takes the lower
 * case of the upper case (ſ is s).
 */
function expectedFlag(item: string): boolean {
  for (const m of item.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    const raw = Buffer.from(m[1]!, 'utf8');
    if (raw.length > 66) continue;
    if (!raw.includes(0x5c)) {
      if (WORDS.includes(raw.toString('latin1').toLowerCase())) return true;
      continue;
    }
    const text = JSON.parse(`"${m[1]}"`) as string;
    if (WORDS.includes(text.toLowerCase()) || WORDS.includes(text.toUpperCase().toLowerCase())) return true;
  }
  return false;
}

function scan(doc: Buffer, chunk: number): Array<[number, number, boolean]> {
  const items: Array<[number, number, boolean]> = [];
  const sc = new SkeletonScanner(
    SPEC,
    { item: (_p, _k, s, e, f) => items.push([s, e, f]) },
    { flagWords: WORDS },
  );
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

describe('skeleton scanner: strings with escapes are flagged when they unescape to a word', () => {
  const flagOf = (item: string) => scan(Buffer.from(`{"runs":[{"results":[${item}]}]}`), 1 << 20)[0]![2];
  it('decodes short escaped strings instead of flagging every one', () => {
    expect(flagOf('{"a":"\\u0073ecret"}')).toBe(true);
    expect(flagOf('{"\\u0053ECRETS":1}')).toBe(true);
    expect(flagOf('{"a":"\\u017fecret"}')).toBe(true); // ſecret: a case-insensitive match may take ſ for s
    expect(flagOf('{"a":"ma\\u0074ch"}')).toBe(true);
    expect(flagOf('{"a":"\\"quoted\\""}')).toBe(false);
    expect(flagOf('{"a":"line1\\nline2","b":"C:\\\\path"}')).toBe(false);
    expect(flagOf('{"a":"    const s = f(x, \\"中文注释\\");"}')).toBe(false);
    expect(flagOf('{"a":"secret\\n"}')).toBe(false);
    expect(flagOf('{"a":"plain","b":"Secret"}')).toBe(true);
  });
});

describe('pass 2 parses results in batches', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sm-batch-'));
  const result = (i: number, pad: number) =>
    `{"ruleId":"r${i % 3}","level":"error","message":{"text":"m${i} ${'x'.repeat(pad)}"},` +
    `"locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/f${i}.js"},"region":{"startLine":${i + 1}}}}]}`;
  const log = (results: string[]) =>
    `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"ESLint","rules":[{"id":"r0"},{"id":"r1"}]}},` +
    `"results":[\n  ${results.join(' ,\n\t')}\n]}]}`;

  it('many results over several batches (and one bigger than a batch): the whole-file records', async () => {
    const results = Array.from({ length: 3000 }, (_, i) => result(i, i === 1500 ? 300_000 : i % 200));
    const text = log(results);
    const p = path.join(dir, 'many.sarif');
    writeFileSync(p, text);
    const opts = { ...TEST_READ_OPTIONS, format: 'sarif' };
    const whole = normalizeBuffer(Buffer.from(text), 'many.sarif', opts);
    const lines: string[] = [];
    const streamed = await normalizeStreamed(p, 'many.sarif', Buffer.byteLength(text), {
      ...opts,
      onLine: (l) => void lines.push(l),
    });
    expect(streamed!.file.findings).toBe(3000);
    expect(lines.join('\n')).toBe(whole.findings.map((f) => JSON.stringify(f)).join('\n'));
  });

  it('a broken result: the records before it are written, the error names a byte inside it', async () => {
    const results = Array.from({ length: 400 }, (_, i) => result(i, 50));
    results[250] = results[250]!.replace('"ruleId":"r1"', '"ruleId":tru');
    const text = log(results);
    const p = path.join(dir, 'broken.sarif');
    writeFileSync(p, text);
    const lines: string[] = [];
    const r = await normalizeStreamed(p, 'b.sarif', Buffer.byteLength(text), {
      ...TEST_READ_OPTIONS,
      format: 'sarif',
      onLine: (l) => void lines.push(l),
    });
    expect(r!.file.status).toBe('error');
    expect(lines.length).toBe(250);
    const at = Number(/^b\.sarif:byte (\d+): not valid JSON/.exec(r!.file.error!)?.[1]);
    const start = text.indexOf(results[250]!);
    expect(at).toBeGreaterThanOrEqual(start);
    expect(at).toBeLessThan(start + results[250]!.length);
  });
});
