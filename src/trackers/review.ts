import type { Finding } from '../schema/finding.js';
import type { Ticket } from '../schema/ticket.js';
import type { TicketLink } from './link.js';

type ReviewFinding = Pick<Finding, 'id' | 'severity' | 'state' | 'owner' | 'finding_title' | 'repo'>;

export interface TrackerReview {
  /** Open critical/high findings (after dedup) and how many have at least one linked ticket. */
  ticket_coverage: { open_critical_high: number; with_ticket: number; share: number | null };
  /** Ticket done while a linked finding is still open: the tracker says fixed, the scanner disagrees. */
  closed_ticket_open_finding: Array<{ ticket: string; finding_id: string; resolved_at: string | null }>;
  /** Finding fixed (closing rule satisfied) while its ticket is still open. */
  fixed_finding_open_ticket: Array<{ ticket: string; finding_id: string; status: string }>;
  /** Tickets that link to no finding: work the dashboard cannot see, or stale references. */
  tickets_without_finding: string[];
  /** Remediation status by owner (ticket assignee, else team, else the finding's owner). */
  by_owner: Array<{ owner: string; todo: number; in_progress: number; done: number }>;
  /** Link methods used, for the report's caveats. */
  link_methods: Record<string, number>;
}

/** Owner per finding from its tickets (assignee, else team), with the source for the owner chain. */
export function ticketOwners(
  tickets: readonly Ticket[],
  links: readonly TicketLink[],
): Map<string, { owner: string; owner_source: string }> {
  const byKey = new Map(tickets.map((t) => [t.key, t]));
  const out = new Map<string, { owner: string; owner_source: string }>();
  for (const l of links) {
    const t = byKey.get(l.ticket);
    const owner = t?.assignee ?? t?.team;
    if (t && owner && !out.has(l.finding_id))
      out.set(l.finding_id, { owner, owner_source: `tracker:${t.tracker}:${t.key}` });
  }
  return out;
}

export function reviewTrackers(
  tickets: readonly Ticket[],
  findings: readonly ReviewFinding[],
  links: readonly TicketLink[],
): TrackerReview {
  const findingById = new Map(findings.map((f) => [f.id, f]));
  const ticketByKey = new Map(tickets.map((t) => [t.key, t]));
  const linkedFindings = new Set(links.map((l) => l.finding_id));
  const linkedTickets = new Set(links.map((l) => l.ticket));
  const openCH = findings.filter(
    (f) => f.state === 'open' && (f.severity === 'critical' || f.severity === 'high'),
  );
  const withTicket = openCH.filter((f) => linkedFindings.has(f.id)).length;
  const closedOpen: TrackerReview['closed_ticket_open_finding'] = [];
  const fixedOpen: TrackerReview['fixed_finding_open_ticket'] = [];
  const methods: Record<string, number> = {};
  for (const l of links) {
    methods[l.method] = (methods[l.method] ?? 0) + 1;
    const t = ticketByKey.get(l.ticket);
    const f = findingById.get(l.finding_id);
    if (!t || !f) continue;
    if (t.status_category === 'done' && f.state === 'open')
      closedOpen.push({ ticket: t.key, finding_id: f.id, resolved_at: t.resolved_at });
    if (t.status_category !== 'done' && f.state === 'fixed')
      fixedOpen.push({ ticket: t.key, finding_id: f.id, status: t.status });
  }
  const owners = new Map<string, { todo: number; in_progress: number; done: number }>();
  for (const t of tickets) {
    if (!linkedTickets.has(t.key)) continue;
    const fid = links.find((l) => l.ticket === t.key)?.finding_id;
    const owner = t.assignee ?? t.team ?? (fid ? findingById.get(fid)?.owner : null) ?? '(no owner)';
    const o = owners.get(owner) ?? { todo: 0, in_progress: 0, done: 0 };
    o[t.status_category]++;
    owners.set(owner, o);
  }
  return {
    ticket_coverage: {
      open_critical_high: openCH.length,
      with_ticket: withTicket,
      share: openCH.length ? withTicket / openCH.length : null,
    },
    closed_ticket_open_finding: closedOpen,
    fixed_finding_open_ticket: fixedOpen,
    tickets_without_finding: tickets
      .filter((t) => !linkedTickets.has(t.key))
      .map((t) => t.key)
      .sort(),
    by_owner: [...owners.entries()]
      .map(([owner, c]) => ({ owner, ...c }))
      .sort((a, b) => a.owner.localeCompare(b.owner)),
    link_methods: methods,
  };
}
