import { describe, expect, it } from 'vitest';
import { METRIC_SPECS } from '../../../src/metrics/definitions/index.js';
import { ageBucket } from '../../../src/metrics/definitions/open-backlog.js';
import { computeMetrics } from '../../../src/metrics/engine.js';
import type { MetricId } from '../../../src/schema/dictionary.js';
import type { Exception } from '../../../src/schema/exception.js';
import type { Finding } from '../../../src/schema/finding.js';
import { contextFor, withFindings, type Scenario } from '../../helpers/metrics.js';
import { makeFinding, makeRun } from '../../helpers/records.js';

const value = (id: MetricId, s: Scenario) => METRIC_SPECS[id].compute(contextFor(s));

/** One run per (time, findings): CodeQL on acme/shop, on main. */
function runs(...xs: Array<[string, Finding[]]>) {
  return xs.map(([at, fs]) => withFindings(makeRun({ at }), fs));
}
/** Seen at `at`, and again by a run in November (so the month has input). */
function seenAndRerun(at: string, fs: Finding[]) {
  return runs([at, fs], ['2026-11-20T00:00:00Z', fs]);
}
const crit = (key: string, o: Partial<Finding> = {}) => makeFinding({ key, severity: 'critical', ...o });
const high = (key: string, o: Partial<Finding> = {}) => makeFinding({ key, severity: 'high', ...o });
const exc = (o: Partial<Exception>): Exception => ({
  id: 'EX-1',
  scope: { type: 'rule', value: 'rule/a' },
  source: 'ex.yml#1',
  ...o,
});

describe('critical_over_sla (open, critical, age > SLA; tier-1 default 7 days)', () => {
  const cases: Array<{ name: string; s: Scenario; expected: number | null }> = [
    {
      name: 'seen 8 days before the period end → over SLA',
      s: { month: '2026-11', runs: runs(['2026-11-23T00:00:00Z', [crit('a')]]) },
      expected: 1,
    },
    {
      name: 'due exactly at period end → not over (due < end)',
      s: { month: '2026-11', runs: runs(['2026-11-24T00:00:00Z', [crit('a')]]) },
      expected: 0,
    },
    {
      name: 'leap year: seen 2028-02-22, due 2028-02-29 < 2028-03-01 → over',
      s: { month: '2028-02', runs: runs(['2028-02-22T00:00:00Z', [crit('a')]]) },
      expected: 1,
    },
    {
      name: 'leap year: seen 2028-02-23T00:00:01, due after the period end → not over',
      s: { month: '2028-02', runs: runs(['2028-02-23T00:00:01Z', [crit('a')]]) },
      expected: 0,
    },
    {
      name: 'fixed before the period end → not counted',
      s: {
        month: '2026-11',
        runs: runs(['2026-10-01T00:00:00Z', [crit('a')]], ['2026-11-10T00:00:00Z', []]),
      },
      expected: 0,
    },
    {
      name: 'failed rerun does not close it → still over SLA',
      s: {
        month: '2026-11',
        runs: [
          withFindings(makeRun({ at: '2026-10-01T00:00:00Z' }), [crit('a')]),
          makeRun({ at: '2026-11-10T00:00:00Z', tools: [{ name: 'CodeQL', control: 'sast', ok: false }] }),
        ],
      },
      expected: 1,
    },
    {
      name: 'high is not critical',
      s: { month: '2026-11', runs: seenAndRerun('2026-10-01T00:00:00Z', [high('a')]) },
      expected: 0,
    },
    {
      name: 'active exception → not counted',
      s: {
        month: '2026-11',
        runs: seenAndRerun('2026-10-01T00:00:00Z', [crit('a')]),
        exceptions: [exc({ expires: '2026-12-31' })],
      },
      expected: 0,
    },
    {
      name: 'exception expiring mid-month → counted again',
      s: {
        month: '2026-11',
        runs: seenAndRerun('2026-10-01T00:00:00Z', [crit('a')]),
        exceptions: [exc({ expires: '2026-11-15' })],
      },
      expected: 1,
    },
    {
      name: 'no input in the month → no data, not zero',
      s: { month: '2026-12', runs: runs(['2026-10-01T00:00:00Z', [crit('a')]]) },
      expected: null,
    },
  ];
  for (const c of cases) it(c.name, () => expect(value('critical_over_sla', c.s).value).toBe(c.expected));

  it('breaks down by tier and application, unmapped apart', () => {
    const c = value('critical_over_sla', {
      month: '2026-11',
      runs: [
        withFindings(makeRun({ at: '2026-11-01T00:00:00Z' }), [crit('a')]),
        withFindings(makeRun({ at: '2026-11-01T00:00:00Z', repo: 'acme/unknown' }), [
          crit('b', { repo: 'acme/unknown', product: 'unknown' }),
        ]),
      ],
    });
    expect(c.value).toBe(2);
    expect(c.breakdowns[0]!.rows.find((r) => r.key === 'tier-1')!.value).toBe(1);
    expect(c.breakdowns[0]!.rows.find((r) => r.key === '(unmapped)')!.value).toBe(1);
    expect(c.breakdowns[1]!.rows.map((r) => r.key)).toEqual(['shop', '(unmapped)']);
  });
});

