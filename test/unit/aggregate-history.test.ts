import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/commands/aggregate-history.js';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sm-history-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Deterministic pseudo-random numbers (no Math.random in tests). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const entry = (i: number) => ({
  key: `acme/shop|f1-${i}`,
  scopes: { 'acme/shop|codeql|sast': '2026-10-01T00:00:00.000Z' },
  reporters: ['collected:CodeQL'],
  finding: {
    id: `f1-${i}`,
    finding_title: `quote " backslash \\ brace } bracket ] "lifecycle":[ é ✓ ${'x'.repeat(i % 7)}`,
    cwe: i % 2 ? ['CWE-79'] : [],
    location: { file: `src/a${i}.js`, start_line: i },
  },
});

const snapshot = (n: number) => ({
  schema_version: 1,
  month: '2026-10',
  as_of: '2026-11-01T00:00:00.000Z',
  dictionary_sha256: 'abc',
  metrics: { open_backlog: 3, lifecycle: null },
  lifecycle: Array.from({ length: n }, (_, i) => entry(i)),
});

/** Documents the reader must read exactly as JSON.parse does (valid ones). */
function documents(): string[] {
  const s = snapshot(12);
  const { lifecycle, ...head } = s;
  return [
    JSON.stringify(s),
    JSON.stringify(s) + '\n',
    JSON.stringify(s, null, 2),
    JSON.stringify({ lifecycle, ...head }),
    JSON.stringify({ ...head, lifecycle: [] }),
    JSON.stringify({ ...head, lifecycle: [1, 'two', null, true, [3, [4]], { a: [] }, -1.5e3, ''] }),
    JSON.stringify({ ...head, lifecycle: 'none' }),
    JSON.stringify(head),
    `{"lifecycle":[1],"lifecycle":[2,3]}`,
    `{"lifecycle":[1],"lifecycle":7}`,
    `{"lifecycle":7,"lifecycle":[{"a":1}]}`,
    `{"\\u006cifecycle":[1,2]}`,
    `{"x":"\\"lifecycle\\":[9]","lifecycle":[ 1 , 2 ]}`,
    ` \t\r\n{ "lifecycle" : [ { } , [ ] ] } \n`,
    `[{"lifecycle":[1]}]`,
    `{"a":{"lifecycle":[1]},"lifecycle":[]}`,
    '"lifecycle"',
    '42',
    'null',
  ];
}

async function both(text: string, chunk: number): Promise<void> {
  const file = path.join(dir, 'snap.json');
  await fs.writeFile(file, text);
  let want: unknown;
  let wantError: string | null = null;
  try {
    want = JSON.parse(text);
  } catch (e) {
    wantError = (e as Error).message;
  }
  const ranges: Array<[number, number, unknown]> = [];
  const got = await readSnapshot(
    file,
    (e, start, end) => {
      ranges.push([start, end, e]);
      return e;
    },
    chunk,
  );
  expect(got.bytes).toBe(Buffer.byteLength(text));
  if (wantError !== null) expect(got.error?.message).toBe(wantError);
  else {
    expect(got.error).toBeUndefined();
    expect(got.value).toEqual(want);
    // Each entry's byte range holds its text (what a lean copy re-reads).
    const bytes = Buffer.from(text);
    for (const [start, end, e] of ranges) expect(JSON.parse(bytes.toString('utf8', start, end))).toEqual(e);
  }
}

describe('readSnapshot (history snapshots in bounded memory)', () => {
  it('reads valid documents exactly as JSON.parse, whatever the chunk boundaries', async () => {
    for (const doc of documents()) for (const chunk of [1, 2, 3, 7, 64, 1 << 20]) await both(doc, chunk);
  });

  it('streams the lifecycle entries of snapshots as written (and pretty-printed ones)', async () => {
    const s = snapshot(30);
    for (const text of [JSON.stringify(s), JSON.stringify(s, null, 2)]) {
      const file = path.join(dir, 'streamed.json');
      await fs.writeFile(file, text);
      const seen: unknown[] = [];
      const got = await readSnapshot(
        file,
        (e) => {
          seen.push(e);
          return { kept: seen.length };
        },
        5,
      );
      expect(seen).toEqual(s.lifecycle);
      expect((got.value as { lifecycle: unknown[] }).lifecycle).toEqual(
        s.lifecycle.map((_, i) => ({ kept: i + 1 })),
      );
    }
  });

  it('gives the value or the error of JSON.parse on mutated documents', async () => {
    const r = rng(7);
    const docs = documents();
    const junk = ['"', '\\', ',', ':', '[', ']', '{', '}', ' ', '1', 'a', 'é', '\u0000'];
    for (let k = 0; k < 600; k++) {
      const doc = docs[Math.floor(r() * docs.length)]!;
      const at = Math.floor(r() * (doc.length + 1));
      const op = Math.floor(r() * 3);
      const ch = junk[Math.floor(r() * junk.length)]!;
      const mutated =
        op === 0
          ? doc.slice(0, at) + doc.slice(at + 1)
          : op === 1
            ? doc.slice(0, at) + ch + doc.slice(at)
            : doc.slice(0, at) + ch + doc.slice(at + 1);
      await both(mutated, [1, 5, 64][k % 3]!);
    }
  });
});
