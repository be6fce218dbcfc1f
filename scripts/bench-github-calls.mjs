#!/usr/bin/env node
// Hook for `npm run bench` (scripts/bench.mjs): runs the GitHub org job against the loopback fake
// org of test/fakes/fake-org.ts (`measureCallsPerRepo`) and prints one JSON line
// {"repos", "calls", "repo_scoped_calls", "org_calls", "calls_per_repo"}. `calls` counts every API
// request (per-org ones included); `repo_scoped_calls` only those whose path names one repo.
// The TypeScript fake is bundled on the fly with esbuild (a devDependency); no network.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const n = Number(process.argv[2] ?? process.env.BENCH_GITHUB_REPOS ?? 200);
const outDir = path.join(root, 'node_modules/.cache/psm-bench');
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, 'fake-org.mjs');
await build({
  entryPoints: [path.join(root, 'test/fakes/fake-org.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'error',
});
const { measureCallsPerRepo } = await import(pathToFileURL(outfile).href);
const m = await measureCallsPerRepo(n);
process.stdout.write(
  JSON.stringify({
    repos: m.repos,
    calls: m.totalCalls,
    repo_scoped_calls: m.repoScopedCalls,
    org_calls: m.orgCalls,
    calls_per_repo: m.callsPerRepo,
  }) + '\n',
);
