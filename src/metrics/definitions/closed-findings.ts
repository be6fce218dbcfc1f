import { counted, openAtEnd, periodLists } from '../context.js';
import { countByApplication, countBySeverity, countByTier, noData, type MetricSpec } from './types.js';

export const closedFindings: MetricSpec = {
  id: 'closed_findings',
  title: 'Closed findings this month',
  unit: 'count',
  higherIsBetter: true,
  describe: () =>
    'Distinct findings whose closed date falls inside the month, whatever their first_seen: fixed (a successful run of the same tool and scope no longer reported it, or the platform says fixed), false positive or not applicable; by severity, tier and application.',
  compute(ctx) {
    const feed = { severity: true, inventory: true, repoCompleteness: true };
    if (!ctx.hasInputs) return noData('no scanner data in this period', feed);
    const all = counted(ctx);
    const closed = periodLists(ctx).closed;
    const by = (s: string) => closed.filter((f) => f.entry.state === s).length;
    const caveats: string[] = [];
    if (by('false_positive') + by('not_applicable') > 0)
      caveats.push(
        `${by('false_positive')} closed as false positive and ${by('not_applicable')} as not applicable (not remediation).`,
      );
    const reopened = openAtEnd(ctx).filter((f) => f.entry.reopened > 0).length;
    if (reopened > 0)
      caveats.push(`${reopened} open finding(s) had been closed before and reopened (first_seen kept).`);
    return {
      value: closed.length,
      status: 'ok',
      secondary: {
        fixed: by('fixed'),
        false_positive: by('false_positive'),
        not_applicable: by('not_applicable'),
      },
      breakdowns: [countBySeverity(closed), countByTier(ctx, closed), countByApplication(closed, true)],
      caveats,
      feed: { ...feed, findings: closed.length ? closed : all },
    };
  },
};
