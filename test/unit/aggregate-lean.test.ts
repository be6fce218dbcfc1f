import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRecordFindings, scanRecordsDir } from '../../src/commands/aggregate-load.js';
import { readSnapshot } from '../../src/commands/aggregate-history.js';
import {
  DROPPED_FIELDS,
  Hydrator,
  Interner,
  isLean,
  leanSnapshotEntry,
} from '../../src/commands/aggregate-lean.js';
import { countFindings } from '../../src/commands/collect.js';
import { advanceLifecycle, createLifecycle, observationOrder } from '../../src/metrics/lifecycle.js';
import { periodOf } from '../../src/metrics/period.js';
import type { Finding } from '../../src/schema/finding.js';
import { makeFinding, makeRun } from '../helpers/records.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sm-lean-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Keys in reverse order: valid, but not canonical (the re-read must go through the schema). */
function reversed(f: Finding): string {
  const o = f as unknown as Record<string, unknown>;
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(o)
        .reverse()
        .map((k) => [k, o[k]]),
    ),
  );
}

describe('lean findings and the re-read (aggregate-lean.ts)', () => {
  it('keeps the fields the metrics read, drops the rest, and re-reads every line exactly', async () => {
    const findings = Array.from({ length: 40 }, (_, i) =>
      makeFinding({
        key: `k${i}`,
        description: `long text ${'é'.repeat(i * 50)}`,
        tags: ['a', `t${i}`],
      }),
    );
    const d = path.join(dir, 'records', 'r1');
    await fs.mkdir(d, { recursive: true });
    const run = makeRun({ at: '2026-11-02T00:00:00Z' });
    run.counts = countFindings(findings);
    await fs.writeFile(path.join(d, 'run.json'), JSON.stringify(run));
    // CRLF on one line, a blank line, a non-canonical line, and no newline at the end.
    const lines = findings.map((f, i) =>
      i === 3 ? JSON.stringify(f) + '\r' : i === 7 ? reversed(f) : JSON.stringify(f),
    );
    lines.splice(10, 0, '   ');
    await fs.writeFile(path.join(d, 'findings.jsonl'), lines.join('\n'));

    const scan = await scanRecordsDir(path.join(dir, 'records'), 'records');
    const rec = scan.items[0]!.record!;
    const got = await loadRecordFindings(rec, { lean: true });
    expect(got.problems).toEqual([]);
    expect(got.partial).toBe(false);
    expect(got.findings).toHaveLength(40);
    const lean = got.findings[5]! as unknown as Record<string, unknown>;
    expect(isLean(got.findings[5]!)).toBe(true);
    for (const k of DROPPED_FIELDS) expect(lean).not.toHaveProperty(k);
    expect(lean.id).toBe(findings[5]!.id);

    const h = new Hydrator(scan.findingFiles);
    try {
      // Any order (the outputs read them sorted by severity and key, not by file position).
      for (const i of [39, 0, 7, 3, 20, 7, 1]) {
        expect(JSON.stringify(h.hydrate(got.findings[i]!))).toBe(JSON.stringify(findings[i]));
      }
    } finally {
      h.close();
    }
    // Not lean (e.g. an in-memory record): returned as it is.
    expect(new Hydrator([]).hydrate(findings[0]!)).toBe(findings[0]);
  });

  it('reports bad lines with file:line and marks the run partial, as before', async () => {
    const d = path.join(dir, 'records', 'r2');
    await fs.mkdir(d, { recursive: true });
    const run = makeRun({ at: '2026-11-02T00:00:00Z' });
    const f = makeFinding();
    run.counts = countFindings([f, f]);
    await fs.writeFile(path.join(d, 'run.json'), JSON.stringify(run));
    await fs.writeFile(path.join(d, 'findings.jsonl'), `${JSON.stringify(f)}\n{not json\n`);
    const scan = await scanRecordsDir(path.join(dir, 'records'), 'records');
    const got = await loadRecordFindings(scan.items[0]!.record!, { lean: true });
    expect(got.partial).toBe(true);
    expect(got.problems).toEqual([
      `${path.join('records', 'r2', 'findings.jsonl')}:2: not JSON; line skipped, the run closes nothing`,
    ]);
  });
});

