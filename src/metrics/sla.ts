import type { Dictionary, SlaDays } from '../schema/dictionary.js';
import type { Severity } from '../schema/finding.js';
import { DAY_MS, toTime } from './period.js';

/** METRICS.md "SLA": days per severity; info has none. */
export const SLA_PRESETS: Record<Dictionary['sla']['preset'], Required<Omit<SlaDays, 'info'>>> = {
  default: { critical: 7, high: 30, medium: 90, low: 120 },
  fedramp: { critical: 30, high: 30, medium: 90, low: 180 },
  pci: { critical: 30, high: 30, medium: 90, low: 120 },
};

/** SLA in days for a severity in a tier, or null when the severity has none. */
export function slaDays(dict: Dictionary, severity: Severity, tier: string | null): number | null {
  const tierDays = tier ? dict.sla.tiers[tier] : undefined;
  const v =
    tierDays?.[severity] ??
    dict.sla.days[severity] ??
    (severity === 'info' ? undefined : SLA_PRESETS[dict.sla.preset][severity]);
  return v ?? null;
}

/** CVE → KEV due date (YYYY-MM-DD), from the CISA catalog JSON. */
export type KevCatalog = ReadonlyMap<string, string>;

export function parseKev(doc: unknown): KevCatalog {
  const m = new Map<string, string>();
  const list =
    doc && typeof doc === 'object' ? (doc as { vulnerabilities?: unknown }).vulnerabilities : undefined;
  if (!Array.isArray(list)) return m;
  for (const v of list) {
    if (!v || typeof v !== 'object') continue;
    const { cveID, dueDate } = v as { cveID?: unknown; dueDate?: unknown };
    if (typeof cveID === 'string' && typeof dueDate === 'string' && Number.isFinite(toTime(dueDate)))
      m.set(cveID.toUpperCase(), dueDate);
  }
  return m;
}

export interface Due {
  days: number | null;
  /** ISO instant the finding is due, or null when the severity has no SLA. */
  due: string | null;
  /** `sla` or `kev` (the KEV due date came first). */
  basis: 'sla' | 'kev' | null;
}

/** Due date: clock start + SLA days, capped by the earliest KEV due date of its CVEs (end of that day). */
export function dueDate(
  clockStart: string,
  days: number | null,
  cves: readonly string[],
  kev?: KevCatalog,
): Due {
  const start = toTime(clockStart);
  let due = days === null || !Number.isFinite(start) ? NaN : start + days * DAY_MS;
  let basis: Due['basis'] = Number.isFinite(due) ? 'sla' : null;
  if (kev && kev.size > 0) {
    for (const c of cves) {
      const k = kev.get(c.toUpperCase());
      if (!k) continue;
      const t = toTime(k) + DAY_MS;
      if (!Number.isFinite(due) || t < due) {
        due = t;
        basis = 'kev';
      }
    }
  }
  return { days, due: Number.isFinite(due) ? new Date(due).toISOString() : null, basis };
}
