import type { DistortionItem } from '../schema/metrics.js';
import {
  counted,
  inState,
  openAtEnd,
  openExceptionCounts,
  type MetricContext,
  type TrackedFinding,
} from './context.js';
import type { LifecycleEntry } from './lifecycle.js';
import { DAY_MS, inPeriod, isoDay, toTime } from './period.js';
import { countBy, groupBy } from '../util/group.js';

const MAX_DETAIL = 20;

function clip(lines: string[]): string[] {
  return lines.length > MAX_DETAIL
    ? [...lines.slice(0, MAX_DETAIL), `… and ${lines.length - MAX_DETAIL} more`]
    : lines;
}

/**
 * `clip([...head, ...items.map(fn)])` without building the lines that are cut (hundreds of
 * thousands of findings can be merged; 20 lines are printed).
 */
function clipMap<T>(head: string[], items: readonly T[], fn: (item: T) => string): string[] {
  const total = head.length + items.length;
  if (total <= MAX_DETAIL) return [...head, ...items.map(fn)];
  const room = Math.max(0, MAX_DETAIL - head.length);
  return [...head.slice(0, MAX_DETAIL), ...items.slice(0, room).map(fn), `… and ${total - MAX_DETAIL} more`];
}

function label(f: TrackedFinding): string {
  return labelOf(f.finding);
}

function labelOf(f: TrackedFinding['finding']): string {
  return `${f.finding_title} (${f.repo ?? f.product ?? 'no repo'}${f.location.file ? `, ${f.location.file}` : ''})`;
}

/** Does an entry matter this period: open at the end, or first seen / closed in it? */
function isRelevant(ctx: MetricContext, e: LifecycleEntry): boolean {
  return e.state === 'open' || inPeriod(e.first_seen, ctx.period) || inPeriod(e.closed_at, ctx.period);
}

/** Findings that matter this period (`isRelevant`). */
function relevant(ctx: MetricContext): TrackedFinding[] {
  return ctx.findings.filter((f) => isRelevant(ctx, f.entry));
}

