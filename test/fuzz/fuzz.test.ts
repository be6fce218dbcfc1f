import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeBuffer } from '../../src/commands/read-input.js';
import { Finding } from '../../src/schema/finding.js';
import { CORPUS, HAS_CORPUS, TEST_READ_OPTIONS } from '../helpers/corpus.js';
import { parseExceptions } from '../../src/exceptions/load.js';
import { parseCsv } from '../../src/util/csv.js';

/*
 * Mutation and property-based fuzzing of format detection and every parser, through the same entry the
 * CLI uses. Properties: never throws, never reports an internal error, errors name the file and carry
 * no stack trace, every record validates. Bounded in time: FUZZ_MS per property (default 4 s in
 * `npm test`; `npm run fuzz` runs longer). Failing inputs are saved to .fuzz/ and belong in
 * test/fixtures/fuzz-regressions/ once fixed.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const BUDGET = Number(process.env.FUZZ_MS ?? 4000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const REGRESSIONS = path.resolve(here, '../fixtures/fuzz-regressions');

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (statSync(p).size < 400_000 && !/\.(md|enc|tgz)$/.test(e) && e !== 'oracle.json') out.push(p);
  }
  return out;
}

const seedFiles = [
  ...listFiles(path.resolve(here, '../fixtures')).filter((f) => !f.includes('fuzz-regressions')),
  ...(HAS_CORPUS ? listFiles(CORPUS) : []),
].sort();
const seeds = seedFiles.map((f) => readFileSync(f));

function check(buf: Uint8Array, name = 'fuzz.json'): void {
  let r;
  try {
    r = normalizeBuffer(buf, name, TEST_READ_OPTIONS);
  } catch (e) {
    save(buf);
    throw e;
  }
  const ok = ['ok', 'tool_error', 'skipped', 'error'].includes(r.file.status);
  const internal = r.file.error?.includes('internal error') ?? false;
  const named = r.file.error === null || r.file.error.startsWith(name);
  const stack = r.file.error !== null && /\n\s+at /.test(r.file.error);
  if (!ok || internal || !named || stack) {
    save(buf);
    throw new Error(`bad result for fuzz input: ${r.file.status}: ${r.file.error}`);
  }
  for (const f of r.findings) {
    const v = Finding.safeParse(f);
    if (!v.success) {
      save(buf);
      throw new Error(
        `invalid record: ${v.error.issues[0]?.message} at ${v.error.issues[0]?.path.join('.')}`,
      );
    }
  }
}

function save(buf: Uint8Array): void {
  mkdirSync('.fuzz', { recursive: true });
  const file = path.join('.fuzz', `crash-${Date.now()}.bin`);
  writeFileSync(file, buf);
  console.error(`fuzz: failing input saved to ${file}`);
}

const JSON_VALUES = [
  'null',
  'true',
  '0',
  '-1e309',
  '"x"',
  '[]',
  '{}',
  '"\\u0000"',
  '[[[[[[]]]]]]',
  '1.5e-400',
  '""',
];

/** Mutations of a seed file: truncation, type swaps, NUL bytes, invalid UTF-8, BOMs, huge strings, nesting. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), value: fc.constantFrom(...JSON_VALUES) }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('nul' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('bom' as const) }),
  fc.record({
    kind: fc.constant('huge' as const),
    at: fc.nat(),
    size: fc.integer({ min: 10_000, max: 2_000_000 }),
  }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: fc.nat(),
    depth: fc.integer({ min: 100, max: 50_000 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(seed: Buffer, m: Mutation): Buffer {
  const at = seed.length ? (m.kind === 'bom' ? 0 : (m as { at: number }).at % seed.length) : 0;
  switch (m.kind) {
    case 'truncate':
      return seed.subarray(0, at);
    case 'swap': {
      // Replace the JSON value after the next ':' with another type.
      const colon = seed.indexOf(0x3a, at);
      if (colon < 0) return seed;
      let end = colon + 1;
      while (end < seed.length && ![0x2c, 0x7d, 0x5d].includes(seed[end]!)) end++;
      return Buffer.concat([seed.subarray(0, colon + 1), Buffer.from(m.value), seed.subarray(end)]);
    }
    case 'bytes':
      return Buffer.concat([seed.subarray(0, at), Buffer.from(m.bytes), seed.subarray(at)]);
    case 'nul':
      return Buffer.concat([seed.subarray(0, at), Buffer.from([0]), seed.subarray(at)]);
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seed]);
    case 'huge': {
      const q = seed.indexOf(0x22, at);
      if (q < 0) return seed;
      return Buffer.concat([seed.subarray(0, q + 1), Buffer.alloc(m.size, 0x41), seed.subarray(q + 1)]);
    }
    case 'nest': {
      const colon = seed.indexOf(0x3a, at);
      if (colon < 0) return seed;
      return Buffer.concat([
        seed.subarray(0, colon + 1),
        Buffer.from('['.repeat(m.depth) + ']'.repeat(m.depth) + ' ,"z":'),
        seed.subarray(colon + 1),
      ]);
    }
  }
}

/** fc.assert that also counts the inputs tried, for the fuzzing report (docs/fuzzing.md). */
const tried: Record<string, number> = {};
function runProperty<T>(
  prop: fc.IProperty<T> | fc.IAsyncProperty<T>,
  opts: fc.Parameters<T>,
  label = 'property',
): void {
  const details = fc.check(prop as fc.IProperty<T>, opts) as fc.RunDetails<T>;
  tried[label] = (tried[label] ?? 0) + details.numRuns;
  if (details.failed) throw new Error(fc.defaultReportMessage(details));
}

