import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, zipSync } from 'fflate';
import type { components } from '@octokit/openapi-types';
import { runCollect } from '../../src/commands/collect.js';
import { parseCollectInputs, parseAggregateInputs, type AggregateInputs } from '../../src/schema/inputs.js';
import type { AggregateRequest, AggregateResult, RunAggregate } from '../../src/commands/aggregate-api.js';
import { captureLogger, type Logger } from '../../src/util/logger.js';
import {
  runGithubAggregate,
  type GithubAggregateDeps,
  type GithubAggregateResult,
} from '../../src/platform/github/aggregate-org.js';
import {
  makeIssue,
  simpleRepository,
  simpleUser,
  startFakeGithub,
  type FakeGithub,
  type FakeRepo,
} from './github-server.js';

type S = components['schemas'];

const FIXTURE_REL = 'test/fixtures/github-org/sample.sarif';
// Bundled by scripts/bench-github-calls.mjs, this file no longer sits in test/fakes: fall back to the cwd.
const FIXTURE = existsSync(path.resolve(import.meta.dirname, '../..', FIXTURE_REL))
  ? path.resolve(import.meta.dirname, '../..', FIXTURE_REL)
  : path.resolve(process.cwd(), FIXTURE_REL);

/**
 * Run the real collector on the fixture as if in `repo` on `ref` at `at`, and return its output
 * files as upload-artifact zips them (see `zipAs` to serve them for another repo).
 */
export async function collectorFiles(
  repo: string,
  ref: string,
  eventName: string,
  defaultBranch = 'main',
  at = '2026-11-28T10:00:00Z',
): Promise<Record<string, Uint8Array>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'psm-collect-'));
  try {
    await fs.copyFile(FIXTURE, path.join(dir, 'sample.sarif'));
    const event = path.join(dir, 'event.json');
    await fs.writeFile(event, JSON.stringify({ repository: { default_branch: defaultBranch } }));
    const inputs = parseCollectInputs({
      reports: 'sample.sarif',
      output_dir: 'out',
      upload_artifact: 'false',
    });
    await runCollect(inputs, {
      cwd: dir,
      env: {
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: repo,
        GITHUB_REF: ref,
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_EVENT_NAME: eventName,
        GITHUB_EVENT_PATH: event,
        GITHUB_WORKSPACE: dir,
        SOURCE_DATE_EPOCH: String(Date.parse(at) / 1000),
      },
      logger: captureLogger(),
      platform: { name: 'local' },
    });
    const files: Record<string, Uint8Array> = {};
    for (const f of ['findings.jsonl', 'run.json', 'gate.env'])
      files[f] = await fs.readFile(path.join(dir, 'out', f));
    return files;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The collector's files for `from`, re-pointed at repo `to` (the collector is run once per shape, not per repo), zipped. */
export function zipAs(files: Record<string, Uint8Array>, from: string, to: string): Uint8Array {
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files))
    out[name] = strToU8(strFromU8(data).replaceAll(JSON.stringify(from), JSON.stringify(to)));
  return zipSync(out);
}

