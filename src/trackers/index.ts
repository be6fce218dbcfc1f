import path from 'node:path';
import { TrackerMapping, type Ticket, type Tracker } from '../schema/ticket.js';
import { parseCsv } from '../util/csv.js';
import { UserError } from '../util/errors.js';
import { parseJsonWithPosition } from '../util/json-position.js';
import { importGithubIssues, isGithubIssuesJson } from './github-issues.js';
import { importJiraCsv, importJiraJson, isJiraCsv, isJiraJson } from './jira.js';
import { importLinearCsv, importLinearJson, isLinearCsv, isLinearJson } from './linear.js';
import {
  importServicenowCsv,
  importServicenowJson,
  isServicenowCsv,
  isServicenowJson,
} from './servicenow.js';

export interface TicketImport {
  tracker: Tracker;
  tickets: Ticket[];
  /** One line per problem: file, row/index, field or column. */
  errors: string[];
}

export const DEFAULT_MAPPING: TrackerMapping = TrackerMapping.parse({});

/**
 * Import an issue-tracker export: Jira (REST JSON, CSV), GitHub Issues (REST JSON, search), Linear
 * (GraphQL JSON, CSV), ServiceNow (Table API JSON, CSV). Detects which by content. Bad rows are listed
 * and skipped; a file nobody recognises throws a UserError saying what was expected.
 */
export function importTickets(
  text: string,
  file: string,
  mapping: TrackerMapping = DEFAULT_MAPPING,
): TicketImport {
  const name = path.basename(file);
  const errors: string[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lead = src.trimStart()[0];
  if (lead === '{' || lead === '[') {
    const r = parseJsonWithPosition(src);
    if (!r.ok) throw new UserError(r.message, file, r.position);
    const doc = r.value;
    if (isJiraJson(doc))
      return { tracker: 'jira', tickets: importJiraJson(doc, name, mapping, errors), errors };
    if (isGithubIssuesJson(doc))
      return { tracker: 'github', tickets: importGithubIssues(doc, name, mapping, errors), errors };
    if (isLinearJson(doc))
      return { tracker: 'linear', tickets: importLinearJson(doc, name, mapping, errors), errors };
    if (isServicenowJson(doc))
      return { tracker: 'servicenow', tickets: importServicenowJson(doc, name, mapping, errors), errors };
    throw new UserError(
      'not a recognised tracker export: expected a Jira issue or search result ({key, fields} / {issues}), a GitHub issue list or search result, a Linear GraphQL response ({data: {issues: {nodes}}}) or a ServiceNow Table API response ({result})',
      file,
    );
  }
  const table = parseCsv(src, file);
  if (isJiraCsv(table.headers))
    return { tracker: 'jira', tickets: importJiraCsv(table, name, mapping, errors), errors };
  if (isServicenowCsv(table.headers))
    return { tracker: 'servicenow', tickets: importServicenowCsv(table, name, mapping, errors), errors };
  if (isLinearCsv(table.headers))
    return { tracker: 'linear', tickets: importLinearCsv(table, name, mapping, errors), errors };
  throw new UserError(
    `CSV columns not recognised (${table.headers.slice(0, 8).join(', ')}${table.headers.length > 8 ? ', …' : ''}): expected Jira's export ("Issue key", "Summary", "Status"), Linear's ("ID", "Title", "Status") or ServiceNow's ("number", "state", "short_description")`,
    file,
    '1',
  );
}
