import type { Dictionary } from '../schema/dictionary.js';
import type { MetricResult } from '../schema/metrics.js';
import { assessConfidence } from './confidence.js';
import type { MetricContext } from './context.js';
import { METRIC_SPECS } from './definitions/index.js';
import { monthsEndingWith, previousMonth } from './period.js';

/** Metric values of earlier months, from the history snapshots. */
export type MetricHistory = ReadonlyMap<string, Readonly<Record<string, number | null>>>;

export const TREND_MONTHS = 6;

/** Compute every enabled metric of the dictionary, in its order, with trend, owner, why and confidence. */
export function computeMetrics(ctx: MetricContext, history: MetricHistory): MetricResult[] {
  const out: MetricResult[] = [];
  const prev = previousMonth(ctx.period.month);
  for (const def of ctx.dict.metrics) {
    if (!def.enabled) continue;
    const spec = METRIC_SPECS[def.id];
    const c = spec.compute(ctx);
    const previous = history.get(prev)?.[def.id] ?? null;
    const trend = monthsEndingWith(ctx.period.month, TREND_MONTHS).map((m) => ({
      month: m,
      value: m === ctx.period.month ? c.value : (history.get(m)?.[def.id] ?? null),
    }));
    out.push({
      id: def.id,
      title: spec.title,
      unit: spec.unit,
      owner: def.owner,
      why: def.why,
      definition: spec.describe(ctx.dict),
      status: c.status,
      value: c.value,
      secondary: c.secondary,
      previous,
      change: c.value !== null && previous !== null ? Math.round((c.value - previous) * 10) / 10 : null,
      trend,
      higher_is_better: spec.higherIsBetter,
      confidence: assessConfidence(ctx, c.feed, c.status === 'no_data'),
      caveats: c.caveats,
      breakdowns: c.breakdowns,
    });
  }
  return out;
}

/** The definitions the report prints ("definitions used"). */
export function definitionsUsed(dict: Dictionary, source: string): Array<{ term: string; value: string }> {
  const sla = (['critical', 'high', 'medium', 'low', 'info'] as const)
    .map((s) => {
      const preset = { default: [7, 30, 90, 120], fedramp: [30, 30, 90, 180], pci: [30, 30, 90, 120] }[
        dict.sla.preset
      ];
      const base = s === 'info' ? undefined : preset[['critical', 'high', 'medium', 'low'].indexOf(s)];
      return `${s} ${dict.sla.days[s] ?? base ?? 'none'}`;
    })
    .join(' / ');
  const tierOverrides = Object.entries(dict.sla.tiers)
    .map(
      ([t, d]) =>
        `${t}: ${Object.entries(d)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    )
    .join('; ');
  return [
    { term: 'Dictionary', value: source },
    {
      term: 'Application',
      value:
        dict.application.definition +
        (dict.application.environments.length
          ? ` Environments: ${dict.application.environments.join(', ')}.`
          : ''),
    },
    {
      term: 'Tiers',
      value:
        dict.tiers
          .map((t) => `${t.id} — ${t.description} Required: ${t.required_controls.join(', ') || 'none'}.`)
          .join(' · ') + ` Default tier: ${dict.default_tier}.`,
    },
    {
      term: 'Critical finding',
      value: `${dict.critical.definition} (min severity ${dict.critical.min_severity})`,
    },
    {
      term: 'Remediation clock starts at',
      value:
        dict.remediation_clock === 'first_seen'
          ? 'first_seen (earliest observation, or the platform’s created date when earlier)'
          : 'first_observed (first collected observation)',
    },
    { term: 'Release events', value: dict.release_events.join(', ') },
    {
      term: 'Covered',
      value: `a successful run of the control within ${dict.coverage.freshness_days} days of period end`,
    },
    {
      term: 'Adopted / stale repo',
      value: `a collection run within ${dict.adoption_window_days} days of period end`,
    },
    {
      term: 'SLA days',
      value: `preset ${dict.sla.preset}: ${sla}${tierOverrides ? `; tier overrides ${tierOverrides}` : ''}${dict.sla.kev_file ? `; capped by CISA KEV due dates (${dict.sla.kev_file})` : ''}`,
    },
    {
      term: 'Inferred severity threshold',
      value: `${Math.round(dict.inferred_severity_threshold * 100)}% of severities from SARIF level or a default lowers severity metrics to B`,
    },
    {
      term: 'Noisy tools / rules',
      value: dict.noisy.length
        ? dict.noisy
            .map((n) => `${n.tool}${n.rule ? ` ${n.rule}` : ''}${n.reason ? ` (${n.reason})` : ''}`)
            .join('; ')
        : 'none',
    },
    {
      term: 'Mapping',
      value: `${dict.mapping.length ? `${dict.mapping.length} explicit rule(s), then ` : ''}repo, then cloud account, then product name; unmapped findings are counted and shown`,
    },
    {
      term: 'Closing rule',
      value:
        'fixed only when the same tool ran successfully on the same scope (repo + mainline + tool + control) and did not report it; failed, partial or missing runs close nothing; pull-request runs do not feed the lifecycle',
    },
    {
      term: 'Identity',
      value:
        'per class (METRICS.md): SAST tool + rule + path + fingerprint; SCA vulnerability id + package + manifest/target; secrets rule + path + secret hash; IaC check + resource/file; DAST alert + name + site. Cross-tool same-root-cause links: same file + line + CWE (SAST), same location (secrets), same URL + CWE (DAST), same vulnerability + package + target ignoring a leading / (SCA)',
    },
  ];
}
