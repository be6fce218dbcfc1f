import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAggregate } from '../../src/commands/aggregate.js';
import { loadRecordsDir, parseDictionary } from '../../src/commands/aggregate-load.js';
import { parseInventory } from '../../src/inventory/load.js';
import type { MetricsDocument } from '../../src/schema/metrics.js';
import { renderReport } from '../../src/output/report.js';
import { captureLogger } from '../../src/util/logger.js';
import { countFindings } from '../../src/commands/collect.js';
import { makeFinding, makeRun } from '../helpers/records.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sm-agg-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeRun(
  rel: string,
  run: ReturnType<typeof makeRun>,
  findings: ReturnType<typeof makeFinding>[],
  extra = '',
) {
  const d = path.join(dir, 'records', rel);
  await fs.mkdir(d, { recursive: true });
  run.counts = countFindings(findings);
  await fs.writeFile(path.join(d, 'run.json'), JSON.stringify(run));
  await fs.writeFile(
    path.join(d, 'findings.jsonl'),
    findings.map((f) => JSON.stringify(f)).join('\n') + '\n' + extra,
  );
}

describe('bad input: message with file, row/line and field; the run continues', () => {
  it('an invalid dictionary field falls back to the default section and names file, line and field', () => {
    const text = [
      'version: 1',
      'sla:',
      '  preset: nist',
      'coverage:',
      '  freshness_days: 30',
      'bogus: 1',
      '',
    ].join('\n');
    const r = parseDictionary(text, '/x/security-metrics.yml');
    expect(r.problems).toEqual([
      'security-metrics.yml:3: field "sla.preset": Invalid option: expected one of "default"|"fedramp"|"pci"; the default "sla" section is used',
      expect.stringMatching(/^security-metrics\.yml:6: field "bogus": unknown section/),
    ]);
    expect(r.dict.sla.preset).toBe('default');
    expect(r.dict.coverage.freshness_days).toBe(30);
    expect(Object.keys(r.sections)).toEqual(['sla', 'bogus']);
  });

  it('invalid YAML in the dictionary uses the default and says where', () => {
    const r = parseDictionary('sla: [unclosed\n', 'd.yml');
    expect(r.problems[0]).toMatch(/^d\.yml:\d+: invalid YAML/);
    expect(r.dict.metrics).toHaveLength(12);
  });

  it('inventory rows: CSV and YAML errors name file, line and field; good rows load', () => {
    const csv =
      'application,owner,tier,repos,mobile\nshop,@a,tier-1,acme/shop,no\n,@b,tier-2,acme/x,no\npay,@c,tier-1,acme/pay,maybe\n';
    const r = parseInventory(csv, 'inv/inventory.csv');
    expect(r.entries.map((e) => e.application)).toEqual(['shop']);
    expect(r.errors).toEqual([
      'inventory.csv:3: field "application": is required',
      'inventory.csv:4: field "mobile": must be yes or no, found "maybe"',
    ]);
    const yml = 'applications:\n  - application: shop\n    repos: [acme/shop]\n  - owner: x\n';
    expect(parseInventory(yml, 'inv.yml').errors).toEqual([
      'inv.yml:4: field "application": Invalid input: expected string, received undefined',
    ]);
  });

  it('a bad findings.jsonl line is reported with file and line, and that run closes nothing', async () => {
    const a = makeFinding({ key: 'a' });
    await writeRun('r1', makeRun({ at: '2026-10-01T00:00:00Z' }), [a]);
    await writeRun('r2', makeRun({ at: '2026-11-02T00:00:00Z' }), [], '{"not":"a finding"}\n');
    const r = await loadRecordsDir(path.join(dir, 'records'), 'records');
    expect(r.problems[0]).toMatch(
      /^records\/r2\/findings\.jsonl:2: field "schema_version": .*line skipped, the run closes nothing$/,
    );
    const res = await runAggregate(
      { recordsDir: path.join(dir, 'records'), month: '2026-11', outDir: path.join(dir, 'out') },
      captureLogger(),
    );
    const doc = res.metrics as MetricsDocument;
    expect(doc.counts.open).toBe(1);
    const backlog = doc.metrics.find((m) => m.id === 'open_backlog')!;
    expect(backlog.confidence.label).toBe('B');
    expect(backlog.confidence.reasons.join()).toMatch(/record file problem/);
    expect(res.reportMarkdown).toMatch(/## Input problems/);
  });

  it('bad inventory and exception rows lower the confidence of the metrics they feed, with the reason', async () => {
    await writeRun('r1', makeRun({ at: '2026-11-02T00:00:00Z' }), [makeFinding({ key: 'a' })]);
    await fs.writeFile(
      path.join(dir, 'inv.csv'),
      'application,owner,tier,repos\nshop,@a,tier-1,acme/shop\nwiki,@w,tier-9,acme/wiki\n',
    );
    await fs.writeFile(
      path.join(dir, 'ex.csv'),
      'id,scope,expires\nEX-1,rule:x,2027-01-01\nEX-2,nonsense,2027-01-01\n',
    );
    const res = await runAggregate(
      {
        recordsDir: path.join(dir, 'records'),
        inventoryPath: path.join(dir, 'inv.csv'),
        exceptionsPath: path.join(dir, 'ex.csv'),
        month: '2026-11',
        outDir: path.join(dir, 'out'),
      },
      captureLogger(),
    );
    const doc = res.metrics as MetricsDocument;
    expect(doc.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^inv\.csv:3: field "tier": "tier-9" is not a tier of the dictionary/),
        expect.stringMatching(/^ex\.csv:3: field "scope": /),
      ]),
    );
    const ex = doc.metrics.find((m) => m.id === 'exception_volume')!;
    expect(ex.confidence.label).toBe('B');
    expect(ex.confidence.reasons.join()).toMatch(/1 exception log row problem/);
    expect(doc.metrics.find((m) => m.id === 'scanner_coverage')!.confidence.reasons.join()).toMatch(
      /inventory row problem/,
    );
  });

  it('an invalid dictionary section lowers the metrics that use it, with the reason', async () => {
    await writeRun('r1', makeRun({ at: '2026-11-02T00:00:00Z' }), [makeFinding({ key: 'a' })]);
    await fs.writeFile(
      path.join(dir, 'security-metrics.yml'),
      'sla:\n  preset: default\n  days: {critical: -1}\n',
    );
    const res = await runAggregate(
      {
        configPath: path.join(dir, 'security-metrics.yml'),
        recordsDir: path.join(dir, 'records'),
        month: '2026-11',
        outDir: path.join(dir, 'out'),
      },
      captureLogger(),
    );
    const doc = res.metrics as MetricsDocument;
    expect(doc.problems[0]).toMatch(
      /^security-metrics\.yml:3: field "sla\.days\.critical": .*the default "sla" section is used$/,
    );
    const crit = doc.metrics.find((m) => m.id === 'critical_over_sla')!;
    expect(crit.confidence.label).toBe('B');
    expect(crit.confidence.reasons).toContain(
      'B: dictionary section "sla" was invalid; the default was used',
    );
    expect(doc.metrics.find((m) => m.id === 'release_pass_rate')!.confidence.reasons.join()).not.toMatch(
      /sla/,
    );
  });

  it('a month with no inputs is reported as no data, not as zero', async () => {
    await writeRun('r1', makeRun({ at: '2026-09-02T00:00:00Z' }), [
      makeFinding({ key: 'a', severity: 'critical' }),
    ]);
    const res = await runAggregate(
      { recordsDir: path.join(dir, 'records'), month: '2026-11', outDir: path.join(dir, 'out') },
      captureLogger(),
    );
    const doc = res.metrics as MetricsDocument;
    for (const id of ['critical_over_sla', 'new_findings', 'open_backlog', 'release_pass_rate'])
      expect(doc.metrics.find((m) => m.id === id)!.status, id).toBe('no_data');
    expect(res.reportMarkdown).toMatch(/\| Critical findings older than SLA \| \*\*no data\*\* \|/);
  });

  it('unmapped findings are counted and shown, never dropped', async () => {
    await writeRun('r1', makeRun({ at: '2026-11-02T00:00:00Z', repo: 'acme/nowhere' }), [
      makeFinding({ key: 'a', repo: 'acme/nowhere', category: 'iac', source_tool: 'CodeQL' }),
    ]);
    const res = await runAggregate(
      { recordsDir: path.join(dir, 'records'), month: '2026-11', outDir: path.join(dir, 'out') },
      captureLogger(),
    );
    const doc = res.metrics as MetricsDocument;
    expect(doc.counts.unmapped).toBe(1);
    expect(doc.distortion.find((d) => d.id === 'infra_unmapped')!.count).toBe(1);
    expect(await fs.readFile(path.join(dir, 'out/findings.csv'), 'utf8')).toMatch(/,none,/);
  });
});

