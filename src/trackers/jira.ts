import type { Ticket, TrackerMapping, StatusCategory } from '../schema/ticket.js';
import type { CsvTable } from '../util/csv.js';
import { UserError } from '../util/errors.js';
import { categoryFrom, col, isObj, parseTrackerDate, s, type Raw } from './common.js';

const CATEGORY: Record<string, StatusCategory> = { new: 'todo', indeterminate: 'in_progress', done: 'done' };

function fieldText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(fieldText).join(' ');
  if (isObj(v)) return s(v.value) ?? s(v.name) ?? s(v.key) ?? '';
  return '';
}

/** Jira REST: one issue, a search envelope (`/rest/api/2/search`, agile epic issues), or a list. */
export function isJiraJson(doc: unknown): boolean {
  const one = (x: unknown) => isObj(x) && typeof x.key === 'string' && isObj(x.fields);
  if (one(doc)) return true;
  if (
    isObj(doc) &&
    Array.isArray(doc.issues) &&
    (doc.issues.length === 0 ? 'startAt' in doc : one(doc.issues[0]))
  )
    return true;
  return Array.isArray(doc) && doc.length > 0 && one(doc[0]);
}

export function importJiraJson(
  doc: unknown,
  file: string,
  mapping: TrackerMapping,
  errors: string[],
): Ticket[] {
  const issues: unknown[] =
    isObj(doc) && Array.isArray(doc.issues) ? doc.issues : Array.isArray(doc) ? doc : [doc];
  const out: Ticket[] = [];
  issues.forEach((issue, i) => {
    const where = `${file}#${i + 1}`;
    if (!isObj(issue) || !isObj(issue.fields)) {
      errors.push(`${where}: not a Jira issue (no "fields")`);
      return;
    }
    const f: Raw = issue.fields;
    const status = isObj(f.status) ? (s(f.status.name) ?? 'unknown') : 'unknown';
    const catKey = isObj(f.status) && isObj(f.status.statusCategory) ? s(f.status.statusCategory.key) : null;
    try {
      const base = typeof issue.self === 'string' ? issue.self.replace(/\/rest\/.*$/, '') : null;
      out.push({
        tracker: 'jira',
        key: s(issue.key) ?? `#${i + 1}`,
        url: base ? `${base}/browse/${issue.key}` : null,
        title: s(f.summary) ?? '',
        status,
        status_category: categoryFrom(
          status,
          CATEGORY[catKey ?? ''] ?? (f.resolution ? 'done' : 'todo'),
          mapping,
        ),
        resolution: isObj(f.resolution) ? s(f.resolution.name) : null,
        created: parseTrackerDate(s(f.created), `${where} field "created"`),
        updated: parseTrackerDate(s(f.updated), `${where} field "updated"`),
        resolved_at: parseTrackerDate(s(f.resolutiondate), `${where} field "resolutiondate"`),
        assignee: isObj(f.assignee) ? (s(f.assignee.emailAddress) ?? s(f.assignee.displayName)) : null,
        team: mapping.team_field
          ? fieldText(f[mapping.team_field]) || null
          : Array.isArray(f.components) && f.components.length
            ? fieldText(f.components[0])
            : null,
        labels: Array.isArray(f.labels) ? f.labels.filter((x: unknown) => typeof x === 'string') : [],
        priority: isObj(f.priority) ? s(f.priority.name) : null,
        text: [f.summary, f.description, ...mapping.reference_fields.map((k) => f[k])]
          .map(fieldText)
          .join('\n'),
        repo: mapping.repo_field ? fieldText(f[mapping.repo_field]) || null : null,
        source: where,
      });
    } catch (e) {
      errors.push(e instanceof UserError ? e.format() : String(e));
    }
  });
  return out;
}

/** Jira's "Export → CSV (all fields)": repeated headers (Labels, Labels, ...) are collected. */
export function isJiraCsv(headers: string[]): boolean {
  const h = headers.map((x) => x.toLowerCase());
  return h.includes('issue key') && h.includes('summary') && h.includes('status');
}

export function importJiraCsv(
  table: CsvTable,
  file: string,
  mapping: TrackerMapping,
  errors: string[],
): Ticket[] {
  const out: Ticket[] = [];
  const labelIdx = table.headers.map((h, i) => (h.toLowerCase() === 'labels' ? i : -1)).filter((i) => i >= 0);
  table.rows.forEach((row, i) => {
    const where = `${file}:${row.__line}`;
    const key = col(row, 'Issue key');
    if (!key) {
      errors.push(`${where}: column "Issue key" is empty`);
      return;
    }
    const status = col(row, 'Status') ?? 'unknown';
    const resolution = col(row, 'Resolution');
    const catCol = col(row, 'Status Category');
    const builtin: StatusCategory = catCol
      ? /done/i.test(catCol)
        ? 'done'
        : /progress/i.test(catCol)
          ? 'in_progress'
          : 'todo'
      : resolution && !/unresolved/i.test(resolution)
        ? 'done'
        : /progress|review/i.test(status)
          ? 'in_progress'
          : /done|closed|resolved/i.test(status)
            ? 'done'
            : 'todo';
    try {
      out.push({
        tracker: 'jira',
        key,
        url: null,
        title: col(row, 'Summary') ?? '',
        status,
        status_category: categoryFrom(status, builtin, mapping),
        resolution,
        created: parseTrackerDate(col(row, 'Created'), `${where} column "Created"`),
        updated: parseTrackerDate(col(row, 'Updated'), `${where} column "Updated"`),
        resolved_at: parseTrackerDate(col(row, 'Resolved'), `${where} column "Resolved"`),
        assignee: col(row, 'Assignee'),
        team: mapping.team_field ? col(row, mapping.team_field) : col(row, 'Component/s'),
        labels: labelIdx.map((j) => (table.cells[i]![j] ?? '').trim()).filter(Boolean),
        priority: col(row, 'Priority'),
        text: [
          col(row, 'Summary'),
          col(row, 'Description'),
          ...mapping.reference_fields.map((k) => col(row, k)),
        ]
          .filter(Boolean)
          .join('\n'),
        repo: mapping.repo_field ? col(row, mapping.repo_field) : null,
        source: where,
      });
    } catch (e) {
      errors.push(e instanceof UserError ? e.format() : String(e));
    }
  });
  return out;
}
