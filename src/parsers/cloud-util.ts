import type { Severity, SeveritySource } from '../schema/finding.js';
import { cvssToSeverity, wordToSeverity } from '../normalize/severity.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- cloud exports are free-form JSON */

/** Helpers shared by the cloud-posture parsers (AWS, Azure, GCP, Prowler). */

export function isObj(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * A date as ISO 8601 UTC, or null. Accepts ISO strings, `2026-02-18 12:01:00.079+01:00`, Go's
 * `2025-04-03 20:20:00 +0000 UTC`, and epoch seconds or milliseconds.
 */
export function isoDate(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) {
    const d = new Date(v < 1e11 ? v * 1000 : v);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const s = str(v);
  if (!s) return null;
  let t = s.replace(/ \+0000 UTC$/, 'Z').replace(/^(\d{4}-\d\d-\d\d) (\d)/, '$1T$2');
  // Python/Go write microseconds; Date wants at most milliseconds.
  t = t.replace(/(\.\d{3})\d+/, '$1');
  // A timestamp without zone (Prowler, Azure) is UTC in these exports.
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(t)) t += 'Z';
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export interface SeverityResult {
  severity: Severity;
  severity_source: SeveritySource;
  source_severity: string | null;
}

const CLOUD_WORDS: Record<string, Severity> = {
  minimal: 'info',
  untriaged: 'info',
  'not yet assigned': 'info',
};

/** The tool's severity word; else a CVSS score; else `fallback` with source `default`. */
export function cloudSeverity(word: unknown, score?: unknown, fallback: Severity = 'medium'): SeverityResult {
  const w = str(word);
  if (w) {
    const s = wordToSeverity(w) ?? CLOUD_WORDS[w.toLowerCase()];
    if (s) return { severity: s, severity_source: 'tool', source_severity: w };
  }
  const n =
    typeof score === 'number'
      ? score
      : typeof score === 'string' && score.trim() !== ''
        ? Number(score)
        : NaN;
  if (Number.isFinite(n) && n >= 0 && n <= 10)
    return { severity: cvssToSeverity(n), severity_source: 'cvss', source_severity: w ?? String(n) };
  return { severity: fallback, severity_source: 'default', source_severity: w ?? null };
}

/**
 * Split an image reference into the repository (no tag, no digest) and the full reference. The
 * repository is what identity uses, so a rebuilt image with the same CVE keeps the finding's id.
 */
export function imageRepository(ref: string): string {
  let r = ref.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  r = r.replace(/@sha256:[^/@]+$/i, '');
  // ECR ARNs and Security Hub write `repo/sha256:<digest>` instead of `repo@sha256:<digest>`.
  r = r.replace(/\/sha256:[^/]+$/i, '');
  const lastSlash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  if (colon > lastSlash) r = r.slice(0, colon);
  return r;
}

/** `123456789012.dkr.ecr.eu-central-1.amazonaws.com/repo` from ECR image details. */
export function ecrImage(
  registry: string | undefined,
  region: string | undefined,
  repo: string | undefined,
): string | null {
  if (!repo) return null;
  if (registry && region) return `${registry}.dkr.ecr.${region}.amazonaws.com/${repo}`;
  return repo;
}

/** Region and account out of an ARN (`arn:aws:ec2:us-east-1:123456789012:instance/i-1`). */
export function arnParts(arn: string | undefined): { region: string | null; account: string | null } {
  const m = arn ? /^arn:[^:]+:[^:]*:([^:]*):([^:]*):/.exec(arn) : null;
  return { region: m?.[1] || null, account: m?.[2] || null };
}

/** Lower-case ecosystem from a package manager word (`OS` is not an ecosystem). */
export function ecosystemOf(pm: unknown): string | null {
  const s = str(pm)?.toLowerCase();
  if (!s || s === 'os') return null;
  return s;
}