afterAll(() => {
  const total = Object.values(tried).reduce((a, b) => a + b, 0);
  console.log(
    `fuzz: ${total} inputs tried (${Object.entries(tried)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}), budget ${BUDGET} ms per property`,
  );
  if (process.env.FUZZ_REPORT)
    writeFileSync(
      process.env.FUZZ_REPORT,
      JSON.stringify({ budget_ms: BUDGET, seed: SEED ?? null, tried, total }, null, 2) + '\n',
    );
});

describe('fuzz: parsers and detection', () => {
  it('regression inputs stay fixed', () => {
    for (const f of existsSync(REGRESSIONS) ? readdirSync(REGRESSIONS).filter((x) => !x.endsWith('.md')) : [])
      check(readFileSync(path.join(REGRESSIONS, f)), f);
  });

  it(`mutated scanner outputs (${seeds.length} seeds)`, () => {
    expect(seeds.length).toBeGreaterThan(0);
    runProperty(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (i, ms) => {
          let buf: Buffer = seeds[i]!;
          for (const m of ms) buf = apply(buf, m);
          check(buf);
        },
      ),
      { interruptAfterTimeLimit: BUDGET, numRuns: 1_000_000, seed: SEED },
      'mutations',
    );
  });

  it('arbitrary bytes and arbitrary JSON', () => {
    runProperty(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 4096 }),
          fc.json().map((s) => Buffer.from(s)),
        ),
        (b) => check(Buffer.from(b)),
      ),
      { interruptAfterTimeLimit: BUDGET / 2, numRuns: 1_000_000, seed: SEED },
      'arbitrary-bytes-json',
    );
  });

  it('exception logs and CSV never throw anything but a named error', () => {
    runProperty(
      fc.property(fc.string({ maxLength: 2000 }), fc.constantFrom('e.yml', 'e.csv', 'e.md'), (text, name) => {
        try {
          parseExceptions(text, name);
          parseCsv(text, name);
        } catch (e) {
          expect((e as Error).name).toBe('UserError');
        }
      }),
      { interruptAfterTimeLimit: BUDGET / 2, numRuns: 1_000_000, seed: SEED },
      'exceptions-csv',
    );
  });
});
