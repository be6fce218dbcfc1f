import type { StatusCategory, Ticket, TrackerMapping } from '../schema/ticket.js';
import type { CsvTable } from '../util/csv.js';
import { UserError } from '../util/errors.js';
import { categoryFrom, col, isObj, parseTrackerDate, s } from './common.js';

// Linear workflow state types: triage, backlog, unstarted, started, completed, canceled.
const TYPE: Record<string, StatusCategory> = {
  triage: 'todo',
  backlog: 'todo',
  unstarted: 'todo',
  started: 'in_progress',
  completed: 'done',
  canceled: 'done',
};

/** Linear GraphQL `issues` response: `{data: {issues: {nodes: [...]}}}` (or `issueSearch`). */
export function isLinearJson(doc: unknown): boolean {
  if (!isObj(doc) || !isObj(doc.data)) return false;
  const conn = doc.data.issues ?? doc.data.issueSearch ?? doc.data.searchIssues;
  return isObj(conn) && Array.isArray(conn.nodes);
}

export function importLinearJson(
  doc: unknown,
  file: string,
  mapping: TrackerMapping,
  errors: string[],
): Ticket[] {
  const data = (doc as { data: Record<string, { nodes: unknown[] }> }).data;
  const nodes = (data.issues ?? data.issueSearch ?? data.searchIssues)!.nodes;
  const out: Ticket[] = [];
  nodes.forEach((n, i) => {
    const where = `${file}#${i + 1}`;
    if (!isObj(n) || !s(n.identifier)) {
      errors.push(`${where}: not a Linear issue (no "identifier")`);
      return;
    }
    const state = isObj(n.state) ? n.state : {};
    const status = s(state.name) ?? 'unknown';
    const labels =
      isObj(n.labels) && Array.isArray(n.labels.nodes)
        ? n.labels.nodes
            .map((l: unknown) => (isObj(l) ? s(l.name) : null))
            .filter((x: string | null): x is string => !!x)
        : [];
    try {
      out.push({
        tracker: 'linear',
        key: s(n.identifier)!,
        url: s(n.url),
        title: s(n.title) ?? '',
        status,
        status_category: categoryFrom(status, TYPE[s(state.type) ?? ''] ?? 'todo', mapping),
        resolution:
          s(state.type) === 'canceled' ? 'canceled' : s(state.type) === 'completed' ? 'completed' : null,
        created: parseTrackerDate(s(n.createdAt), `${where} field "createdAt"`),
        updated: parseTrackerDate(s(n.updatedAt), `${where} field "updatedAt"`),
        resolved_at: parseTrackerDate(s(n.completedAt) ?? s(n.canceledAt), `${where} field "completedAt"`),
        assignee: isObj(n.assignee) ? (s(n.assignee.email) ?? s(n.assignee.name)) : null,
        team: isObj(n.team) ? (s(n.team.key) ?? s(n.team.name)) : null,
        labels,
        priority: s(n.priorityLabel) ?? (typeof n.priority === 'number' ? String(n.priority) : null),
        text: [s(n.title), s(n.description), ...labels].filter(Boolean).join('\n'),
        repo: null,
        source: where,
      });
    } catch (e) {
      errors.push(e instanceof UserError ? e.format() : String(e));
    }
  });
  return out;
}

/** Linear's CSV export (Settings → Export): ID, Title, Description, Status, ..., Completed, Canceled. */
export function isLinearCsv(headers: string[]): boolean {
  const h = headers.map((x) => x.toLowerCase());
  return (
    h.includes('id') &&
    h.includes('title') &&
    h.includes('status') &&
    (h.includes('completed') || h.includes('team'))
  );
}

export function importLinearCsv(
  table: CsvTable,
  file: string,
  mapping: TrackerMapping,
  errors: string[],
): Ticket[] {
  const out: Ticket[] = [];
  for (const row of table.rows) {
    const where = `${file}:${row.__line}`;
    const id = col(row, 'ID');
    if (!id) {
      errors.push(`${where}: column "ID" is empty`);
      continue;
    }
    const status = col(row, 'Status') ?? 'unknown';
    const completed = col(row, 'Completed');
    const canceled = col(row, 'Canceled');
    const started = col(row, 'Started');
    const builtin: StatusCategory = completed || canceled ? 'done' : started ? 'in_progress' : 'todo';
    try {
      const labels = (col(row, 'Labels') ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      out.push({
        tracker: 'linear',
        key: id,
        url: null,
        title: col(row, 'Title') ?? '',
        status,
        status_category: categoryFrom(status, builtin, mapping),
        resolution: canceled ? 'canceled' : completed ? 'completed' : null,
        created: parseTrackerDate(col(row, 'Created'), `${where} column "Created"`),
        updated: parseTrackerDate(col(row, 'Updated'), `${where} column "Updated"`),
        resolved_at: parseTrackerDate(completed ?? canceled, `${where} column "Completed"`),
        assignee: col(row, 'Assignee'),
        team: mapping.team_field ? col(row, mapping.team_field) : col(row, 'Team'),
        labels,
        priority: col(row, 'Priority'),
        text: [
          col(row, 'Title'),
          col(row, 'Description'),
          ...mapping.reference_fields.map((k) => col(row, k)),
          ...labels,
        ]
          .filter(Boolean)
          .join('\n'),
        repo: mapping.repo_field ? col(row, mapping.repo_field) : null,
        source: where,
      });
    } catch (e) {
      errors.push(e instanceof UserError ? e.format() : String(e));
    }
  }
  return out;
}
