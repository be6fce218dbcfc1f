import { describe, expect, it } from 'vitest';
import { advanceLifecycle, isMainlineRun, runScopes } from '../../../src/metrics/lifecycle.js';
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
