import { z } from 'zod';
import { ConfidenceLabel, Finding } from './finding.js';
import { MetricId } from './dictionary.js';

export const METRICS_SCHEMA_VERSION = 1 as const;

export const BreakdownRow = z.object({
  /** Tier id, application name, severity, control, age bucket, ... */
  key: z.string(),
  value: z.number().nullable(),
  /** Extra columns of the row (numerator, denominator, per-severity counts, ...). */
  detail: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).optional(),
});
export type BreakdownRow = z.infer<typeof BreakdownRow>;

export const Breakdown = z.object({
  /** `tier`, `application`, `severity`, `age`, `control`, `owner_source`, ... */
  dimension: z.string(),
  title: z.string(),
  rows: z.array(BreakdownRow),
});
export type Breakdown = z.infer<typeof Breakdown>;

export const Confidence = z.object({
  label: ConfidenceLabel,
  /** Which inputs lowered the label (empty for A). */
  reasons: z.array(z.string()),
});
export type Confidence = z.infer<typeof Confidence>;

export const TrendPoint = z.object({ month: z.string(), value: z.number().nullable() });

export const MetricResult = z.object({
  id: MetricId,
  title: z.string(),
  unit: z.enum(['count', 'percent', 'days']),
  owner: z.string(),
  why: z.string(),
  /** How it is computed, with the dictionary values it used. */
  definition: z.string(),
  /** ok, or no_data when the month had no input for it (never reported as zero). */
  status: z.enum(['ok', 'no_data']),
  value: z.number().nullable(),
  /** Further numbers of the metric (mean and median, numerator and denominator, ...). */
  secondary: z.record(z.string(), z.number().nullable()),
  /** Last month's value from history, when known. */
  previous: z.number().nullable(),
  change: z.number().nullable(),
  /** Up to six months, oldest first, this month last. */
  trend: z.array(TrendPoint),
  /** Whether a higher value is better (for the trend arrow). */
  higher_is_better: z.boolean(),
  confidence: Confidence,
  caveats: z.array(z.string()),
  breakdowns: z.array(Breakdown),
});
export type MetricResult = z.infer<typeof MetricResult>;

export const DistortionItem = z.object({
  id: z.string(),
  title: z.string(),
  count: z.number().int(),
  /** Examples and explanations, one line each (at most 20). */
  detail: z.array(z.string()),
});
export type DistortionItem = z.infer<typeof DistortionItem>;

export const DataSource = z.object({
  kind: z.enum([
    'collected',
    'platform',
    'manual',
    'inventory',
    'exceptions',
    'dictionary',
    'history',
    'tracker',
  ]),
  name: z.string(),
  /** Records, rows or runs read from it. */
  count: z.number().int(),
  confidence: ConfidenceLabel.nullable(),
  note: z.string().nullable(),
});
export type DataSource = z.infer<typeof DataSource>;

export const TrackerReviewSchema = z.object({
  tickets: z.number().int(),
  trackers: z.array(z.string()),
  ticket_coverage: z.object({
    open_critical_high: z.number().int(),
    with_ticket: z.number().int(),
    share: z.number().nullable(),
  }),
  closed_ticket_open_finding: z.array(
    z.object({ ticket: z.string(), finding_id: z.string(), resolved_at: z.string().nullable() }),
  ),
  fixed_finding_open_ticket: z.array(
    z.object({ ticket: z.string(), finding_id: z.string(), status: z.string() }),
  ),
  tickets_without_finding: z.array(z.string()),
  by_owner: z.array(
    z.object({
      owner: z.string(),
      todo: z.number().int(),
      in_progress: z.number().int(),
      done: z.number().int(),
    }),
  ),
  link_methods: z.record(z.string(), z.number().int()),
  /** Findings whose owner came from a ticket (inventory first, CODEOWNERS after). */
  owners_from_tickets: z.number().int(),
});
export type TrackerReviewDoc = z.infer<typeof TrackerReviewSchema>;

export const MetricsDocument = z.object({
  schema_version: z.literal(METRICS_SCHEMA_VERSION),
  generator: z.object({ name: z.literal('product-security-metrics'), version: z.string() }),
  /** Reporting month, YYYY-MM (UTC). */
  month: z.string(),
  /** Period start (inclusive) and end (exclusive), ISO 8601 UTC. The as-of instant is the period end. */
  period: z.object({ start: z.string(), end: z.string() }),
  dictionary: z.object({ source: z.string(), sha256: z.string() }),
  /** The definitions used, as printed in the report. */
  definitions: z.array(z.object({ term: z.string(), value: z.string() })),
  metrics: z.array(MetricResult),
  distortion: z.array(DistortionItem),
  sources: z.array(DataSource),
  /** Issue-tracker review (ticket coverage, tracker/scanner mismatches, owners); null without tracker input. */
  trackers: TrackerReviewSchema.nullable(),
  /** Input problems (file, row/line, field) that the run worked around. */
  problems: z.array(z.string()),
  counts: z.object({
    /** Records read (scanner events). */
    records: z.number().int(),
    /** Distinct findings after dedup. */
    findings: z.number().int(),
    open: z.number().int(),
    unmapped: z.number().int(),
    duplicates_merged: z.number().int(),
    duplicates_linked: z.number().int(),
  }),
});
export type MetricsDocument = z.infer<typeof MetricsDocument>;

/** What the aggregator adds to a finding in its findings.jsonl (deduped, with lifecycle fields). */
export const AggregateFields = z.object({
  /** `repo-or-product|identity id`: one line per finding per repo. */
  key: z.string(),
  application: z.string().nullable(),
  /** How the application was found: rule, repo, account, product, none. */
  mapping: z.enum(['rule', 'repo', 'account', 'product', 'none']),
  mapping_reason: z.string(),
  tier: z.string().nullable(),
  first_observed: z.string(),
  reopened: z.number().int(),
  /** Distinct `origin:tool` pairs that reported it. */
  reporters: z.array(z.string()),
  duplicate_of: z.string().nullable(),
  duplicate_reason: z.string().nullable(),
  clock_start: z.string(),
  sla_days: z.number().int().nullable(),
  due: z.string().nullable(),
  overdue: z.boolean(),
  age_days: z.number().int(),
  noisy: z.boolean(),
});

/** One line of the aggregator's findings.jsonl: the finding as of the period end, plus `aggregate`. */
export const AggregatedFinding = Finding.extend({ aggregate: AggregateFields });
export type AggregatedFinding = z.infer<typeof AggregatedFinding>;
