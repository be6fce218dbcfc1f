import type { LifecycleEntry } from './lifecycle.js';
import { toTime } from './period.js';

/**
 * Dedup (METRICS.md "Identity"). Same identity key → one entry (the lifecycle already folds them; an
 * entry reported by more than one source or tool is "merged"). Different tools reporting the same root
 * cause get an explainable link (`duplicate_of` + reason) and are counted once; nothing is deleted.
 */
export interface DuplicateLink {
  key: string;
  duplicate_of: string;
  reason: string;
}

function rootCauseKeys(e: LifecycleEntry): Array<{ group: string; why: string }> {
  const f = e.finding;
  const repo = (e.repo ?? '').toLowerCase();
  const file = f.location.file;
  const line = f.location.start_line;
  switch (f.category) {
    case 'sast':
      if (!file || line === null) return [];
      return f.cwe.map((c) => ({
        group: `${repo}|sast|${file}|${line}|${c}`,
        why: `same file, line and ${c}`,
      }));
    case 'secret':
      if (!file || line === null) return [];
      return [{ group: `${repo}|secret|${file}|${line}`, why: 'same secret location (file and line)' }];
    case 'dast': {
      const url = f.location.url?.split(/[?#]/)[0];
      if (!url) return [];
      return f.cwe.map((c) => ({ group: `${repo}|dast|${url}|${c}`, why: `same URL and ${c}` }));
    }
    case 'sca':
    case 'container': {
      const vuln = f.identity.parts[0];
      const pkg = f.package?.name.toLowerCase();
      if (!vuln || !pkg) return [];
      const target = (f.location.image ?? file ?? '').replace(/^\/+/, '');
      return [
        {
          group: `${repo}|sca|${vuln}|${pkg}|${target}`,
          why: `same vulnerability ${vuln} in ${pkg} (${target || 'no target'})`,
        },
      ];
    }
    default:
      return [];
  }
}

/**
 * The entries that can have a root cause (not duplicates), by the repo their root-cause keys start
 * with (in the order of `entries` within a repo): entries of different repos never share a key.
 */
function byRepo(entries: readonly LifecycleEntry[]): Iterable<LifecycleEntry[]> {
  const lists = new Map<string, LifecycleEntry[]>();
  const lower = new Map<string | null, string>();
  for (const e of entries) {
    if (e.finding.state === 'duplicate') continue;
    let repo = lower.get(e.repo);
    if (repo === undefined) lower.set(e.repo, (repo = (e.repo ?? '').toLowerCase()));
    const list = lists.get(repo);
    if (list) list.push(e);
    else lists.set(repo, [e]);
  }
  return lists.values();
}

/** Entries that share a root-cause key, with the reason of the first one. */
class Group {
  constructor(
    readonly why: string,
    readonly members: LifecycleEntry[],
  ) {}
}

/**
 * Link entries of different tools that report the same root cause. The earliest-seen one is kept.
 * `byEntry`, when given, also receives each link under its entry (a lookup by object, where one by
 * key string costs a hash of a key the entry does not cache); `involved`, each entry of a group
 * that links (every link's entry and its primary's), by key.
 */
export function linkDuplicates(
  entries: readonly LifecycleEntry[],
  byEntry?: Map<LifecycleEntry, DuplicateLink>,
  involved?: Map<string, LifecycleEntry>,
): DuplicateLink[] {
  // Most root causes have one entry: the map holds that entry itself, and a group (with its reason,
  // the first member's) only from the second member on. Hundreds of thousands of entries otherwise
  // leave as many short-lived groups, lists and reasons in the old generation.
  // A root-cause key starts with the entry's repo: entries are grouped one repo at a time, so the
  // map holds one repo's keys, never all of them (at 1,000,000 findings, ~530,000 keys and the
  // map's tables, which outlived the young generation), and only keys of groups are kept.
  const multi = new Map<string, Group>();
  for (const list of byRepo(entries)) {
    const byGroup = new Map<string, LifecycleEntry | Group>();
    for (const e of list) {
      for (const k of rootCauseKeys(e)) {
        const g = byGroup.get(k.group);
        if (g === undefined) byGroup.set(k.group, e);
        else if (g instanceof Group) g.members.push(e);
        else {
          const why = rootCauseKeys(g).find((x) => x.group === k.group)!.why;
          const group = new Group(why, [g, e]);
          byGroup.set(k.group, group);
          multi.set(k.group, group);
        }
      }
    }
  }
  const groups = [...multi.keys()].sort((a, b) => a.localeCompare(b)).map((k) => multi.get(k)!);
  multi.clear();
  const linked = new Map<string, DuplicateLink>();
  const primaryOf = (k: string): string => linked.get(k)?.duplicate_of ?? k;
  for (const g of groups) {
    const tools = new Set(g.members.map((m) => m.finding.source_tool.toLowerCase()));
    if (tools.size < 2) continue;
    if (involved) for (const m of g.members) involved.set(m.key, m);
    // An open member is kept as the primary, so a closed duplicate never hides an open one.
    const sorted = [...g.members].sort(
      (a, b) =>
        Number(b.state === 'open') - Number(a.state === 'open') ||
        toTime(a.first_seen) - toTime(b.first_seen) ||
        a.finding.source_tool.localeCompare(b.finding.source_tool) ||
        a.key.localeCompare(b.key),
    );
    const primary = primaryOf(sorted[0]!.key);
    const primaryTool = sorted[0]!.finding.source_tool;
    for (const m of sorted.slice(1)) {
      if (m.key === primary || linked.has(m.key)) continue;
      if (m.finding.source_tool.toLowerCase() === primaryTool.toLowerCase()) continue;
      const link: DuplicateLink = {
        key: m.key,
        duplicate_of: primary,
        reason: `${g.why}: ${m.finding.source_tool} and ${primaryTool} report the same root cause`,
      };
      linked.set(m.key, link);
      byEntry?.set(m, link);
    }
  }
  return [...linked.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Entries reported by more than one source or tool under the same identity key. */
export function mergedEntries(entries: readonly LifecycleEntry[]): LifecycleEntry[] {
  return entries.filter((e) => e.reporters.length > 1);
}
