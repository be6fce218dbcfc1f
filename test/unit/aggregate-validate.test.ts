import { describe, expect, it } from 'vitest';
import { isCanonicalFinding } from '../../src/commands/aggregate-validate.js';
import { Finding } from '../../src/schema/finding.js';
import { makeFinding } from '../helpers/factory.js';

/** Deterministic pseudo-random numbers (no Math.random in tests). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Canonical findings of every shape (nested objects null and set, lists empty and not). */
function samples(): Finding[] {
  return [
    makeFinding(),
    makeFinding({
      category: 'sca',
      cve: ['CVE-2024-1', 'GHSA-x'],
      cwe: ['CWE-79'],
      cvss: { score: 9.8, vector: 'AV:N', version: '3.1' },
      package: { name: 'lodash', version: '4.17.20', fixed_version: '4.17.21', ecosystem: 'npm', purl: null },
      fingerprints: { a: 'b', '0': 'c' },
      suppression: { kind: 'inSource', status: null, justification: 'ok' },
      tags: ['security'],
      state: 'suppressed',
      description: 'é ✓ \ud800',
    }),
    makeFinding({
      cvss: { score: 0, vector: null, version: null },
      source_index: 12,
      release_blocking: true,
    }),
  ];
}

/** Values a mutation can put anywhere. */
const VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  1,
  1.5,
  -1,
  10,
  10.5,
  2 ** 53,
  2 ** 53 - 1,
  'BIG',
  '',
  'x',
  'open',
  'critical',
  'sast',
  'A',
  'default',
  [],
  ['x'],
  [1],
  [null],
  {},
  { a: 'b' },
  { a: 1 },
  { name: 'x', version: null, fixed_version: null, ecosystem: null, purl: null },
  { score: 11, vector: null, version: null },
  { score: null, vector: null, version: null },
  { kind: 'k', status: null, justification: null },
  { scheme: 's', parts: [] },
];

type Json = Record<string, unknown>;

/** Every path to a value in `o` (objects and arrays included). */
function paths(o: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [at];
  if (Array.isArray(o)) o.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (o !== null && typeof o === 'object')
    for (const k of Object.keys(o)) out.push(...paths((o as Json)[k], [...at, k]));
  return out;
}

function mutate(text: string, r: () => number): string {
  const o = JSON.parse(text) as Json;
  const all = paths(o).filter((p) => p.length > 0);
  const p = all[Math.floor(r() * all.length)]!;
  const parent = p.slice(0, -1).reduce<unknown>((x, k) => (x as Json)[k as string], o) as Json;
  const key = p.at(-1)!;
  const op = Math.floor(r() * 5);
  const value = structuredClone(VALUES[Math.floor(r() * VALUES.length)]);
  if (op === 0 || Array.isArray(parent)) parent[key as string] = value;
  else if (op === 1) delete parent[key as string];
  else if (op === 2) parent[`${String(key)}_extra`] = value;
  else if (op === 3) {
    // Move the key to the end (same keys, other order).
    const v = parent[key as string];
    delete parent[key as string];
    parent[key as string] = v;
  } else {
    // A __proto__ key (JSON.parse makes it an own property).
    const t = JSON.stringify(o);
    if (r() < 0.5) return t.replace(/^\{/, '{"__proto__":{},');
    return t.includes('"fingerprints":{}')
      ? t.replace('"fingerprints":{}', '"fingerprints":{"__proto__":"x"}')
      : t.replace('"fingerprints":{', '"fingerprints":{"__proto__":"x",');
  }
  // A number JSON.parse reads as Infinity.
  return JSON.stringify(o).replace('"BIG"', '1e400');
}

describe('isCanonicalFinding (the loader fast path)', () => {
  it('accepts the canonical lines collect writes', () => {
    for (const f of samples()) expect(isCanonicalFinding(JSON.parse(JSON.stringify(f)))).toBe(true);
  });

  it('never accepts a line the schema rejects or would change (mutated lines)', () => {
    const r = rng(11);
    let accepted = 0;
    let rejected = 0;
    for (let k = 0; k < 6000; k++) {
      let text = JSON.stringify(samples()[k % 3]);
      const steps = 1 + Math.floor(r() * 3);
      for (let i = 0; i < steps; i++) text = mutate(text, r);
      const raw: unknown = JSON.parse(text);
      const zod = Finding.safeParse(JSON.parse(text));
      if (isCanonicalFinding(raw)) {
        accepted++;
        expect(zod.success, text).toBe(true);
        // The schema's output is the line itself: same values, same key order.
        expect(JSON.stringify(zod.data)).toBe(text);
      } else if (!zod.success) rejected++;
    }
    // Both sides were exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(1000);
  });
});
