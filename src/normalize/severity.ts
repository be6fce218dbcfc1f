import type { Severity, SeveritySource } from '../schema/finding.js';

/** FIRST qualitative scale: 0 none/info, 0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10.0 critical. */
export function cvssToSeverity(score: number): Severity {
  if (!Number.isFinite(score) || score <= 0) return 'info';
  if (score >= 9.0) return 'critical';
  if (score >= 7.0) return 'high';
  if (score >= 4.0) return 'medium';
  return 'low';
}

const WORDS: Record<string, Severity> = {
  critical: 'critical',
  crit: 'critical',
  blocker: 'critical',
  veryhigh: 'critical',
  'very high': 'critical',
  high: 'high',
  error: 'high',
  major: 'high',
  severe: 'high',
  important: 'high',
  medium: 'medium',
  moderate: 'medium',
  warning: 'medium',
  warn: 'medium',
  med: 'medium',
  low: 'low',
  minor: 'low',
  note: 'low',
  informational: 'info',
  information: 'info',
  info: 'info',
  none: 'info',
  unknown: 'info',
  negligible: 'info',
  trivial: 'info',
  unspecified: 'info',
};

/** Map a tool's severity word (any case) to ours; undefined when it is not a known word. */
export function wordToSeverity(word: string | null | undefined): Severity | undefined {
  if (word == null) return undefined;
  const w = String(word).trim().toLowerCase().replace(/[_-]/g, ' ');
  return WORDS[w] ?? WORDS[w.replace(/ /g, '')];
}

/**
 * Severity from a value that may be a CVSS-like number (as number or string) or a word.
 * Used for SARIF `security-severity` and similar fields.
 */
export function scoreOrWordToSeverity(value: unknown): Severity | undefined {
  if (typeof value === 'number') return cvssToSeverity(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  if (t === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return n <= 10 ? cvssToSeverity(n) : undefined;
  }
  return wordToSeverity(t);
}

/** SARIF level → severity: error→high, warning→medium, note→low, none→info. */
export function levelToSeverity(level: string | undefined): Severity {
  switch (level) {
    case 'error':
      return 'high';
    case 'note':
      return 'low';
    case 'none':
      return 'info';
    default:
      return 'medium';
  }
}

export interface DerivedSeverity {
  severity: Severity;
  severity_source: SeveritySource;
  source_severity: string | null;
}

export const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function severityAtLeast(s: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[s] >= SEVERITY_RANK[threshold];
}
