import type { Dictionary } from '../../schema/dictionary.js';
import type { Severity } from '../../schema/finding.js';
import { openAtEnd, severityAtLeast, type MetricContext, type TrackedFinding } from '../context.js';
import { slaDays } from '../sla.js';
import { countByApplication, countByTier, noData, type Computation } from './types.js';

/** Open at period end, of the given severity, past due, without an active exception. */
export function slaBreach(ctx: MetricContext, match: (s: Severity) => boolean, label: string): Computation {
  const feed = {
    severity: true,
    inventory: true,
    repoCompleteness: true,
    exceptions: true,
    dictionary: ['sla', 'critical', 'remediation_clock'],
  };
  if (!ctx.hasInputs) return noData('no scanner data in this period', feed);
  const open = openAtEnd(ctx);
  const population = open.filter((f) => match(f.severity));
  const overdue = population.filter((f) => f.overdue);
  const counted = overdue.filter((f) => !f.exception);
  const excepted = overdue.length - counted.length;
  const kev = counted.filter((f) => f.due_basis === 'kev').length;
  const caveats: string[] = [];
  if (excepted > 0)
    caveats.push(
      `${excepted} more ${label} finding(s) past SLA are covered by an active exception and not counted.`,
    );
  if (kev > 0) caveats.push(`${kev} of them are past a CISA KEV due date that came before the SLA.`);
  const oldest = counted.reduce((m, f) => Math.max(m, f.age_days), 0);
  return {
    value: counted.length,
    status: 'ok',
    secondary: { open: population.length, excepted, oldest_days: counted.length ? oldest : null },
    breakdowns: [countByTier(ctx, counted, population), countByApplication(counted)],
    caveats,
    feed: { ...feed, findings: open },
  };
}

export function slaText(dict: Dictionary, sev: Severity): string {
  const base = slaDays(dict, sev, null);
  const tiers = Object.keys(dict.sla.tiers)
    .map((t) => `${t}: ${slaDays(dict, sev, t) ?? 'none'}`)
    .join(', ');
  return `${base ?? 'no'} days (preset ${dict.sla.preset}${tiers ? `; ${tiers}` : ''})`;
}

export const isCritical = (min: Severity) => (s: Severity) => severityAtLeast(s, min);
export type { TrackedFinding };
