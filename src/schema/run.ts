import { z } from 'zod';
import { Category, Severity } from './finding.js';

export const RUN_SCHEMA_VERSION = 1 as const;

export const InputStatus = z.enum(['ok', 'tool_error', 'skipped', 'error']);

export const InputFile = z.object({
  /** Path as matched by the `reports` globs (repo-relative when possible). */
  path: z.string(),
  /** sha256 of the file's bytes: the evidence that this exact file was read. */
  sha256: z.string().nullable(),
  bytes: z.number().int(),
  /** Format id, detected or given. */
  format: z.string().nullable(),
  /** `given`, `auto`, or `auto (unsure: ...)`. */
  detection: z.string().nullable(),
  tool: z.string().nullable(),
  tool_version: z.string().nullable(),
  /** ok: parsed; tool_error: parsed but the tool reported a failed run; skipped/error: not read (see `error`). */
  status: InputStatus,
  /** One-line reason naming the file and position, when status is not ok. */
  error: z.string().nullable(),
  findings: z.number().int(),
  warnings: z.array(z.string()),
});
export type InputFile = z.infer<typeof InputFile>;

export const GlobResult = z.object({ pattern: z.string(), matched: z.number().int() });

export const EVENT_KINDS = ['release', 'default_branch', 'pull_request', 'schedule', 'other'] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

export const RunEvent = z.object({
  kind: EventKind,
  /** The platform's own event name (`push`, `release`, `merge_request_event`, ...). */
  name: z.string().nullable(),
  /** Why it was classified this way. */
  reason: z.string(),
});
export type RunEvent = z.infer<typeof RunEvent>;

export const CONTROLS = ['sast', 'sca', 'secret', 'iac', 'container', 'dast', 'mobile', 'cloud'] as const;
export const Control = z.enum(CONTROLS);
export type Control = z.infer<typeof Control>;

export const ControlCoverage = z.object({
  /** ran: a tool for this control produced readable output and reported success; failed: output says the run failed or could not be read; missing: expected but no output; not_run: not expected, no output. */
  status: z.enum(['ran', 'failed', 'missing', 'not_run']),
  expected: z.boolean(),
  tools: z.array(z.object({ name: z.string(), version: z.string().nullable() })),
  evidence: z.array(z.object({ file: z.string(), sha256: z.string().nullable(), status: InputStatus })),
  findings: z.number().int(),
});
export type ControlCoverage = z.infer<typeof ControlCoverage>;

export const GatePolicy = z.object({
  fail_on: z.enum(['critical', 'high', 'medium', 'low', 'none']),
  category_thresholds: z.record(z.string(), z.enum(['critical', 'high', 'medium', 'low', 'none'])),
  max_findings: z.record(z.string(), z.number().int()),
  scope: z.enum(['all', 'new']),
  mode: z.enum(['enforce', 'report']),
  exceptions_file: z.string().nullable(),
  baseline: z.string().nullable(),
});
export type GatePolicy = z.infer<typeof GatePolicy>;

export const GateResult = z.object({
  /** pass, fail, or no_data when no scanner output could be read (never counted as a pass). */
  result: z.enum(['pass', 'fail', 'no_data']),
  policy: GatePolicy,
  reasons: z.array(z.string()),
  counts: z.object({
    evaluated: z.number().int(),
    blocking: z.number().int(),
    excepted: z.number().int(),
    by_severity: z.record(z.string(), z.number().int()),
  }),
  /** ids of blocking findings (at most 200; `counts.blocking` has the total). */
  blocking_ids: z.array(z.string()),
  exceptions: z.object({
    active: z.number().int(),
    expired: z.number().int(),
    without_expiry: z.number().int(),
    errors: z.array(z.string()),
  }),
});
export type GateResult = z.infer<typeof GateResult>;

export const Counts = z.object({
  total: z.number().int(),
  by_severity: z.record(Severity, z.number().int()),
  by_category: z.record(Category, z.number().int()),
  by_state: z.record(z.string(), z.number().int()),
});
export type Counts = z.infer<typeof Counts>;

export const RunRecord = z.object({
  schema_version: z.literal(RUN_SCHEMA_VERSION),
  /** Unique id of this collection run. */
  run_id: z.string(),
  collector: z.object({ name: z.literal('product-security-metrics'), version: z.string() }),
  platform: z.enum(['github', 'gitlab', 'local']),
  started_at: z.string(),
  finished_at: z.string(),
  repo: z.string().nullable(),
  ref: z.string().nullable(),
  commit: z.string().nullable(),
  default_branch: z.string().nullable(),
  /** Link to the CI run, when known. */
  run_url: z.string().nullable(),
  event: RunEvent,
  product: z.string().nullable(),
  service: z.string().nullable(),
  globs: z.array(GlobResult),
  inputs: z.array(InputFile),
  counts: Counts,
  coverage: z.record(Control, ControlCoverage),
  gate: GateResult.nullable(),
  warnings: z.array(z.string()),
});
export type RunRecord = z.infer<typeof RunRecord>;
