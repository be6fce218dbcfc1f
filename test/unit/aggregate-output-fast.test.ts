import { describe, expect, it } from 'vitest';
import { aggregatedFinding, aggregatedFindingJson } from '../../src/output/csv-outputs.js';
import { Interner } from '../../src/commands/aggregate-lean.js';
import type { Finding } from '../../src/schema/finding.js';
import { contextFor, withFindings } from '../helpers/metrics.js';
import { makeFinding, makeRun } from '../helpers/records.js';

/** The same finding with its keys in reverse order (in-memory records may have any order). */
function reversed(f: Finding): Finding {
  const o = f as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(o)
      .reverse()
      .map((k) => [k, o[k]]),
  ) as unknown as Finding;
}

describe('aggregatedFindingJson (findings.jsonl without building the object)', () => {
  it('gives the bytes of JSON.stringify(aggregatedFinding(t)) for every kind of finding', () => {
    const findings = [
      makeFinding({ key: 'a', severity: 'critical' }),
      makeFinding({ key: 'b', state: 'fixed', closed_at: '2026-11-03T00:00:00Z', state_reason: 'done "x"' }),
      makeFinding({ key: 'c', category: 'sca', cve: ['CVE-2024-1'], package: null, owner: 'é\u2028' }),
      reversed(makeFinding({ key: 'd', description: 'lone \ud800 surrogate' })),
      // An extra key (not in the schema, e.g. an in-memory record) and one called `aggregate`.
      { ...makeFinding({ key: 'e' }), extra: 1 } as unknown as Finding,
      { ...makeFinding({ key: 'f' }), aggregate: { old: true } } as unknown as Finding,
    ];
    const run = withFindings(makeRun({ at: '2026-11-05T00:00:00Z' }), findings);
    const ctx = contextFor({ month: '2026-11', runs: [run] });
    expect(ctx.findings).toHaveLength(findings.length);
    for (const t of ctx.findings) expect(aggregatedFindingJson(t)).toBe(JSON.stringify(aggregatedFinding(t)));
  });
});

describe('Interner (pooled values of lean findings)', () => {
  it('returns equal values, shared, and frozen lists and packages', () => {
    const pool = new Interner();
    const a = pool.get(JSON.parse('"default"') as string);
    expect(pool.get(JSON.parse('"default"') as string)).toBe(a);
    expect(pool.get(null)).toBeNull();
    const l1 = pool.list(['CWE-79']);
    expect(pool.list(['CWE-79'])).toBe(l1);
    expect(l1).toEqual(['CWE-79']);
    expect(Object.isFrozen(l1)).toBe(true);
    expect(pool.list([])).toEqual([]);
    const long = ['1', '2', '3', '4', '5'];
    expect(pool.list(long)).toEqual(long);
    const p = { name: 'lodash', version: '4.17.20', fixed_version: null, ecosystem: 'npm', purl: null };
    const p1 = pool.package({ ...p });
    expect(pool.package({ ...p })).toBe(p1);
    expect(p1).toEqual(p);
    expect(Object.keys(p1!)).toEqual(Object.keys(p));
    expect(pool.package({ ...p, version: '4.17.21' })).not.toBe(p1);
    expect(pool.package(null)).toBeNull();
  });
});
