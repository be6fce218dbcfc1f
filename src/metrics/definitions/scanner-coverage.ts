import { CONTROLS, type Control } from '../../schema/run.js';
import type { MetricContext } from '../context.js';
import { DAY_MS, toTime } from '../period.js';
import { noData, percent, type MetricSpec } from './types.js';

export type CoverageStatus = 'covered' | 'stale' | 'failed' | 'missing' | 'not_required';

export interface CoverageCell {
  application: string;
  tier: string;
  control: Control;
  required: boolean;
  status: CoverageStatus;
  /** Last successful run of the control (ISO), if any. */
  last_success: string | null;
  evidence: 'collected' | 'manual' | null;
}

/** Application × control: covered when the control ran successfully within freshness_days of the period end. */
export function coverageMatrix(ctx: MetricContext): CoverageCell[] {
  const end = ctx.period.end.getTime();
  const fresh = ctx.dict.coverage.freshness_days * DAY_MS;
  const lastOk = new Map<string, { at: string; evidence: 'collected' | 'manual' }>();
  const lastFail = new Map<string, string>();
  for (const r of ctx.runs) {
    if (!r.application) continue;
    for (const c of CONTROLS) {
      const cov = r.run.coverage[c];
      const k = `${r.application}|${c}`;
      if (cov?.status === 'ran') lastOk.set(k, { at: r.at, evidence: 'collected' });
      else if (cov?.status === 'failed') lastFail.set(k, r.at);
    }
  }
  for (const m of ctx.manualCoverage) {
    const k = `${m.application}|${m.control}`;
    const prev = lastOk.get(k);
    if (!prev || toTime(prev.at) < toTime(m.at)) lastOk.set(k, { at: m.at, evidence: 'manual' });
  }
  const cells: CoverageCell[] = [];
  for (const a of ctx.apps) {
    const req = new Set(ctx.dict.tiers.find((t) => t.id === a.tier)?.required_controls ?? []);
    if (a.mobile) req.add('mobile');
    for (const c of CONTROLS) {
      const ok = lastOk.get(`${a.name}|${c}`);
      const isFresh = ok && end - toTime(ok.at) <= fresh;
      const failed = lastFail.get(`${a.name}|${c}`);
      const status: CoverageStatus = isFresh
        ? 'covered'
        : !req.has(c)
          ? 'not_required'
          : ok
            ? 'stale'
            : failed
              ? 'failed'
              : 'missing';
      cells.push({
        application: a.name,
        tier: a.tier,
        control: c,
        required: req.has(c),
        status,
        last_success: ok?.at ?? null,
        evidence: ok?.evidence ?? null,
      });
    }
  }
  return cells;
}

export const scannerCoverage: MetricSpec = {
  id: 'scanner_coverage',
  title: 'Scanner coverage of required controls',
  unit: 'percent',
  higherIsBetter: true,
  describe: (d) =>
    `Applications with a successful run of control C within ${d.coverage.freshness_days} days of period end / applications whose tier requires C (${d.tiers.map((t) => `${t.id}: ${t.required_controls.join(', ') || 'none'}`).join('; ')}; mobile applications also require mobile); headline = covered required pairs / required pairs.`,
  compute(ctx) {
    const feed = { runs: true, inventory: true, dictionary: ['tiers', 'coverage'] };
    if (ctx.apps.length === 0) return noData('no inventory: coverage needs the list of applications', feed);
    const cells = coverageMatrix(ctx);
    const req = cells.filter((c) => c.required);
    if (req.length === 0) return noData('no tier requires any control', feed);
    const cov = req.filter((c) => c.status === 'covered');
    const tiers = ctx.dict.tiers.map((t) => t.id);
    const rows = tiers.flatMap((t) =>
      CONTROLS.map((c) => {
        const inTier = ctx.apps.filter((a) => a.tier === t).length;
        const r = req.filter((x) => x.tier === t && x.control === c);
        if (r.length === 0) return null;
        const n = r.filter((x) => x.status === 'covered').length;
        return {
          key: `${t} · ${c}`,
          value: percent(n, r.length),
          detail: { covered: n, required: r.length, apps_in_tier: inTier },
        };
      }).filter((x) => x !== null),
    );
    const manual = cov.filter((c) => c.evidence === 'manual');
    const stale = req.filter((c) => c.status === 'stale').length;
    const failed = req.filter((c) => c.status === 'failed').length;
    const caveats: string[] = [];
    if (stale)
      caveats.push(
        `${stale} required control(s) ran, but not within ${ctx.dict.coverage.freshness_days} days.`,
      );
    if (failed)
      caveats.push(`${failed} required control(s) only have failed runs: a failed run is not coverage.`);
    return {
      value: percent(cov.length, req.length),
      status: 'ok',
      secondary: { covered: cov.length, required: req.length, stale, failed },
      breakdowns: [
        { dimension: 'tier_control', title: 'By tier and control', rows },
        {
          dimension: 'application',
          title: 'By application (coverage.csv has every control)',
          rows: ctx.apps.map((a) => {
            const r = req.filter((c) => c.application === a.name);
            const ok = r.filter((c) => c.status === 'covered');
            return {
              key: a.name,
              value: percent(ok.length, r.length),
              detail: {
                tier: a.tier,
                covered: ok.length,
                required: r.length,
                missing:
                  r
                    .filter((c) => c.status !== 'covered')
                    .map((c) => c.control)
                    .join(' ') || '—',
              },
            };
          }),
        },
      ],
      caveats,
      feed: {
        ...feed,
        manualEvidence: manual.map(
          (m) =>
            ctx.manualCoverage.find((x) => x.application === m.application && x.control === m.control)
              ?.file ?? 'manual',
        ),
      },
    };
  },
};
