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

await rm('dist', { recursive: true, force: true });
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node\n' + banner.js },
});
// Worker of the parallel streaming reader, loaded by both bundles from beside them.
await build({ ...common, entryPoints: ['src/stream/stream-worker.ts'], outfile: 'dist/stream-worker.js' });
await chmod('dist/cli.js', 0o755);
await writeFile('dist/package.json', '{ "type": "module" }\n');