describe('Markdown safety of the report', () => {
  it('titles, owners and application names cannot ping, link, inject HTML or break a table', async () => {
    const evil =
      'pay|ments @acme/security-team #123 <img src=x onerror=alert(1)> `code` [link](http://evil.example)';
    await writeRun('r1', makeRun({ at: '2026-11-02T00:00:00Z', repo: 'acme/nowhere' }), [
      makeFinding({ key: 'a', repo: 'acme/nowhere', category: 'iac', finding_title: evil }),
    ]);
    await writeRun('r2', makeRun({ at: '2026-11-02T00:00:00Z', repo: 'acme/x' }), [
      makeFinding({ key: 'b', repo: 'acme/x', finding_title: evil }),
    ]);
    await fs.writeFile(
      path.join(dir, 'inv.csv'),
      `application,owner,tier,repos\n"${evil}",@acme/owners,tier-1,acme/x\n`,
    );
    const res = await runAggregate(
      {
        recordsDir: path.join(dir, 'records'),
        inventoryPath: path.join(dir, 'inv.csv'),
        month: '2026-11',
        outDir: path.join(dir, 'out'),
      },
      captureLogger(),
    );
    const md = res.reportMarkdown;
    expect(md).toContain('pay\\|ments');
    expect(md).not.toMatch(/@acme\/security-team/);
    expect(md).not.toMatch(/@acme\/owners/);
    expect(md).not.toMatch(/#123/);
    expect(md).not.toMatch(/<img/);
    expect(md).not.toMatch(/\]\(http:\/\/evil/);
    // Every table row has as many cells as its header.
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\| --- /.test(lines[i]!)) continue;
      const cols = (lines[i]!.match(/\|/g) ?? []).length;
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++)
        expect((lines[j]!.match(/(?<!\\)\|/g) ?? []).length, lines[j]).toBe(cols);
    }
    const csv = await fs.readFile(path.join(dir, 'out/findings.csv'), 'utf8');
    expect(csv).not.toMatch(/,@acme/);
  });

  it('trims detail to stay under the limit, and says so', async () => {
    await writeRun('r1', makeRun({ at: '2026-11-02T00:00:00Z' }), [makeFinding({ key: 'a' })]);
    const res = await runAggregate(
      { recordsDir: path.join(dir, 'records'), month: '2026-11', outDir: path.join(dir, 'out') },
      captureLogger(),
    );
    const doc = res.metrics as MetricsDocument;
    const full = renderReport(doc, 't');
    const small = renderReport(doc, 't', { limit: Math.floor(full.length * 0.7) });
    expect(small.length).toBeLessThan(Math.floor(full.length * 0.7));
    expect(small).toMatch(/trimmed to stay under/);
    const tiny = renderReport(doc, 't', { limit: 3000 });
    expect(tiny.length).toBeLessThan(3000);
    expect(tiny).toMatch(/Truncated at 3,000 characters/);
    expect((tiny.match(/^```/gm) ?? []).length % 2).toBe(0);
  });
});

describe('platform contract (records, inventory, exceptions and alerts in memory)', () => {
  it('aggregates in-memory inputs, lists source problems and lowers the confidence they affect', async () => {
    const run = makeRun({ at: '2026-11-02T00:00:00Z', event: 'release', gate: 'pass' });
    const f = makeFinding({ key: 'a', severity: 'critical' });
    run.counts = countFindings([f]);
    const alert = makeFinding({
      key: 'gh',
      source_tool: 'GitHub code scanning',
      first_seen: '2026-10-01T00:00:00Z',
      state: 'fixed',
      closed_at: '2026-11-10T00:00:00Z',
    });
    const res = await runAggregate(
      {
        records: [{ run, findings: [f], origin: 'artifact 1 of acme/shop' }],
        platformFindings: [alert],
        inventory: [
          {
            application: 'shop',
            owner: '@acme/shop',
            owner_source: 'custom-property',
            tier: 'tier-1',
            repos: ['acme/shop', 'acme/gone'],
            source: 'github:custom-properties',
          },
        ],
        exceptions: [
          {
            id: 'EX-9',
            scope: { type: 'rule', value: 'rule/zzz' },
            source: 'https://github.com/acme/sec/issues/9',
            expires: '2027-01-01',
          },
        ],
        sourceProblems: [
          { source: 'acme/gone', problem: 'artifact expired on 2026-11-02', affects: 'records' },
        ],
        historyDir: path.join(dir, 'history'),
        month: '2026-11',
        outDir: path.join(dir, 'out'),
        previousReportUrl: 'https://github.com/acme/sec/issues/41',
      },
      captureLogger(),
    );
    const doc = res.metrics as MetricsDocument;
    expect(doc.counts.records).toBe(2);
    expect(doc.metrics.find((m) => m.id === 'closed_findings')!.value).toBe(1);
    expect(doc.metrics.find((m) => m.id === 'release_pass_rate')!.value).toBe(100);
    expect(doc.metrics.find((m) => m.id === 'exception_volume')!.value).toBe(1);
    expect(doc.problems).toContain('acme/gone: artifact expired on 2026-11-02 (missing: records)');
    expect(doc.metrics.find((m) => m.id === 'open_backlog')!.confidence.reasons.join()).toMatch(
      /1 source\(s\) could not be read \(acme\/gone\)/,
    );
    expect(res.reportMarkdown).toContain("[Last month's report](https://github.com/acme/sec/issues/41)");
    expect(res.historyFiles).toEqual([path.join(dir, 'history', '2026-11.json')]);
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'out/manifest.json'), 'utf8')) as {
      inputs: Array<{ path: string }>;
    };
    expect(manifest.inputs.map((i) => i.path)).toContain('memory:artifact 1 of acme/shop');
  });
});
