import { describe, expect, it } from 'vitest';
import { exceptionMatches, ExceptionIndex, findException } from '../../src/exceptions/match.js';
import type { Exception } from '../../src/schema/exception.js';
import type { Finding } from '../../src/schema/finding.js';
import { makeFinding } from '../helpers/factory.js';

// The index only narrows which exceptions are tested; its answers must be those of testing every
// exception in the log's order (`findException`, and a filter per exception for the counts).

/** Deterministic pseudo-random numbers (no flaky inputs). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const RULES = ['js/xss', 'py/sqli', 'go/path', 'JS/XSS'];
const CVES = ['CVE-2024-0001', 'cve-2024-0001', 'CVE-2023-9999', 'GHSA-aaaa-bbbb-cccc'];
const PACKAGES = ['lodash', 'Lodash', 'openssl', '@scope/pkg'];
const FILES = ['src/a.js', 'src/deep/b.ts', 'infra/main.tf', null];
const REPOS = ['acme/shop', 'ACME/Shop', 'acme/wiki', null];

function findings(n: number, r: () => number): Finding[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const cve = r() < 0.5 ? [] : r() < 0.5 ? [pick(CVES)] : [pick(CVES), pick(CVES)];
    return makeFinding({
      id: `f1-${i % 50}`,
      occurrence_id: r() < 0.05 ? `f1-${i % 50}` : `o1-${i % 70}`,
      rule_id: r() < 0.2 ? null : pick(RULES),
      cve,
      package:
        r() < 0.5
          ? null
          : {
              name: pick(PACKAGES),
              version: r() < 0.5 ? '1.0.0' : '2.0.0',
              ecosystem: 'npm',
              fixed_version: null,
              purl: null,
            },
      location: { ...makeFinding().location, file: pick(FILES) },
      repo: pick(REPOS),
      product: r() < 0.5 ? null : pick(['shop', 'Wiki']),
    });
  });
}

function exceptions(n: number, r: () => number): Exception[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const type = pick(['finding', 'rule', 'package', 'cve', 'path'] as const);
    const value =
      type === 'finding'
        ? pick([`f1-${i % 50}`, `o1-${i % 70}`])
        : type === 'rule'
          ? pick(RULES)
          : type === 'package'
            ? `${pick(PACKAGES)}${pick(['', '@1.0.0', '@3.0.0'])}`
            : type === 'cve'
              ? pick(CVES)
              : pick(['src/**', '**/*.tf', 'src/*.js', 'nothing/**']);
    return {
      id: `EX-${i}`,
      scope: { type, value },
      ...(r() < 0.3 ? { repo: pick(['acme/shop', 'Acme/Wiki']) } : {}),
      ...(r() < 0.2 ? { product: pick(['SHOP', 'wiki']) } : {}),
      source: `exceptions.csv:${i + 2}`,
    };
  });
}

describe('ExceptionIndex', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`first() and countMatches() agree with testing every exception (seed ${seed})`, () => {
      const r = rng(seed);
      const fs = findings(400, r);
      const ex = exceptions(60, r);
      const index = new ExceptionIndex(ex);
      let matched = 0;
      for (const f of fs) {
        const want = findException(ex, f);
        expect(index.first(f)).toBe(want);
        if (want) matched++;
      }
      // The generated data exercises both outcomes.
      expect(matched).toBeGreaterThan(20);
      expect(matched).toBeLessThan(fs.length);
      const items = fs.map((f) => ({ f }));
      expect(index.countMatches(items, (x) => x.f)).toEqual(
        ex.map((e) => fs.filter((f) => exceptionMatches(e, f)).length),
      );
    });
  }

  it('counts a finding once per exception even when it names the same CVE twice', () => {
    const e: Exception = { id: 'EX-1', scope: { type: 'cve', value: 'CVE-2024-0001' }, source: 'x' };
    const f = makeFinding({ cve: ['CVE-2024-0001', 'cve-2024-0001'] });
    const index = new ExceptionIndex([e]);
    expect(index.countMatches([f], (x) => x)).toEqual([1]);
    expect(index.first(f)).toBe(e);
  });

  it('an empty log matches nothing', () => {
    const index = new ExceptionIndex([]);
    expect(index.first(makeFinding())).toBeUndefined();
    expect(index.countMatches([makeFinding()], (x) => x)).toEqual([]);
  });
});
