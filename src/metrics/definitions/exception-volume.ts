import { DAY_MS, median, toTime } from '../period.js';
import { inState, openExceptionCounts } from '../context.js';
import { noData, type MetricSpec } from './types.js';

export const exceptionVolume: MetricSpec = {
  id: 'exception_volume',
  title: 'Active exceptions',
  unit: 'count',
  higherIsBetter: false,
  describe: () =>
    'Exceptions of the log active at period end (an exception expires at the end of its expiry day, UTC); beside it: median age, expiring within 30 days, expired but still matching an open finding, without expiry, and in-source suppressions (exception debt).',
  compute(ctx) {
    const feed = { exceptions: true, repoCompleteness: true };
    const suppressions = inState(ctx, 'suppressed');
    const platformAccepted = inState(ctx, 'accepted_risk');
    if (!ctx.provenance.exceptionsProvided && suppressions.length === 0 && platformAccepted.length === 0)
      return noData('no exception log and no in-source suppression', feed);
    const end = ctx.period.end.getTime();
    const active = ctx.exceptions.filter((x) => x.status === 'active');
    const expired = ctx.exceptions.filter((x) => x.status === 'expired');
    const openCounts = openExceptionCounts(ctx);
    const expiredUnresolved = ctx.exceptions.filter((x, i) => x.status === 'expired' && openCounts[i]! > 0);
    const expiring = active.filter(
      (x) => x.exception.expires && toTime(x.exception.expires) < end + 30 * DAY_MS,
    );
    const noExpiry = active.filter((x) => !x.exception.expires);
    const ages = active
      .filter((x) => x.exception.created)
      .map((x) => Math.floor((end - toTime(x.exception.created)) / DAY_MS));
    const appOf = (e: (typeof active)[number]['exception']) =>
      ctx.mapper.mapRepo(e.repo ?? null)?.name ??
      (e.product ? ctx.mapper.byName(e.product)?.name : undefined) ??
      '(any application)';
    const caveats: string[] = [];
    if (ages.length < active.length)
      caveats.push(
        `${active.length - ages.length} active exception(s) have no created date: not in the median age.`,
      );
    if (platformAccepted.length > 0)
      caveats.push(
        `${platformAccepted.length} finding(s) were dismissed as accepted risk on the platform, outside the log.`,
      );
    return {
      value: active.length,
      status: 'ok',
      secondary: {
        median_age_days: median(ages),
        expiring_30d: expiring.length,
        expired_unresolved: expiredUnresolved.length,
        expired: expired.length,
        without_expiry: noExpiry.length,
        in_source_suppressions: suppressions.length,
        platform_accepted_risk: platformAccepted.length,
      },
      breakdowns: [
        {
          dimension: 'application',
          title: 'Active exceptions by application',
          rows: [...new Set(active.map((x) => appOf(x.exception)))].sort().map((k) => ({
            key: k,
            value: active.filter((x) => appOf(x.exception) === k).length,
            detail: { without_expiry: noExpiry.filter((x) => appOf(x.exception) === k).length },
          })),
        },
        {
          dimension: 'status',
          title: 'Exception debt',
          rows: [
            { key: 'active', value: active.length },
            { key: 'expiring within 30 days', value: expiring.length },
            { key: 'expired, finding still open', value: expiredUnresolved.length },
            { key: 'expired', value: expired.length },
            { key: 'without expiry', value: noExpiry.length },
            { key: 'in-source suppressions', value: suppressions.length },
            { key: 'accepted risk on the platform', value: platformAccepted.length },
          ],
        },
      ],
      caveats,
      feed: { ...feed, findings: suppressions },
    };
  },
};