describe('high_over_sla (30 days by default)', () => {
  it.each([
    ['2026-11-01T00:00:00Z', 0],
    ['2026-10-31T23:59:59Z', 1],
  ])('seen %s → %i over SLA at the end of November', (at, n) => {
    expect(value('high_over_sla', { month: '2026-11', runs: seenAndRerun(at, [high('a')]) }).value).toBe(n);
  });
  it('per-tier override applies', () => {
    const s: Scenario = {
      month: '2026-11',
      runs: runs(['2026-11-10T00:00:00Z', [high('a')]]),
      dict: (d) => ({ ...d, sla: { ...d.sla, tiers: { 'tier-1': { high: 14 } } } }),
    };
    expect(value('high_over_sla', s).value).toBe(1);
  });
});

describe('new_findings (first_seen inside the month, after dedup)', () => {
  it.each([
    ['2026-10-31T23:59:59Z', 0],
    ['2026-11-01T00:00:00Z', 1],
    ['2026-11-30T23:59:59Z', 1],
  ])('seen %s → %i new in November (UTC boundaries)', (at, n) => {
    const other = withFindings(makeRun({ at: '2026-11-20T00:00:00Z', repo: 'acme/wiki' }), []);
    expect(value('new_findings', { month: '2026-11', runs: [...runs([at, [high('a')]]), other] }).value).toBe(
      n,
    );
  });
  it('a reopened finding is not new', () => {
    const s: Scenario = {
      month: '2026-11',
      runs: runs(
        ['2026-09-01T00:00:00Z', [high('a')]],
        ['2026-10-01T00:00:00Z', []],
        ['2026-11-02T00:00:00Z', [high('a')]],
      ),
    };
    expect(value('new_findings', s).value).toBe(0);
  });
  it('two tools on the same root cause count once', () => {
    const s: Scenario = {
      month: '2026-11',
      runs: [
        withFindings(
          makeRun({
            at: '2026-11-02T00:00:00Z',
            tools: [
              { name: 'CodeQL', control: 'sast' },
              { name: 'Semgrep', control: 'sast' },
            ],
          }),
          [
            high('a', {
              cwe: ['CWE-89'],
              location: { ...makeFinding().location, file: 'src/db.js', start_line: 42 },
            }),
            high('b', {
              cwe: ['CWE-89'],
              source_tool: 'Semgrep',
              location: { ...makeFinding().location, file: 'src/db.js', start_line: 42 },
            }),
          ],
        ),
      ],
    };
    expect(value('new_findings', s).value).toBe(1);
  });
});

describe('closed_findings and time_to_remediate', () => {
  const s: Scenario = {
    month: '2026-11',
    runs: runs(
      ['2026-09-01T00:00:00Z', [high('a'), high('b'), crit('c')]],
      ['2026-10-15T00:00:00Z', [high('b'), crit('c')]],
      ['2026-11-10T00:00:00Z', [crit('c')]],
      ['2026-11-20T00:00:00Z', []],
    ),
  };
  it('counts closures inside the month whatever the first_seen', () => {
    expect(value('closed_findings', s).value).toBe(2);
    expect(value('closed_findings', { ...s, month: '2026-10' }).value).toBe(1);
  });
  it('median and mean of closed − first_seen over fixed findings', () => {
    const c = value('time_to_remediate', s);
    expect(c.secondary).toMatchObject({ fixed: 2, median: 75, mean: 75 });
    expect(value('time_to_remediate', { ...s, month: '2026-10' }).value).toBe(44);
  });
  it('false positives are excluded from time to remediate', () => {
    const fp = { ...high('a'), state: 'false_positive' as const, closed_at: '2026-11-05T00:00:00Z' };
    const c = value('time_to_remediate', {
      month: '2026-11',
      runs: runs(['2026-09-01T00:00:00Z', [high('a')]], ['2026-11-05T00:00:00Z', [fp]]),
    });
    expect(c.status).toBe('no_data');
    expect(
      value('closed_findings', {
        month: '2026-11',
        runs: runs(['2026-09-01T00:00:00Z', [high('a')]], ['2026-11-05T00:00:00Z', [fp]]),
      }).secondary,
    ).toMatchObject({ false_positive: 1, fixed: 0 });
  });
});