/** A stand-in for the aggregator core until it lands: counts what it was given, writes files. */
export const localAggregate: RunAggregate = async (req: AggregateRequest): Promise<AggregateResult> => {
  const month = req.month!;
  const metrics = {
    month,
    records: req.records?.length ?? 0,
    findings: (req.records ?? []).reduce((s, r) => s + r.findings.length, 0),
    release_runs: (req.records ?? []).filter((r) => r.run.event.kind === 'release').length,
    platform_findings: req.platformFindings?.length ?? 0,
    platform: (req.platformFindings ?? []).map((f) => ({
      tool: f.source_tool,
      category: f.category,
      repo: f.repo,
      state: f.state,
      first_seen: f.first_seen,
      confidence: f.confidence,
    })),
    inventory: req.inventory?.length ?? 0,
    owners_by_source: (req.inventory ?? []).reduce<Record<string, number>>((a, e) => {
      const k = e.owner_source ?? 'none';
      a[k] = (a[k] ?? 0) + 1;
      return a;
    }, {}),
    exceptions: req.exceptions?.length ?? 0,
    problems: req.sourceProblems?.length ?? 0,
    previous: req.previousReportUrl ?? null,
  };
  const historyIn = req.historyDir ? await fs.readdir(req.historyDir).catch(() => []) : [];
  const report = `# Security metrics — ${month}\n\nrecords ${metrics.records}, problems ${metrics.problems}, history months ${historyIn.length}\n`;
  await fs.mkdir(req.outDir, { recursive: true });
  const outputs = [path.join(req.outDir, 'report.md'), path.join(req.outDir, 'metrics.json')];
  await fs.writeFile(outputs[0]!, report);
  await fs.writeFile(outputs[1]!, JSON.stringify(metrics, null, 2));
  const historyFiles: string[] = [];
  if (req.historyDir) {
    const h = path.join(req.historyDir, `${month}.json`);
    await fs.writeFile(h, JSON.stringify(metrics) + '\n');
    historyFiles.push(h);
  }
  return {
    reportMarkdown: report,
    title: `Security metrics — ${month}`,
    month,
    outputs,
    historyFiles,
    metrics,
  };
};

export interface FakeOrgOptions {
  nRepos: number;
  month?: string;
  /** Inject the usual faults (500s, 403 secondary limit, 410, corrupt zips, 404). */
  faults?: boolean;
  /** Every k-th repo has no artifact at all. */
  noArtifactEvery?: number;
}

export interface FakeOrg {
  fake: FakeGithub;
  org: string;
  central: string;
  month: string;
  now: Date;
  /** Repos expected to be reported as failed, with a fragment of the expected problem. */
  expectedFailures: Map<string, string>;
  releaseRuns: number;
  run(
    extra?: Record<string, string>,
    logger?: Logger,
    deps?: Partial<GithubAggregateDeps>,
  ): Promise<GithubAggregateResult & { outDir: string }>;
  close(): Promise<void>;
}

const CODEOWNERS = '# owners\n*       @acme/platform-team\n/docs/  @acme/docs\n';

