// Regenerates examples/demo/records/ from the example reports in examples/demo/reports/ by running the
// BUILT collector (dist/cli.js collect) once per simulated CI run, with SOURCE_DATE_EPOCH and a GitHub
// Actions environment so timestamps, events and ids are deterministic. Commit the result.
//   node scripts/make-demo-records.mjs
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = path.join(root, 'examples/demo');
const cli = path.join(root, 'dist/cli.js');
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

const SHOP_09 = [
  'codeql-2026-09.sarif',
  'semgrep-2026-09.sarif',
  'trivy-2026-09.sarif',
  'grype-2026-09.sarif',
  'gitleaks-2026-09.sarif',
];
const SHOP_10 = [
  'codeql-2026-10.sarif',
  'semgrep-2026-09.sarif',
  'trivy-2026-10.sarif',
  'grype-2026-09.sarif',
  'gitleaks-clean.sarif',
];
// November: Semgrep failed (timeout): its SQL injection finding must stay open.
const SHOP_11 = [
  'codeql-2026-11.sarif',
  'semgrep-2026-11-failed.sarif',
  'trivy-2026-11.sarif',
  'grype-2026-11.sarif',
  'gitleaks-clean.sarif',
];
const PAY_09 = ['trivy-2026-09.sarif', 'checkov.sarif', 'gitleaks-clean.sarif'];
const PAY_11 = ['trivy-2026-11.sarif', 'checkov.sarif', 'gitleaks-clean.sarif'];
const MOBILE = ['mobsfscan.sarif', 'semgrep-2026-10.sarif', 'trivy.sarif'];
const WIKI = ['trivy.sarif', 'gitleaks-clean.sarif'];

// [time, repo, event, ref, files, extra collect flags]
const RUNS = [
  ['2026-09-05T09:00:00Z', 'acme/shop-web', 'push', 'refs/heads/main', SHOP_09],
  ['2026-09-06T09:00:00Z', 'acme/payments-api', 'push', 'refs/heads/main', PAY_09],
  ['2026-09-08T09:00:00Z', 'acme/wiki', 'push', 'refs/heads/main', WIKI],
  ['2026-09-10T09:00:00Z', 'acme/data-pipeline', 'push', 'refs/heads/main', ['checkov.sarif', 'trivy.sarif']],
  ['2026-09-12T09:00:00Z', 'acme/infra-sandbox', 'push', 'refs/heads/main', ['checkov.sarif']],
  ['2026-09-20T15:00:00Z', 'acme/payments-api', 'release', 'refs/tags/v2.3.0', PAY_09],
  ['2026-09-25T15:00:00Z', 'acme/shop-web', 'release', 'refs/tags/v1.3.0', SHOP_09],
  ['2026-10-03T09:00:00Z', 'acme/shop-web', 'push', 'refs/heads/main', SHOP_10],
  ['2026-10-04T09:00:00Z', 'acme/payments-api', 'push', 'refs/heads/main', PAY_09],
  ['2026-10-05T09:00:00Z', 'acme/mobile-app', 'push', 'refs/heads/main', MOBILE],
  ['2026-10-06T09:00:00Z', 'acme/wiki', 'push', 'refs/heads/main', WIKI],
  ['2026-10-07T09:00:00Z', 'acme/infra-sandbox', 'push', 'refs/heads/main', ['checkov.sarif']],
  // Cloud posture: Prowler from a central repo that is not in the inventory; findings map by account.
  ['2026-10-08T06:00:00Z', 'acme/cloud-posture', 'schedule', 'refs/heads/main', ['prowler-output.json']],
  ['2026-10-20T15:00:00Z', 'acme/payments-api', 'release', 'refs/tags/v2.4.0', PAY_09],
  ['2026-10-22T15:00:00Z', 'acme/shop-web', 'release', 'refs/tags/v1.4.0', SHOP_10],
  ['2026-10-23T15:00:00Z', 'acme/mobile-app', 'release', 'refs/tags/v0.9.0', MOBILE],
  ['2026-11-03T09:00:00Z', 'acme/shop-web', 'push', 'refs/heads/main', SHOP_11],
  ['2026-11-04T09:00:00Z', 'acme/payments-api', 'push', 'refs/heads/main', PAY_11],
  ['2026-11-05T09:00:00Z', 'acme/mobile-app', 'push', 'refs/heads/main', MOBILE],
  ['2026-11-06T09:00:00Z', 'acme/wiki', 'push', 'refs/heads/main', WIKI],
  ['2026-11-07T09:00:00Z', 'acme/infra-sandbox', 'push', 'refs/heads/main', ['checkov.sarif']],
  ['2026-11-08T06:00:00Z', 'acme/cloud-posture', 'schedule', 'refs/heads/main', ['prowler-output.json']],
  ['2026-11-12T15:00:00Z', 'acme/payments-api', 'release', 'refs/tags/v2.5.0', PAY_11],
  ['2026-11-18T15:00:00Z', 'acme/shop-web', 'release', 'refs/tags/v1.5.0', SHOP_11],
  ['2026-11-20T11:00:00Z', 'acme/mobile-app', 'pull_request', 'refs/pull/7/merge', MOBILE],
  ['2026-11-27T15:00:00Z', 'acme/shop-web', 'release', 'refs/tags/v1.5.1', SHOP_11, ['--fail-on', 'high']],
];

rmSync(path.join(demo, 'records'), { recursive: true, force: true });
const tmp = path.join(tmpdir(), `sm-demo-${process.pid}`);
mkdirSync(tmp, { recursive: true });
const eventPath = path.join(tmp, 'event.json');
writeFileSync(eventPath, JSON.stringify({ repository: { default_branch: 'main' } }));

RUNS.forEach(([at, repo, event, ref, files, extra = []], i) => {
  const cwd = path.join(demo, 'reports', repo.replace('/', '-'));
  const day = at.slice(0, 10);
  const out = path.join(demo, 'records', at.slice(0, 7), repo.replace('/', '-'), `${day}-${event}`);
  const env = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: repo,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_SHA: createHash('sha1').update(`${repo}@${at}`).digest('hex'),
    GITHUB_RUN_ID: String(9000 + i),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: cwd,
    SOURCE_DATE_EPOCH: String(Date.parse(at) / 1000),
  };
  const args = [
    cli,
    'collect',
    ...files.flatMap((f) => ['--reports', f]),
    '--out',
    out,
    '--exceptions',
    '../../exceptions.yml',
    ...extra,
  ];
  try {
    execFileSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    if (e.status !== 1) throw e;
  }
  rmSync(path.join(out, 'gate.env'), { force: true });
  process.stdout.write(`${path.relative(root, out)}\n`);
});
rmSync(tmp, { recursive: true, force: true });
