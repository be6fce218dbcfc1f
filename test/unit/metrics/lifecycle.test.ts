import { describe, expect, it } from 'vitest';
import { advanceLifecycle, isMainlineRun, runScopes, ScopeMaps } from '../../../src/metrics/lifecycle.js';
import { periodOf } from '../../../src/metrics/period.js';
import type { Finding } from '../../../src/schema/finding.js';
import type { RunRecord } from '../../../src/schema/run.js';
import { makeFinding, makeRun, type RunSpec } from '../../helpers/records.js';

const A = makeFinding({ key: 'a' });

function lifecycle(month: string, runs: Array<RunSpec & { findings?: Finding[] }>, platform: Finding[] = []) {
  const obs = runs
    .map((r) => ({ r, run: makeRun(r) }))
    .filter(({ run }) => isMainlineRun(run))
    .map(({ r, run }: { r: RunSpec; run: RunRecord }) => ({
      at: r.at,
      origin: 'collected' as const,
      name: r.at,
      successScopes: runScopes(run),
      findings: r.findings ?? [],
    }));
  return advanceLifecycle({ prior: null, observations: obs, platform, period: periodOf(month) });
}

describe('closing rule (METRICS.md): fixed only when the same tool ran successfully on the same scope without it', () => {
  const seen = { at: '2026-09-05T09:00:00Z', findings: [A] };
  const cases: Array<{ name: string; next: RunSpec; state: string; closed: string | null }> = [
    {
      name: 'successful run of the same tool without it → fixed',
      next: { at: '2026-10-03T09:00:00Z' },
      state: 'fixed',
      closed: '2026-10-03T09:00:00.000Z',
    },
    {
      name: 'failed run of the same tool → stays open',
      next: { at: '2026-10-03T09:00:00Z', tools: [{ name: 'CodeQL', control: 'sast', ok: false }] },
      state: 'open',
      closed: null,
    },
    {
      name: 'another tool ran → stays open',
      next: { at: '2026-10-03T09:00:00Z', tools: [{ name: 'Semgrep', control: 'sast' }] },
      state: 'open',
      closed: null,
    },
    {
      name: 'same tool, other control → stays open',
      next: { at: '2026-10-03T09:00:00Z', tools: [{ name: 'CodeQL', control: 'secret' }] },
      state: 'open',
      closed: null,
    },
    {
      name: 'same tool on another repo → stays open',
      next: { at: '2026-10-03T09:00:00Z', repo: 'acme/other' },
      state: 'open',
      closed: null,
    },
    {
      name: 'pull-request run → stays open',
      next: { at: '2026-10-03T09:00:00Z', event: 'pull_request' },
      state: 'open',
      closed: null,
    },
    { name: 'no run at all → stays open', next: { at: '2026-12-03T09:00:00Z' }, state: 'open', closed: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { entries } = lifecycle('2026-10', [seen, c.next]);
      expect(entries).toHaveLength(1);
      expect(entries[0]!.state).toBe(c.state);
      expect(entries[0]!.closed_at).toBe(c.closed);
      expect(entries[0]!.first_seen).toBe('2026-09-05T09:00:00.000Z');
    });
  }

  it('a finding reported by two tools closes only when both stop reporting it', () => {
    const trivy = makeFinding({ key: 'cve', category: 'sca', source_tool: 'Trivy' });
    const grype = { ...trivy, source_tool: 'grype' };
    const both = [
      { name: 'Trivy', control: 'sca' as const },
      { name: 'grype', control: 'sca' as const },
    ];
    const r = lifecycle('2026-11', [
      { at: '2026-09-01T00:00:00Z', tools: both, findings: [trivy, grype] },
      { at: '2026-10-01T00:00:00Z', tools: both, findings: [grype] },
    ]);
    expect(r.entries[0]!.state).toBe('open');
    expect(r.entries[0]!.reporters).toEqual(['collected:Trivy', 'collected:grype']);
    const r2 = lifecycle('2026-11', [
      { at: '2026-09-01T00:00:00Z', tools: both, findings: [trivy, grype] },
      { at: '2026-10-01T00:00:00Z', tools: both, findings: [grype] },
      { at: '2026-11-01T00:00:00Z', tools: both, findings: [] },
    ]);
    expect(r2.entries[0]!.state).toBe('fixed');
    expect(r2.entries[0]!.closed_at).toBe('2026-11-01T00:00:00.000Z');
  });

  it('a reopened finding keeps its first_seen and counts the reopening', () => {
    const { entries, stats } = lifecycle('2026-11', [
      { at: '2026-09-05T00:00:00Z', findings: [A] },
      { at: '2026-10-03T00:00:00Z', findings: [] },
      { at: '2026-11-02T00:00:00Z', findings: [A] },
    ]);
    expect(entries[0]).toMatchObject({
      state: 'open',
      first_seen: '2026-09-05T00:00:00.000Z',
      closed_at: null,
      reopened: 1,
    });
    expect(stats.reopened).toBe(1);
  });

  it('runs at or after the period end (UTC) are not applied', () => {
    const r = lifecycle('2026-10', [
      { at: '2026-10-31T23:59:59Z', findings: [A] },
      { at: '2026-11-01T00:00:00Z', findings: [] },
    ]);
    expect(r.entries[0]!.state).toBe('open');
    expect(r.stats.observations).toBe(1);
  });

  it('the platform created date becomes first_seen when earlier than our first observation', () => {
    const f = makeFinding({ key: 'p', first_seen: '2026-08-01T00:00:00Z' });
    const r = lifecycle('2026-10', [{ at: '2026-10-02T00:00:00Z', findings: [f] }]);
    expect(r.entries[0]).toMatchObject({
      first_seen: '2026-08-01T00:00:00.000Z',
      first_observed: '2026-10-02T00:00:00.000Z',
    });
  });

  it('a platform alert closed after the period end is open at the period end', () => {
    const f = makeFinding({
      key: 'gh',
      state: 'fixed',
      first_seen: '2026-09-01T00:00:00Z',
      closed_at: '2026-11-02T00:00:00Z',
      source_tool: 'GitHub code scanning',
    });
    expect(lifecycle('2026-10', [], [f]).entries[0]).toMatchObject({ state: 'open', closed_at: null });
    expect(lifecycle('2026-11', [], [f]).entries[0]).toMatchObject({
      state: 'fixed',
      closed_at: '2026-11-02T00:00:00.000Z',
    });
  });

  it('carrying a snapshot forward gives the same lifecycle as recomputing from all runs', () => {
    const runs: RunSpec[] = [
      { at: '2026-09-05T00:00:00Z', findings: [A, makeFinding({ key: 'b' })] },
      { at: '2026-10-03T00:00:00Z', findings: [A] },
      { at: '2026-11-02T00:00:00Z', findings: [A, makeFinding({ key: 'b' })] },
    ];
    const obs = runs.map((r) => ({
      at: r.at,
      origin: 'collected' as const,
      name: r.at,
      successScopes: runScopes(makeRun(r)),
      findings: r.findings ?? [],
    }));
    const oct = advanceLifecycle({
      prior: null,
      observations: obs,
      platform: [],
      period: periodOf('2026-10'),
    });
    const nov1 = advanceLifecycle({
      prior: { as_of: '2026-11-01T00:00:00.000Z', entries: oct.entries },
      observations: obs,
      platform: [],
      period: periodOf('2026-11'),
    });
    const nov2 = advanceLifecycle({
      prior: null,
      observations: obs,
      platform: [],
      period: periodOf('2026-11'),
    });
    expect(nov1.entries).toEqual(nov2.entries);
    expect(oct.entries.find((e) => e.id === makeFinding({ key: 'b' }).id)!.state).toBe('fixed');
  });
});