describe('lean findings of history snapshot entries', () => {
  it('keeps canonical findings lean (same values) and re-reads them from the snapshot', async () => {
    const canonical = makeFinding({ key: 'c', description: 'x'.repeat(500), cwe: ['CWE-79'] });
    const other = reversed(makeFinding({ key: 'r' }));
    const entry = (f: unknown, i: number) => ({
      key: `acme/shop|${i}`,
      first_seen: '2026-10-01T00:00:00.000Z',
      scopes: { 'acme/shop|codeql|sast': '2026-10-01T00:00:00.000Z' },
      finding: typeof f === 'string' ? JSON.parse(f) : f,
    });
    const snap = {
      schema_version: 1,
      month: '2026-10',
      lifecycle: [entry(canonical, 0), entry(other, 1), entry(null, 2), 'odd', entry(canonical, 3)],
    };
    const file = path.join(dir, '2026-10.json');
    await fs.writeFile(file, JSON.stringify(snap));
    const pool = new Interner();
    const got = await readSnapshot(file, (e, start, end) => leanSnapshotEntry(e, file, start, end, pool), 7);
    const lifecycle = (got.value as typeof snap).lifecycle as Array<{ finding: Finding } | string>;
    expect(lifecycle).toHaveLength(5);
    const [a, b, c, d, e] = lifecycle as [
      { finding: Finding },
      { finding: Finding },
      { finding: null },
      string,
      { finding: Finding },
    ];
    expect(isLean(a.finding)).toBe(true);
    expect(isLean(e.finding)).toBe(true);
    expect(isLean(b.finding)).toBe(false); // not in the schema's key order: kept whole
    expect(c.finding).toBeNull();
    expect(d).toBe('odd');
    for (const k of DROPPED_FIELDS) expect(a.finding).not.toHaveProperty(k);
    // Pooled: the two entries share equal strings and lists.
    expect(e.finding.cwe).toBe(a.finding.cwe);
    const h = new Hydrator([]);
    try {
      expect(JSON.stringify(h.hydrate(e.finding))).toBe(JSON.stringify(canonical));
      expect(JSON.stringify(h.hydrate(a.finding))).toBe(JSON.stringify(canonical));
      expect(h.hydrate(b.finding)).toBe(b.finding);
    } finally {
      h.close();
    }
    // Everything else is the value JSON.parse gives.
    const plain = JSON.parse(JSON.stringify(snap)) as typeof snap;
    expect({ ...(got.value as object), lifecycle: [] }).toEqual({ ...plain, lifecycle: [] });
    expect({ ...a, finding: null }).toEqual({ ...(plain.lifecycle[0] as object), finding: null });
  });
});

describe('createLifecycle (the fold behind advanceLifecycle)', () => {
  it('gives the same entries and stats as advanceLifecycle, one observation at a time', () => {
    const period = periodOf('2026-11');
    const a = makeFinding({ key: 'a' });
    const b = makeFinding({ key: 'b' });
    const scopes = ['acme/shop|codeql|sast'];
    const observations = [
      {
        at: '2026-11-20T00:00:00Z',
        origin: 'collected' as const,
        name: 'n2',
        successScopes: scopes,
        findings: [a],
      },
      {
        at: '2026-11-02T00:00:00Z',
        origin: 'collected' as const,
        name: 'n1',
        successScopes: scopes,
        findings: [a, b],
      },
      {
        at: '2026-12-02T00:00:00Z',
        origin: 'collected' as const,
        name: 'late',
        successScopes: scopes,
        findings: [],
      },
    ];
    const all = advanceLifecycle({ prior: null, observations, platform: [], period });
    const lc = createLifecycle(null, period);
    for (const o of observations.filter((o) => lc.accepts(o.at)).sort(observationOrder)) lc.observe(o);
    const folded = lc.finish([]);
    expect(folded).toEqual(all);
    expect(folded.entries.find((e) => e.id === b.id)?.state).toBe('fixed');
  });
});

