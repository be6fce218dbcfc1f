import { exceptionIndex, withRecord, type MetricContext, type TrackedFinding } from '../metrics/context.js';
import type { CoverageCell } from '../metrics/definitions/scanner-coverage.js';
import type { AggregatedFinding } from '../schema/metrics.js';
import type { Finding } from '../schema/finding.js';
import { csvCell, toCsv } from '../util/csv.js';

/** Tracked findings, most important first: open before closed, severity, then key. */
export function sortFindings(fs: readonly TrackedFinding[]): TrackedFinding[] {
  const sev = ['critical', 'high', 'medium', 'low', 'info'];
  return [...fs].sort(
    (a, b) =>
      Number(b.open) - Number(a.open) ||
      sev.indexOf(a.severity) - sev.indexOf(b.severity) ||
      a.key.localeCompare(b.key),
  );
}

/** The finding's own fields as of the period end (what the aggregator changes), in their places. */
function periodEndFinding(t: TrackedFinding): Finding {
  const e = t.entry;
  return {
    ...t.finding,
    state: t.duplicate_of ? 'duplicate' : e.state,
    state_reason: t.duplicate_of ? t.duplicate_reason : e.state_reason,
    first_seen: e.first_seen,
    last_seen: e.last_seen,
    closed_at: e.closed_at,
    owner: t.owner,
    owner_source: t.owner_source,
    exception_id: t.exception?.id ?? null,
  };
}

/** The aggregator's lifecycle, mapping and SLA fields of a finding (`aggregate` in findings.jsonl). */
function aggregateFields(t: TrackedFinding): AggregatedFinding['aggregate'] {
  const e = t.entry;
  return {
    key: t.key,
    application: t.application,
    mapping: t.mapping.method,
    mapping_reason: t.mapping.reason,
    tier: t.tier,
    first_observed: e.first_observed,
    reopened: e.reopened,
    reporters: e.reporters,
    duplicate_of: t.duplicate_of,
    duplicate_reason: t.duplicate_reason,
    clock_start: t.clock_start,
    sla_days: t.sla_days,
    due: t.due,
    overdue: t.overdue,
    age_days: t.age_days,
    noisy: t.noisy !== null,
  };
}

/** The finding as of the period end, with the aggregator's lifecycle, mapping and SLA fields. */
export function aggregatedFinding(t: TrackedFinding): AggregatedFinding {
  return { ...periodEndFinding(t), aggregate: aggregateFields(t) };
}

/**
 * `JSON.stringify(aggregatedFinding(t))`, the same bytes, without building that object: a spread
 * followed by a new key gives every object its own hidden class (V8 allocates those in the old
 * generation: ~1 KB of old-generation garbage per finding, gigabytes of RSS at 1M findings).
 */
export function aggregatedFindingJson(t: TrackedFinding): string {
  const own = periodEndFinding(t);
  if (Object.prototype.hasOwnProperty.call(own, 'aggregate')) return JSON.stringify(aggregatedFinding(t));
  // `own` has keys (the schema's, at least): its JSON ends with "}" and is not "{}".
  const head = JSON.stringify(own);
  return `${head.slice(0, -1)},"aggregate":${JSON.stringify(aggregateFields(t))}}`;
}

const FINDING_COLUMNS = [
  'key',
  'id',
  'state',
  'state_reason',
  'severity',
  'category',
  'source_tool',
  'reporters',
  'finding_title',
  'rule_id',
  'cve',
  'package',
  'file',
  'line',
  'resource',
  'account',
  'repo',
  'product',
  'application',
  'mapping',
  'tier',
  'owner',
  'owner_source',
  'first_seen',
  'first_observed',
  'last_seen',
  'closed_at',
  'reopened',
  'clock_start',
  'sla_days',
  'due',
  'overdue',
  'age_days',
  'exception_id',
  'duplicate_of',
  'duplicate_reason',
  'noisy',
  'confidence',
  'source_file',
];

export function findingsCsv(fs: readonly TrackedFinding[]): string {
  return [...findingsCsvLines(sortFindings(fs))].join('');
}

/** A finding as the outputs print it: `hydrate` gives back a lean finding's every field. */
function withFull(t: TrackedFinding, hydrate?: (f: Finding) => Finding): TrackedFinding {
  if (!hydrate) return t;
  const full = hydrate(t.finding);
  return full === t.finding ? t : withRecord(t, full);
}

