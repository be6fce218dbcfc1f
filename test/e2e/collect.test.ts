import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCollect, type Platform } from '../../src/commands/collect.js';
import { parseCollectInputs } from '../../src/schema/inputs.js';
import { captureLogger } from '../../src/util/logger.js';
import { RunRecord } from '../../src/schema/run.js';
import { Finding } from '../../src/schema/finding.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/fixtures');

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'collect-'));
  cpSync(path.join(fixtures, 'sarif'), path.join(dir, 'reports'), { recursive: true });
  return dir;
}

function capturePlatform() {
  const outputs: Record<string, string> = {};
  const summaries: string[] = [];
  const annotations: Array<{ message: string; file?: string; line?: number }> = [];
  const platform: Platform = {
    name: 'local',
    writeSummary: async (m) => void summaries.push(m),
    setOutput: (k, v) => void (outputs[k] = v),
    annotate: (_l, message, where) => void annotations.push({ message, ...where }),
  };
  return { platform, outputs, summaries, annotations };
}

describe('collect', () => {
  it('writes findings.jsonl, run.json and gate.env; records skipped files; outputs and summary', async () => {
    const cwd = workspace();
    const cap = capturePlatform();
    const logger = captureLogger();
    const r = await runCollect(
      parseCollectInputs({
        reports: 'reports/*.sarif\nreports/*.json\nmissing/**/*.sarif',
        product: 'shop',
        mode: 'report',
        fail_on: 'high',
      }),
      { cwd, env: { SOURCE_DATE_EPOCH: '1764547200' }, logger, platform: cap.platform },
    );
    expect(r.exitCode).toBe(0);
    const run = RunRecord.parse(
      JSON.parse(readFileSync(path.join(cwd, 'security-metrics/run.json'), 'utf8')),
    );
    const lines = readFileSync(path.join(cwd, 'security-metrics/findings.jsonl'), 'utf8').trim().split('\n');
    lines.forEach((l) => Finding.parse(JSON.parse(l)));
    expect(lines).toHaveLength(5);
    expect(run.started_at).toBe('2025-12-01T00:00:00.000Z');
    expect(run.inputs.map((i) => [i.path, i.status])).toEqual([
      ['reports/codeql-mini.sarif', 'ok'],
      ['reports/empty.sarif', 'skipped'],
      ['reports/gitleaks-mini.sarif', 'ok'],
      ['reports/sarif-v1.sarif', 'error'],
      ['reports/truncated.sarif', 'error'],
      ['reports/not-sarif.json', 'error'],
    ]);
    expect(run.inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run.globs.find((g) => g.pattern === 'missing/**/*.sarif')!.matched).toBe(0);
    expect(run.warnings.join('\n')).toMatch(/matched no file/);
    expect(run.coverage.sast.status).toBe('ran');
    expect(run.coverage.secret.status).toBe('ran');
    expect(run.coverage.sca.status).toBe('not_run');
    expect(run.gate!.result).toBe('fail');
    expect(readFileSync(path.join(cwd, 'security-metrics/gate.env'), 'utf8')).toMatch(
      /^SECURITY_GATE=fail$/m,
    );
    expect(cap.outputs.gate).toBe('fail');
    expect(cap.outputs.findings_count).toBe('5');
    expect(cap.summaries[0]).toMatch(/### Release gate/);
    expect(cap.summaries[0]).toMatch(/reports\/truncated\.sarif/);
    expect(cap.annotations.length).toBeGreaterThan(0);
    expect(cap.annotations.length).toBeLessThanOrEqual(50);
    // secrets never leave the scanner output
    for (const f of ['findings.jsonl', 'run.json', 'gate.env'])
      expect(readFileSync(path.join(cwd, 'security-metrics', f), 'utf8')).not.toContain(
        'AKIAIOSFODNN7EXAMPLE',
      );
    expect(cap.summaries.join('')).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(logger.lines.join('\n')).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('expected controls that produced nothing are marked missing', async () => {
    const cwd = workspace();
    const r = await runCollect(
      parseCollectInputs({
        reports: 'reports/codeql-mini.sarif',
        expected_controls: 'sast,sca,iac',
        mode: 'report',
      }),
      {
        cwd,
        env: {},
        logger: captureLogger(),
        platform: capturePlatform().platform,
      },
    );
    expect(r.run.coverage.sca.status).toBe('missing');
    expect(r.run.coverage.iac.status).toBe('missing');
    expect(r.run.coverage.sast.status).toBe('ran');
    expect(r.run.warnings.filter((w) => /marked missing/.test(w))).toHaveLength(2);
  });

  it('no readable input → no_data; enforce mode fails, report mode does not', async () => {
    const cwd = workspace();
    const enforce = await runCollect(parseCollectInputs({ reports: 'nothing/*.sarif', mode: 'enforce' }), {
      cwd,
      env: {},
      logger: captureLogger(),
      platform: capturePlatform().platform,
    });
    expect(enforce.run.gate!.result).toBe('no_data');
    expect(enforce.exitCode).toBe(1);
    const report = await runCollect(parseCollectInputs({ reports: 'nothing/*.sarif', mode: 'report' }), {
      cwd,
      env: {},
      logger: captureLogger(),
      platform: capturePlatform().platform,
    });
    expect(report.run.gate!.result).toBe('no_data');
    expect(report.exitCode).toBe(0);
  });

  it('only unreadable files → exit 2 (fail_on_parse_error all-failed)', async () => {
    const cwd = workspace();
    const r = await runCollect(parseCollectInputs({ reports: 'reports/truncated.sarif' }), {
      cwd,
      env: {},
      logger: captureLogger(),
      platform: capturePlatform().platform,
    });
    expect(r.exitCode).toBe(2);
  });

  it('an invalid exception log fails the step in enforce mode and only warns in report mode', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'exceptions.csv'), 'id,scope,expires\nEX-1,cve:CVE-1,not-a-date\n');
    const base = { reports: 'reports/codeql-mini.sarif', exceptions: 'exceptions.csv', fail_on: 'none' };
    const enforce = await runCollect(parseCollectInputs({ ...base, mode: 'enforce' }), {
      cwd,
      env: {},
      logger: captureLogger(),
      platform: capturePlatform().platform,
    });
    expect(enforce.exitCode).toBe(2);
    expect(enforce.run.gate!.exceptions.errors[0]).toMatch(/exceptions\.csv:2: field "expires"/);
    const report = await runCollect(parseCollectInputs({ ...base, mode: 'report' }), {
      cwd,
      env: {},
      logger: captureLogger(),
      platform: capturePlatform().platform,
    });
    expect(report.exitCode).toBe(0);
  });

  it('bad inputs are reported by input name', () => {
    expect(() => parseCollectInputs({ reports: 'x', fail_on: 'severe' })).toThrow(
      /input "fail_on": must be one of critical, high, medium, low, none/,
    );
    expect(() => parseCollectInputs({ reports: 'x', expected_controls: 'sast,fuzzing' })).toThrow(
      /unknown control "fuzzing"/,
    );
    expect(() => parseCollectInputs({ reports: 'x', max_findings: 'high=lots' })).toThrow(
      /input "max_findings"/,
    );
  });
});

