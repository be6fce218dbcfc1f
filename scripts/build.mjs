// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild. Deterministic: the same
// sources and lockfile give byte-identical output (CI checks `git diff --exit-code dist/`).
import { build } from 'esbuild';
import { rm, writeFile, chmod } from 'node:fs/promises';

const banner = {
  js: "import { createRequire as __smCreateRequire } from 'node:module'; const require = __smCreateRequire(import.meta.url);",
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  minify: false,
  sourcemap: false,
  logLevel: 'warning',
  banner,
};

// SECURITY_METRICS_BUILD_OUT: another folder than dist/ (tests build the real layout into a temp folder).
const out = process.env.SECURITY_METRICS_BUILD_OUT || 'dist';
await rm(out, { recursive: true, force: true });
await build({ ...common, entryPoints: ['src/index.ts'], outfile: `${out}/index.js` });
// dist/cli.js is a small entry (src/cli-entry.ts) that loads the CLI, dist/cli-main.js, when needed.
await build({
  ...common,
  entryPoints: ['src/cli-entry.ts'],
  outfile: `${out}/cli.js`,
  banner: { js: '#!/usr/bin/env node\n' + banner.js },
});
await build({ ...common, entryPoints: ['src/cli.ts'], outfile: `${out}/cli-main.js` });
// Worker of the parallel streaming reader, loaded by both bundles from beside them.
await build({ ...common, entryPoints: ['src/stream/stream-worker.ts'], outfile: `${out}/stream-worker.js` });
// `normalize` of a big file in a worker with a capped young generation (started by dist/cli.js).
await build({
  ...common,
  entryPoints: ['src/commands/normalize-worker.ts'],
  outfile: `${out}/normalize-worker.js`,
});
await chmod(`${out}/cli.js`, 0o755);
await writeFile(`${out}/package.json`, '{ "type": "module" }\n');
