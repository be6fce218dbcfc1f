import { counted, periodLists } from '../context.js';
import { countByApplication, countBySeverity, countByTier, noData, type MetricSpec } from './types.js';

export const newFindings: MetricSpec = {
  id: 'new_findings',
  title: 'New findings this month',
  unit: 'count',
  higherIsBetter: false,
  describe: () =>
    'Distinct findings (after dedup) whose first_seen falls inside the month (UTC), whatever their state now; a reopened finding keeps its first_seen and is not new; by severity, tier and application.',
  compute(ctx) {
    const feed = { severity: true, inventory: true, repoCompleteness: true };
    if (!ctx.hasInputs) return noData('no scanner data in this period', feed);
    const all = counted(ctx);
    const fresh = periodLists(ctx).fresh;
    const platformDated = fresh.filter((f) => f.entry.first_seen !== f.entry.first_observed).length;
    const caveats: string[] = [];
    if (platformDated > 0)
      caveats.push(
        `${platformDated} first_seen date(s) come from the platform's created date, not our first observation.`,
      );
    const noisy = fresh.filter((f) => f.noisy).length;
    if (noisy > 0) caveats.push(`${noisy} of them come from tools or rules flagged noisy in the dictionary.`);
    return {
      value: fresh.length,
      status: 'ok',
      secondary: Object.fromEntries(
        ['critical', 'high', 'medium', 'low', 'info'].map((s) => [
          s,
          fresh.filter((f) => f.severity === s).length,
        ]),
      ),
      breakdowns: [countBySeverity(fresh), countByTier(ctx, fresh), countByApplication(fresh, true)],
      caveats,
      feed: { ...feed, findings: fresh.length ? fresh : all },
    };
  },
};
