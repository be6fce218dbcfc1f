import { counted, periodLists, type TrackedFinding } from '../context.js';
import { daysBetween, mean, median, round } from '../period.js';
import { noData, perApplication, SEVERITY_LIST, type MetricSpec } from './types.js';

function ttr(f: TrackedFinding): number {
  return daysBetween(f.clock_start, f.entry.closed_at!);
}

export const timeToRemediate: MetricSpec = {
  id: 'time_to_remediate',
  title: 'Median time to remediate',
  unit: 'days',
  higherIsBetter: false,
  describe: (d) =>
    `Closed date − ${d.remediation_clock} in whole days, over findings fixed in the month (false positives and not-applicable excluded); the value is the median, the mean is shown beside it.`,
  compute(ctx) {
    const feed = {
      severity: true,
      inventory: true,
      repoCompleteness: true,
      dictionary: ['remediation_clock'],
    };
    if (!ctx.hasInputs) return noData('no scanner data in this period', feed);
    const fixed = periodLists(ctx).closed.filter((f) => f.entry.state === 'fixed');
    if (fixed.length === 0)
      return noData('no finding was fixed in this period', { ...feed, findings: counted(ctx) });
    const d = fixed.map(ttr);
    const rows = SEVERITY_LIST.map((s) => {
      const xs = fixed.filter((f) => f.severity === s).map(ttr);
      return { key: s, value: round(median(xs)), detail: { mean: round(mean(xs)), fixed: xs.length } };
    }).filter((r) => r.detail.fixed > 0);
    const byTier = [...ctx.dict.tiers.map((t) => t.id), null]
      .map((t) => {
        const xs = fixed.filter((f) => f.tier === t).map(ttr);
        return {
          key: t ?? '(unmapped)',
          value: round(median(xs)),
          detail: { mean: round(mean(xs)), fixed: xs.length },
        };
      })
      .filter((r) => r.detail.fixed > 0);
    return {
      value: round(median(d)),
      status: 'ok',
      secondary: { mean: round(mean(d)), median: round(median(d)), fixed: fixed.length },
      breakdowns: [
        { dimension: 'severity', title: 'Median days by severity', rows },
        { dimension: 'tier', title: 'Median days by tier', rows: byTier },
        {
          dimension: 'application',
          title: 'Median days by application',
          rows: perApplication(fixed, (g) => ({
            value: round(median(g.map(ttr))),
            detail: { mean: round(mean(g.map(ttr))), fixed: g.length },
          })),
        },
      ],
      caveats:
        fixed.length < 5
          ? [`Only ${fixed.length} fixed finding(s): the median moves a lot with few points.`]
          : [],
      feed: { ...feed, findings: fixed },
    };
  },
};