export async function startFakeOrg(o: FakeOrgOptions): Promise<FakeOrg> {
  const org = 'acme';
  const month = o.month ?? '2026-11';
  const now = new Date('2026-12-02T06:00:00Z');
  const repos: FakeRepo[] = [];
  for (let k = 0; k < o.nRepos; k++) {
    const name = `svc-${String(k).padStart(3, '0')}`;
    const r: FakeRepo = {
      name,
      id: 1000 + k,
      default_branch: k % 7 === 3 ? 'master' : 'main',
      topics: k % 5 === 0 ? ['team-payments', 'tier-1'] : [],
    };
    // Most repos carry an owner custom property; a few rely on topics, a few on CODEOWNERS.
    if (k % 5 !== 0 && k % 9 !== 4)
      r.properties = {
        owner: `team-${k % 10}`,
        'business-tier': `tier-${((k % 10) % 3) + 1}`,
        application: `app-${k % 10}`,
      };
    if (k % 9 === 4) r.files = { '.github/CODEOWNERS': CODEOWNERS };
    repos.push(r);
  }
  repos.push({ name: 'old-archived', id: 9001, default_branch: 'main', topics: [], archived: true });
  repos.push({ name: 'a-fork', id: 9002, default_branch: 'main', topics: [], fork: true });
  repos.push({ name: 'security-central', id: 9003, default_branch: 'main', topics: [] });
  const fake = await startFakeGithub({ org, repos });
  const central = `${org}/security-central`;

  // Collector zips: one per (branch, event) shape, run by the real collector.
  const template = `${org}/template`;
  const filesMain = new Map<string, Record<string, Uint8Array>>();
  const expectedFailures = new Map<string, string>();
  let artifactId = 1;
  let releaseRuns = 0;
  const noArt = o.noArtifactEvery ?? 10;
  for (let k = 0; k < o.nRepos; k++) {
    const r = repos[k]!;
    const full = `${org}/${r.name}`;
    if (k % noArt === noArt - 1) continue;
    const key = r.default_branch;
    if (!filesMain.has(key))
      filesMain.set(key, await collectorFiles(template, `refs/heads/${key}`, 'push', key));
    const zip = zipAs(filesMain.get(key)!, template, full);
    // An older default-branch artifact and a PR artifact around the newest one: the job must pick right.
    fake.artifacts.push({
      id: artifactId++,
      repo: full,
      name: 'security-metrics',
      branch: r.default_branch,
      created_at: '2026-10-20T10:00:00Z',
      zip,
    });
    fake.artifacts.push({
      id: artifactId++,
      repo: full,
      name: 'security-metrics',
      branch: 'feature-x',
      created_at: '2026-11-29T10:00:00Z',
      zip,
    });
    fake.artifacts.push({
      id: artifactId++,
      repo: full,
      name: 'security-metrics',
      branch: r.default_branch,
      created_at: '2026-11-28T10:00:00Z',
      zip,
    });
  }
  // Release runs in the month for a few repos (tag refs), one outside the month.
  const filesRelease = await collectorFiles(
    template,
    'refs/tags/v1.2.0',
    'push',
    'main',
    '2026-11-15T10:00:00Z',
  );
  for (const k of [1, 2, 3]) {
    fake.artifacts.push({
      id: artifactId++,
      repo: `${org}/${repos[k]!.name}`,
      name: 'security-metrics',
      branch: 'v1.2.0',
      created_at: '2026-11-15T10:00:00Z',
      zip: zipAs(filesRelease, template, `${org}/${repos[k]!.name}`),
    });
    releaseRuns++;
  }
  fake.artifacts.push({
    id: artifactId++,
    repo: `${org}/${repos[1]!.name}`,
    name: 'security-metrics',
    branch: 'v1.1.0',
    created_at: '2026-10-15T10:00:00Z',
    zip: zipAs(filesRelease, template, `${org}/${repos[1]!.name}`),
  });

  if (o.faults) {
    const at = (k: number) => `${org}/${repos[k]!.name}`;
    const art = (k: number) =>
      fake.artifacts.find((a) => a.repo === at(k) && a.created_at.startsWith('2026-11-28'))!;
    // Persistent 500 on listing: retried, then reported.
    fake.addFault(`GET /repos/${at(11)}/actions/artifacts`, { status: 500, times: Infinity });
    expectedFailures.set(at(11), 'HTTP 500');
    // Transient 500: retried once, succeeds (not a failure).
    fake.addFault(`GET /repos/${at(12)}/actions/artifacts`, { status: 502 });
    // Secondary rate limit with retry-after: retried, succeeds.
    fake.addFault(`GET /repos/${at(13)}/actions/artifacts`, {
      status: 403,
      headers: { 'retry-after': '1' },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
    });
    // Expired artifact (listed as expired).
    art(14).expired = true;
    expectedFailures.set(at(14), 'expired');
    // Truncated zip.
    const a15 = art(15);
    a15.zip = a15.zip.slice(0, Math.floor(a15.zip.length / 2));
    expectedFailures.set(at(15), 'truncated');
    // Path traversal inside the zip.
    art(16).zip = zipSync({
      '../../etc/evil': new TextEncoder().encode('x'),
      'run.json': new TextEncoder().encode('{}'),
    });
    expectedFailures.set(at(16), 'path traversal');
    // Repo deleted between listing and reading.
    fake.addFault(`GET /repos/${at(17)}/actions/artifacts`, { status: 404, times: Infinity });
    expectedFailures.set(at(17), 'HTTP 404');
    // Download answers 410 although the listing said it was fine (expired in between).
    fake.addFault(`GET /repos/${at(18)}/actions/artifacts/${art(18).id}/zip`, {
      status: 410,
      times: Infinity,
    });
    expectedFailures.set(at(18), '410');
    // A record that claims to be another repo's: kept, but booked to the repo it came from.
    art(21).zip = zipSync(filesMain.get(repos[21]!.default_branch)!);
  }

  // Org alerts for a few repos (typed as the API returns them).
  const simple = (k: number) => simpleRepository(fake.url, org, repos[k]!);
  for (const k of [0, 1, 2]) {
    const cs: S['code-scanning-organization-alert-items'] = {
      number: k + 1,
      created_at: '2026-10-01T00:00:00Z',
      url: `${fake.url}/repos/${org}/${repos[k]!.name}/code-scanning/alerts/${k + 1}`,
      html_url: `https://github.test/${org}/${repos[k]!.name}/security/code-scanning/${k + 1}`,
      instances_url: `${fake.url}/instances`,
      state: k === 2 ? 'fixed' : 'open',
      fixed_at: k === 2 ? '2026-11-10T00:00:00Z' : null,
      dismissed_by: null,
      dismissed_at: null,
      dismissed_reason: null,
      rule: {
        id: 'js/sql-injection',
        name: 'js/sql-injection',
        severity: 'error',
        security_severity_level: 'high',
        description: 'SQL injection',
      },
      tool: { name: 'CodeQL', version: '2.19.0', guid: null },
      most_recent_instance: {
        ref: 'refs/heads/main',
        state: k === 2 ? 'fixed' : 'open',
        commit_sha: 'b'.repeat(40),
        location: { path: 'src/db.js', start_line: 12, end_line: 12 },
      },
      repository: simple(k),
    };
    fake.codeScanning.push(cs);
  }
  const ss: S['organization-secret-scanning-alert'] = {
    number: 1,
    created_at: '2026-11-03T00:00:00Z',
    state: 'open',
    secret_type: 'github_personal_access_token',
    secret_type_display_name: 'GitHub Personal Access Token',
    secret: 'ghp_thisIsAFakeSecretValue000000000000',
    repository: simple(0),
    html_url: `https://github.test/${org}/${repos[0]!.name}/security/secret-scanning/1`,
  };
  fake.secretScanning.push(ss);
  const adv: S['dependabot-alert-security-advisory'] = {
    ghsa_id: 'GHSA-aaaa-bbbb-cccc',
    cve_id: 'CVE-2026-0001',
    summary: 'Prototype pollution in example-lib',
    description: 'Example advisory.',
    vulnerabilities: [],
    severity: 'high',
    cvss: { score: 7.5, vector_string: null },
    cwes: [],
    identifiers: [{ type: 'GHSA', value: 'GHSA-aaaa-bbbb-cccc' }],
    references: [],
    published_at: '2026-10-01T00:00:00Z',
    updated_at: '2026-10-01T00:00:00Z',
    withdrawn_at: null,
  };
  const vuln: S['dependabot-alert-security-vulnerability'] = {
    package: { ecosystem: 'npm', name: 'example-lib' },
    severity: 'high',
    vulnerable_version_range: '< 1.2.3',
    first_patched_version: { identifier: '1.2.3' },
  };
  const dep: S['dependabot-alert-with-repository'] = {
    number: 1,
    state: 'open',
    dependency: { package: vuln.package, manifest_path: 'package-lock.json', scope: 'runtime' },
    security_advisory: adv,
    security_vulnerability: vuln,
    url: `${fake.url}/dep/1`,
    html_url: `https://github.test/${org}/${repos[1]!.name}/security/dependabot/1`,
    created_at: '2026-11-05T00:00:00Z',
    updated_at: '2026-11-05T00:00:00Z',
    dismissed_at: null,
    dismissed_by: null,
    dismissed_reason: null,
    dismissed_comment: null,
    fixed_at: null,
    repository: simple(1),
  };
  fake.dependabot.push(dep);
  // An alert of a repo outside the scope (archived) is left out.
  fake.dependabot.push({
    ...dep,
    number: 2,
    repository: simpleRepository(
      fake.url,
      org,
      repos.find((r) => r.archived)!,
    ),
  });

  // Exceptions: one good issue, one with a bad expiry; last month's report issue; history seed.
  fake.issues.push(
    makeIssue(
      fake.url,
      central,
      100,
      'Exception: CVE-2026-0001',
      exceptionBody('cve', 'CVE-2026-0001', '2027-01-31'),
      ['security-exception'],
      '2026-11-02T00:00:00Z',
    ),
    makeIssue(
      fake.url,
      central,
      101,
      'Exception: bad',
      exceptionBody('rule', 'js/sql-injection', 'next year'),
      ['security-exception'],
      '2026-11-02T00:00:00Z',
    ),
    makeIssue(
      fake.url,
      central,
      90,
      'Security metrics — 2026-10',
      '<!-- product-security-metrics:report org=acme month=2026-10 -->\nold',
      ['security-metrics'],
      '2026-11-01T00:00:00Z',
    ),
  );
  fake.seedBranch(central, 'security-metrics-data', {
    'history/2026-10.json': '{"month":"2026-10"}\n',
    'README.md': 'data branch\n',
  });
  void simpleUser;

  const outRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'psm-org-out-'));
  let runNo = 0;
  return {
    fake,
    org,
    central,
    month,
    now,
    expectedFailures,
    releaseRuns,
    async run(extra = {}, logger = captureLogger(), deps = {}) {
      const inputs: AggregateInputs = parseAggregateInputs(
        {
          command: 'aggregate',
          github_token: 'test-token',
          github_org: org,
          central_repo: central,
          month,
          output_dir: path.join(outRoot, `run-${++runNo}`),
          exclude_repos: 'security-central',
          ...extra,
        },
        { GITHUB_API_URL: fake.url },
      );
      return runGithubAggregate(
        {
          inputs,
          env: { GITHUB_API_URL: fake.url },
          cwd: outRoot,
          logger,
          now,
          retryAfterBaseMs: 5,
          noWriteSpacing: true,
        },
        { runAggregate: localAggregate, ...deps },
      );
    },
    async close() {
      await fake.close();
      await fs.rm(outRoot, { recursive: true, force: true });
    },
  };
}

