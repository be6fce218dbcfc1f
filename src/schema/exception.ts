import { z } from 'zod';

export const SCOPE_TYPES = ['finding', 'rule', 'package', 'cve', 'path'] as const;
export const ScopeType = z.enum(SCOPE_TYPES);

const isoDate = z
  .string()
  .trim()
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) &&
      !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)) &&
      (s.length !== 10 || new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)),
    'must be a date like 2026-12-31 (YYYY-MM-DD)',
  );

/** One accepted-risk exception. Shared by the release gate and the aggregator. */
export const Exception = z.object({
  /** Unique id, e.g. `EX-2026-014`. */
  id: z.string().trim().min(1, 'is required'),
  /** What it covers: finding id, rule id, package name, CVE/GHSA, or path glob. */
  scope: z.object({ type: ScopeType, value: z.string().trim().min(1) }),
  /** Restrict to one repo or product (optional). */
  repo: z.string().trim().optional(),
  product: z.string().trim().optional(),
  owner: z.string().trim().optional(),
  reason: z.string().trim().optional(),
  approver: z.string().trim().optional(),
  created: isoDate.optional(),
  /** Expiry date; an exception without one is counted and flagged. */
  expires: isoDate.optional(),
  ticket: z.string().trim().optional(),
  /** Where it was read from: `file:line` or an issue URL. */
  source: z.string(),
});
export type Exception = z.infer<typeof Exception>;
