import type { Dictionary, MetricId } from '../../schema/dictionary.js';
import type { Severity } from '../../schema/finding.js';
import type { Breakdown, BreakdownRow } from '../../schema/metrics.js';
import type { Feed } from '../confidence.js';
import type { MetricContext, TrackedFinding } from '../context.js';

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

/** How many of `fs` have each value of `key` (one pass; breakdowns read it for every row). */
function tallyBy<K>(fs: readonly TrackedFinding[], key: (f: TrackedFinding) => K): Map<K, number> {
  const m = new Map<K, number>();
  for (const f of fs) {
    const k = key(f);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

const tierOf = (f: TrackedFinding): string | null => f.tier;
const severityOf = (f: TrackedFinding): Severity => f.severity;

/** Count per tier (every dictionary tier, then unmapped) of the selected findings out of a population. */
export function countByTier(
  ctx: MetricContext,
  selected: readonly TrackedFinding[],
  population?: readonly TrackedFinding[],
): Breakdown {
  const tiers = [...ctx.dict.tiers.map((t) => t.id)];
  const sel = tallyBy(selected, tierOf);
  const pop = population ? tallyBy(population, tierOf) : null;
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
  const m = new Map<string, TrackedFinding[]>();
  for (const f of selected) {
    const k = f.application ?? UNMAPPED;
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(f);
  }
  const rows = [...m.entries()]
    .map(([key, fs]): BreakdownRow => {
      const row: BreakdownRow = { key, value: fs.length };
      if (bySeverity) {
        const n = tallyBy(fs, severityOf);
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
  return {
    dimension: 'severity',
    title: 'By severity',
    rows: ((n) => SEVERITY_LIST.map((s) => ({ key: s, value: n.get(s) ?? 0 })))(
      tallyBy(selected, severityOf),
    ),
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
  const m = new Map<string, TrackedFinding[]>();
  for (const f of fs) {
    const k = f.application ?? UNMAPPED;
    const l = m.get(k);
    if (l) l.push(f);
    else m.set(k, [f]);
  }
  return [...m.entries()]
    .sort((a, b) => (a[0] === UNMAPPED ? 1 : 0) - (b[0] === UNMAPPED ? 1 : 0) || a[0].localeCompare(b[0]))
    .map(([key, group]) => ({ key, ...fn(group) }));
}