/**
 * findings.csv line by line (the same bytes as `toCsv`), for findings already sorted by
 * `sortFindings`: the header, then one line per finding, each ending with a newline.
 */
export function* findingsCsvLines(
  sorted: readonly TrackedFinding[],
  hydrate?: (f: Finding) => Finding,
): Generator<string> {
  yield FINDINGS_CSV_HEADER;
  for (const lean of sorted) yield findingCsvLine(withFull(lean, hydrate));
}

/** The header line of findings.csv. */
export const FINDINGS_CSV_HEADER = FINDING_COLUMNS.map(csvCell).join(',') + '\n';

/**
 * Both per-finding outputs in one pass (each lean finding re-read once): for findings already sorted
 * by `sortFindings`, [findings.csv line, findings.jsonl line]. The CSV header is not included.
 */
export function* findingOutputLines(
  sorted: readonly TrackedFinding[],
  hydrate?: (f: Finding) => Finding,
): Generator<[string, string]> {
  for (const lean of sorted) {
    const t = withFull(lean, hydrate);
    yield [findingCsvLine(t), aggregatedFindingJson(t) + '\n'];
  }
}

function findingCsvLine(t: TrackedFinding): string {
  const a = periodEndFinding(t);
  const f = t.finding;
  const row = [
    t.key,
    f.id,
    a.state,
    a.state_reason,
    f.severity,
    f.category,
    f.source_tool,
    t.entry.reporters,
    f.finding_title,
    f.rule_id,
    f.cve,
    f.package ? `${f.package.name}${f.package.version ? `@${f.package.version}` : ''}` : null,
    f.location.file,
    f.location.start_line,
    f.location.resource,
    f.location.account,
    f.repo,
    f.product,
    t.application,
    t.mapping.method,
    t.tier,
    t.owner,
    t.owner_source,
    a.first_seen,
    t.entry.first_observed,
    a.last_seen,
    a.closed_at,
    t.entry.reopened,
    t.clock_start,
    t.sla_days,
    t.due,
    t.overdue,
    t.age_days,
    a.exception_id,
    t.duplicate_of,
    t.duplicate_reason,
    t.noisy !== null,
    t.entry.confidence,
    f.source_file,
  ];
  return row.map(csvCell).join(',') + '\n';
}

export function findingsJsonl(fs: readonly TrackedFinding[]): string {
  return [...findingsJsonlLines(sortFindings(fs))].join('');
}

/** findings.jsonl line by line, for findings already sorted by `sortFindings`. */
export function* findingsJsonlLines(
  sorted: readonly TrackedFinding[],
  hydrate?: (f: Finding) => Finding,
): Generator<string> {
  for (const t of sorted) yield aggregatedFindingJson(withFull(t, hydrate)) + '\n';
}

export function coverageCsv(cells: readonly CoverageCell[]): string {
  return toCsv(
    ['application', 'tier', 'control', 'required', 'status', 'last_success', 'evidence'],
    cells.map((c) => [c.application, c.tier, c.control, c.required, c.status, c.last_success, c.evidence]),
  );
}

export function exceptionsCsv(ctx: MetricContext): string {
  const open = ctx.findings.filter((f) => f.counted && (f.open || f.entry.state === 'suppressed'));
  // Per exception, the open (or suppressed) findings it covers: one pass over them, indexed.
  const openCounts = exceptionIndex(ctx).countMatches(open, (f) => f.finding);
  return toCsv(
    [
      'id',
      'status',
      'scope_type',
      'scope_value',
      'repo',
      'product',
      'owner',
      'approver',
      'created',
      'expires',
      'without_expiry',
      'expiring_30d',
      'matching_open_findings',
      'ticket',
      'reason',
      'source',
    ],
    ctx.exceptions.map(({ exception: e, status }, i) => {
      const expiring =
        status === 'active' &&
        !!e.expires &&
        Date.parse(e.expires.length === 10 ? `${e.expires}T00:00:00Z` : e.expires) <
          ctx.period.end.getTime() + 30 * 86_400_000;
      return [
        e.id,
        status,
        e.scope.type,
        e.scope.value,
        e.repo,
        e.product,
        e.owner,
        e.approver,
        e.created,
        e.expires,
        !e.expires,
        expiring,
        openCounts[i],
        e.ticket,
        e.reason,
        e.source,
      ];
    }),
  );
}