const cli = path.join(root, 'dist/cli.js');
describe.skipIf(!existsSync(cli))('CLI (dist/cli.js)', () => {
  const run = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

  it('collect exits 1 on a critical in enforce mode (the default) and 0 with --mode report', () => {
    const cwd = workspace();
    const r1 = run(
      ['collect', '--reports', 'reports/codeql-mini.sarif', '--out', 'out1', '--fail-on', 'critical'],
      cwd,
    );
    expect(r1.status).toBe(1);
    expect(JSON.parse(readFileSync(path.join(cwd, 'out1/run.json'), 'utf8')).gate.result).toBe('fail');
    const r2 = run(
      [
        'collect',
        '--reports',
        'reports/codeql-mini.sarif',
        '--out',
        'out2',
        '--fail-on',
        'critical',
        '--mode',
        'report',
      ],
      cwd,
    );
    expect(r2.status).toBe(0);
  });

  it('normalize prints JSONL; bad files are named on stderr without a stack trace; exit 2 when nothing was read', () => {
    const cwd = workspace();
    const ok = run(['normalize', 'reports/codeql-mini.sarif', 'reports/truncated.sarif'], cwd);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(4);
    expect(ok.stderr).toMatch(/reports\/truncated\.sarif:1:\d+: not valid JSON/);
    expect(ok.stderr).not.toMatch(/\n\s+at /);
    const bad = run(['normalize', 'reports/truncated.sarif'], cwd);
    expect(bad.status).toBe(2);
    mkdirSync(path.join(cwd, 'adir'));
    const dir = run(['normalize', 'adir'], cwd);
    expect(dir.status).toBe(2);
    expect(dir.stderr).toMatch(/adir: is a directory/);
  });

  it('unknown flags and formats are exit 2 with a message', () => {
    const cwd = workspace();
    expect(run(['collect', '--bogus'], cwd).status).toBe(2);
    const f = run(['normalize', '--format', 'nope', 'reports/codeql-mini.sarif'], cwd);
    expect(f.status).toBe(2);
    expect(f.stderr).toMatch(/unknown format "nope"; valid formats: auto, /);
  });
});

describe('expected controls from the data dictionary', () => {
  it("a tier without expected_controls expects the tier's required controls (built-in dictionary)", async () => {
    const cwd = workspace();
    const r = await runCollect(
      parseCollectInputs({ reports: 'reports/codeql-mini.sarif', tier: 'tier-2', mode: 'report' }),
      {
        cwd,
        env: {},
        logger: captureLogger(),
        platform: capturePlatform().platform,
      },
    );
    // default tier-2 requires sast, sca, secret
    expect(r.run.coverage.sast).toMatchObject({ expected: true, status: 'ran' });
    expect(r.run.coverage.sca).toMatchObject({ expected: true, status: 'missing' });
    expect(r.run.coverage.secret).toMatchObject({ expected: true, status: 'missing' });
    expect(r.run.coverage.iac.expected).toBe(false);
  });

  it('an unknown tier is a warning, not a crash', async () => {
    const cwd = workspace();
    const r = await runCollect(
      parseCollectInputs({ reports: 'reports/codeql-mini.sarif', tier: 'gold', mode: 'report' }),
      {
        cwd,
        env: {},
        logger: captureLogger(),
        platform: capturePlatform().platform,
      },
    );
    expect(r.run.warnings.join('\n')).toMatch(/tier "gold" is not in the data dictionary/);
  });
});
