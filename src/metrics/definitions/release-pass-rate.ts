import { inPeriod } from '../period.js';
import { noData, percent, UNMAPPED, type MetricSpec } from './types.js';

export const releasePassRate: MetricSpec = {
  id: 'release_pass_rate',
  title: 'Release pass rate',
  unit: 'percent',
  higherIsBetter: true,
  describe: (d) =>
    `Gate evaluations on release events (${d.release_events.join(', ')}) in the month that passed / release gate evaluations that passed or failed; evaluations with no data (nothing readable) are counted apart, never as a pass.`,
  compute(ctx) {
    const feed = { runs: true, inventory: true, dictionary: ['release_events'] };
    const events = new Set<string>(ctx.dict.release_events);
    const rel = ctx.runs.filter((r) => events.has(r.run.event.kind) && inPeriod(r.at, ctx.period));
    const result = (r: (typeof rel)[number]) => r.run.gate?.result ?? 'no_data';
    const pass = rel.filter((r) => result(r) === 'pass').length;
    const fail = rel.filter((r) => result(r) === 'fail').length;
    const nodata = rel.length - pass - fail;
    if (pass + fail === 0)
      return noData(
        rel.length
          ? `${nodata} release evaluation(s), all without data`
          : 'no release gate evaluation in this period',
        feed,
      );
    const apps = new Map<string, { pass: number; fail: number; no_data: number }>();
    for (const r of rel) {
      const k = r.application ?? r.run.repo ?? UNMAPPED;
      const a = apps.get(k) ?? { pass: 0, fail: 0, no_data: 0 };
      a[result(r) as 'pass' | 'fail' | 'no_data']++;
      apps.set(k, a);
    }
    const tiers = new Map<string, { pass: number; fail: number }>();
    for (const r of rel) {
      const tier = (r.application && ctx.mapper.byName(r.application)?.tier) || UNMAPPED;
      const t = tiers.get(tier) ?? { pass: 0, fail: 0 };
      if (result(r) === 'pass') t.pass++;
      if (result(r) === 'fail') t.fail++;
      tiers.set(tier, t);
    }
    const caveats: string[] = [];
    if (nodata > 0)
      caveats.push(
        `${nodata} release evaluation(s) had no data (no readable scanner output) and are not in the rate.`,
      );
    const reportMode = rel.filter((r) => r.run.gate?.policy.mode === 'report').length;
    if (reportMode > 0)
      caveats.push(
        `${reportMode} of ${rel.length} evaluation(s) ran in report mode: a failing gate did not stop that release.`,
      );
    return {
      value: percent(pass, pass + fail),
      status: 'ok',
      secondary: { pass, fail, no_data: nodata },
      breakdowns: [
        {
          dimension: 'tier',
          title: 'By tier',
          rows: [...tiers.entries()].sort().map(([k, v]) => ({
            key: k,
            value: percent(v.pass, v.pass + v.fail),
            detail: { pass: v.pass, fail: v.fail },
          })),
        },
        {
          dimension: 'application',
          title: 'By application',
          rows: [...apps.entries()]
            .sort()
            .map(([k, v]) => ({ key: k, value: percent(v.pass, v.pass + v.fail), detail: { ...v } })),
        },
      ],
      caveats,
      feed,
    };
  },
};
