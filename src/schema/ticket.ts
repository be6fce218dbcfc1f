import { z } from 'zod';

export const TRACKERS = ['jira', 'github', 'linear', 'servicenow'] as const;
export const Tracker = z.enum(TRACKERS);
export type Tracker = z.infer<typeof Tracker>;

/** Portable remediation status: every tracker's workflow maps onto these three. */
export const StatusCategory = z.enum(['todo', 'in_progress', 'done']);
export type StatusCategory = z.infer<typeof StatusCategory>;

/** One ticket from an issue tracker, normalized. */
export const Ticket = z.object({
  tracker: Tracker,
  /** NTEST-3077, acme/shop#12, ENG-42, VIT0001234. */
  key: z.string(),
  url: z.string().nullable(),
  title: z.string(),
  /** The tracker's own status name (Backlog, In Progress, Done, 3, ...). */
  status: z.string(),
  status_category: StatusCategory,
  resolution: z.string().nullable(),
  created: z.string().nullable(),
  updated: z.string().nullable(),
  /** When the ticket reached a done state (resolutiondate, closed_at, completedAt, resolution_date). */
  resolved_at: z.string().nullable(),
  assignee: z.string().nullable(),
  team: z.string().nullable(),
  labels: z.array(z.string()),
  priority: z.string().nullable(),
  /** Text searched for finding references (summary, description, custom fields); never rendered. */
  text: z.string(),
  /** Repo or project named by the ticket, when the tracker has one. */
  repo: z.string().nullable(),
  /** file:row or file#index. */
  source: z.string(),
});
export type Ticket = z.infer<typeof Ticket>;

/**
 * Field mapping for custom fields, from the data dictionary's `trackers:` section. Defaults work with
 * each tracker's standard export.
 */
export const TrackerMapping = z.object({
  /** Extra fields (Jira `customfield_10050`, CSV column names) whose text is searched for references. */
  reference_fields: z.array(z.string()).default([]),
  /** Field holding the team (Jira component or custom field, ServiceNow assignment_group). */
  team_field: z.string().optional(),
  /** Field holding the repo (e.g. a Jira custom field "Repository"). */
  repo_field: z.string().optional(),
  /** Status names to treat as done / in progress beyond the tracker's own categories. */
  done_statuses: z.array(z.string()).default([]),
  in_progress_statuses: z.array(z.string()).default([]),
  /** How tickets are linked to findings, in order of trust. */
  link_by: z
    .array(z.enum(['finding_id', 'cve', 'rule_repo', 'package']))
    .default(['finding_id', 'cve', 'rule_repo', 'package']),
});
export type TrackerMapping = z.infer<typeof TrackerMapping>;
