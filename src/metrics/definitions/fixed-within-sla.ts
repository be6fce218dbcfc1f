import { counted } from '../context.js';
import { inPeriod, toTime } from '../period.js';
import { noData, percent, perApplication, SEVERITY_LIST, type MetricSpec } from './types.js';

export const fixedWithinSla: MetricSpec = {
  id: 'fixed_within_sla',
  title: 'Fixed within SLA',
  unit: 'percent',
  higherIsBetter: true,
  describe: (d) =>
    `Findings fixed in the month with closed date ≤ due date (${d.remediation_clock} + SLA days of preset ${d.sla.preset}) / findings fixed in the month that have an SLA (info has none).`,
  compute(ctx) {
    const feed = {
      severity: true,
      inventory: true,
      repoCompleteness: true,
      dictionary: ['sla', 'remediation_clock'],
    };
    if (!ctx.hasInputs) return noData('no scanner data in this period', feed);
    const fixed = counted(ctx).filter(
      (f) => f.entry.state === 'fixed' && inPeriod(f.entry.closed_at, ctx.period) && f.due !== null,
    );
    if (fixed.length === 0)
      return noData('no finding with an SLA was fixed in this period', { ...feed, findings: counted(ctx) });
    const onTime = (fs: readonly (typeof fixed)[number][]) =>
      fs.filter((f) => toTime(f.entry.closed_at) <= toTime(f.due)).length;
    const rows = SEVERITY_LIST.map((s) => {
      const fs = fixed.filter((f) => f.severity === s);
      return {
        key: s,
        value: percent(onTime(fs), fs.length),
        detail: { within: onTime(fs), fixed: fs.length },
      };
    }).filter((r) => r.detail.fixed > 0);
    const tiers = [...ctx.dict.tiers.map((t) => t.id), null]
      .map((t) => {
        const fs = fixed.filter((f) => f.tier === t);
        return {
          key: t ?? '(unmapped)',
          value: percent(onTime(fs), fs.length),
          detail: { within: onTime(fs), fixed: fs.length },
        };
      })
      .filter((r) => r.detail.fixed > 0);
    return {
      value: percent(onTime(fixed), fixed.length),
      status: 'ok',
      secondary: { within: onTime(fixed), fixed: fixed.length },
      breakdowns: [
        { dimension: 'severity', title: 'By severity', rows },
        { dimension: 'tier', title: 'By tier', rows: tiers },
        {
          dimension: 'application',
          title: 'By application',
          rows: perApplication(fixed, (g) => ({
            value: percent(onTime(g), g.length),
            detail: { within: onTime(g), fixed: g.length },
          })),
        },
      ],
      caveats: [],
      feed: { ...feed, findings: fixed },
    };
  },
};
