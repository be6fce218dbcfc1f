import { openAtEnd } from '../context.js';
import { median } from '../period.js';
import { countByApplication, countBySeverity, countByTier, noData, type MetricSpec } from './types.js';

export const AGE_BUCKETS: Array<{ key: string; max: number }> = [
  { key: '<7', max: 6 },
  { key: '7–14', max: 14 },
  { key: '15–30', max: 30 },
  { key: '31–60', max: 60 },
  { key: '61–90', max: 90 },
  { key: '91–180', max: 180 },
  { key: '>180', max: Infinity },
];

export function ageBucket(days: number): string {
  return AGE_BUCKETS.find((b) => days <= b.max)!.key;
}

export const openBacklog: MetricSpec = {
  id: 'open_backlog',
  title: 'Open backlog',
  unit: 'count',
  higherIsBetter: false,
  describe: (d) =>
    `Distinct findings open at period end (suppressed and accepted-risk ones are counted under exceptions); age = period end − ${d.remediation_clock}, in buckets <7, 7–14, 15–30, 31–60, 61–90, 91–180, >180 days.`,
  compute(ctx) {
    const feed = { severity: true, inventory: true, repoCompleteness: true };
    if (!ctx.hasInputs) return noData('no scanner data in this period', feed);
    const open = openAtEnd(ctx);
    const ages = AGE_BUCKETS.map((b) => ({
      key: `${b.key} days`,
      value: open.filter((f) => ageBucket(f.age_days) === b.key).length,
    }));
    const noisy = open.filter((f) => f.noisy).length;
    return {
      value: open.length,
      status: 'ok',
      secondary: { median_age_days: median(open.map((f) => f.age_days)), noisy },
      breakdowns: [
        { dimension: 'age', title: 'By age', rows: ages },
        countBySeverity(open),
        countByTier(ctx, open),
        countByApplication(open, true),
      ],
      caveats:
        noisy > 0
          ? [`${noisy} open finding(s) come from tools or rules flagged noisy in the dictionary.`]
          : [],
      feed: { ...feed, findings: open },
    };
  },
};
