import { slaBreach, slaText } from './sla-breach.js';
import type { MetricSpec } from './types.js';

export const highOverSla: MetricSpec = {
  id: 'high_over_sla',
  title: 'High findings older than SLA',
  unit: 'count',
  higherIsBetter: false,
  describe: (d) =>
    `Open at period end, severity high, past the due date (clock start ${d.remediation_clock} + ${slaText(d, 'high')}), without an active exception; deduplicated; by tier and application.`,
  compute: (ctx) => slaBreach(ctx, (s) => s === 'high', 'high'),
};
