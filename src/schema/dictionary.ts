import { TrackerMapping } from './ticket.js';
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from './finding.js';
import { CONTROLS, EVENT_KINDS } from './run.js';

/**
 * The data dictionary (`security-metrics.yml`): every definition a metric rests on. The report prints
 * the definitions it used, so a change of definition shows next to the numbers it moved.
 */
export const DICTIONARY_VERSION = 1 as const;

export const METRIC_IDS = [
  'critical_over_sla',
  'high_over_sla',
  'new_findings',
  'closed_findings',
  'time_to_remediate',
  'open_backlog',
  'fixed_within_sla',
  'release_pass_rate',
  'exception_volume',
  'scanner_coverage',
  'pipeline_adoption',
  'ownership_coverage',
] as const;
export const MetricId = z.enum(METRIC_IDS);
export type MetricId = z.infer<typeof MetricId>;

const days = z.number().int().min(0).max(3650);

export const SlaDays = z
  .object({
    critical: days.optional(),
    high: days.optional(),
    medium: days.optional(),
    low: days.optional(),
    info: days.optional(),
  })
  .strict();
export type SlaDays = z.infer<typeof SlaDays>;

export const Tier = z
  .object({
    /** Tier id as written in the inventory (`tier-1`). */
    id: z.string().trim().min(1),
    /** What puts an application in this tier. */
    description: z.string().default(''),
    /** Controls an application of this tier must run to count as covered. */
    required_controls: z.array(z.enum(CONTROLS)).default([]),
  })
  .strict();
export type Tier = z.infer<typeof Tier>;

export const MetricDefinition = z
  .object({
    id: MetricId,
    /** Set false to leave a metric off the report. */
    enabled: z.boolean().default(true),
    /** Person or team accountable for moving the number. */
    owner: z.string().trim().min(1),
    /** One sentence: why leadership should care. */
    why: z.string().trim().min(1),
  })
  .strict();
export type MetricDefinition = z.infer<typeof MetricDefinition>;

export const NoisyRule = z
  .object({
    /** Tool name as in `source_tool` (case-insensitive). */
    tool: z.string().trim().min(1),
    /** Rule id glob (`generic.secrets.*`); absent = the whole tool. */
    rule: z.string().trim().optional(),
    reason: z.string().default(''),
  })
  .strict();
export type NoisyRule = z.infer<typeof NoisyRule>;

export const MappingRule = z
  .object({
    /** Application (inventory `application`) the matching findings belong to. */
    application: z.string().trim().min(1),
    /** Conditions, all of which must hold: globs on repo, account, product, file path, image; a tool name. */
    repo: z.string().optional(),
    account: z.string().optional(),
    product: z.string().optional(),
    path: z.string().optional(),
    image: z.string().optional(),
    tool: z.string().optional(),
    reason: z.string().default(''),
  })
  .strict()
  .refine((r) => r.repo || r.account || r.product || r.path || r.image || r.tool, {
    message: 'a mapping rule needs at least one condition (repo, account, product, path, image or tool)',
  });
export type MappingRule = z.infer<typeof MappingRule>;

export const Dictionary = z
  .object({
    version: z.literal(DICTIONARY_VERSION).default(DICTIONARY_VERSION),
    /** What counts as an application (printed in the report). */
    application: z
      .object({
        definition: z.string().default('An entry of the inventory: a deployable product with an owner.'),
        /** Which inventory environments count (empty = all). */
        environments: z.array(z.string()).default([]),
      })
      .strict()
      .default({
        definition: 'An entry of the inventory: a deployable product with an owner.',
        environments: [],
      }),
    tiers: z.array(Tier).min(1),
    /** Tier assumed for applications with none in the inventory. */
    default_tier: z.string().trim().min(1),
    critical: z
      .object({
        definition: z
          .string()
          .default('Severity critical after normalization (CVSS ≥ 9.0 or the tool says critical).'),
        /** Lowest severity that counts as critical for the "critical" metric (normally `critical`). */
        min_severity: z.enum(SEVERITIES).default('critical'),
      })
      .strict(),
    /** Which date starts the remediation clock: first_seen (earliest observation or platform created date) or first_observed (our first observation only). */
    remediation_clock: z.enum(['first_seen', 'first_observed']).default('first_seen'),
    /** Event kinds whose gate evaluations count as releases. */
    release_events: z.array(z.enum(EVENT_KINDS)).min(1).default(['release']),
    coverage: z
      .object({
        /** A control counts as covered when it ran successfully within this many days of the period end. */
        freshness_days: z.number().int().min(1).max(366).default(30),
      })
      .strict(),
    /** Repos with no collection run within this many days are stale (pipeline adoption, distortion review). */
    adoption_window_days: z.number().int().min(1).max(366).default(30),
    sla: z
      .object({
        preset: z.enum(['default', 'fedramp', 'pci']).default('default'),
        /** Overrides of the preset's days per severity. */
        days: SlaDays.default({}),
        /** Per-tier overrides, e.g. `tier-1: {critical: 3}`. */
        tiers: z.record(z.string(), SlaDays).default({}),
        /** CISA KEV catalog JSON; its due dates cap the SLA of listed CVEs. */
        kev_file: z.string().optional(),
      })
      .strict(),
    /** Share of severities inferred from SARIF `level` or a default above which severity metrics drop to B. */
    inferred_severity_threshold: z.number().min(0).max(1).default(0.2),
    metrics: z.array(MetricDefinition).min(1),
    noisy: z.array(NoisyRule).default([]),
    mapping: z.array(MappingRule).default([]),
    /** Issue-tracker field mapping (custom fields, status names, how tickets link to findings). */
    trackers: TrackerMapping.optional(),
    /** Categories treated as infrastructure in the distortion review. */
    infrastructure_categories: z.array(z.enum(CATEGORIES)).default(['cloud', 'iac', 'container']),
  })
  .strict();
export type Dictionary = z.infer<typeof Dictionary>;
