import { toTime, DAY_MS } from '../period.js';
import { groupBy } from '../../util/group.js';
import { noData, percent, type MetricSpec } from './types.js';

export const pipelineAdoption: MetricSpec = {
  id: 'pipeline_adoption',
  title: 'Pipeline adoption',
  unit: 'percent',
  higherIsBetter: true,
  describe: (d) =>
    `Inventory repos with a collection run (any event) within ${d.adoption_window_days} days of period end / repos in the inventory.`,
  compute(ctx) {
    const feed = { runs: true, inventory: true, dictionary: ['adoption_window_days'] };
    if (ctx.repos.length === 0) return noData('no repos in the inventory', feed);
    const end = ctx.period.end.getTime();
    const window = ctx.dict.adoption_window_days * DAY_MS;
    const adopted = ctx.repos.filter((r) => r.last_run && end - toTime(r.last_run) <= window);
    const never = ctx.repos.filter((r) => !r.last_run).length;
    // A set and a grouping, not a search of the adopted list per repo and of every repo per
    // application (quadratic in the inventory's size).
    const isAdopted = new Set(adopted);
    const reposOf = groupBy(ctx.repos, (r) => r.application);
    const tiers = ctx.dict.tiers.map((t) => {
      const rs = ctx.repos.filter((r) => ctx.mapper.byName(r.application)?.tier === t.id);
      const n = rs.filter((r) => isAdopted.has(r)).length;
      return { key: t.id, value: percent(n, rs.length), detail: { adopted: n, repos: rs.length } };
    });
    return {
      value: percent(adopted.length, ctx.repos.length),
      status: 'ok',
      secondary: {
        adopted: adopted.length,
        repos: ctx.repos.length,
        stale: ctx.repos.length - adopted.length - never,
        never: never,
      },
      breakdowns: [
        { dimension: 'tier', title: 'By tier', rows: tiers.filter((t) => t.detail.repos > 0) },
        {
          dimension: 'application',
          title: 'By application',
          rows: ctx.apps
            .filter((a) => a.repos.length > 0)
            .map((a) => {
              const rs = reposOf.get(a.name) ?? [];
              const n = rs.filter((r) => isAdopted.has(r)).length;
              const last =
                rs
                  .map((r) => r.last_run ?? '')
                  .sort()
                  .at(-1) || null;
              return {
                key: a.name,
                value: percent(n, rs.length),
                detail: { adopted: n, repos: rs.length, last_run: last ? last.slice(0, 10) : 'never' },
              };
            }),
        },
      ],
      caveats: never ? [`${never} inventory repo(s) never sent a record.`] : [],
      feed,
    };
  },
};
