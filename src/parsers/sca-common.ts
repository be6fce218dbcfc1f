import type { Cvss, Severity, SeveritySource } from '../schema/finding.js';
import { cvssToSeverity, wordToSeverity } from '../normalize/severity.js';

/* Small readers shared by the dependency/container scanner parsers (trivy, grype, anchore_engine,
 * osv_scanner, npm_audit, snyk, dependency_check). Raw tool JSON is untyped: read it defensively. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw tool JSON is free-form
export type Obj = Record<string, any>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-empty string, else undefined. Tools write "None", "" or null for "absent". */
export function str(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' || t === 'None' || t === 'null' ? undefined : t;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function strings(v: unknown): string[] {
  if (typeof v === 'string') return str(v) ? [v.trim()] : [];
  return arr(v)
    .map(str)
    .filter((s): s is string => s !== undefined);
}

/** CVE ids first (in order of appearance), then the rest; duplicates removed. */
export function vulnIds(...groups: unknown[]): string[] {
  const all = groups.flatMap((g) => strings(g));
  const uniq = [...new Set(all)];
  return [...uniq.filter((i) => /^CVE-/i.test(i)), ...uniq.filter((i) => !/^CVE-/i.test(i))];
}

/** `CVSS:3.1/...` → "3.1"; a bare v2 vector → "2.0". */
export function cvssVersionOf(vector: string | undefined, fallback: string | null = null): string | null {
  if (!vector) return fallback;
  const m = /^CVSS:(\d\.\d)/.exec(vector);
  if (m) return m[1]!;
  if (/^\(?AV:[LANP]\//.test(vector)) return '2.0';
  return fallback;
}

export function cvssOf(score: unknown, vector: unknown, version: string | null = null): Cvss | null {
  const s = num(score);
  const v = str(vector) ?? null;
  if (s === undefined && v === null) return null;
  return {
    score: s !== undefined && s >= 0 && s <= 10 ? s : null,
    vector: v,
    version: cvssVersionOf(v ?? undefined, version),
  };
}

export interface SeverityPick {
  severity: Severity;
  severity_source: SeveritySource;
  source_severity: string | null;
}

/** The tool's word when it is a known word, else the CVSS score, else the default. */
export function pickSeverity(word: unknown, cvss: Cvss | null, fallback: Severity = 'medium'): SeverityPick {
  const w = typeof word === 'string' ? wordToSeverity(word) : undefined;
  if (w) return { severity: w, severity_source: 'tool', source_severity: String(word) };
  if (cvss?.score != null)
    return {
      severity: cvssToSeverity(cvss.score),
      severity_source: 'cvss',
      source_severity: String(cvss.score),
    };
  return {
    severity: fallback,
    severity_source: 'default',
    source_severity: typeof word === 'string' && word ? word : null,
  };
}

export function cwesOf(...vals: unknown[]): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'number' && v > 0) out.push(`CWE-${v}`);
    else if (typeof v === 'string') {
      for (const m of v.matchAll(/CWE[-_ ]?(\d{1,5})/gi))
        if (Number(m[1]) > 0) out.push(`CWE-${Number(m[1])}`);
      if (/^\d{1,5}$/.test(v.trim()) && Number(v) > 0) out.push(`CWE-${Number(v)}`);
    } else if (Array.isArray(v)) v.forEach(add);
    else if (isObj(v)) add(v.cweId ?? v.id ?? v.cwe);
  };
  vals.forEach(add);
  return [...new Set(out)];
}

/** Ecosystem from a package URL (`pkg:npm/...` → npm). */
export function purlType(purl: string | undefined): string | null {
  const m = purl ? /^pkg:([a-z0-9.+-]+)\//i.exec(purl) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/** Loose version order (numeric where both parts are numbers); good enough to pick among fix versions. */
export function cmpVersion(a: string, b: string): number {
  const pa = a.split(/[.\-+_]/);
  const pb = b.split(/[.\-+_]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return 0;
}
