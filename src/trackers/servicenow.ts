import type { StatusCategory, Ticket, TrackerMapping } from '../schema/ticket.js';
import type { CsvTable } from '../util/csv.js';
import { UserError } from '../util/errors.js';
import { categoryFrom, isObj, parseTrackerDate, s, type Raw } from './common.js';

/*
 * ServiceNow Table API (`{result: [...]}` or `{result: {...}}`) and list CSV exports of Vulnerability
 * Response items (sn_vul_vulnerable_item, number VIT/AVIT...), security incidents (sn_si_incident, SIR...)
 * and incidents. `state` is an instance-configurable choice number, so the portable signal is `active`
 * ("false" = closed) with the close dates; state 3 (Closed) and 7 (Cancelled) are done on stock
 * instances, 1/10 (Open/Draft/New) are to do, anything else in progress.
 */
const REF = (v: unknown): string | null => (isObj(v) ? (s(v.display_value) ?? s(v.value)) : s(v));

function category(r: Raw): StatusCategory {
  const active = s(r.active);
  const state = s(r.state) ?? '';
  if (active === 'false' || state === '3' || state === '7' || /^(closed|resolved|cancel+ed)$/i.test(state))
    return 'done';
  if (s(r.resolution_date) || s(r.closed_at)) return 'done';
  if (state === '1' || state === '10' || state === '' || /^(new|open|draft)$/i.test(state)) return 'todo';
  return 'in_progress';
}

export function isServicenowJson(doc: unknown): boolean {
  if (!isObj(doc) || !('result' in doc)) return false;
  const r = Array.isArray(doc.result) ? doc.result[0] : doc.result;
  return isObj(r) && ('sys_id' in r || 'number' in r) && ('state' in r || 'active' in r);
}

export function isServicenowCsv(headers: string[]): boolean {
  const h = headers.map((x) => x.toLowerCase());
  return (
    h.includes('number') &&
    h.includes('state') &&
    (h.includes('short_description') || h.includes('sys_id') || h.includes('active'))
  );
}

function toTicket(r: Raw, where: string, mapping: TrackerMapping): Ticket {
  const number = s(r.number) ?? s(r.sys_id) ?? where;
  const state = s(r.state) ?? 'unknown';
  const team = mapping.team_field ? REF(r[mapping.team_field]) : REF(r.assignment_group);
  return {
    tracker: 'servicenow',
    key: number,
    url: null,
    title: s(r.short_description) ?? s(r.vulnerability) ?? number,
    status: state,
    status_category: categoryFrom(state, category(r), mapping),
    resolution: s(r.close_code) ?? s(r.resolution) ?? s(r.substate) ?? null,
    created: parseTrackerDate(
      s(r.opened_at) ?? s(r.first_found) ?? s(r.sys_created_on),
      `${where} field "opened_at"`,
    ),
    updated: parseTrackerDate(s(r.sys_updated_on) ?? s(r.last_found), `${where} field "sys_updated_on"`),
    resolved_at: parseTrackerDate(s(r.resolution_date) ?? s(r.closed_at), `${where} field "closed_at"`),
    assignee: REF(r.assigned_to),
    team,
    labels: (s(r.security_tags) ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    priority: s(r.priority) ?? s(r.risk_rating),
    text: [
      s(r.short_description),
      s(r.description),
      REF(r.vulnerability),
      s(r.cve),
      ...mapping.reference_fields.map((k) => REF(r[k])),
    ]
      .filter(Boolean)
      .join('\n'),
    repo: mapping.repo_field ? REF(r[mapping.repo_field]) : null,
    source: where,
  };
}

export function importServicenowJson(
  doc: unknown,
  file: string,
  mapping: TrackerMapping,
  errors: string[],
): Ticket[] {
  const result = (doc as { result: unknown }).result;
  const list = Array.isArray(result) ? result : [result];
  const out: Ticket[] = [];
  list.forEach((r, i) => {
    const where = `${file}#${i + 1}`;
    if (!isObj(r)) {
      errors.push(`${where}: not a ServiceNow record`);
      return;
    }
    try {
      out.push(toTicket(r, where, mapping));
    } catch (e) {
      errors.push(e instanceof UserError ? e.format() : String(e));
    }
  });
  return out;
}

export function importServicenowCsv(
  table: CsvTable,
  file: string,
  mapping: TrackerMapping,
  errors: string[],
): Ticket[] {
  const out: Ticket[] = [];
  for (const row of table.rows) {
    const where = `${file}:${row.__line}`;
    const r: Raw = {};
    for (const [k, v] of Object.entries(row)) if (k !== '__line') r[k.toLowerCase()] = v;
    if (!s(r.number)) {
      errors.push(`${where}: column "number" is empty`);
      continue;
    }
    try {
      out.push(toTicket(r, where, mapping));
    } catch (e) {
      errors.push(e instanceof UserError ? e.format() : String(e));
    }
  }
  return out;
}
