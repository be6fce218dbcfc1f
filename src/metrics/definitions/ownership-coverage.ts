import { openAtEnd } from '../context.js';
import { noData, percent, type MetricSpec } from './types.js';

export const ownershipCoverage: MetricSpec = {
  id: 'ownership_coverage',
  title: 'Ownership coverage',
  unit: 'percent',
  higherIsBetter: true,
  describe: () =>
    'Open findings with a resolved owner / open findings (owner from the application in the inventory, else from the record); beside it the same for applications. The owner source is recorded per finding.',
  compute(ctx) {
    const open = openAtEnd(ctx);
    const feed = { inventory: true, ownerSources: true, findings: open };
    if (!ctx.hasInputs && ctx.apps.length === 0) return noData('no findings and no inventory', feed);
    const owned = open.filter((f) => f.owner);
    const appsOwned = ctx.apps.filter((a) => a.owner).length;
    const sources = new Map<string, number>();
    for (const f of open)
      sources.set(f.owner_source ?? '(none)', (sources.get(f.owner_source ?? '(none)') ?? 0) + 1);
    const caveats: string[] = [];
    const missingApps = ctx.apps.filter((a) => !a.owner).map((a) => a.name);
    if (missingApps.length)
      caveats.push(`${missingApps.length} application(s) without an owner in the inventory.`);
    return {
      value: open.length ? percent(owned.length, open.length) : null,
      status: open.length ? 'ok' : 'no_data',
      secondary: {
        findings_owned: owned.length,
        findings_open: open.length,
        apps_owned: appsOwned,
        apps: ctx.apps.length,
        apps_pct: percent(appsOwned, ctx.apps.length),
      },
      breakdowns: [
        {
          dimension: 'owner_source',
          title: 'Open findings by owner source',
          rows: [...sources.entries()].sort().map(([k, v]) => ({ key: k, value: v })),
        },
        {
          dimension: 'application',
          title: 'Applications',
          rows: [
            { key: 'with an owner', value: appsOwned },
            { key: 'without an owner', value: ctx.apps.length - appsOwned },
          ],
        },
      ],
      caveats: open.length ? caveats : ['no open finding at period end', ...caveats],
      feed,
    };
  },
};
