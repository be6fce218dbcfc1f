import { generateKeyPairSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../../src/util/logger.js';
import { localAggregate, startFakeOrg, type FakeOrg } from '../fakes/fake-org.js';
import { runGithubAggregateCli } from '../../src/platform/github/cli-aggregate.js';
import { main } from '../../src/cli.js';

describe('GitHub org aggregate: auth, shards, permissions, dry run', () => {
  let org: FakeOrg;
  beforeAll(async () => {
    org = await startFakeOrg({ nRepos: 12 });
  }, 60_000);
  afterAll(async () => {
    await org?.close();
  });

  it('authenticates as a GitHub App (JWT → installation token) and never logs secrets', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const masked: string[] = [];
    const logger = captureLogger();
    const r = await org.run(
      { github_token: '', app_id: '123', app_private_key: pem, dry_run: 'true' },
      logger,
      { maskSecret: (v) => masked.push(v) },
    );
    expect(r.exitCode).toBe(0);
    expect(org.fake.calls).toContain('GET /orgs/acme/installation');
    expect(org.fake.calls).toContain('POST /app/installations/42/access_tokens');
    expect(r.repos.filter((x) => x.status === 'ok').length).toBeGreaterThan(5);
    // dry run: no issue, no commit.
    expect(org.fake.issues.some((i) => i.title === 'Security metrics — 2026-11')).toBe(false);
    const text = logger.lines.join('\n') + r.summary;
    expect(text).not.toContain('installation-token');
    expect(text).not.toContain('PRIVATE KEY');
    expect(masked[0]).toBe(pem.trim());
    expect(masked).toContain('installation-token');
    expect(masked).toContain(pem.split('\n')[1]);
  });

  it('refuses a bad private key with a message naming the input', async () => {
    await expect(org.run({ github_token: '', app_id: '1', app_private_key: 'not a key' })).rejects.toThrow(
      /app_private_key/,
    );
  });

  it('names the org when the token is rejected', async () => {
    await expect(org.run({ github_token: 'wrong' })).rejects.toThrow(
      /cannot list the repos of org "acme": HTTP 401/,
    );
  });

  it('shards the repos over matrix jobs and merges them without per-repo calls', async () => {
    const a = await org.run({ shard: '1/2' });
    const b = await org.run({ shard: '2/2' });
    expect(a.shardFile && b.shardFile).toBeTruthy();
    expect(a.repos.length + b.repos.length).toBe(12);
    expect(a.issue).toBeUndefined();
    const dir = path.join(path.dirname(a.outDir), 'shards');
    await fs.mkdir(path.join(dir, 'one'), { recursive: true });
    await fs.mkdir(path.join(dir, 'two'), { recursive: true });
    await fs.copyFile(a.shardFile!, path.join(dir, 'one', path.basename(a.shardFile!)));
    await fs.copyFile(b.shardFile!, path.join(dir, 'two', path.basename(b.shardFile!)));
    const before = org.fake.calls.length;
    const merged = await org.run({ shards_dir: dir });
    const mergeCalls = org.fake.calls.slice(before);
    expect(mergeCalls.filter((c) => /\/repos\/acme\/svc-/.test(c))).toEqual([]);
    expect(merged.repos).toHaveLength(12);
    const metrics = JSON.parse(await fs.readFile(path.join(merged.outDir, 'metrics.json'), 'utf8'));
    const full = await org.run({ dry_run: 'true' });
    const fullMetrics = JSON.parse(await fs.readFile(path.join(full.outDir, 'metrics.json'), 'utf8'));
    expect(metrics.records).toBe(fullMetrics.records);
    expect(metrics.inventory).toBe(12);
    expect(merged.issue?.html_url).toContain('/issues/');
    expect(merged.summary).toMatch(/API calls in the shard jobs \| \d+/);
    await expect(org.run({ shards_dir: dir, month: '2026-10' })).rejects.toThrow(/was made for acme 2026-11/);
    // A missing shard stops the merge with a clear message.
    await fs.rm(path.join(dir, 'two'), { recursive: true });
    await expect(org.run({ shards_dir: dir })).rejects.toThrow(/shard 2\/2 is missing/);
  });

  it('treats forbidden alert endpoints as a note in auto mode and as a problem when required', async () => {
    org.fake.addFault('GET /orgs/acme/dependabot/alerts', {
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const auto = await org.run({ dry_run: 'true' });
    expect(auto.problems.some((p) => p.affects === 'alerts')).toBe(false);
    expect(auto.summary).toMatch(/dependabot alerts \| not read \(HTTP 403/);
    org.fake.addFault('GET /orgs/acme/dependabot/alerts', {
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const strict = await org.run({ dry_run: 'true', platform_alerts: 'true' });
    expect(strict.problems.find((p) => p.affects === 'alerts')?.problem).toMatch(/Dependabot alerts: read/);
    const off = await org.run({ dry_run: 'true', platform_alerts: 'false' });
    expect(off.summary).not.toContain('alerts |');
  });

  it('runs from the CLI with the token from the environment and GITHUB_API_URL read at call time', async () => {
    const logger = captureLogger();
    const out = path.join(path.dirname((await org.run({ dry_run: 'true' })).outDir), 'cli-out');
    const code = await runGithubAggregateCli(
      [
        '--github-org',
        'acme',
        '--central-repo',
        'acme/security-central',
        '--month',
        '2026-11',
        '--out',
        out,
        '--dry-run',
        'true',
        '--exclude-repos',
        'security-central',
      ],
      { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: org.fake.url },
      logger,
      localAggregate,
    );
    expect(code).toBe(0);
    expect(JSON.parse(await fs.readFile(path.join(out, 'metrics.json'), 'utf8')).inventory).toBe(12);
    expect(logger.lines.join('\n')).toContain('API calls');
    // A token on the command line is refused (it would show in `ps`).
    const err = captureLogger();
    const orig = process.stderr.write.bind(process.stderr);
    let stderr = '';
    process.stderr.write = ((c: string) => ((stderr += c), true)) as typeof process.stderr.write;
    try {
      expect(
        await main(['aggregate', '--github-org', 'acme', '--github-token', 'x'], {
          GITHUB_API_URL: org.fake.url,
        }),
      ).toBe(2);
    } finally {
      process.stderr.write = orig;
    }
    expect(stderr).toMatch(/github-token/);
    void err;
  });

  it('never makes a second issue when the create answers 5xx after it happened', async () => {
    org.fake.addFault('POST /repos/acme/security-central/issues', { status: 502, afterWrite: true });
    const r = await org.run({ month: '2026-09' });
    expect(r.issue?.created).toBe(false);
    expect(org.fake.issues.filter((i) => i.title === 'Security metrics — 2026-09')).toHaveLength(1);
    // A create that failed before anything happened is tried once more.
    org.fake.addFault('POST /repos/acme/security-central/issues', { status: 503 });
    const r2 = await org.run({ month: '2026-08' });
    expect(r2.issue?.created).toBe(true);
    expect(org.fake.issues.filter((i) => i.title === 'Security metrics — 2026-08')).toHaveLength(1);
  });

  it('creates the history branch when it does not exist yet', async () => {
    org.fake.branches.get('acme/security-central')!.delete('security-metrics-data');
    const r = await org.run({ month: '2026-07' });
    expect(r.historyCommit).toMatch(/^[0-9a-f]{40}$/);
    const files = org.fake.branchFiles('acme/security-central', 'security-metrics-data')!;
    expect([...files.keys()]).toEqual(['history/2026-07.json']);
    expect(org.fake.calls).toContain('POST /repos/acme/security-central/git/refs');
  });
});
