import { isCritical, slaBreach, slaText } from './sla-breach.js';
import type { MetricSpec } from './types.js';

export const criticalOverSla: MetricSpec = {
  id: 'critical_over_sla',
  title: 'Critical findings older than SLA',
  unit: 'count',
  higherIsBetter: false,
  describe: (d) =>
    `Open at period end, severity ${d.critical.min_severity === 'critical' ? 'critical' : `${d.critical.min_severity} or above`}, past the due date (clock start ${d.remediation_clock} + ${slaText(d, 'critical')}), without an active exception; deduplicated; by tier and application.`,
  compute: (ctx) => slaBreach(ctx, isCritical(ctx.dict.critical.min_severity), 'critical'),
};