describe('fixed_within_sla', () => {
  it.each([
    ['2026-11-08T00:00:00Z', 100],
    ['2026-11-08T00:00:01Z', 0],
  ])('critical seen 2026-11-01 fixed %s → %i percent', (fixedAt, pct) => {
    expect(
      value('fixed_within_sla', {
        month: '2026-11',
        runs: runs(['2026-11-01T00:00:00Z', [crit('a')]], [fixedAt, []]),
      }).value,
    ).toBe(pct);
  });
});

describe('open_backlog age buckets', () => {
  it.each([
    [0, '<7'],
    [6, '<7'],
    [7, '7–14'],
    [14, '7–14'],
    [15, '15–30'],
    [31, '31–60'],
    [61, '61–90'],
    [91, '91–180'],
    [181, '>180'],
  ])('%i days → %s', (d, b) => expect(ageBucket(d)).toBe(b));
  it('counts open findings at period end, suppressed apart', () => {
    const sup = { ...high('s'), state: 'suppressed' as const };
    const c = value('open_backlog', {
      month: '2026-11',
      runs: runs(['2026-11-01T00:00:00Z', [high('a'), high('b'), sup]]),
    });
    expect(c.value).toBe(2);
    expect(c.breakdowns[0]!.rows.find((r) => r.key === '15–30 days')!.value).toBe(2);
  });
});

describe('release_pass_rate', () => {
  it('pass / (pass + fail); no_data apart; non-release events ignored', () => {
    const rs = [
      makeRun({ at: '2026-11-02T00:00:00Z', event: 'release', gate: 'pass' }),
      makeRun({ at: '2026-11-03T00:00:00Z', event: 'release', gate: 'fail' }),
      makeRun({ at: '2026-11-04T00:00:00Z', event: 'release', gate: 'no_data' }),
      makeRun({ at: '2026-11-05T00:00:00Z', event: 'default_branch', gate: 'fail' }),
      makeRun({ at: '2026-10-31T23:59:59Z', event: 'release', gate: 'fail' }),
    ];
    const c = value('release_pass_rate', { month: '2026-11', runs: rs });
    expect(c.value).toBe(50);
    expect(c.secondary).toEqual({ pass: 1, fail: 1, no_data: 1 });
  });
  it('no release in the month → no data', () => {
    expect(
      value('release_pass_rate', { month: '2026-11', runs: [makeRun({ at: '2026-11-02T00:00:00Z' })] })
        .status,
    ).toBe('no_data');
  });
});

describe('exception_volume', () => {
  const s: Scenario = {
    month: '2026-11',
    runs: runs(['2026-11-01T00:00:00Z', [high('a'), { ...high('s'), state: 'suppressed' }]]),
    exceptions: [
      exc({ id: 'E1', created: '2026-11-01', expires: '2026-11-15' }),
      exc({ id: 'E2', scope: { type: 'cve', value: 'CVE-1' }, created: '2026-10-01' }),
      exc({ id: 'E3', scope: { type: 'cve', value: 'CVE-2' }, created: '2026-11-20', expires: '2026-12-30' }),
      exc({ id: 'E4', scope: { type: 'cve', value: 'CVE-3' }, created: '2026-11-20', expires: '2026-12-31' }),
    ],
  };
  it('active, expiring within 30 days, expired but unresolved, without expiry, in-source suppressions', () => {
    const c = value('exception_volume', s);
    expect(c.value).toBe(3);
    expect(c.secondary).toMatchObject({
      expired: 1,
      expired_unresolved: 1,
      without_expiry: 1,
      expiring_30d: 1,
      in_source_suppressions: 1,
      median_age_days: 11,
    });
  });
  it('an exception is active through its expiry day (UTC)', () => {
    expect(
      value('exception_volume', { ...s, month: '2026-10', exceptions: [exc({ expires: '2026-10-31' })] })
        .value,
    ).toBe(0);
    expect(
      value('exception_volume', { ...s, month: '2026-10', exceptions: [exc({ expires: '2026-11-01' })] })
        .value,
    ).toBe(1);
  });
});

