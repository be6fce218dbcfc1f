import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitlab } from '../helpers/fake-gitlab.js';
import { artifactZip } from '../helpers/collector-record.js';
import {
  REMOTE_PATH,
  buildTool,
  makeProject,
  missingPrerequisite,
  runGcl,
} from '../helpers/gitlab-ci-local.js';

// The aggregate component run as a scheduled job by gitlab-ci-local, against a fake GitLab group on
// 127.0.0.1, with the CLI built from this checkout (GitLab adapter + aggregator core).
const skip = missingPrerequisite();
if (skip) console.warn(skip);

const dirs: string[] = [];

describe.skipIf(skip !== null)('aggregate component under gitlab-ci-local', () => {
  const gl = new FakeGitlab();
  let toolDir: string;

  beforeAll(async () => {
    await gl.start();
    toolDir = mkdtempSync(path.join(tmpdir(), 'sm-tool-'));
    dirs.push(toolDir);
    await buildTool(toolDir);
    const recDir = mkdtempSync(path.join(tmpdir(), 'sm-rec-'));
    dirs.push(recDir);
    gl.projects = [
      { id: 1, path_with_namespace: REMOTE_PATH, default_branch: 'main' },
      { id: 2, path_with_namespace: 'acme/shop', default_branch: 'main', topics: ['product:shop'] },
      { id: 3, path_with_namespace: 'acme/legacy', default_branch: 'main', archived: true },
    ];
    gl.groups = { acme: [1, 2, 3] };
    gl.artifacts.set('2|main|security-metrics', await artifactZip('acme/shop', recDir));
  });
  afterAll(async () => {
    await gl.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('produces the issue, the artifacts and the history; a rerun updates the same issue', async () => {
    const ci = [
      'include:',
      '  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/aggregate@$CI_COMMIT_SHA',
      '    inputs:',
      `      api_url: ${gl.apiUrl}`,
      '      tool_command: node tool/cli.js',
      '      month: 2026-11',
      '',
    ].join('\n');
    const { dir } = makeProject(toolDir, ci);
    dirs.push(dir);
    const args = [
      '--variable',
      'GITLAB_CI=true',
      '--variable',
      'CI_PIPELINE_SOURCE=schedule',
      '--variable',
      `SECURITY_METRICS_TOKEN=${gl.token}`,
    ];
    const r = await runGcl(dir, args);
    expect(r.output).toMatch(/PASS\s+security-metrics-aggregate/);
    expect(r.code, r.output).toBe(0);

    const issues = gl.issues.get(1)!;
    expect(issues.map((i) => [i.iid, i.title, i.labels])).toEqual([
      [1, 'Security metrics — 2026-11', ['security-metrics']],
    ]);
    expect(issues[0]!.description).toMatch(/^# Security metrics — 2026-11/);
    expect(issues[0]!.description).toContain('Pipeline adoption');
    // The history goes to its own branch, created from the default branch by the first commit.
    expect(
      gl.commits.map((c) => [c.branch, c.start_branch, c.actions.map((a) => `${a.action} ${a.file_path}`)]),
    ).toEqual([['security-metrics-data', 'main', ['create history/2026-11.json']]]);
    const art = path.join(
      dir,
      '.gitlab-ci-local/artifacts/security-metrics-aggregate/security-metrics-report',
    );
    for (const f of ['report.md', 'metrics.json', 'gitlab-sources.json'])
      expect(existsSync(path.join(art, f)), f).toBe(true);
    const sources = JSON.parse(readFileSync(path.join(art, 'gitlab-sources.json'), 'utf8')) as {
      projects: Array<{ project: string; problem: string | null }>;
    };
    expect(sources.projects.map((p) => [p.project, p.problem === null])).toEqual([
      [REMOTE_PATH, false],
      ['acme/shop', true],
    ]);
    expect(r.output).not.toContain(gl.token);

    // Rerun: the same issue is updated, the unchanged history is not committed again.
    const again = await runGcl(dir, args);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(/issue: .*\/-\/issues\/1 \(updated\)/);
    expect(gl.issues.get(1)!).toHaveLength(1);
    expect(gl.commits).toHaveLength(1);
  });

  it('does not run outside schedules and manual runs', async () => {
    const ci = [
      'include:',
      '  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/aggregate@$CI_COMMIT_SHA',
      '    inputs:',
      '      tool_command: node tool/cli.js',
      '',
    ].join('\n');
    const { dir } = makeProject(toolDir, ci);
    dirs.push(dir);
    const r = await runGcl(dir, ['--list-all']);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/security-metrics-aggregate\s.*never/);
  });
});
