import {
  CATEGORIES,
  SEVERITIES,
  SEVERITY_SOURCES,
  STATES,
  type Cvss,
  type Finding,
  type Identity,
  type Location,
  type Package,
  type Suppression,
} from '../schema/finding.js';
import { isCanonical } from './aggregate-lean.js';

/**
 * The loader's fast path (docs/performance.md "Aggregator over 1,000,000 findings"): a line as
 * `collect` writes it — exactly the schema's keys, in its order, at every level — checked by hand
 * instead of by the zod schema. It answers true only for values the schema accepts and returns
 * unchanged (no unknown keys to strip, no `__proto__` key, safe integers, finite numbers), so the
 * parsed line itself is the finding the schema parse would give. Anything else — any doubt — goes
 * through the schema, which gives its own messages ("file:line: field …"). Sound, not complete:
 * test/unit/aggregate-validate.test.ts checks on mutated lines that it never accepts what the schema
 * rejects or would change.
 */

type Check = (v: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const int: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v);
const intOrNull: Check = (v) => v === null || int(v);
const bool: Check = (v) => typeof v === 'boolean';
const strings: Check = (v) => Array.isArray(v) && v.every(str);
const oneOf = (values: readonly string[]): Check => {
  const set = new Set<unknown>(values);
  return (v) => typeof v === 'string' && set.has(v);
};
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** An object whose listed fields pass (its keys were checked by `isCanonical`). */
const object =
  (fields: Record<string, Check>): Check =>
  (v) => {
    if (!isObject(v)) return false;
    for (const k in fields) if (!fields[k]!(v[k])) return false;
    return true;
  };
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);

const IDENTITY = { scheme: str, parts: strings } satisfies Record<keyof Identity, Check>;
const CVSS = {
  score: (v) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 10),
  vector: strOrNull,
  version: strOrNull,
} satisfies Record<keyof Cvss, Check>;
const PACKAGE = {
  name: str,
  version: strOrNull,
  fixed_version: strOrNull,
  ecosystem: strOrNull,
  purl: strOrNull,
} satisfies Record<keyof Package, Check>;
const LOCATION = {
  file: strOrNull,
  start_line: intOrNull,
  end_line: intOrNull,
  url: strOrNull,
  resource: strOrNull,
  image: strOrNull,
  account: strOrNull,
  region: strOrNull,
} satisfies Record<keyof Location, Check>;
const SUPPRESSION = {
  kind: str,
  status: strOrNull,
  justification: strOrNull,
} satisfies Record<keyof Suppression, Check>;

/** A record of strings, without a `__proto__` key (the schema's output would not have it). */
const fingerprints: Check = (v) => {
  if (!isObject(v)) return false;
  for (const k in v) if (k === '__proto__' || typeof v[k] !== 'string') return false;
  return Object.prototype.hasOwnProperty.call(v, '__proto__') === false;
};

/** One check per field of the schema (the compiler says when the schema gains or loses one). */
const FINDING = {
  schema_version: (v) => v === 1,
  id: str,
  identity: object(IDENTITY),
  occurrence_id: str,
  source_tool: str,
  tool_version: strOrNull,
  source_format: str,
  product: strOrNull,
  service: strOrNull,
  repo: strOrNull,
  ref: strOrNull,
  commit: strOrNull,
  finding_title: str,
  description: strOrNull,
  category: oneOf(CATEGORIES),
  rule_id: strOrNull,
  rule_name: strOrNull,
  severity: oneOf(SEVERITIES),
  severity_source: oneOf(SEVERITY_SOURCES),
  source_severity: strOrNull,
  confidence: oneOf(['A', 'B', 'C']),
  tool_confidence: strOrNull,
  state: oneOf(STATES),
  state_reason: strOrNull,
  first_seen: strOrNull,
  last_seen: strOrNull,
  closed_at: strOrNull,
  owner: strOrNull,
  owner_source: strOrNull,
  exception_id: strOrNull,
  release_blocking: bool,
  cwe: strings,
  cve: strings,
  cvss: nullable(object(CVSS)),
  package: nullable(object(PACKAGE)),
  location: object(LOCATION),
  fingerprints,
  baseline_state: strOrNull,
  suppression: nullable(object(SUPPRESSION)),
  tags: strings,
  help_uri: strOrNull,
  source_file: str,
  source_pointer: str,
  source_index: int,
} satisfies Record<keyof Finding, Check>;

const FIELDS = Object.entries(FINDING) as Array<[string, Check]>;

/**
 * True when `raw` (a parsed line) is a finding in the canonical shape that the schema accepts and
 * would return unchanged: then `raw` can be used as the parsed finding.
 */
export function isCanonicalFinding(raw: unknown): raw is Finding {
  if (!isObject(raw) || !isCanonical(raw)) return false;
  for (const [k, check] of FIELDS) if (!check(raw[k])) return false;
  return true;
}