describe('lean findings share the values of the record they replace', () => {
  /** Two runs' files (same findings, some values changed in the second) loaded lean. */
  async function twoRuns(
    first: Finding[],
    second: Finding[],
  ): Promise<{ a: Finding[]; b: Finding[]; plain: Finding[]; files: readonly string[] }> {
    for (const [name, fs_] of [
      ['r1', first],
      ['r2', second],
    ] as const) {
      const d = path.join(dir, 'records', name);
      await fs.mkdir(d, { recursive: true });
      const run = makeRun({ at: '2026-11-02T00:00:00Z' });
      run.counts = countFindings(fs_);
      await fs.writeFile(path.join(d, 'run.json'), JSON.stringify(run));
      await fs.writeFile(path.join(d, 'findings.jsonl'), fs_.map((f) => JSON.stringify(f)).join('\n'));
    }
    const scan = await scanRecordsDir(path.join(dir, 'records'), 'records');
    const pool = new Interner();
    const [r1, r2] = scan.items.map((i) => i.record!);
    const a = (await loadRecordFindings(r1!, { lean: true, pool })).findings;
    const byId = new Map(a.map((f) => [f.id, f]));
    const b = (await loadRecordFindings(r2!, { lean: true, pool, previous: (f) => byId.get(f.id) })).findings;
    const plain = (await loadRecordFindings(r2!, { lean: true, pool })).findings;
    return { a, b, plain, files: scan.findingFiles };
  }

  it('takes equal values from the previous record, keeps its own where they differ, same values', async () => {
    const first = [
      makeFinding({ key: 'same' }),
      makeFinding({ key: 'moved' }),
      makeFinding({ key: 'renamed' }),
    ];
    const second = [
      { ...first[0]!, occurrence_id: 'o-new', last_seen: '2026-11-20T00:00:00.000Z', commit: 'c2' },
      { ...first[1]!, location: { ...first[1]!.location, start_line: 99 } },
      { ...first[2]!, finding_title: 'another title', identity: { scheme: 'x/v1', parts: ['p'] } },
      makeFinding({ key: 'new' }),
    ];
    const { a, b, plain, files } = await twoRuns(first, second);
    // Same values as without a previous record, whatever was shared.
    expect(b).toEqual(plain);
    const [same, moved, renamed] = b;
    expect(same!.identity).toBe(a[0]!.identity);
    expect(same!.location).toBe(a[0]!.location);
    expect(same!.id).toBe(a[0]!.id);
    expect(same!.finding_title).toBe(a[0]!.finding_title);
    expect(same!.occurrence_id).toBe('o-new');
    expect(moved!.identity).toBe(a[1]!.identity);
    expect(moved!.location).not.toBe(a[1]!.location);
    expect(moved!.location.start_line).toBe(99);
    expect(moved!.location.file).toBe(a[1]!.location.file);
    expect(renamed!.identity).not.toBe(a[2]!.identity);
    expect(renamed!.finding_title).toBe('another title');
    // Each re-reads its own line (the second run's).
    const h = new Hydrator(files);
    try {
      for (let i = 0; i < second.length; i++)
        expect(JSON.stringify(h.hydrate(b[i]!))).toBe(JSON.stringify(second[i]));
    } finally {
      h.close();
    }
  });

  it('shares nothing with a record that is not lean', async () => {
    const f = makeFinding({ key: 'x' });
    const d = path.join(dir, 'records', 'r1');
    await fs.mkdir(d, { recursive: true });
    const run = makeRun({ at: '2026-11-02T00:00:00Z' });
    run.counts = countFindings([f]);
    await fs.writeFile(path.join(d, 'run.json'), JSON.stringify(run));
    await fs.writeFile(path.join(d, 'findings.jsonl'), JSON.stringify(f));
    const scan = await scanRecordsDir(path.join(dir, 'records'), 'records');
    const got = await loadRecordFindings(scan.items[0]!.record!, { lean: true, previous: () => f });
    expect(got.findings[0]!.identity).not.toBe(f.identity);
    expect(got.findings[0]!.location).not.toBe(f.location);
    expect(got.findings[0]!.identity).toEqual(f.identity);
  });

  it('the lifecycle gives the latest record of an entry', () => {
    const lc = createLifecycle(null, periodOf('2026-11'));
    const a1 = makeFinding({ key: 'a' });
    const a2 = { ...a1, occurrence_id: 'o2' };
    expect(lc.latest(a1)).toBeUndefined();
    for (const [at, f] of [
      ['2026-11-02T00:00:00Z', a1],
      ['2026-11-09T00:00:00Z', a2],
    ] as const) {
      lc.observe({ at, origin: 'collected', name: at, successScopes: [], findings: [f] });
      expect(lc.latest(a1)).toBe(f);
    }
    expect(lc.latest(makeFinding({ key: 'b' }))).toBeUndefined();
  });
});

