import type { Ticket, TrackerMapping } from '../schema/ticket.js';
import { UserError } from '../util/errors.js';
import { categoryFrom, isObj, parseTrackerDate, s } from './common.js';

const isIssue = (x: unknown) =>
  isObj(x) &&
  typeof x.number === 'number' &&
  typeof x.state === 'string' &&
  'title' in x &&
  ('html_url' in x || 'url' in x);

/** GitHub REST issue list (bare array), `/search/issues` envelope, or a `gh issue list --json` export. */
export function isGithubIssuesJson(doc: unknown): boolean {
  if (Array.isArray(doc)) return doc.length > 0 && isIssue(doc[0]);
  return (
    isObj(doc) &&
    Array.isArray(doc.items) &&
    'total_count' in doc &&
    (doc.items.length === 0 || isIssue(doc.items[0]))
  );
}

function repoOf(issue: Record<string, unknown>): string | null {
  const url = s(issue.repository_url) ?? s(issue.html_url);
  const m = url ? /(?:repos\/|github\.com\/|\/)([^/]+\/[^/]+?)(?:\/issues\/\d+)?$/.exec(url) : null;
  if (isObj(issue.repository) && s(issue.repository.full_name)) return s(issue.repository.full_name);
  return m ? m[1]! : null;
}

export function importGithubIssues(
  doc: unknown,
  file: string,
  mapping: TrackerMapping,
  errors: string[],
): Ticket[] {
  const items: unknown[] = Array.isArray(doc) ? doc : isObj(doc) && Array.isArray(doc.items) ? doc.items : [];
  const out: Ticket[] = [];
  items.forEach((it, i) => {
    const where = `${file}#${i + 1}`;
    if (!isObj(it) || typeof it.number !== 'number') {
      errors.push(`${where}: not a GitHub issue (no "number")`);
      return;
    }
    if (it.pull_request) return; // the issues endpoint also lists pull requests: not tickets
    const state = (s(it.state) ?? 'open').toLowerCase();
    const reason = s(it.state_reason);
    const repo = repoOf(it);
    const labels = Array.isArray(it.labels)
      ? it.labels.map((l: unknown) => (isObj(l) ? s(l.name) : s(l))).filter((x): x is string => !!x)
      : [];
    try {
      out.push({
        tracker: 'github',
        key: repo ? `${repo}#${it.number}` : `#${it.number}`,
        url: s(it.html_url),
        title: s(it.title) ?? '',
        status: reason ? `${state} (${reason})` : state,
        status_category: categoryFrom(
          state,
          state === 'closed'
            ? 'done'
            : it.assignee || (Array.isArray(it.assignees) && it.assignees.length)
              ? 'in_progress'
              : 'todo',
          mapping,
        ),
        resolution: state === 'closed' ? (reason ?? 'closed') : null,
        created: parseTrackerDate(s(it.created_at), `${where} field "created_at"`),
        updated: parseTrackerDate(s(it.updated_at), `${where} field "updated_at"`),
        resolved_at: parseTrackerDate(s(it.closed_at), `${where} field "closed_at"`),
        assignee: isObj(it.assignee) ? s(it.assignee.login) : null,
        team: mapping.team_field
          ? (labels.find((l) => l.startsWith(`${mapping.team_field}:`))?.split(':')[1] ?? null)
          : null,
        labels,
        priority: labels.find((l) => /^(priority|p)[:/ -]?\w+/i.test(l)) ?? null,
        text: [s(it.title), s(it.body), ...labels].filter(Boolean).join('\n'),
        repo,
        source: where,
      });
    } catch (e) {
      errors.push(e instanceof UserError ? e.format() : String(e));
    }
  });
  return out;
}
