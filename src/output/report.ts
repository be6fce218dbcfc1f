import type {
  Breakdown,
  DataSource,
  DistortionItem,
  MetricResult,
  MetricsDocument,
} from '../schema/metrics.js';
import { code, escapeMarkdown as esc, table } from './markdown.js';
import { trendChart } from './charts.js';
import { previousMonth } from '../metrics/period.js';

/** GitHub's issue body limit; GitLab's is larger. We stay under the smaller one. */
export const ISSUE_BODY_LIMIT = 65_536;

export interface ReportOptions {
  previousReportUrl?: string;
  /** Characters the body must stay under (default ISSUE_BODY_LIMIT). */
  limit?: number;
}

/** How much detail a rendering keeps; the trimmer walks down these levels until the body fits. */
interface Detail {
  breakdownRows: number;
  distortionLines: number;
  charts: boolean;
  breakdowns: boolean;
  problems: number;
  definitions: boolean;
}

const LEVELS: Detail[] = [
  { breakdownRows: 50, distortionLines: 20, charts: true, breakdowns: true, problems: 50, definitions: true },
  { breakdownRows: 10, distortionLines: 10, charts: true, breakdowns: true, problems: 20, definitions: true },
  { breakdownRows: 5, distortionLines: 5, charts: false, breakdowns: true, problems: 10, definitions: true },
  { breakdownRows: 0, distortionLines: 3, charts: false, breakdowns: false, problems: 5, definitions: true },
  { breakdownRows: 0, distortionLines: 0, charts: false, breakdowns: false, problems: 0, definitions: false },
];

export function formatValue(m: Pick<MetricResult, 'unit' | 'value'>, v: number | null = m.value): string {
  if (v === null) return 'no data';
  if (m.unit === 'percent') return `${v}%`;
  if (m.unit === 'days') return `${v} d`;
  return String(v);
}

export function trendText(m: MetricResult): string {
  if (m.value === null) return m.previous === null ? '—' : `was ${formatValue(m, m.previous)}`;
  if (m.previous === null || m.change === null) return '— (no history)';
  if (m.change === 0) return `= (was ${formatValue(m, m.previous)})`;
  const better = m.change > 0 === m.higher_is_better;
  const sign = m.change > 0 ? '+' : '−';
  const abs = Math.abs(m.change);
  const delta = m.unit === 'percent' ? `${abs} pts` : m.unit === 'days' ? `${abs} d` : String(abs);
  return `${m.change > 0 ? '▲' : '▼'} ${sign}${delta} ${better ? '(better)' : '(worse)'}`;
}

function confidenceCell(m: MetricResult): string {
  const first = m.confidence.reasons[0];
  return `**${m.confidence.label}**${first ? ` — ${esc(first.replace(/^[ABC]: /, ''), 120)}` : ''}`;
}

function breakdownTable(m: MetricResult, b: Breakdown, rows: number): string {
  const detailKeys = [...new Set(b.rows.flatMap((r) => Object.keys(r.detail ?? {})))];
  const shown = b.rows.slice(0, rows);
  const body = shown.map((r) => [
    esc(r.key, 80),
    formatValue(m, r.value),
    ...detailKeys.map((k) => {
      const v = r.detail?.[k];
      return v === undefined || v === null ? '' : esc(String(v), 40);
    }),
  ]);
  const more =
    b.rows.length > shown.length ? `\n\n_${b.rows.length - shown.length} more row(s) in metrics.json._` : '';
  return `**${esc(b.title)}**\n\n${table(['', 'value', ...detailKeys.map((k) => esc(k.replace(/_/g, ' ')))], body)}${more}`;
}

