import { promises as fs } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AggregateRequest } from '../../src/commands/aggregate-api.js';
import { captureLogger } from '../../src/util/logger.js';
import { runGitlabAggregate, type GitlabAggregateOptions } from '../../src/platform/gitlab/aggregate.js';
import { UserError } from '../../src/util/errors.js';
import { gitlabAggregateCli } from '../../src/commands/gitlab-aggregate-cli.js';
import { main } from '../../src/cli.js';
import { fakeCore } from '../helpers/fake-core.js';
import { runAggregate } from '../../src/commands/aggregate.js';
import { artifactZip } from '../helpers/collector-record.js';
import { FakeGitlab } from '../helpers/fake-gitlab.js';

const ASOF = new Date('2026-12-03T06:00:00Z');
const MONTH = '2026-11';
const TITLE = `Security metrics — ${MONTH}`;
const tmp: string[] = [];
const mkTmp = (p: string) => {
  const d = mkdtempSync(path.join(tmpdir(), p));
  tmp.push(d);
  return d;
};

describe('GitLab group aggregation against a fake GitLab', () => {
  const gl = new FakeGitlab();
  let zipShop: Uint8Array;
  let zipApi: Uint8Array;

  beforeAll(async () => {
    await gl.start();
    zipShop = await artifactZip('acme/shop', mkTmp('sm-rec-'));
    zipApi = await artifactZip('acme/payments/api', mkTmp('sm-rec-'));
  });
  afterAll(async () => {
    await gl.stop();
    for (const d of tmp) rmSync(d, { recursive: true, force: true });
  });

  beforeEach(() => {
    gl.projects = [
      { id: 1, path_with_namespace: 'acme/central', default_branch: 'main' },
      {
        id: 2,
        path_with_namespace: 'acme/shop',
        default_branch: 'main',
        topics: ['product:shop', 'owner:team-shop', 'tier:1'],
      },
      {
        id: 3,
        path_with_namespace: 'acme/payments/api',
        default_branch: 'main',
        topics: ['product:payments', 'service:api'],
      },
      { id: 4, path_with_namespace: 'acme/old', default_branch: 'main', archived: true },
      { id: 5, path_with_namespace: 'acme/noci', default_branch: 'main' },
      { id: 6, path_with_namespace: 'acme/broken', default_branch: 'main' },
      { id: 7, path_with_namespace: 'acme/empty', default_branch: null, empty_repo: true },
      { id: 8, path_with_namespace: 'acme/locked', default_branch: 'develop' },
    ];
    gl.groups = { acme: [1, 2, 4, 5, 6, 7, 8] };
    gl.artifacts = new Map([
      ['2|main|security-metrics', zipShop],
      ['3|main|security-metrics', zipApi],
      ['4|main|security-metrics', zipShop],
      ['6|main|security-metrics', new TextEncoder().encode('this is not a zip')],
    ]);
    gl.issues = new Map([
      [
        1,
        [
          {
            iid: 1,
            title: 'Security metrics — 2026-10',
            description: 'last month',
            labels: ['security-metrics'],
            state: 'closed',
            web_url: `${gl.apiOrigin}/acme/central/-/issues/1`,
            created_at: '2026-11-02T06:00:00Z',
          },
          {
            iid: 2,
            title: 'Exception: log4j in the batch job',
            description:
              '```yaml\nid: EX-2026-001\nscope: cve:CVE-2021-44228\nowner: team-shop\nreason: not reachable\nexpires: 2027-03-31\n```\n',
            labels: ['security-exception'],
            state: 'opened',
            web_url: `${gl.apiOrigin}/acme/central/-/issues/2`,
            created_at: '2026-11-05T06:00:00Z',
          },
          {
            iid: 3,
            title: 'Exception without scope',
            description: 'Owner: team-x\nReason: trust me',
            labels: ['security-exception'],
            state: 'opened',
            web_url: `${gl.apiOrigin}/acme/central/-/issues/3`,
            created_at: '2026-11-06T06:00:00Z',
          },
        ],
      ],
    ]);
    gl.files = new Map([
      [
        '1|main',
        new Map([['security-metrics-history/snapshots/2026-10.json', Buffer.from('{"month":"2026-10"}\n')]]),
      ],
    ]);
    gl.commits = [];
    gl.requests = [];
    gl.vulnerabilities = [
      {
        id: 'gid://gitlab/Vulnerability/11',
        title: 'SQL injection',
        severity: 'HIGH',
        state: 'DETECTED',
        reportType: 'SAST',
        detectedAt: '2026-11-10T00:00:00Z',
        project: { fullPath: 'acme/shop' },
        scanner: { name: 'Semgrep', vendor: 'GitLab' },
        identifiers: [
          { externalType: 'semgrep_id', externalId: 'python.sqli', name: 'python.sqli' },
          { externalType: 'cwe', externalId: '89', name: 'CWE-89' },
        ],
        location: { __typename: 'VulnerabilityLocationSast', file: 'app/db.py', startLine: '10' },
      },
      {
        id: 'gid://gitlab/Vulnerability/12',
        title: 'log4j',
        severity: 'CRITICAL',
        state: 'DISMISSED',
        dismissalReason: 'ACCEPTABLE_RISK',
        dismissedAt: '2026-11-12T00:00:00Z',
        reportType: 'DEPENDENCY_SCANNING',
        detectedAt: '2026-10-01T00:00:00Z',
        project: { fullPath: 'acme/payments/api' },
        scanner: { name: 'Gemnasium' },
        identifiers: [{ externalType: 'cve', externalId: 'CVE-2021-44228', name: 'CVE-2021-44228' }],
        location: {
          __typename: 'VulnerabilityLocationDependencyScanning',
          file: 'pom.xml',
          dependency: { version: '2.14.0', package: { name: 'org.apache.logging.log4j/log4j-core' } },
        },
      },
      {
        id: 'gid://gitlab/Vulnerability/13',
        title: 'in an archived project',
        severity: 'LOW',
        state: 'DETECTED',
        reportType: 'SAST',
        project: { fullPath: 'acme/old' },
        identifiers: [],
        location: null,
      },
    ];
    gl.faults = [
      {
        method: 'GET',
        path: /^\/api\/v4\/groups\/acme\/projects/,
        status: 429,
        headers: { 'retry-after': '2' },
      },
      { path: /^\/api\/v4\/projects\/3\/jobs\/artifacts/, status: 502 },
      { path: /^\/api\/v4\/projects\/8\/jobs\/artifacts/, status: 403, times: 99 },
    ];
  });

  function options(outDir: string, extra: Partial<GitlabAggregateOptions> = {}): GitlabAggregateOptions {
    return {
      apiUrl: gl.apiUrl,
      token: gl.token,
      group: 'acme',
      centralProject: 'acme/central',
      collectJobName: 'security-metrics',
      vulnerabilities: true,
      exceptionLabel: 'security-exception',
      reportLabel: 'security-metrics',
      historyDir: 'security-metrics-history',
      outDir,
      publish: true,
      asOf: ASOF,
      ...extra,
    };
  }

  it('produces the issue, the artifacts and the history; a rerun updates the same issue', async () => {
    const calls: AggregateRequest[] = [];
    const waits: number[] = [];
    const logger = captureLogger();
    const out = mkTmp('sm-out-');
    const deps = {
      runAggregate: fakeCore(calls),
      logger,
      sleep: async (ms: number) => void waits.push(ms),
      perPage: 3,
    };
    const r = await runGitlabAggregate(options(out), deps);

    // Discovery: subgroups in, archived out, paginated (8 projects, 3 per page), 429 waited as told.
    expect(r.projects.map((p) => p.project)).toEqual([
      'acme/broken',
      'acme/central',
      'acme/empty',
      'acme/locked',
      'acme/noci',
      'acme/payments/api',
      'acme/shop',
    ]);
    expect(gl.requests.filter((q) => q.url.startsWith('/api/v4/groups/acme/projects')).length).toBe(4);
    expect(waits).toContain(2000);
    expect(gl.requests.some((q) => q.url.startsWith('/api/v4/projects/4/jobs'))).toBe(false);

    // Records: two projects; the 502 was retried.
    const req = calls[0]!;
    expect(req.records!.map((x) => x.run.repo).sort()).toEqual(['acme/payments/api', 'acme/shop']);
    expect(req.records![0]!.findings.length).toBe(3);
    expect(req.month).toBe(MONTH);
    expect(req.asOf).toEqual(ASOF);

    // Every unreadable source is listed, with a reason, and did not stop the others.
    const problem = (s: string) => r.problems.find((p) => p.source === s)?.problem ?? '';
    expect(problem('acme/noci')).toMatch(/no artifacts of a successful "security-metrics" job on main/);
    expect(problem('acme/broken')).toMatch(/not a zip archive/);
    expect(problem('acme/empty')).toMatch(/empty repository/);
    expect(problem('acme/locked')).toMatch(/HTTP 403/);
    expect(problem(`${gl.apiOrigin}/acme/central/-/issues/3`)).toMatch(/scope/);
    expect(req.sourceProblems).toEqual(r.problems);

    // Inventory from topics, exceptions from labelled issues, vulnerabilities (archived filtered).
    expect(req.inventory!.find((e) => e.repos![0] === 'acme/shop')).toMatchObject({
      application: 'shop',
      owner: 'team-shop',
      owner_source: 'topic',
      tier: '1',
    });
    expect(req.inventory!.find((e) => e.repos![0] === 'acme/payments/api')).toMatchObject({
      application: 'payments',
      service: 'api',
    });
    expect(req.exceptions).toEqual([
      expect.objectContaining({
        id: 'EX-2026-001',
        scope: { type: 'cve', value: 'CVE-2021-44228' },
        source: `${gl.apiOrigin}/acme/central/-/issues/2`,
      }),
    ]);
    expect(req.platformFindings!.map((f) => [f.repo, f.category, f.severity, f.state, f.product])).toEqual([
      ['acme/payments/api', 'sca', 'critical', 'accepted_risk', 'payments'],
      ['acme/shop', 'sast', 'high', 'open', 'shop'],
    ]);
    expect(req.previousReportUrl).toBe(`${gl.apiOrigin}/acme/central/-/issues/1`);

    // The issue, the artifacts (outputs + gitlab-sources.json), the history commit.
    expect(r.issue).toMatchObject({ iid: 4, action: 'created' });
    const monthly = gl.issues.get(1)!.filter((i) => i.title === TITLE);
    expect(monthly).toHaveLength(1);
    expect(monthly[0]!.description).toContain('previous snapshot: yes');
    expect(monthly[0]!.labels).toEqual(['security-metrics']);
    for (const f of r.result.outputs) await expect(fs.stat(f)).resolves.toBeTruthy();
    const sources = JSON.parse(await fs.readFile(r.sourcesFile, 'utf8')) as {
      projects: unknown[];
      issue: { iid: number };
    };
    expect(sources.projects).toHaveLength(7);
    expect(sources.issue.iid).toBe(4);
    expect(gl.commits).toHaveLength(1);
    expect(gl.commits[0]!.actions.map((a) => [a.action, a.file_path])).toEqual([
      ['create', 'security-metrics-history/snapshots/2026-11.json'],
    ]);
    expect(
      gl.files.get('1|main')!.get('security-metrics-history/snapshots/2026-11.json')!.toString(),
    ).toContain('"findings":6');

    // The token went to the API only, never to the blob host the artifacts redirect to.
    expect(gl.requests.filter((q) => q.host === 'api').every((q) => q.token === gl.token)).toBe(true);
    const blobs = gl.requests.filter((q) => q.host === 'blob');
    expect(blobs.length).toBeGreaterThan(0);
    expect(blobs.every((q) => q.token === undefined)).toBe(true);

    // Rerun, same month, same data: the same issue is updated, nothing new to commit.
    gl.faults = [];
    const r2 = await runGitlabAggregate(options(mkTmp('sm-out-')), {
      ...deps,
      runAggregate: fakeCore(calls),
    });
    expect(r2.issue).toMatchObject({ iid: 4, action: 'updated' });
    expect(gl.issues.get(1)!.filter((i) => i.title === TITLE)).toHaveLength(1);
    expect(gl.commits).toHaveLength(1);
    expect(logger.lines).toContain('info: history: unchanged, nothing to commit');

    // Rerun after new data: the snapshot file is updated in place.
    gl.artifacts.set('5|main|security-metrics', zipShop);
    const r3 = await runGitlabAggregate(options(mkTmp('sm-out-')), {
      ...deps,
      runAggregate: fakeCore(calls),
    });
    expect(r3.issue?.action).toBe('updated');
    expect(gl.commits).toHaveLength(2);
    expect(gl.commits[1]!.actions.map((a) => a.action)).toEqual(['update']);
  });

  it('feeds the real aggregator core: records, vulnerabilities, topic inventory and issue exceptions', async () => {
    gl.faults = [];
    const out = mkTmp('sm-out-');
    const r = await runGitlabAggregate(options(out), {
      runAggregate,
      logger: captureLogger(),
      sleep: async () => undefined,
    });
    expect(r.result.title).toBe(TITLE);
    expect(r.issue?.action).toBe('created');
    expect(await fs.readFile(path.join(out, 'exceptions.csv'), 'utf8')).toContain('EX-2026-001');
    const findingsCsv = await fs.readFile(path.join(out, 'findings.csv'), 'utf8');
    expect(findingsCsv).toContain('acme/payments/api');
    expect(findingsCsv).toContain('CVE-2021-44228');
    expect(r.result.reportMarkdown).toContain('acme/noci');
    expect(gl.commits[0]!.actions.map((a) => a.file_path)).toEqual(['security-metrics-history/2026-11.json']);
  });

  it('fails clearly when the group cannot be listed', async () => {
    const run = runGitlabAggregate(options(mkTmp('sm-out-'), { group: 'nope' }), {
      runAggregate: fakeCore([]),
      logger: captureLogger(),
      sleep: async () => undefined,
    });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(/cannot list the projects of group "nope".*HTTP 404/);
  });

  it('reports a publishing failure with the token scope it needs', async () => {
    gl.faults.push({ method: 'POST', path: /^\/api\/v4\/projects\/[^/]+\/issues/, status: 403, times: 99 });
    const run = runGitlabAggregate(options(mkTmp('sm-out-')), {
      runAggregate: fakeCore([]),
      logger: captureLogger(),
      sleep: async () => undefined,
    });
    await expect(run).rejects.toThrow(
      /publishing the monthly issue in acme\/central failed: POST .* HTTP 403.*scope `api`/,
    );
  });

  it('does not create the issue or the commit twice when a POST fails after it landed', async () => {
    gl.faults = [
      { method: 'POST', path: /^\/api\/v4\/projects\/[^/]+\/issues/, status: 502, afterHandling: true },
      {
        method: 'POST',
        path: /^\/api\/v4\/projects\/[^/]+\/repository\/commits/,
        status: 504,
        afterHandling: true,
      },
    ];
    const r = await runGitlabAggregate(options(mkTmp('sm-out-')), {
      runAggregate: fakeCore([]),
      logger: captureLogger(),
      sleep: async () => undefined,
    });
    expect(gl.issues.get(1)!.filter((i) => i.title === TITLE)).toHaveLength(1);
    expect(r.issue).toMatchObject({ action: 'created', iid: 4 });
    expect(gl.commits).toHaveLength(1);
    expect(r.commit?.id).toBe('(committed; id not returned)');
  });

  it('creates the issue and the commit when a POST failed before it landed', async () => {
    gl.faults = [
      { method: 'POST', path: /^\/api\/v4\/projects\/[^/]+\/issues/, status: 502 },
      { method: 'POST', path: /^\/api\/v4\/projects\/[^/]+\/repository\/commits/, status: 503 },
    ];
    const r = await runGitlabAggregate(options(mkTmp('sm-out-')), {
      runAggregate: fakeCore([]),
      logger: captureLogger(),
      sleep: async () => undefined,
    });
    expect(gl.issues.get(1)!.filter((i) => i.title === TITLE)).toHaveLength(1);
    expect(r.issue?.action).toBe('created');
    expect(gl.commits).toHaveLength(1);
    expect(r.commit?.id).toMatch(/^c0ffee/);
  });

  it('leaves projects the inventory file lists to the file (a project is never two applications)', async () => {
    const inv = path.join(mkTmp('sm-inv-'), 'inventory.yml');
    await fs.writeFile(
      inv,
      '- application: Shop\n  owner: team-shop\n  repos: [acme/shop]\n- application: Noci\n  repos:\n    - acme/noci\n',
    );
    const calls: AggregateRequest[] = [];
    await runGitlabAggregate(options(mkTmp('sm-out-'), { publish: false, inventoryPath: inv }), {
      runAggregate: fakeCore(calls),
      logger: captureLogger(),
      sleep: async () => undefined,
    });
    const repos = calls[0]!.inventory!.map((e) => e.repos![0]);
    expect(repos).not.toContain('acme/shop');
    expect(repos).not.toContain('acme/noci');
    expect(repos).toContain('acme/payments/api');
    expect(calls[0]!.inventoryPath).toBe(inv);
  });

  it('a vulnerability report that cannot be read is a source problem, not a failure', async () => {
    gl.faults.push({
      method: 'POST',
      path: /^\/api\/graphql/,
      status: 200,
      body: JSON.stringify({ errors: [{ message: 'Field vulnerabilities requires Ultimate' }] }),
    });
    const calls: AggregateRequest[] = [];
    const r = await runGitlabAggregate(options(mkTmp('sm-out-'), { publish: false }), {
      runAggregate: fakeCore(calls),
      logger: captureLogger(),
      sleep: async () => undefined,
    });
    expect(r.problems).toContainEqual({
      source: 'gitlab:vulnerabilities',
      problem: expect.stringMatching(/requires Ultimate/),
      affects: 'alerts',
    });
    expect(r.issue).toBeNull();
    expect(gl.commits).toHaveLength(0);
  });
  it('runs from the CLI the way the component calls it (empty values = defaults, token from the named variable)', async () => {
    const calls: AggregateRequest[] = [];
    const logger = captureLogger();
    const out = mkTmp('sm-out-');
    const args = [
      '--gitlab-group=acme',
      `--gitlab-api-url=${gl.apiUrl}`,
      '--gitlab-project=acme/central',
      '--token-variable=MY_TOKEN',
      '--collect-job-name=security-metrics',
      '--collect-ref=',
      '--gitlab-vulnerabilities=false',
      '--config=',
      '--inventory=',
      '--exceptions=',
      '--exception-label=security-exception',
      '--report-label=security-metrics',
      `--month=${MONTH}`,
      '--history-path=security-metrics-history',
      '--history-branch=',
      `--out=${out}`,
      '--publish',
    ];
    gl.faults = [];
    const code = await gitlabAggregateCli(args, { MY_TOKEN: gl.token }, logger, {
      runAggregate: fakeCore(calls),
      sleep: async () => undefined,
    });
    expect(code).toBe(0);
    expect(calls[0]!.platformFindings).toEqual([]);
    expect(calls[0]!.configPath).toBeUndefined();
    expect(gl.issues.get(1)!.filter((i) => i.title === TITLE)).toHaveLength(1);
    expect(logger.lines.some((l) => l.includes('/acme/central/-/issues/4 (created)'))).toBe(true);

    // No token: a clear message naming the variable, exit 2 through the CLI entry.
    await expect(
      gitlabAggregateCli(args, {}, captureLogger(), { runAggregate: fakeCore([]) }),
    ).rejects.toThrow(/set the environment variable MY_TOKEN/);
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((c: string) => (stderr.push(String(c)), true)) as typeof process.stderr.write;
    try {
      expect(await main(['aggregate', ...args], {})).toBe(2);
      expect(
        await main(['aggregate', '--gitlab-group=acme', '--month=2026-13'], {
          CI_API_V4_URL: gl.apiUrl,
          GITLAB_TOKEN: 'x',
        }),
      ).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(stderr.join('')).toMatch(/MY_TOKEN/);
    expect(stderr.join('')).toMatch(/--month: "2026-13" is not YYYY-MM/);
  });
});