describe('lean findings of different repos share what recurs (the pool)', () => {
  /** The same dependency finding in `repos` repos, and a SAST finding with a unique part in each. */
  async function loadRepos(repos: number): Promise<{ sca: Finding[]; sast: Finding[]; raw: Finding[] }> {
    const pool = new Interner();
    const sca: Finding[] = [];
    const sast: Finding[] = [];
    const raw: Finding[] = [];
    for (let r = 0; r < repos; r++) {
      const repo = `acme/repo-${r}`;
      const dep = makeFinding({
        key: `dep-${r}`,
        repo,
        category: 'sca',
        rule_id: 'CVE-2024-1234',
        cve: ['CVE-2024-1234'],
        finding_title: 'lodash: prototype pollution in zipObjectDeep',
        identity: { scheme: 'sca/v1', parts: ['CVE-2024-1234', 'lodash', 'package-lock.json'] },
        package: {
          name: 'lodash',
          version: '4.17.15',
          fixed_version: '4.17.21',
          ecosystem: 'npm',
          purl: null,
        },
        location: { ...makeFinding().location, file: 'package-lock.json', start_line: null, end_line: null },
      });
      const code = makeFinding({
        key: `code-${r}`,
        repo,
        rule_id: 'js/sql-injection',
        identity: { scheme: 'sast/v1', parts: ['js/sql-injection', 'src/db.js', `ctx-${r}`] },
        location: { ...dep.location, file: 'src/db.js', start_line: 10 + r, end_line: 10 + r },
      });
      raw.push(dep, code);
      const d = path.join(dir, 'records', `r${r}`);
      await fs.mkdir(d, { recursive: true });
      const run = makeRun({ at: '2026-11-02T00:00:00Z', repo });
      run.counts = countFindings([dep, code]);
      await fs.writeFile(path.join(d, 'run.json'), JSON.stringify(run));
      await fs.writeFile(
        path.join(d, 'findings.jsonl'),
        [dep, code].map((f) => JSON.stringify(f)).join('\n'),
      );
    }
    const scan = await scanRecordsDir(path.join(dir, 'records'), 'records');
    for (const item of scan.items) {
      const [dep, code] = (await loadRecordFindings(item.record!, { lean: true, pool })).findings;
      sca.push(dep!);
      sast.push(code!);
    }
    return { sca, sast, raw };
  }

  it('shares an identity made of pooled strings, a location and a dependency title; same values', async () => {
    const { sca, sast, raw } = await loadRepos(3);
    const rawOf = (f: Finding) => raw.find((x) => x.id === f.id)!;
    for (const f of [...sca, ...sast]) {
      const want = rawOf(f);
      expect(f.identity).toEqual(want.identity);
      expect(f.location).toEqual(want.location);
      expect(f.finding_title).toBe(want.finding_title);
    }
    const [a, b, c] = sca;
    expect(b!.identity).toBe(a!.identity);
    expect(c!.identity).toBe(a!.identity);
    expect(b!.location).toBe(a!.location);
    expect(Object.isFrozen(a!.identity) && Object.isFrozen(a!.identity.parts)).toBe(true);
    expect(Object.isFrozen(a!.location)).toBe(true);
    // A SAST identity with a part of its own is not pooled; its known parts are the pooled strings.
    expect(sast[1]!.identity).not.toBe(sast[0]!.identity);
    expect(Object.isFrozen(sast[0]!.identity)).toBe(false);
    // Locations at another line of the same file are their own (a few per file are pooled).
    expect(sast[1]!.location).not.toBe(sast[0]!.location);
  });

  it('keeps a few locations per file and lets the rest be their own', () => {
    const pool = new Interner();
    const base = makeFinding().location;
    const at = (line: number) => ({ ...base, file: 'src/a.js', start_line: line, end_line: line });
    const first = Array.from({ length: Interner.LOCATIONS_PER_KEY + 2 }, (_, i) =>
      pool.location(at(i), () => at(i)),
    );
    const again = first.map((_, i) => pool.location(at(i), () => at(i)));
    for (let i = 0; i < first.length; i++) {
      expect(again[i]).toEqual(at(i));
      if (i < Interner.LOCATIONS_PER_KEY) expect(again[i]).toBe(first[i]);
      else expect(again[i]).not.toBe(first[i]);
    }
    const none = { ...at(1), file: null };
    expect(pool.location(none, () => none)).toBe(none); // nothing to look it up by: not pooled
  });
});
