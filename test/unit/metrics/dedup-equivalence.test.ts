import { describe, expect, it } from 'vitest';
import { linkDuplicates, type DuplicateLink } from '../../../src/metrics/dedup.js';
import type { LifecycleEntry } from '../../../src/metrics/lifecycle.js';
import { toTime } from '../../../src/metrics/period.js';
import type { Finding } from '../../../src/schema/finding.js';
import { makeFinding } from '../../helpers/records.js';

// The implementation before the memory work (one group object per root-cause key, every group
// sorted), kept here as the reference the current one must agree with.
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

/** Link entries of different tools that report the same root cause. The earliest-seen one is kept. */
function referenceLinkDuplicates(entries: readonly LifecycleEntry[]): DuplicateLink[] {
  const groups = new Map<string, { why: string; members: LifecycleEntry[] }>();
  for (const e of entries) {
    if (e.finding.state === 'duplicate') continue;
    for (const k of rootCauseKeys(e)) {
      let g = groups.get(k.group);
      if (!g) groups.set(k.group, (g = { why: k.why, members: [] }));
      g.members.push(e);
    }
  }
  const linked = new Map<string, DuplicateLink>();
  const primaryOf = (k: string): string => linked.get(k)?.duplicate_of ?? k;
  for (const [, g] of [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const tools = new Set(g.members.map((m) => m.finding.source_tool.toLowerCase()));
    if (tools.size < 2) continue;
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
      linked.set(m.key, {
        key: m.key,
        duplicate_of: primary,
        reason: `${g.why}: ${m.finding.source_tool} and ${primaryTool} report the same root cause`,
      });
    }
  }
  return [...linked.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Deterministic pseudo-random numbers (no Math.random in tests). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function entries(n: number, seed: number): LifecycleEntry[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: LifecycleEntry[] = [];
  for (let i = 0; i < n; i++) {
    const category = pick(['sast', 'sca', 'container', 'secret', 'dast', 'iac'] as const);
    const f: Finding = makeFinding({
      key: `k${i}`,
      category,
      source_tool: pick(['CodeQL', 'codeql', 'Semgrep', 'Trivy', 'Grype']),
      state: pick(['open', 'open', 'fixed', 'duplicate', 'suppressed'] as const),
      cwe: pick([[], ['CWE-79'], ['CWE-79', 'CWE-89'], ['CWE-79', 'CWE-79']]),
      package: pick([
        null,
        {
          name: pick(['Lodash', 'lodash', 'x']),
          version: '1',
          fixed_version: null,
          ecosystem: null,
          purl: null,
        },
      ]),
      location: {
        file: pick([null, 'a.js', 'b.js', '/a.js']),
        start_line: pick([null, 1, 2]),
        end_line: null,
        url: pick([null, 'https://x/a?q=1', 'https://x/a#f']),
        resource: null,
        image: pick([null, null, 'img:1']),
        account: null,
        region: null,
      },
    });
    f.identity = { scheme: 'x', parts: [pick(['CVE-1', 'CVE-2', ''])] };
    out.push({
      key: `${pick(['acme/a', 'acme/b'])}|${f.id}|${i}`,
      id: f.id,
      repo: pick(['acme/a', 'ACME/a', null, 'acme/b', 'Acme/B']),
      first_seen: pick(['2026-10-01T00:00:00.000Z', '2026-10-02T00:00:00.000Z']),
      first_observed: '2026-10-01T00:00:00.000Z',
      last_seen: '2026-11-01T00:00:00.000Z',
      closed_at: null,
      state: pick(['open', 'fixed', 'open']),
      state_reason: null,
      reopened: 0,
      scopes: {},
      reporters: [],
      origin: 'collected',
      confidence: 'A',
      finding: f,
    });
  }
  return out;
}

describe('linkDuplicates', () => {
  it('links exactly as the reference implementation on many mixed entries', () => {
    let linked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const es = entries(400, seed);
      const got = linkDuplicates(es);
      expect(got).toEqual(referenceLinkDuplicates(es));
      linked += got.length;
    }
    expect(linked).toBeGreaterThan(100);
  });
});
