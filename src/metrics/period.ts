/** Reporting periods are calendar months in UTC: [start, end), and the as-of instant is `end`. */
export interface Period {
  month: string;
  start: Date;
  end: Date;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): boolean {
  return MONTH_RE.test(s);
}

export function periodOf(month: string): Period {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`invalid month "${month}" (expected YYYY-MM)`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return { month, start: new Date(Date.UTC(y, mo, 1)), end: new Date(Date.UTC(y, mo + 1, 1)) };
}

/** The month before `month`. */
export function previousMonth(month: string): string {
  const p = periodOf(month);
  const d = new Date(p.start.getTime() - 1);
  return monthOf(d);
}

export function monthOf(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The last full month before `now`. */
export function lastFullMonth(now: Date): string {
  return previousMonth(monthOf(now));
}

/** `n` months ending with `month`, oldest first. */
export function monthsEndingWith(month: string, n: number): string[] {
  const out = [month];
  while (out.length < n) out.unshift(previousMonth(out[0]!));
  return out;
}

export const DAY_MS = 86_400_000;

/** Parse an ISO date or date-time; a bare date is midnight UTC. NaN when unreadable. */
/**
 * Parsed UTC times (`…Z`), by text: the same few timestamps are parsed for every finding of a run.
 * Only texts whose value cannot depend on the local time zone are kept; bounded.
 */
const UTC_TIMES = new Map<string, number>();

export function toTime(s: string | null | undefined): number {
  if (!s) return NaN;
  const utc = s.charCodeAt(s.length - 1) === 90; // "Z"
  if (utc) {
    const known = UTC_TIMES.get(s);
    if (known !== undefined) return known;
  }
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
  if (utc) {
    if (UTC_TIMES.size >= 4096) UTC_TIMES.clear();
    UTC_TIMES.set(s, t);
  }
  return t;
}

export function inPeriod(s: string | null | undefined, p: Period): boolean {
  const t = toTime(s);
  return Number.isFinite(t) && t >= p.start.getTime() && t < p.end.getTime();
}

/** Whole days from `from` to `to` (floored, never negative). */
export function daysBetween(from: string | number, to: string | number | Date): number {
  const a = typeof from === 'number' ? from : toTime(from);
  const b = to instanceof Date ? to.getTime() : typeof to === 'number' ? to : toTime(to);
  return Math.max(0, Math.floor((b - a) / DAY_MS));
}

export function isoDay(t: number | string | Date): string {
  const d = t instanceof Date ? t : new Date(typeof t === 'number' ? t : toTime(t));
  return d.toISOString().slice(0, 10);
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function round(x: number | null, digits = 1): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
