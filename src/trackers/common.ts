import type { StatusCategory, TrackerMapping } from '../schema/ticket.js';
import { UserError } from '../util/errors.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw tracker payloads, checked field by field */
export type Raw = Record<string, any>;

export function isObj(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function s(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/**
 * Parse the date formats trackers export: ISO 8601 (with `+0200` offsets), `YYYY-MM-DD HH:MM:SS`
 * (ServiceNow, taken as UTC), Jira CSV `25/Jul/25 9:00 PM`, and `YYYY-MM-DD`. Returns ISO or throws
 * a UserError naming where.
 */
export function parseTrackerDate(value: string | null, where: string): string | null {
  if (value === null || value.trim() === '') return null;
  const v = value.trim();
  let m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  if (m) {
    const off = m[3] ? (m[3] === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
    const t = Date.parse(`${m[1]}T${m[2]}${off}`);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
    return `${v}T00:00:00.000Z`;
  m = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2,4})(?:\s+(\d{1,2}):(\d{2})\s*([AP]M)?)?$/i.exec(v);
  if (m) {
    const mon = MONTHS[m[2]!.toLowerCase()];
    let year = Number(m[3]);
    if (year < 100) year += 2000;
    let hour = m[4] ? Number(m[4]) : 0;
    if (m[6]?.toUpperCase() === 'PM' && hour < 12) hour += 12;
    if (m[6]?.toUpperCase() === 'AM' && hour === 12) hour = 0;
    if (mon !== undefined)
      return new Date(Date.UTC(year, mon, Number(m[1]), hour, m[5] ? Number(m[5]) : 0)).toISOString();
  }
  throw new UserError(
    `${where}: "${v.slice(0, 40)}" is not a date this importer reads (ISO 8601, YYYY-MM-DD HH:MM:SS, or Jira's 25/Jul/25 9:00 PM)`,
  );
}

export function categoryFrom(
  status: string,
  builtin: StatusCategory,
  mapping: TrackerMapping,
): StatusCategory {
  const low = status.toLowerCase();
  if (mapping.done_statuses.some((x) => x.toLowerCase() === low)) return 'done';
  if (mapping.in_progress_statuses.some((x) => x.toLowerCase() === low)) return 'in_progress';
  return builtin;
}

/** Case-insensitive column lookup for CSV rows. */
export function col(row: Record<string, string>, ...names: string[]): string | null {
  for (const n of names) {
    const key = Object.keys(row).find((k) => k.toLowerCase() === n.toLowerCase());
    if (key !== undefined && row[key] !== undefined && row[key]!.trim() !== '') return row[key]!.trim();
  }
  return null;
}
