import type { MetricContext, TrackedFinding } from '../metrics/context.js';
import type { CoverageCell } from '../metrics/definitions/scanner-coverage.js';
import type { AggregatedFinding } from '../schema/metrics.js';
import { exceptionMatches } from '../exceptions/match.js';
import { toCsv } from '../util/csv.js';

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

/** The finding as of the period end, with the aggregator's lifecycle, mapping and SLA fields. */
export function aggregatedFinding(t: TrackedFinding): AggregatedFinding {
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
    aggregate: {
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
    },
  };
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
  const rows = sortFindings(fs).map((t) => {
    const a = aggregatedFinding(t);
    const f = t.finding;
    return [
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
  });
  return toCsv(FINDING_COLUMNS, rows);
}

export function findingsJsonl(fs: readonly TrackedFinding[]): string {
  return sortFindings(fs)
    .map((t) => JSON.stringify(aggregatedFinding(t)) + '\n')
    .join('');
}

export function coverageCsv(cells: readonly CoverageCell[]): string {
  return toCsv(
    ['application', 'tier', 'control', 'required', 'status', 'last_success', 'evidence'],
    cells.map((c) => [c.application, c.tier, c.control, c.required, c.status, c.last_success, c.evidence]),
  );
}

export function exceptionsCsv(ctx: MetricContext): string {
  const open = ctx.findings.filter((f) => f.counted && (f.open || f.entry.state === 'suppressed'));
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
    ctx.exceptions.map(({ exception: e, status }) => {
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
        open.filter((f) => exceptionMatches(e, f.finding)).length,
        e.ticket,
        e.reason,
        e.source,
      ];
    }),
  );
}