describe('ScopeMaps: shared scope maps, copy on write', () => {
  it('gives what writing into a copy gives, key order included', () => {
    const maps = new ScopeMaps();
    let rnd = 7;
    const next = (n: number): number => {
      rnd = (rnd * 1_103_515_245 + 12_345) % 2 ** 31;
      return rnd % n;
    };
    const keys = ['a|codeql|sast', 'b|trivy|sca', 'c|gitleaks|secret', '12', 'b|grype|sca'];
    const ats = ['2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'];
    for (let run = 0; run < 200; run++) {
      let shared: Record<string, string> = {};
      const plain: Record<string, string> = {};
      for (let step = 0; step < 8; step++) {
        const k = keys[next(keys.length)]!;
        if (next(3) === 0) {
          delete plain[k];
          shared = maps.with(shared, k, null);
        } else {
          const at = ats[next(2)]!;
          plain[k] = at;
          shared = maps.with(shared, k, at);
        }
        expect(JSON.stringify(shared)).toBe(JSON.stringify(plain));
        expect(Object.keys(shared)).toEqual(Object.keys(plain));
      }
    }
  });

  it('shares equal maps, frozen, and never changes the one it is given', () => {
    const maps = new ScopeMaps();
    const given = { 'a|codeql|sast': '2026-10-01T00:00:00.000Z' };
    const x = maps.with(given, 'b|trivy|sca', '2026-11-01T00:00:00.000Z');
    const y = maps.with({ ...given }, 'b|trivy|sca', '2026-11-01T00:00:00.000Z');
    expect(y).toBe(x);
    expect(Object.isFrozen(x)).toBe(true);
    expect(given).toEqual({ 'a|codeql|sast': '2026-10-01T00:00:00.000Z' });
    expect(maps.with(x, null, null)).toBe(x);
    expect(maps.with(x, 'b|trivy|sca', null)).toEqual(given);
    // Same pairs in another order: another map (the order is kept).
    const z = maps.with(
      { 'b|trivy|sca': '2026-11-01T00:00:00.000Z' },
      'a|codeql|sast',
      '2026-10-01T00:00:00.000Z',
    );
    expect(z).not.toBe(x);
    expect(Object.keys(z)).toEqual(['b|trivy|sca', 'a|codeql|sast']);
  });

  it('entries of one run and tool share their scope map; the prior snapshot is not changed', () => {
    const f1 = makeFinding({ key: 'one' });
    const f2 = makeFinding({ key: 'two' });
    const obs = (at: string, findings: Finding[]) => ({
      at,
      origin: 'collected' as const,
      name: at,
      successScopes: runScopes(makeRun({ at, findings })),
      findings,
    });
    const oct = advanceLifecycle({
      prior: null,
      observations: [obs('2026-10-03T00:00:00Z', [f1, f2])],
      platform: [],
      period: periodOf('2026-10'),
    });
    expect(oct.entries).toHaveLength(2);
    expect(oct.entries[0]!.scopes).toBe(oct.entries[1]!.scopes);
    const before = JSON.stringify(oct.entries);
    const nov = advanceLifecycle({
      prior: { as_of: '2026-11-01T00:00:00.000Z', entries: oct.entries },
      observations: [obs('2026-11-02T00:00:00Z', [f1])],
      platform: [],
      period: periodOf('2026-11'),
    });
    expect(JSON.stringify(oct.entries)).toBe(before);
    const fixed = nov.entries.find((e) => e.id === f2.id)!;
    expect(fixed.state).toBe('fixed');
    expect(fixed.scopes).toEqual({});
    expect(Object.keys(nov.entries.find((e) => e.id === f1.id)!.scopes)).toHaveLength(1);
  });
});
