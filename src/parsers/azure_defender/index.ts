import { parseCsv } from '../../util/csv.js';
import { UserError } from '../../util/errors.js';
import { cloudSeverity, isoDate, str } from '../cloud-util.js';
import type { Parser, ParseOutput, Sniff } from '../types.js';

const REQUIRED = ['recommendationDisplayName', 'state', 'subscriptionId', 'resourceId'];

function headerColumns(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
}

function detect(s: Sniff): number {
  if (s.doc !== undefined) return 0;
  const cols = new Set(headerColumns(s.head));
  if (REQUIRED.every((c) => cols.has(c)) && (cols.has('recommendationId') || cols.has('recommendationName')))
    return 1;
  return 0;
}

/** Value of a cell, `Unspecified` and empty as absent (the 2023 layout writes `Unspecified` for no owner). */
function cell(r: Record<string, string>, key: string): string | undefined {
  const v = str(r[key]);
  return v && !/^unspecified$/i.test(v) ? v : undefined;
}

export function parseAzureDefender(text: unknown, ctx: { file: string }): ParseOutput {
  if (typeof text !== 'string')
    throw new UserError('not a Defender for Cloud recommendations CSV: expected CSV text', ctx.file);
  const table = parseCsv(text, ctx.file);
  const missing = REQUIRED.filter((c) => !table.headers.includes(c));
  if (missing.length > 0)
    throw new UserError(
      `not a Defender for Cloud recommendations CSV: the header lacks ${missing.join(', ')} (expected the portal's "Download CSV report" of Recommendations)`,
      ctx.file,
      '1',
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  for (const r of table.rows) {
    const pointer = `row ${r.__line}`;
    const state = (r.state ?? '').trim().toLowerCase();
    // Healthy and NotApplicable rows are assessments that passed or do not apply: not findings.
    if (state === 'healthy' || state === 'notapplicable' || state === 'not applicable') continue;
    if (state !== 'unhealthy') {
      out.warnings.push(`${pointer}: unknown state "${r.state}"; not counted as a finding`);
      continue;
    }
    const title =
      cell(r, 'recommendationDisplayName') ??
      cell(r, 'recommendationName') ??
      'Defender for Cloud recommendation';
    // Subscription-level recommendations name the subscription by id; its display name reads better.
    const resourceName = /^subscriptions?$/i.test(r.resourceType ?? '')
      ? (cell(r, 'subscriptionName') ?? cell(r, 'resourceName'))
      : cell(r, 'resourceName');
    const owner = cell(r, 'owner');
    out.findings.push({
      title: resourceName ? `${resourceName} - ${title}` : title,
      description: cell(r, 'description') ?? null,
      category: 'cloud',
      rule_id: cell(r, 'recommendationName') ?? cell(r, 'recommendationId') ?? null,
      rule_name: title,
      ...cloudSeverity(r.severity, undefined, 'medium'),
      tool: 'Microsoft Defender for Cloud',
      state: 'open',
      first_seen: isoDate(r.firstEvaluationDate),
      last_seen: isoDate(r.exportedTimestamp) ?? isoDate(r.statusChangeDate),
      owner: owner ?? null,
      owner_source: owner ? 'azure_defender governance owner' : null,
      location: {
        account: cell(r, 'subscriptionId') ?? null,
        region: null,
        resource: cell(r, 'resourceId') ?? null,
      },
      fingerprints: cell(r, 'recommendationId') ? { assessmentKey: cell(r, 'recommendationId')! } : {},
      tags: [cell(r, 'resourceType'), cell(r, 'cloud')].filter((x): x is string => !!x),
      help_uri: cell(r, 'azurePortalRecommendationLink') ?? null,
      pointer,
    });
  }
  out.scans.push({
    tool: { name: 'Microsoft Defender for Cloud', version: null },
    categories: ['cloud'],
    success: true,
    errors: [],
  });
  return out;
}

export const azureDefenderParser: Parser = {
  id: 'azure_defender',
  input: 'text',
  docs: {
    title: 'Microsoft Defender for Cloud recommendations (CSV)',
    produce: 'Azure portal → Microsoft Defender for Cloud → Recommendations → "Download CSV report"',
    takes:
      'one record per Unhealthy row (Healthy and NotApplicable are not findings): recommendation name and id, severity, subscription id, resource id, first evaluation date, governance owner when present',
  },
  detect,
  parse: parseAzureDefender,
};
