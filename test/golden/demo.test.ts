import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/commands/demo.js';
import type { AggregateResult } from '../../src/commands/aggregate-api.js';
import { runAggregate } from '../../src/commands/aggregate.js';
import type { MetricsDocument } from '../../src/schema/metrics.js';
import { captureLogger } from '../../src/util/logger.js';

const root = path.resolve(import.meta.dirname, '../..');
const demoDir = path.join(root, 'examples/demo');
let out: string;
let result: AggregateResult;
const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
const schema = (f: string) => JSON.parse(readFileSync(path.join(root, 'schemas', f), 'utf8')) as object;

beforeAll(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'sm-demo-'));
  result = await runDemo(out, captureLogger(), demoDir);
});
afterAll(async () => {
  await fs.rm(out, { recursive: true, force: true });
});

describe('demo (bundled example org, three months)', () => {
  it('writes every output and a report under the issue size limit', () => {
    expect(result.month).toBe('2026-11');
    expect(result.title).toBe('Security metrics — 2026-11');
    for (const f of [
      'report.md',
      'metrics.json',
      'findings.csv',
      'findings.jsonl',
      'coverage.csv',
      'exceptions.csv',
      'manifest.json',
    ])
      expect(result.outputs.map((o) => path.basename(o))).toContain(f);
    expect(result.reportMarkdown.length).toBeLessThan(65_536);
    expect(result.historyFiles.map((h) => path.basename(h))).toEqual(['2026-11.json']);
  });

  it('has at least 10 metrics, each with value, trend, owner, why, confidence label and reason', () => {
    const doc = result.metrics as MetricsDocument;
    expect(doc.metrics.length).toBeGreaterThanOrEqual(10);
    for (const m of doc.metrics) {
      expect(m.owner).not.toBe('');
      expect(m.why).not.toBe('');
      expect(m.trend).toHaveLength(6);
      expect(m.trend.filter((t) => t.value !== null).length, m.id).toBeGreaterThanOrEqual(
        m.status === 'ok' ? 2 : 0,
      );
      expect(['A', 'B', 'C']).toContain(m.confidence.label);
      if (m.confidence.label !== 'A') expect(m.confidence.reasons.length, m.id).toBeGreaterThan(0);
    }
    expect(new Set(doc.metrics.map((m) => m.confidence.label))).toEqual(new Set(['A', 'B', 'C']));
  });

  it('shows what the demo org was built to show', () => {
    const doc = result.metrics as MetricsDocument;
    const d = Object.fromEntries(doc.distortion.map((x) => [x.id, x]));
    expect(d.duplicates_linked!.count).toBe(2);
    expect(d.missing_owners!.detail.join()).toMatch(/internal-wiki/);
    expect(d.exceptions_without_expiry!.detail.join()).toMatch(/EX-2026-002/);
    expect(d.exceptions_expired!.detail.join()).toMatch(/EX-2026-001 expired 2026-10-15/);
    expect(d.noisy_rules!.count).toBe(3);
    expect(d.infra_unmapped!.count).toBe(3);
    expect(d.infra_unmapped!.detail.join()).toMatch(/cloud · .*account 999999999999/);
    expect(d.stale_repos!.detail.join()).toMatch(
      /acme\/data-pipeline.*last run 2026-09-10.*acme\/legacy-crm.*never reported/,
    );
    expect(d.failed_scans!.detail.join()).toMatch(/Semgrep OSS/);
    const rel = doc.metrics.find((m) => m.id === 'release_pass_rate')!;
    expect(rel.secondary).toMatchObject({ pass: 2, fail: 1 });
    // The failed Semgrep run closed nothing: its SQL injection finding is still open (linked to CodeQL's).
    const lines = read('findings.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { source_tool: string; rule_id: string; state: string });
    expect(
      lines.find((f) => f.source_tool === 'Semgrep OSS' && f.rule_id.includes('tainted-sql'))!.state,
    ).toBe('duplicate');
    expect(read('findings.csv')).toMatch(
      /tainted-sql-string.*,2026-09-05T09:00:00.000Z,2026-09-05T09:00:00.000Z,2026-10-22T15:00:00.000Z,,0,/,
    );
  });

  it('report.md and the CSVs match the golden files', async () => {
    await expect(read('report.md')).toMatchFileSnapshot('../__outputs__/demo/report.md');
    await expect(read('findings.csv')).toMatchFileSnapshot('../__outputs__/demo/findings.csv');
    await expect(read('coverage.csv')).toMatchFileSnapshot('../__outputs__/demo/coverage.csv');
    await expect(read('exceptions.csv')).toMatchFileSnapshot('../__outputs__/demo/exceptions.csv');
  });

  it('metrics.json, findings.jsonl and the demo records validate against the shipped JSON Schemas', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const vm = ajv.compile(schema('metrics.schema.json'));
    expect(vm(JSON.parse(read('metrics.json'))), JSON.stringify(vm.errors)).toBe(true);
    const va = ajv.compile(schema('aggregated-finding.schema.json'));
    for (const l of read('findings.jsonl').trim().split('\n'))
      expect(va(JSON.parse(l)), JSON.stringify(va.errors)).toBe(true);
    const vf = ajv.compile(schema('finding.schema.json'));
    const vr = ajv.compile(schema('run.schema.json'));
    const walk = async (d: string): Promise<string[]> =>
      (await fs.readdir(d, { withFileTypes: true }))
        .flatMap((e) => (e.isDirectory() ? [] : [path.join(d, e.name)]))
        .concat(
          ...(await Promise.all(
            (await fs.readdir(d, { withFileTypes: true }))
              .filter((e) => e.isDirectory())
              .map((e) => walk(path.join(d, e.name))),
          )),
        );
    const files = await walk(path.join(demoDir, 'records'));
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (f.endsWith('run.json'))
        expect(vr(JSON.parse(text)), `${f}: ${JSON.stringify(vr.errors)}`).toBe(true);
      else
        for (const l of text.trim().split('\n').filter(Boolean))
          expect(vf(JSON.parse(l)), `${f}: ${JSON.stringify(vf.errors)}`).toBe(true);
    }
  });

  it('re-running a month gives the same bytes (idempotent), and the manifest hashes every output', async () => {
    const again = path.join(out, 'again');
    const req = {
      configPath: path.join(demoDir, 'security-metrics.yml'),
      recordsDir: path.join(demoDir, 'records'),
      manualDir: path.join(demoDir, 'manual'),
      inventoryPath: path.join(demoDir, 'inventory.csv'),
      exceptionsPath: path.join(demoDir, 'exceptions.yml'),
      ticketsPaths: [path.join(demoDir, 'tickets')],
      historyDir: path.join(out, 'history'),
      month: '2026-11',
    };
    await runAggregate({ ...req, outDir: again }, captureLogger());
    for (const f of [
      'report.md',
      'metrics.json',
      'findings.csv',
      'findings.jsonl',
      'coverage.csv',
      'exceptions.csv',
    ])
      expect(readFileSync(path.join(again, f), 'utf8'), f).toBe(read(f));
    const manifest = JSON.parse(readFileSync(path.join(again, 'manifest.json'), 'utf8')) as {
      inputs: unknown[];
      outputs: Array<{ path: string }>;
    };
    expect(manifest.outputs.map((o) => path.basename(o.path))).toEqual(
      expect.arrayContaining(['report.md', 'metrics.json', 'findings.csv', '2026-11.json']),
    );
    expect(manifest.inputs.length).toBeGreaterThan(40);
  });
});
