import type { Dictionary, MetricId } from '../../schema/dictionary.js';
import type { Severity } from '../../schema/finding.js';
import type { Breakdown, BreakdownRow } from '../../schema/metrics.js';
import type { Feed } from '../confidence.js';
import type { MetricContext, TrackedFinding } from '../context.js';
import { countBy, groupBy } from '../../util/group.js';

export interface Computation {
  value: number | null;
  status: 'ok' | 'no_data';
  secondary: Record<string, number | null>;
  breakdowns: Breakdown[];
  caveats: string[];
  /** The inputs that fed it, for the confidence label. */
  feed: Feed;
}

/** One metric of the METRICS.md table: a pure function of the context at a fixed as-of date. */
export interface MetricSpec {
  id: MetricId;
  title: string;
  unit: 'count' | 'percent' | 'days';
  higherIsBetter: boolean;
  /** How it is computed, naming the dictionary values it uses. */
  describe(dict: Dictionary): string;
  compute(ctx: MetricContext): Computation;
}

export const UNMAPPED = '(unmapped)';
export const SEVERITY_LIST: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function noData(reason: string, feed: Feed = {}): Computation {
  return { value: null, status: 'no_data', secondary: {}, breakdowns: [], caveats: [reason], feed };
}

// Breakdowns count each population once (`countBy`) and read the counts for every row.
const tierOf = (f: TrackedFinding): string | null => f.tier;
const severityOf = (f: TrackedFinding): Severity => f.severity;
const applicationOf = (f: TrackedFinding): string => f.application ?? UNMAPPED;

/** Count per tier (every dictionary tier, then unmapped) of the selected findings out of a population. */
export function countByTier(
  ctx: MetricContext,
  selected: readonly TrackedFinding[],
  population?: readonly TrackedFinding[],
): Breakdown {
  const tiers = [...ctx.dict.tiers.map((t) => t.id)];
  const sel = countBy(selected, tierOf);
  const pop = population ? countBy(population, tierOf) : null;
  const rows: BreakdownRow[] = tiers.map((t) => {
    const row: BreakdownRow = { key: t, value: sel.get(t) ?? 0 };
    if (pop) row.detail = { of: pop.get(t) ?? 0 };
    return row;
  });
  const un = sel.get(null) ?? 0;
  if (un > 0 || (pop && pop.has(null)))
    rows.push({
      key: UNMAPPED,
      value: un,
      ...(pop ? { detail: { of: pop.get(null) ?? 0 } } : {}),
    });
  return { dimension: 'tier', title: 'By tier', rows };
}

/** Count per application (only applications with a non-zero count, largest first; unmapped last). */
export function countByApplication(selected: readonly TrackedFinding[], bySeverity = false): Breakdown {
  const rows = [...groupBy(selected, applicationOf).entries()]
    .map(([key, fs]): BreakdownRow => {
      const row: BreakdownRow = { key, value: fs.length };
      if (bySeverity) {
        const n = countBy(fs, severityOf);
        row.detail = Object.fromEntries(SEVERITY_LIST.map((s) => [s, n.get(s) ?? 0]));
      }
      return row;
    })
    .sort(
      (a, b) =>
        (a.key === UNMAPPED ? 1 : 0) - (b.key === UNMAPPED ? 1 : 0) ||
        (b.value ?? 0) - (a.value ?? 0) ||
        a.key.localeCompare(b.key),
    );
  return { dimension: 'application', title: 'By application', rows };
}

export function countBySeverity(selected: readonly TrackedFinding[]): Breakdown {
  const n = countBy(selected, severityOf);
  return {
    dimension: 'severity',
    title: 'By severity',
    rows: SEVERITY_LIST.map((s) => ({ key: s, value: n.get(s) ?? 0 })),
  };
}

export function percent(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((1000 * n) / d) / 10;
}

/** Rows per application (unmapped last) of a computed value over each application's findings. */
export function perApplication(
  fs: readonly TrackedFinding[],
  fn: (group: readonly TrackedFinding[]) => Omit<BreakdownRow, 'key'>,
): BreakdownRow[] {
  return [...groupBy(fs, applicationOf).entries()]
    .sort((a, b) => (a[0] === UNMAPPED ? 1 : 0) - (b[0] === UNMAPPED ? 1 : 0) || a[0].localeCompare(b[0]))
    .map(([key, group]) => ({ key, ...fn(group) }));
}
