import type { MetricResult } from '../schema/metrics.js';

/**
 * A Mermaid `xychart-beta` line chart of a metric's trend; GitHub and GitLab render it in issues.
 * Months without data are left out (no data is not zero). Null when fewer than two points.
 */
export function trendChart(m: MetricResult): string | null {
  const pts = m.trend.filter((p) => p.value !== null) as Array<{ month: string; value: number }>;
  if (pts.length < 2) return null;
  const max = Math.max(...pts.map((p) => p.value));
  const top = m.unit === 'percent' ? 100 : niceCeil(max);
  const title = m.title.replace(/["\\`]/g, '');
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis [${pts.map((p) => `"${p.month}"`).join(', ')}]`,
    `  y-axis "${m.unit === 'percent' ? '%' : m.unit}" 0 --> ${top}`,
    `  line [${pts.map((p) => String(p.value)).join(', ')}]`,
    '```',
  ].join('\n');
}

function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const f of [1, 2, 5, 10]) if (f * p >= x) return f * p;
  return 10 * p;
}