function metricSection(m: MetricResult, i: number, d: Detail): string {
  const secondary = Object.entries(m.secondary)
    .map(([k, v]) => `${esc(k.replace(/_/g, ' '))} ${v === null ? '—' : v}`)
    .join(' · ');
  const lines = [
    `### ${i + 1}. ${esc(m.title)}`,
    '',
    `**${formatValue(m)}** · trend: ${trendText(m)} · owner: ${esc(m.owner, 100)} · confidence: **${m.confidence.label}**`,
    '',
    `_Why:_ ${esc(m.why, 300)}`,
    '',
    `_Definition:_ ${esc(m.definition, 600)}`,
  ];
  if (secondary) lines.push('', `_Also:_ ${secondary}`);
  lines.push(
    '',
    `_Confidence ${m.confidence.label}:_ ${m.confidence.reasons.length ? m.confidence.reasons.map((r) => esc(r, 300)).join('; ') : 'every input system-generated and trusted, mapping complete.'}`,
  );
  lines.push(
    '',
    `_Caveats:_ ${m.caveats.length ? m.caveats.map((c) => esc(c, 300)).join(' ') : 'none this month beyond the confidence reasons.'}`,
  );
  if (d.breakdowns)
    for (const b of m.breakdowns) if (b.rows.length) lines.push('', breakdownTable(m, b, d.breakdownRows));
  if (d.charts) {
    const chart = trendChart(m);
    if (chart) lines.push('', chart);
  }
  return lines.join('\n');
}

function distortionSection(items: DistortionItem[], d: Detail): string {
  const rows = items.map((it) => {
    const detail = it.detail
      .slice(0, d.distortionLines)
      .map((l) => `<br>• ${esc(l, 240)}`)
      .join('');
    const more =
      it.detail.length > d.distortionLines && d.distortionLines > 0 ? '<br>• … (see metrics.json)' : '';
    return [esc(it.title), String(it.count), `${detail.replace(/^<br>/, '')}${more}` || '—'];
  });
  return `## Distortion review\n\nWhat could make these numbers lie, and how much of it there is this month.\n\n${table(['check', 'count', 'detail'], rows)}`;
}

function trackerSection(t: NonNullable<MetricsDocument['trackers']>, d: Detail): string {
  const cov = t.ticket_coverage;
  const share =
    cov.share === null ? 'no open critical/high findings' : `${Math.round(cov.share * 1000) / 10}%`;
  const list = (items: string[]) =>
    items.length === 0
      ? '—'
      : items
          .slice(0, Math.max(d.distortionLines, 3))
          .map((x) => esc(x, 120))
          .join(', ') + (items.length > Math.max(d.distortionLines, 3) ? ', … (metrics.json)' : '');
  const rows = [
    [
      'Open critical/high findings with a ticket',
      `**${share}**`,
      `${cov.with_ticket} of ${cov.open_critical_high}`,
    ],
    [
      'Ticket closed, finding still open',
      String(t.closed_ticket_open_finding.length),
      list(t.closed_ticket_open_finding.map((x) => `${x.ticket} → ${x.finding_id}`)),
    ],
    [
      'Finding fixed, ticket still open',
      String(t.fixed_finding_open_ticket.length),
      list(t.fixed_finding_open_ticket.map((x) => `${x.ticket} (${x.status}) → ${x.finding_id}`)),
    ],
    ['Tickets without a finding', String(t.tickets_without_finding.length), list(t.tickets_without_finding)],
    [
      'Findings owned through a ticket',
      String(t.owners_from_tickets),
      'owner chain: inventory → ticket → CODEOWNERS',
    ],
  ];
  const owners = t.by_owner
    .slice(0, Math.max(d.breakdownRows, 5))
    .map((o) => [esc(o.owner, 80), String(o.todo), String(o.in_progress), String(o.done)]);
  const methods = Object.entries(t.link_methods)
    .map(([m, n]) => `${code(m)} ${n}`)
    .join(' · ');
  return [
    '## Issue tracker',
    '',
    `${t.tickets} ticket(s) from ${t.trackers.map((x) => esc(x)).join(', ')}; links by ${methods || 'nothing (no ticket names a finding)'}. Where the tracker and the scanner disagree, the scanner's closing rule decides the metrics; the mismatches are listed here.`,
    '',
    table(['check', 'count', 'detail'], rows),
    ...(owners.length
      ? [
          '',
          '**Remediation status by owner** (linked tickets)',
          '',
          table(['owner', 'to do', 'in progress', 'done'], owners),
        ]
      : []),
  ].join('\n');
}

