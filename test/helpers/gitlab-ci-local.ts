import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './gitlab-spec.js';

/** gitlab-ci-local copies the project with rsync; without it every job fails. */
export function missingPrerequisite(): string | null {
  if (spawnSync('rsync', ['--version']).status !== 0)
    return 'rsync is not installed (apt-get install -y rsync); skipping the gitlab-ci-local tests';
  if (spawnSync('git', ['--version']).status !== 0)
    return 'git is not installed; skipping the gitlab-ci-local tests';
  return null;
}

const BANNER =
  "import { createRequire as __smCreateRequire } from 'node:module'; const require = __smCreateRequire(import.meta.url);";

/** Bundle this checkout's CLI and action entry into `dir` (like scripts/build.mjs, without touching dist/). */
export async function buildTool(dir: string): Promise<{ cli: string; action: string }> {
  mkdirSync(dir, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    format: 'esm' as const,
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
    absWorkingDir: ROOT,
  };
  const cli = path.join(dir, 'cli.js');
  const action = path.join(dir, 'index.js');
  await build({
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: cli,
    banner: { js: '#!/usr/bin/env node\n' + BANNER },
  });
  await build({ ...common, entryPoints: ['src/index.ts'], outfile: action, banner: { js: BANNER } });
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  return { cli, action };
}

export const REMOTE_PATH = 'acme/fixture-app';

/**
 * A throwaway git project: the fixture files, this checkout's templates/ (so the component include at
 * $CI_COMMIT_SHA resolves locally), the built tool in tool/, and the given .gitlab-ci.yml.
 */
export function makeProject(toolDir: string, ciYaml: string): { dir: string; sha: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sm-gcl-'));
  cpSync(path.join(ROOT, 'test/fixtures/gitlab-ci'), dir, { recursive: true });
  cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  cpSync(toolDir, path.join(dir, 'tool'), { recursive: true });
  writeFileSync(path.join(dir, '.gitlab-ci.yml'), ciYaml);
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', `git@gitlab.example.com:${REMOTE_PATH}.git`);
  git('add', '-A');
  git('commit', '-qm', 'fixture');
  return { dir, sha: git('rev-parse', 'HEAD') };
}

export interface GclResult {
  code: number | null;
  output: string;
}

/** Run gitlab-ci-local in `dir` (shell executor, isolated builds; its --cwd takes only relative paths), killed after `timeoutMs`. */
export function runGcl(dir: string, args: string[] = [], timeoutMs = 120_000): Promise<GclResult> {
  const bin = path.join(ROOT, 'node_modules/gitlab-ci-local/dist/index.js');
  const home = path.join(dir, '.gcl-home');
  mkdirSync(home, { recursive: true });
  // Tests set GITLAB_CI and CI_PIPELINE_SOURCE on purpose: no warning for the variables they set.
  const names = args.flatMap((a, i) => (args[i - 1] === '--variable' ? [a.split('=')[0]!] : []));
  const ignore = names.length ? ['--ignore-predefined-vars', names.join(',')] : [];
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [bin, '--force-shell-executor', '--shell-isolation', '--home', home, '--no-color', ...ignore, ...args],
      {
        cwd: dir,
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
