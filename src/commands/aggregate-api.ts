import type { Exception } from '../schema/exception.js';
import type { Finding } from '../schema/finding.js';
import type { RunRecord } from '../schema/run.js';
import type { Ticket } from '../schema/ticket.js';
import type { Logger } from '../util/logger.js';

/**
 * The contract between the aggregator core (pure, offline: `security-metrics aggregate`) and the
 * platform jobs that feed it (GitHub org job, GitLab group job). Platform code downloads and converts;
 * the core computes and renders. Keep this file stable: both sides build against it.
 */

/** One application/service row of the inventory, from a file or a platform source. */
export interface InventoryEntry {
  application: string;
  service?: string;
  owner?: string;
  /** Where `owner` came from: `inventory`, `custom-property`, `topic`, `codeowners`, `tracker`, ... */
  owner_source?: string;
  tier?: string;
  environment?: string;
  repos?: string[];
  cloud_accounts?: string[];
  api_exposure?: string;
  mobile?: boolean;
  /** Where the row came from (file:line, `github:custom-properties`, ...). */
  source: string;
}

/** A repo or source that could not be read: listed in the report, lowers the confidence it feeds. */
export interface SourceProblem {
  /** `owner/repo`, `group/project`, or a source name such as `github:dependabot-alerts`. */
  source: string;
  /** One line: what failed (HTTP 404, artifact expired on 2026-11-02, corrupt zip, ...). */
  problem: string;
  /** What is missing because of it: `records`, `alerts`, `inventory`, `exceptions`. */
  affects: 'records' | 'alerts' | 'inventory' | 'exceptions' | 'tickets';
}

/** Records collected by one collector run, already read from disk or an artifact. */
export interface CollectedRecord {
  run: RunRecord;
  findings: Finding[];
  /** Where it came from: a path, or `artifact 123 of owner/repo`. */
  origin: string;
}

export interface AggregateRequest {
  /** Data dictionary (security-metrics.yml); the built-in default when absent. */
  configPath?: string;
  /** Folder searched recursively for `run.json` + `findings.jsonl` pairs. */
  recordsDir?: string;
  /** Records already in memory (platform jobs). */
  records?: CollectedRecord[];
  /** Folder of manual exports in any supported format, each with a `<file>.meta.yml` sidecar. */
  manualDir?: string;
  inventoryPath?: string;
  inventory?: InventoryEntry[];
  exceptionsPath?: string;
  exceptions?: Exception[];
  /** Platform alerts already normalized (GitHub code/secret/Dependabot, GitLab vulnerabilities). */
  platformFindings?: Finding[];
  /** History folder: read for trends and lifecycle, and written with this month's snapshot. */
  historyDir?: string;
  sourceProblems?: SourceProblem[];
  /** Issue-tracker exports (Jira, GitHub Issues, Linear, ServiceNow; files or folders of them). */
  ticketsPaths?: string[];
  /** Tickets already read by the platform job (e.g. GitHub issues of the central repo). */
  tickets?: Ticket[];
  /** Reporting month `YYYY-MM` (UTC); default: the previous full month. */
  month?: string;
  /** Override of "now" for tests and reruns. */
  asOf?: Date;
  outDir: string;
  /** Link to last month's published issue, when the platform knows it. */
  previousReportUrl?: string;
}

export interface AggregateResult {
  /** Markdown body of the monthly issue (≤ 65,536 characters). */
  reportMarkdown: string;
  /** Title for the monthly issue, e.g. `Security metrics — 2026-11`. */
  title: string;
  month: string;
  /** Every file written to outDir (report.md, metrics.json, findings.csv, ...), absolute paths. */
  outputs: string[];
  /** Files written to historyDir (to commit to the central repo). */
  historyFiles: string[];
  /** metrics.json content. */
  metrics: unknown;
}

export type RunAggregate = (req: AggregateRequest, logger: Logger) => Promise<AggregateResult>;
