/* eslint-disable @typescript-eslint/no-explicit-any -- raw API/report objects are free-form */

/** Small readers shared by the GitLab, GitHub and DefectDojo parsers. */

export function isObj(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A non-empty string, else undefined. Script-written GitHub exports carry Python's `"None"` where the
 * API returns null (corpus github_sast_*.json), so that spelling counts as absent too.
 */
export function str(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' || t === 'None' || t === 'null' ? undefined : v;
}

/** A string, or a finite number as a string. */
export function strOrNum(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return str(v);
}

export function int(v: unknown): number | null {
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/**
 * ISO 8601 (UTC) from a platform date: `2024-01-19T14:11:18Z`, `2021-01-06`, `01/06/2021` (DefectDojo
 * CSV, US order), `2021-04-22T09:32:27` (GitLab, no zone: read as UTC). Undefined when unreadable.
 */
export function isoDate(v: unknown): string | undefined {
  const s = str(v)?.trim();
  if (!s) return undefined;
  let t = s;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) t += 'T00:00:00Z';
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t)) t = t.replace(' ', 'T') + 'Z';
  else {
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (us) t = `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}T00:00:00Z`;
  }
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return undefined;
  // Go's zero time (0001-01-01) is GitLab's "no date".
  if (d.getUTCFullYear() < 1971) return undefined;
  return d.toISOString();
}

/** `CVSS:3.1/AV:N/...` → `3.1`; `AV:N/...` (v2) → `2.0`. */
export function cvssVersion(vector: string | undefined): string | null {
  if (!vector) return null;
  const m = /^CVSS:(\d+(?:\.\d+)?)\//i.exec(vector.trim());
  if (m) return m[1]!;
  return /^\(?AV:[LAN]\/AC:/.test(vector.trim()) ? '2.0' : null;
}

export const CVE_RE = /^CVE-\d{4}-\d{4,}$/i;
export const GHSA_RE = /^GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}$/i;

/** CVE first (sorted), then GHSA, then others, without repeats: the order of `Finding.cve`. */
export function orderVulnIds(ids: readonly string[]): string[] {
  const rank = (i: string) => (CVE_RE.test(i) ? 0 : GHSA_RE.test(i) ? 1 : 2);
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** `CWE-79`, `79`, 79, `external/cwe/cwe-079` → 79; undefined otherwise. */
export function cweNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^(?:.*cwe[-_/: ]*)?0*(\d{1,5})$/i.exec(v.trim());
  const n = m ? Number(m[1]) : NaN;
  return n > 0 ? n : undefined;
}

/** Lower-case ecosystem names used by the normalized record. */
const ECOSYSTEMS: Record<string, string> = {
  npm: 'npm',
  yarn: 'npm',
  pnpm: 'npm',
  pip: 'pypi',
  pipenv: 'pypi',
  poetry: 'pypi',
  setuptools: 'pypi',
  pypi: 'pypi',
  uv: 'pypi',
  maven: 'maven',
  gradle: 'maven',
  sbt: 'maven',
  bundler: 'gem',
  rubygems: 'gem',
  gem: 'gem',
  composer: 'packagist',
  packagist: 'packagist',
  go: 'go',
  gomod: 'go',
  nuget: 'nuget',
  conan: 'conan',
  cargo: 'cargo',
  rust: 'cargo',
  pub: 'pub',
  swift: 'swift',
  actions: 'github-actions',
  erlang: 'hex',
};

export function ecosystemOf(word: string | undefined): string | null {
  if (!word) return null;
  const w = word.trim().toLowerCase();
  return ECOSYSTEMS[w] ?? (w || null);
}
