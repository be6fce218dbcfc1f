/**
 * The finding record's constant lists, without zod: code that only needs these (the normalizers,
 * and so the worker bundles dist/normalize-worker.js and dist/stream-worker.js) does not load zod,
 * which is ~60% of such a bundle and costs each worker thread ~10 MiB to load. finding.ts re-exports
 * them with the schema built on them.
 */

/** Version of the normalized finding record. Bumped only on breaking changes. */
export const FINDING_SCHEMA_VERSION = 1 as const;

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

export const CATEGORIES = [
  'sast',
  'sca',
  'secret',
  'iac',
  'container',
  'dast',
  'mobile',
  'cloud',
  'license',
  'other',
] as const;

export const STATES = [
  'open',
  'fixed',
  'false_positive',
  'accepted_risk',
  'not_applicable',
  'suppressed',
  'duplicate',
] as const;

/** How the severity was derived, so the report can say how many were inferred. */
export const SEVERITY_SOURCES = [
  'security-severity-result',
  'security-severity-rule',
  'tool',
  'cvss',
  'level',
  'default',
] as const;
