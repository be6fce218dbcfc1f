import type { Finding } from '../schema/finding.js';
import type { Ticket, TrackerMapping } from '../schema/ticket.js';

export type LinkMethod = 'finding_id' | 'cve' | 'rule_repo' | 'package';

export interface TicketLink {
  ticket: string;
  finding_id: string;
  method: LinkMethod;
  /** The text that matched (an id, CVE, rule, package name). */
  evidence: string;
}

/** CVE ids upper case; GHSA ids as GitHub writes them (`GHSA-` + lower case). */
export function normVulnId(id: string): string {
  return /^ghsa-/i.test(id) ? `GHSA-${id.slice(5).toLowerCase()}` : id.toUpperCase();
}

const ID_RE = /\b(f1-[0-9a-f]{24})\b/g;
const CVE_RE = /\b(CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/gi;

type LinkFinding = Pick<Finding, 'id' | 'cve' | 'rule_id' | 'repo' | 'package'>;

/**
 * Link tickets to findings by what the ticket text, labels and mapped fields name, in the mapping's
 * order of trust: our finding id, a CVE/GHSA id, a rule id with the ticket's repo, a package name
 * (only as a label or `package:name`, never a bare word). Every link records its method and evidence.
 */
export function linkTickets(
  tickets: readonly Ticket[],
  findings: readonly LinkFinding[],
  mapping: TrackerMapping,
): TicketLink[] {
  const byId = new Map<string, LinkFinding>();
  const byCve = new Map<string, LinkFinding[]>();
  const byRule = new Map<string, LinkFinding[]>();
  const byPkg = new Map<string, LinkFinding[]>();
  const push = (m: Map<string, LinkFinding[]>, k: string, f: LinkFinding) => {
    const a = m.get(k);
    if (a) a.push(f);
    else m.set(k, [f]);
  };
  for (const f of findings) {
    byId.set(f.id, f);
    for (const c of f.cve) push(byCve, normVulnId(c), f);
    if (f.rule_id) push(byRule, f.rule_id.toLowerCase(), f);
    if (f.package?.name) push(byPkg, f.package.name.toLowerCase(), f);
  }
  const links: TicketLink[] = [];
  const seen = new Set<string>();
  const add = (t: Ticket, f: LinkFinding, method: LinkMethod, evidence: string) => {
    const k = `${t.key}\u0000${f.id}`;
    if (seen.has(k)) return;
    seen.add(k);
    links.push({ ticket: t.key, finding_id: f.id, method, evidence });
  };
  for (const t of tickets) {
    const hay = `${t.text}\n${t.labels.join('\n')}`;
    for (const method of mapping.link_by) {
      const before = links.length;
      if (method === 'finding_id') {
        for (const m of hay.matchAll(ID_RE)) {
          const f = byId.get(m[1]!);
          if (f) add(t, f, method, m[1]!);
        }
      } else if (method === 'cve') {
        for (const m of hay.matchAll(CVE_RE)) {
          for (const f of byCve.get(normVulnId(m[1]!)) ?? [])
            if (!t.repo || !f.repo || f.repo.toLowerCase() === t.repo.toLowerCase()) add(t, f, method, m[1]!);
        }
      } else if (method === 'rule_repo') {
        if (!t.repo) continue;
        for (const [rule, fs] of byRule) {
          if (rule.length < 4 || !hay.toLowerCase().includes(rule)) continue;
          for (const f of fs)
            if (f.repo && f.repo.toLowerCase() === t.repo.toLowerCase()) add(t, f, method, rule);
        }
      } else if (method === 'package') {
        const names = [
          ...t.labels.map((l) => l.replace(/^(package|pkg|dependency)[:/]/i, '')),
          ...[...hay.matchAll(/\b(?:package|pkg|dependency)[:/]\s*(@?[\w./-]+)/gi)].map((m) => m[1]!),
        ];
        for (const n of names) for (const f of byPkg.get(n.toLowerCase()) ?? []) add(t, f, method, n);
      }
      if (links.length > before && method === 'finding_id') break; // an explicit id is the whole answer
    }
  }
  return links.sort((a, b) => a.ticket.localeCompare(b.ticket) || a.finding_id.localeCompare(b.finding_id));
}
