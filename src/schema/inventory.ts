import { z } from 'zod';

const list = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[;,\s]+/)).map((s) => s.trim()).filter(Boolean));

const yesNo = z.union([z.boolean(), z.string()]).transform((v, ctx) => {
  if (typeof v === 'boolean') return v;
  const s = v.trim().toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(s)) return true;
  if (['no', 'n', 'false', '0', ''].includes(s)) return false;
  ctx.addIssue({ code: 'custom', message: `must be yes or no, found "${v}"` });
  return z.NEVER;
});

const optText = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/**
 * One inventory row as a user writes it (CSV, YAML or JSON). Column names are case-insensitive;
 * `service`, `team`, `tier`, `accounts`, ... are accepted aliases (see `inventory/load.ts`).
 */
export const InventoryRow = z.object({
  /** Application (product) name; findings, coverage and ownership are reported per application. */
  application: z.string().trim().min(1, 'is required'),
  /** Service or component inside the application. */
  service: optText,
  /** Accountable team or person (e.g. `@acme/payments-team`). */
  owner: optText,
  /** Business tier (an id of the dictionary's `tiers`). */
  tier: optText,
  environment: optText,
  /** Repos (`owner/name` or `group/project`) whose findings belong to this application. */
  repos: list.default([]),
  /** Cloud accounts, subscriptions or projects whose findings belong to this application. */
  cloud_accounts: list.default([]),
  /** API exposure: `public`, `partner`, `internal`, `none`. */
  api_exposure: optText,
  mobile: yesNo.default(false),
});
export type InventoryRow = z.infer<typeof InventoryRow>;