export function exceptionBody(scopeType: string, scopeValue: string, expiry: string): string {
  return [
    '### Scope type',
    '',
    scopeType,
    '',
    '### Scope value',
    '',
    scopeValue,
    '',
    '### Repository',
    '',
    '_No response_',
    '',
    '### Reason',
    '',
    'Not reachable in our usage.',
    '',
    '### Owner',
    '',
    '@acme/payments',
    '',
    '### Approver',
    '',
    '@acme/security-lead',
    '',
    '### Expiry date',
    '',
    expiry,
    '',
  ].join('\n');
}

/**
 * For `npm run bench` (scripts/bench.mjs, perf helper): run the org job against a loopback fake org
 * of `nRepos` healthy repos and return the API calls it made. `callsPerRepo` counts only calls whose
 * path names one repo; `totalCalls` includes the per-org ones.
 */
export async function measureCallsPerRepo(nRepos: number): Promise<{
  repos: number;
  totalCalls: number;
  repoScopedCalls: number;
  orgCalls: number;
  callsPerRepo: number;
  totalPerRepo: number;
}> {
  const org = await startFakeOrg({ nRepos, noArtifactEvery: Number.MAX_SAFE_INTEGER });
  try {
    const r = await org.run();
    const repoScoped = r.repos.reduce((s, x) => s + x.calls, 0);
    return {
      repos: r.repos.length,
      totalCalls: r.stats.calls,
      repoScopedCalls: repoScoped,
      orgCalls: r.stats.calls - repoScoped,
      callsPerRepo: repoScoped / r.repos.length,
      totalPerRepo: r.stats.calls / r.repos.length,
    };
  } finally {
    await org.close();
  }
}