/** METRICS.md "Distortion review": what could make the numbers lie, printed in every report. */
export function distortionReview(ctx: MetricContext): DistortionItem[] {
  const items: DistortionItem[] = [];
  const rel = relevant(ctx);
  const open = openAtEnd(ctx);
  const end = ctx.period.end.getTime();

  const merged = rel.filter((f) => f.entry.reporters.length > 1);
  items.push({
    id: 'duplicates_merged',
    title: 'Duplicates merged across sources and tools (same identity key)',
    count: merged.length + ctx.lifecycle.mergedWithinObservation,
    detail: clipMap(
      ctx.lifecycle.mergedWithinObservation
        ? [
            `${ctx.lifecycle.mergedWithinObservation} record(s) repeated the same identity inside one run and were folded`,
          ]
        : [],
      merged,
      (f) =>
        `${label(f)}: reported by ${f.entry.reporters.join(' and ')} — same ${f.finding.identity.scheme} key (${f.finding.identity.scheme.startsWith('sca') ? 'vulnerability id, package, target' : 'identity parts'})`,
    ),
  });
  // The links' entries come with the context (no lookup per finding); a link is shown when its
  // duplicate is relevant, as `relevant` decides for a finding.
  const entryOf = (key: string) => ctx.linkEntries.get(key);
  const links = ctx.links.filter((l) => {
    const e = entryOf(l.key);
    return e !== undefined && isRelevant(ctx, e);
  });
  items.push({
    id: 'duplicates_linked',
    title: 'Same root cause reported by different tools (linked, counted once)',
    count: links.length,
    detail: clipMap(
      [],
      links,
      (l) =>
        `${labelOf(entryOf(l.key)!.finding)} → duplicate of ${entryOf(l.duplicate_of)?.finding.source_tool ?? '?'} finding: ${l.reason}`,
    ),
  });

  const appsNoOwner = ctx.apps.filter((a) => !a.owner);
  const findingsNoOwner = open.filter((f) => !f.owner);
  items.push({
    id: 'missing_owners',
    title: 'Applications and open findings without an owner',
    count: appsNoOwner.length + findingsNoOwner.length,
    detail: clip([
      ...appsNoOwner.map((a) => `application ${a.name} (${a.sources.join(', ')}) has no owner`),
      ...(findingsNoOwner.length
        ? [
            `${findingsNoOwner.length} open finding(s) without an owner (${[...new Set(findingsNoOwner.map((f) => f.application ?? '(unmapped)'))].join(', ')})`,
          ]
        : []),
    ]),
  });

  const noExpiry = ctx.exceptions.filter((x) => x.status === 'active' && !x.exception.expires);
  items.push({
    id: 'exceptions_without_expiry',
    title: 'Exceptions accepted with no expiry',
    count: noExpiry.length,
    detail: clip(
      noExpiry.map(
        (x) =>
          `${x.exception.id} (${x.exception.scope.type}:${x.exception.scope.value}, ${x.exception.source})${x.exception.owner ? ` owner ${x.exception.owner}` : ' no owner'}`,
      ),
    ),
  });
  const openCounts = openExceptionCounts(ctx);
  const expired = ctx.exceptions
    .map((x, i) => ({ ...x, still: openCounts[i]! }))
    .filter((x) => x.status === 'expired');
  items.push({
    id: 'exceptions_expired',
    title: 'Exceptions expired',
    count: expired.length,
    detail: clipMap([], expired, (x) => {
      const { still } = x;
      return `${x.exception.id} expired ${x.exception.expires} (${x.exception.scope.type}:${x.exception.scope.value})${still ? `; ${still} matching finding(s) still open` : ''}`;
    }),
  });

  const noisy = groupBy(
    open.filter((x) => x.noisy),
    (f) => `${f.noisy!.tool}${f.noisy!.rule ? ` ${f.noisy!.rule}` : ''}`,
  );
  const noisyCount = [...noisy.values()].reduce((a, b) => a + b.length, 0);
  items.push({
    id: 'noisy_rules',
    title: 'Open findings from tools or rule packs flagged noisy',
    count: noisyCount,
    detail: clip(
      [...noisy.entries()].map(
        ([k, fs]) =>
          `${k}: ${fs.length} of ${open.length} open finding(s) (${Math.round((100 * fs.length) / Math.max(1, open.length))}%)${fs[0]!.noisy!.reason ? ` — ${fs[0]!.noisy!.reason}` : ''}`,
      ),
    ),
  });

  const infra = new Set<string>(ctx.dict.infrastructure_categories);
  const unmapped = rel.filter((f) => f.counted && f.mapping.method === 'none');
  const infraUnmapped = unmapped.filter((f) => infra.has(f.finding.category));
  items.push({
    id: 'infra_unmapped',
    title: 'Infrastructure findings without an application mapping',
    count: infraUnmapped.length,
    detail: clipMap([], infraUnmapped, (f) => `${f.finding.category} · ${label(f)}: ${f.mapping.reason}`),
  });
  items.push({
    id: 'unmapped',
    title: 'All findings without an application (counted under "(unmapped)", never dropped)',
    count: unmapped.length,
    // Reasons in the order first seen, each with its count (one pass, not one per reason).
    detail: clip(
      [...countBy(unmapped, (f) => f.mapping.reason).entries()].map(([r, n]) => `${n} finding(s): ${r}`),
    ),
  });

  const window = ctx.dict.adoption_window_days * DAY_MS;
  const stale = ctx.repos.filter((r) => !r.last_run || end - toTime(r.last_run) > window);
  items.push({
    id: 'stale_repos',
    title: `Inventory repos with no data, or none in ${ctx.dict.adoption_window_days} days`,
    count: stale.length,
    detail: clip(
      stale.map(
        (r) =>
          `${r.repo} (${r.application}): ${r.last_run ? `last run ${isoDay(r.last_run)}` : 'never reported'}`,
      ),
    ),
  });

  const failedRuns = ctx.runs
    .filter((r) => inPeriod(r.at, ctx.period))
    .map((r) => ({
      r,
      failed: r.run.inputs
        .filter((i) => i.status !== 'ok')
        .map(
          (i) =>
            `${i.tool ?? i.format ?? 'unknown tool'} (${i.path}: ${i.status === 'tool_error' ? 'the tool reported a failed run' : (i.error ?? i.status)})`,
        ),
    }))
    .filter((x) => x.failed.length > 0);
  items.push({
    id: 'failed_scans',
    title: 'Failed or unreadable scans (they close nothing)',
    count: failedRuns.length,
    detail: clip(
      failedRuns.map(
        ({ r, failed }) =>
          `${r.run.repo ?? r.run.product ?? r.origin} ${isoDay(r.at)}: ${failed.join(', ')}; findings of that tool stay open`,
      ),
    ),
  });

  const risk = open.filter((f) => !f.noisy && f.severity !== 'info');
  items.push({
    id: 'events_vs_risk',
    title: 'Scanner events vs risk-bearing findings',
    count: ctx.lifecycle.records,
    detail: [
      `${ctx.lifecycle.records} record(s) read from ${ctx.lifecycle.observations} run(s)/export(s) in the period (scanner events)`,
      `${counted(ctx).length} distinct finding(s) known after dedup, ${open.length} open at period end`,
      `${risk.length} risk-bearing: open, not info, not from a noisy rule`,
      `${inState(ctx, 'suppressed').length} suppressed in source, ${inState(ctx, 'false_positive').length} false positive`,
    ],
  });
  return items;
}
