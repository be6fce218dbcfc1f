import { z } from 'zod';
import {
  CATEGORIES,
  FINDING_SCHEMA_VERSION,
  SEVERITIES,
  SEVERITY_SOURCES,
  STATES,
} from './finding-constants.js';

export * from './finding-constants.js';

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const State = z.enum(STATES);
export type State = z.infer<typeof State>;

export const SeveritySource = z.enum(SEVERITY_SOURCES);
export type SeveritySource = z.infer<typeof SeveritySource>;

/** Data confidence of a record: A system-generated and trusted, B partly normalized by hand, C manual export. */
export const ConfidenceLabel = z.enum(['A', 'B', 'C']);
export type ConfidenceLabel = z.infer<typeof ConfidenceLabel>;

export const Package = z.object({
  /** Package name as the ecosystem spells it. */
  name: z.string(),
  /** Installed version, if the tool says. Never part of the identity key. */
  version: z.string().nullable(),
  /** Lowest version that fixes the vulnerability, if known. */
  fixed_version: z.string().nullable(),
  /** Ecosystem (npm, pypi, maven, alpine, debian, ...), lower case. */
  ecosystem: z.string().nullable(),
  /** Package URL, if the tool gives one. */
  purl: z.string().nullable(),
});
export type Package = z.infer<typeof Package>;

export const Location = z.object({
  /** Repository-relative path with forward slashes (or the tool's target when it is not a repo file). */
  file: z.string().nullable(),
  start_line: z.number().int().nullable(),
  end_line: z.number().int().nullable(),
  /** URL for DAST findings and platform alerts. */
  url: z.string().nullable(),
  /** Cloud/IaC resource (ARN, resource id, `aws_s3_bucket.logs`, k8s namespace/kind/name). */
  resource: z.string().nullable(),
  /** Container image reference for container findings. */
  image: z.string().nullable(),
  /** Cloud account, subscription or project that holds the resource. */
  account: z.string().nullable(),
  /** Cloud region. */
  region: z.string().nullable(),
});
export type Location = z.infer<typeof Location>;

export const Cvss = z.object({
  score: z.number().min(0).max(10).nullable(),
  vector: z.string().nullable(),
  version: z.string().nullable(),
});
export type Cvss = z.infer<typeof Cvss>;

export const Suppression = z.object({
  /** inSource, external, or the tool's own word. */
  kind: z.string(),
  /** accepted, underReview, rejected, or null when the tool does not say. */
  status: z.string().nullable(),
  justification: z.string().nullable(),
});
export type Suppression = z.infer<typeof Suppression>;

export const Identity = z.object({
  /** Identity scheme, versioned: `sast/v1`, `sca/v1`, `secret/v1`, `iac/v1`, `dast/v1`, `cloud/v1`, `other/v1`. */
  scheme: z.string(),
  /** The parts hashed into `id`, in order. Never contains a secret value (secrets are hashed first). */
  parts: z.array(z.string()),
});
export type Identity = z.infer<typeof Identity>;

export const Finding = z.object({
  schema_version: z.literal(FINDING_SCHEMA_VERSION),
  /** Stable identity key: `sha256(scheme + parts)` truncated, prefixed `f1-`. Same finding, same id, across runs. */
  id: z.string(),
  identity: Identity,
  /** Occurrence key: the identity plus where exactly it was reported (line, commit); unique within a run. */
  occurrence_id: z.string(),
  /** Name of the scanner that reported the finding (e.g. `CodeQL`, `Trivy`). */
  source_tool: z.string(),
  tool_version: z.string().nullable(),
  /** Format id of the input file (e.g. `sarif`, `trivy`). */
  source_format: z.string(),
  product: z.string().nullable(),
  service: z.string().nullable(),
  repo: z.string().nullable(),
  ref: z.string().nullable(),
  commit: z.string().nullable(),
  finding_title: z.string(),
  /** Short description from the tool (message), truncated to 1,000 characters, redacted. */
  description: z.string().nullable(),
  category: Category,
  rule_id: z.string().nullable(),
  rule_name: z.string().nullable(),
  severity: Severity,
  severity_source: SeveritySource,
  /** The tool's own severity word or score, as written. */
  source_severity: z.string().nullable(),
  /** Data confidence label of this record (A platform/collector, B partly manual, C manual export). */
  confidence: ConfidenceLabel,
  /** The tool's own confidence in the finding (e.g. Bandit HIGH), if any. */
  tool_confidence: z.string().nullable(),
  state: State,
  /** Why the state is what it is (dismissal reason, VEX justification, suppression justification). */
  state_reason: z.string().nullable(),
  /** ISO 8601: first observation (the platform's created date when known, else the run time). */
  first_seen: z.string().nullable(),
  last_seen: z.string().nullable(),
  /** ISO 8601 date the finding was closed (fixed, dismissed), when the source says. */
  closed_at: z.string().nullable(),
  owner: z.string().nullable(),
  owner_source: z.string().nullable(),
  exception_id: z.string().nullable(),
  release_blocking: z.boolean(),
  cwe: z.array(z.string()),
  /** Vulnerability ids: CVE first, then GHSA/OSV/other aliases. */
  cve: z.array(z.string()),
  cvss: Cvss.nullable(),
  package: Package.nullable(),
  location: Location,
  fingerprints: z.record(z.string(), z.string()),
  /** SARIF baselineState (new, unchanged, updated, absent) when the tool gives one. */
  baseline_state: z.string().nullable(),
  suppression: Suppression.nullable(),
  tags: z.array(z.string()),
  help_uri: z.string().nullable(),
  /** Path of the input file the record came from, as given to the collector. */
  source_file: z.string(),
  /** Position of the item in the input file, as a JSON pointer (or `row N`, `alert N`). */
  source_pointer: z.string(),
  /** Index of the record among the records of its input file. */
  source_index: z.number().int(),
});
export type Finding = z.infer<typeof Finding>;