describe('scanner_coverage, pipeline_adoption, ownership_coverage', () => {
  it('coverage counts required controls that ran successfully within the freshness window', () => {
    const s: Scenario = {
      month: '2026-11',
      runs: [
        makeRun({
          at: '2026-11-20T00:00:00Z',
          tools: [
            { name: 'CodeQL', control: 'sast' },
            { name: 'Trivy', control: 'sca', ok: false },
          ],
        }),
        makeRun({
          at: '2026-09-01T00:00:00Z',
          repo: 'acme/wiki',
          tools: [{ name: 'Trivy', control: 'sca' }],
        }),
      ],
    };
    const c = value('scanner_coverage', s);
    // shop (tier-1): 6 required, 1 covered (sast); wiki (tier-3): sca stale, secret missing.
    expect(c.secondary).toMatchObject({ covered: 1, required: 8, stale: 1, failed: 1 });
    expect(c.value).toBe(12.5);
  });
  it('adoption: repos with a run in the window / inventory repos', () => {
    const c = value('pipeline_adoption', {
      month: '2026-11',
      runs: [makeRun({ at: '2026-11-20T00:00:00Z', event: 'pull_request' })],
    });
    expect(c.value).toBe(50);
    expect(c.secondary).toMatchObject({ adopted: 1, repos: 2, never: 1 });
  });
  it('ownership: owner from the application, else from the record; apps without owner listed', () => {
    const c = value('ownership_coverage', {
      month: '2026-11',
      runs: [
        withFindings(makeRun({ at: '2026-11-01T00:00:00Z' }), [high('a')]),
        withFindings(makeRun({ at: '2026-11-01T00:00:00Z', repo: 'acme/wiki' }), [
          high('w', { repo: 'acme/wiki' }),
        ]),
      ],
    });
    expect(c.value).toBe(50);
    expect(c.secondary).toMatchObject({ apps_owned: 1, apps: 2 });
  });
});

describe('engine', () => {
  it('computes every metric with owner, why, confidence and trend from history', () => {
    const ctx = contextFor({ month: '2026-11', runs: runs(['2026-11-01T00:00:00Z', [crit('a')]]) });
    const ms = computeMetrics(ctx, new Map([['2026-10', { critical_over_sla: 3 }]]));
    expect(ms).toHaveLength(12);
    const m = ms.find((x) => x.id === 'critical_over_sla')!;
    expect(m).toMatchObject({ value: 1, previous: 3, change: -2, owner: 'Head of Product Security' });
    expect(m.trend.map((t) => t.month)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    for (const x of ms) {
      expect(x.why.length).toBeGreaterThan(10);
      expect(['A', 'B', 'C']).toContain(x.confidence.label);
    }
  });
  it('confidence: A when all inputs are collected and mapped; C when most findings come from manual exports', () => {
    const a = computeMetrics(
      contextFor({
        month: '2026-11',
        runs: runs(['2026-11-01T00:00:00Z', [crit('a')]]),
        inventory: [{ application: 'shop', owner: 'x', tier: 'tier-1', repos: ['acme/shop'], source: 'i' }],
      }),
      new Map(),
    );
    expect(a.find((m) => m.id === 'open_backlog')!.confidence).toEqual({ label: 'A', reasons: [] });
    const manual = [
      high('m1', { confidence: 'C', source_file: 'manual/p.csv' }),
      high('m2', { confidence: 'C', source_file: 'manual/p.csv' }),
    ];
    const c = computeMetrics(
      contextFor({
        month: '2026-11',
        runs: runs(['2026-11-01T00:00:00Z', [crit('a')]]),
        manual: [{ at: '2026-11-15T00:00:00Z', findings: manual }],
        inventory: [{ application: 'shop', owner: 'x', tier: 'tier-1', repos: ['acme/shop'], source: 'i' }],
      }),
      new Map(),
    );
    const nb = c.find((m) => m.id === 'open_backlog')!;
    expect(nb.confidence.label).toBe('C');
    expect(nb.confidence.reasons[0]).toMatch(
      /2 of 3 findings come from manually assembled exports \(manual\/p.csv\)/,
    );
  });
  it('confidence B when severities are mostly inferred from SARIF level', () => {
    const f = high('a', { severity_source: 'level' });
    const ms = computeMetrics(
      contextFor({
        month: '2026-11',
        runs: runs(['2026-11-01T00:00:00Z', [f]]),
        inventory: [{ application: 'shop', owner: 'x', tier: 'tier-1', repos: ['acme/shop'], source: 'i' }],
      }),
      new Map(),
    );
    expect(ms.find((m) => m.id === 'high_over_sla')!.confidence.reasons.join()).toMatch(
      /100% of severities were inferred/,
    );
  });
});
