import { counted, periodLists } from '../context.js';
import { toTime } from '../period.js';
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
    const fixed = periodLists(ctx).closed.filter((f) => f.entry.state === 'fixed' && f.due !== null);
    if (fixed.length === 0)
      return noData('no finding with an SLA was fixed in this period', { ...feed, findings: counted(ctx) });
    // Each fixed finding's "within its SLA" decided once (the rows and the total count them).
    const within = new Set(fixed.filter((f) => toTime(f.entry.closed_at) <= toTime(f.due)));
    const onTime = (fs: readonly (typeof fixed)[number][]) => {
      let n = 0;
      for (const f of fs) if (within.has(f)) n++;
      return n;
    };
    const row = (key: string, fs: readonly (typeof fixed)[number][]) => {
      const w = onTime(fs);
      return { key, value: percent(w, fs.length), detail: { within: w, fixed: fs.length } };
    };
    const rows = SEVERITY_LIST.map((s) =>
      row(
        s,
        fixed.filter((f) => f.severity === s),
      ),
    ).filter((r) => r.detail.fixed > 0);
    const tiers = [...ctx.dict.tiers.map((t) => t.id), null]
      .map((t) =>
        row(
          t ?? '(unmapped)',
          fixed.filter((f) => f.tier === t),
        ),
      )
      .filter((r) => r.detail.fixed > 0);
    return {
      value: percent(within.size, fixed.length),
      status: 'ok',
      secondary: { within: within.size, fixed: fixed.length },
      breakdowns: [
        { dimension: 'severity', title: 'By severity', rows },
        { dimension: 'tier', title: 'By tier', rows: tiers },
        {
          dimension: 'application',
          title: 'By application',
          rows: perApplication(fixed, (g) => {
            const { value, detail } = row('', g);
            return { value, detail };
          }),
        },
      ],
      caveats: [],
      feed: { ...feed, findings: fixed },
    };
  },
};