function sourcesSection(sources: DataSource[], counts: MetricsDocument['counts']): string {
  const rows = sources.map((s) => [
    esc(s.kind),
    esc(s.name, 120),
    String(s.count),
    s.confidence ?? '—',
    s.note ? esc(s.note, 200) : '',
  ]);
  return [
    '## Data sources',
    '',
    `${counts.records} record(s) read → ${counts.findings} distinct finding(s) after dedup (${counts.duplicates_merged} merged by identity, ${counts.duplicates_linked} linked as same root cause), ${counts.open} open at period end, ${counts.unmapped} without an application.`,
    '',
    table(['kind', 'source', 'count', 'confidence', 'note'], rows),
  ].join('\n');
}

function render(
  doc: MetricsDocument,
  title: string,
  opts: ReportOptions,
  d: Detail,
  trimmedNote: string | null,
): string {
  const prev = `trend vs ${previousMonth(doc.month)}`;
  const head = [
    `# ${esc(title)}`,
    '',
    `As of ${code(doc.period.end)} — period ${doc.period.start.slice(0, 10)} to ${new Date(Date.parse(doc.period.end) - 1).toISOString().slice(0, 10)} (UTC). Generated by product-security-metrics ${esc(doc.generator.version)} from the dictionary ${code(doc.dictionary.source)}.${opts.previousReportUrl ? ` [Last month's report](${encodeURI(opts.previousReportUrl)}).` : ''}`,
    '',
    'Confidence: **A** every input system-generated and trusted · **B** partly normalized by hand (manual mapping, inferred severities, missing repos) · **C** manually assembled exports.',
  ];
  if (trimmedNote) head.push('', `> [!NOTE]\n> ${trimmedNote}`);
  const headline = table(
    ['metric', 'value', prev, 'owner', 'confidence'],
    doc.metrics.map((m) => [
      esc(m.title),
      `**${formatValue(m)}**`,
      trendText(m),
      esc(m.owner, 80),
      confidenceCell(m),
    ]),
  );
  const parts = [
    head.join('\n'),
    '## Headline\n\n' + headline,
    '## Metrics',
    ...doc.metrics.map((m, i) => metricSection(m, i, d)),
  ];
  parts.push(distortionSection(doc.distortion, d));
  if (doc.trackers) parts.push(trackerSection(doc.trackers, d));
  parts.push(sourcesSection(doc.sources, doc.counts));
  if (doc.problems.length) {
    const shown = doc.problems.slice(0, d.problems);
    parts.push(
      `## Input problems\n\nThe run worked around these; the metrics they feed carry a lower confidence.\n\n${shown.map((p) => `- ${esc(p, 300)}`).join('\n')}${doc.problems.length > shown.length ? `\n- … and ${doc.problems.length - shown.length} more (metrics.json)` : ''}`,
    );
  }
  if (d.definitions)
    parts.push(
      `## Definitions used\n\n${table(
        ['term', 'definition'],
        doc.definitions.map((x) => [esc(x.term), esc(x.value, 1200)]),
      )}`,
    );
  else parts.push('## Definitions used\n\nTrimmed: see `definitions` in metrics.json.');
  return parts.join('\n\n') + '\n';
}

/** The monthly issue body. Trims detail level by level (and says so) to stay under the size limit. */
export function renderReport(doc: MetricsDocument, title: string, opts: ReportOptions = {}): string {
  const limit = opts.limit ?? ISSUE_BODY_LIMIT;
  let out = render(doc, title, opts, LEVELS[0]!, null);
  for (let i = 1; i < LEVELS.length && out.length >= limit; i++) {
    out = render(
      doc,
      title,
      opts,
      LEVELS[i]!,
      `This report was trimmed to stay under ${limit.toLocaleString('en-US')} characters (detail level ${i} of ${LEVELS.length - 1}): the full breakdowns are in metrics.json and the CSV files of the audit artifact.`,
    );
  }
  if (out.length >= limit) {
    const note = `\n\n> [!WARNING]\n> Truncated at ${limit.toLocaleString('en-US')} characters; the full report is in metrics.json.\n`;
    out = out.slice(0, limit - note.length - 10);
    // Close a table row or code fence cut in half.
    out = out.slice(0, out.lastIndexOf('\n'));
    if ((out.match(/^```/gm)?.length ?? 0) % 2 === 1) out += '\n```';
    out += note;
  }
  return out;
}
