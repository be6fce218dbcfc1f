import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUTS } from '../../src/schema/inputs.js';
import { ROOT } from '../helpers/gitlab-spec.js';
import {
  REMOTE_PATH,
  buildTool,
  makeProject,
  missingPrerequisite,
  runGcl,
} from '../helpers/gitlab-ci-local.js';

// The collect component run the way GitLab runs it (gitlab-ci-local: include by component path at
// $CI_COMMIT_SHA, typed inputs, artifacts, dotenv reports), with the tool built from this checkout.
const skip = missingPrerequisite();
if (skip) console.warn(skip);

const EPOCH = '1764547200'; // 2025-12-01T00:00:00Z: same run time in both runs, so records compare.
const GITLAB_REPORTS = INPUTS.find((i) => i.name === 'reports')!.gitlabDefault!;

function pipeline(inputs: Record<string, string>, extraJobs = ''): string {
  const lines = Object.entries(inputs).map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`);
  return [
    'stages: [scan, verify]',
    'include:',
    '  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/collect@$CI_COMMIT_SHA',
    '    inputs:',
    '      stage: scan',
    '      tool_command: node tool/cli.js',
    ...lines,
    extraJobs,
  ].join('\n');
}

const read = (p: string) => readFileSync(p, 'utf8');
const dirs: string[] = [];

describe.skipIf(skip !== null)('collect component under gitlab-ci-local', () => {
  let toolDir: string;
  beforeAll(async () => {
    toolDir = mkdtempSync(path.join(tmpdir(), 'sm-tool-'));
    dirs.push(toolDir);
    await buildTool(toolDir);
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('writes the record as artifacts, the gate as a dotenv report, a summary in the log; same record as the action', async () => {
    const ci = pipeline(
      { expected_controls: 'sast', fail_on: 'high', product: 'shop', mode: 'report' },
      [
        'verify-gate:',
        '  stage: verify',
        '  needs: [security-metrics]',
        '  script:',
        '    - echo "dotenv gate=$SECURITY_GATE blocking=$SECURITY_BLOCKING_COUNT total=$SECURITY_FINDINGS_COUNT"',
      ].join('\n'),
    );
    const { dir, sha } = makeProject(toolDir, ci);
    dirs.push(dir);
    const r = await runGcl(dir, ['--variable', 'GITLAB_CI=true', '--variable', `SOURCE_DATE_EPOCH=${EPOCH}`]);
    expect(r.output).toMatch(/PASS\s+security-metrics/);
    expect(r.code, r.output).toBe(0);

    const art = path.join(dir, '.gitlab-ci-local/artifacts/security-metrics/security-metrics');
    const run = JSON.parse(read(path.join(art, 'run.json'))) as Record<string, unknown> & {
      inputs: Array<{ path: string; status: string }>;
      event: { kind: string };
      gate: { result: string };
    };
    expect(run).toMatchObject({
      platform: 'gitlab',
      repo: REMOTE_PATH,
      commit: sha,
      ref: 'refs/heads/main',
      product: 'shop',
    });
    expect(run.event.kind).toBe('default_branch');
    // The default glob picks up GitLab's own report as well as SARIF.
    expect(run.inputs.map((i) => i.path).sort()).toEqual(['gl-sast-report.json', 'reports/app.sarif']);
    expect(run.inputs.map((i) => i.status)).toEqual(['ok', 'ok']);
    const findings = read(path.join(art, 'findings.jsonl')).trim().split('\n');
    expect(findings.length).toBe(4);

    const gate = read(path.join(art, 'gate.env'));
    expect(gate).toContain('SECURITY_GATE=fail');
    expect(gate).toContain('SECURITY_BLOCKING_COUNT=2');
    // The dotenv report reached the next job.
    expect(r.output).toMatch(/dotenv gate=fail blocking=2 total=\d+/);
    // Readable summary in the job log.
    expect(r.output).toContain('Security metrics');
    expect(r.output).toMatch(/gate: fail · \d+ record\(s\)/);

    // The GitHub action on the same inputs, same commit, same time: the same record.
    const ws = mkdtempSync(path.join(tmpdir(), 'sm-gha-'));
    dirs.push(ws);
    cpSync(path.join(ROOT, 'test/fixtures/gitlab-ci'), ws, { recursive: true });
    const event = path.join(ws, '..', `${path.basename(ws)}-event.json`);
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }));
    dirs.push(event);
    const outFile = path.join(ws, '..', `${path.basename(ws)}-output`);
    writeFileSync(outFile, '');
    dirs.push(outFile);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: REMOTE_PATH,
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: outFile,
      SOURCE_DATE_EPOCH: EPOCH,
      INPUT_REPORTS: GITLAB_REPORTS,
      INPUT_EXPECTED_CONTROLS: 'sast',
      INPUT_FAIL_ON: 'high',
      INPUT_PRODUCT: 'shop',
      INPUT_MODE: 'report',
      INPUT_UPLOAD_ARTIFACT: 'false',
    };
    const gha = spawnSync(process.execPath, [path.join(toolDir, 'index.js')], {
      cwd: ws,
      env,
      encoding: 'utf8',
    });
    expect(gha.status, gha.stdout + gha.stderr).toBe(0);
    const ghaDir = path.join(ws, 'security-metrics');
    expect(read(path.join(ghaDir, 'findings.jsonl'))).toBe(read(path.join(art, 'findings.jsonl')));
    expect(read(path.join(ghaDir, 'gate.env'))).toBe(gate);
    const ghaRun = JSON.parse(read(path.join(ghaDir, 'run.json'))) as Record<string, unknown>;
    // Only where it ran differs.
    const strip = (o: Record<string, unknown>) => {
      const { platform: _p, run_id: _i, run_url: _u, event, ...rest } = o;
      return { ...rest, event: { ...(event as object), reason: undefined } };
    };
    expect(strip(ghaRun)).toEqual(strip(run));
    expect(ghaRun.platform).toBe('github');
  });

  it('fails the job in enforce mode and still keeps the record', async () => {
    const { dir } = makeProject(
      toolDir,
      pipeline({ mode: 'enforce', fail_on: 'critical', reports: 'reports/*.sarif' }),
    );
    dirs.push(dir);
    const r = await runGcl(dir, ['--variable', 'GITLAB_CI=true']);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/FAIL\s+security-metrics/);
    expect(r.output).toContain('release gate failed');
    const art = path.join(dir, '.gitlab-ci-local/artifacts/security-metrics/security-metrics');
    expect(read(path.join(art, 'gate.env'))).toContain('SECURITY_GATE=fail');
    expect(existsSync(path.join(art, 'findings.jsonl'))).toBe(true);
  });

  it("runs this project's own .gitlab-ci.yml component test jobs at the commit", async () => {
    const { dir } = makeProject(toolDir, read(path.join(ROOT, '.gitlab-ci.yml')));
    dirs.push(dir);
    // The project's pipeline runs dist/cli.js of the commit; the fixture project has it under tool/.
    cpSync(path.join(dir, 'tool'), path.join(dir, 'dist'), { recursive: true });
    cpSync(path.join(ROOT, 'test/fixtures/gitlab-ci'), path.join(dir, 'test/fixtures/gitlab-ci'), {
      recursive: true,
    });
    spawnSync('git', ['add', '-A'], { cwd: dir });
    spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'dist'], {
      cwd: dir,
    });
    const r = await runGcl(dir, [
      '--variable',
      'GITLAB_CI=true',
      'component-collect',
      'verify-collect-component',
    ]);
    expect(r.output).toMatch(/PASS\s+component-collect/);
    expect(r.output).toMatch(/PASS\s+verify-collect-component/);
    expect(r.code, r.output).toBe(0);
  });

  it.each([
    ['mode', 'bogus', /not in the list of allowed options/],
    ['fail_on', 'severe', /not in the list of allowed options/],
    ['max_file_mb', 'lots', /does not match required regex/],
    ['tool_version', 'latest', /does not match required regex/],
  ])('rejects input %s=%s before any job runs', async (name, value, message) => {
    const { dir } = makeProject(toolDir, pipeline({ [name]: value }));
    dirs.push(dir);
    const r = await runGcl(dir, ['--variable', 'GITLAB_CI=true']);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(message);
    expect(r.output).not.toMatch(/security-metrics\s+starting/);
  });
});
