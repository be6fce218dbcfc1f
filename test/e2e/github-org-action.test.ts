import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/main.js';
import { startFakeOrg, type FakeOrg } from '../fakes/fake-org.js';

describe('command: aggregate through the action entry (INPUT_* env, as a runner runs it)', () => {
  let org: FakeOrg;
  let dir: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    org = await startFakeOrg({ nRepos: 200, faults: true });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'psm-action-'));
  }, 120_000);
  afterAll(async () => {
    process.env = saved;
    await org?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads GITHUB_API_URL when it runs, publishes through the core, and updates the issue on a rerun', async () => {
    const summary = path.join(dir, 'summary.md');
    const outputs = path.join(dir, 'outputs.txt');
    await fs.writeFile(summary, '');
    await fs.writeFile(outputs, '');
    Object.assign(process.env, {
      INPUT_COMMAND: 'aggregate',
      INPUT_GITHUB_TOKEN: 'test-token',
      INPUT_GITHUB_ORG: 'acme',
      INPUT_CENTRAL_REPO: 'acme/security-central',
      INPUT_MONTH: '2026-11',
      INPUT_OUTPUT_DIR: path.join(dir, 'out'),
      INPUT_UPLOAD_ARTIFACT: 'false',
      INPUT_EXCLUDE_REPOS: 'security-central',
      // Set after the modules were imported: the job must read it at call time.
      GITHUB_API_URL: org.fake.url,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: outputs,
      GITHUB_REPOSITORY: 'acme/security-central',
    });
    process.exitCode = undefined;
    const stdout: string[] = [];
    const orig = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((c: string) => (stdout.push(String(c)), true)) as typeof process.stdout.write;
    try {
      await run();
    } finally {
      process.stdout.write = orig;
    }
    const log = stdout.join('');
    expect(log).toContain('::add-mask::test-token');
    expect(log.replace('::add-mask::test-token', '')).not.toContain('test-token');
    expect(org.fake.calls.some((c) => c.startsWith('GET /orgs/acme/repos'))).toBe(true);
    expect(process.exitCode ?? 0).toBe(0);
    const issue = org.fake.issues.find((i) => (i.body ?? '').includes('month=2026-11'))!;
    expect(issue.title).toContain('2026-11');
    expect(issue.body).toContain('https://github.test/acme/security-central/issues/90');
    expect(await fs.readFile(summary, 'utf8')).toContain('rate limit left');
    expect(await fs.readFile(outputs, 'utf8')).toContain(issue.html_url);
    expect(
      org.fake.branchFiles('acme/security-central', 'security-metrics-data')!.has('history/2026-11.json'),
    ).toBe(true);
    // ≤ 2 calls per healthy repo (release runs and retried faults aside) plus a constant.
    const perRepo = org.fake.calls.filter((c) => /^GET \/repos\/acme\/svc-/.test(c)).length;
    expect(perRepo).toBeLessThanOrEqual(2 * 200 + 3 + 12);
    expect(org.fake.calls.length - perRepo).toBeLessThanOrEqual(40);
    const outFiles = await fs.readdir(path.join(dir, 'out'));
    expect(outFiles).toEqual(expect.arrayContaining(['report.md', 'metrics.json', 'sources.json']));
    const failed = JSON.parse(await fs.readFile(path.join(dir, 'out', 'sources.json'), 'utf8')).repos.filter(
      (r: { status: string }) => r.status === 'failed',
    );
    expect(failed.map((r: { repo: string }) => r.repo).sort()).toEqual(
      [...org.expectedFailures.keys()].sort(),
    );
    const report = await fs.readFile(path.join(dir, 'out', 'report.md'), 'utf8');
    for (const repo of org.expectedFailures.keys()) expect(report).toContain(repo);
    await fs.writeFile(outputs, '');
    await run();
    expect(org.fake.issues.filter((i) => (i.body ?? '').includes('month=2026-11'))).toHaveLength(1);
    process.exitCode = undefined;
  }, 120_000);
});
