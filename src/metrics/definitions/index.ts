import type { MetricId } from '../../schema/dictionary.js';
import { closedFindings } from './closed-findings.js';
import { criticalOverSla } from './critical-over-sla.js';
import { exceptionVolume } from './exception-volume.js';
import { fixedWithinSla } from './fixed-within-sla.js';
import { highOverSla } from './high-over-sla.js';
import { newFindings } from './new-findings.js';
import { openBacklog } from './open-backlog.js';
import { ownershipCoverage } from './ownership-coverage.js';
import { pipelineAdoption } from './pipeline-adoption.js';
import { releasePassRate } from './release-pass-rate.js';
import { scannerCoverage } from './scanner-coverage.js';
import { timeToRemediate } from './time-to-remediate.js';
import type { MetricSpec } from './types.js';

/** Every metric of the METRICS.md table, by id. The dictionary chooses which are shown and in which order. */
export const METRIC_SPECS: Record<MetricId, MetricSpec> = {
  critical_over_sla: criticalOverSla,
  high_over_sla: highOverSla,
  new_findings: newFindings,
  closed_findings: closedFindings,
  time_to_remediate: timeToRemediate,
  open_backlog: openBacklog,
  fixed_within_sla: fixedWithinSla,
  release_pass_rate: releasePassRate,
  exception_volume: exceptionVolume,
  scanner_coverage: scannerCoverage,
  pipeline_adoption: pipelineAdoption,
  ownership_coverage: ownershipCoverage,
};
