// `npm run demo`: builds the CLI when dist/cli.js is missing or predates the demo command, then runs
// `security-metrics demo` (the bundled example org → ./security-metrics-demo/).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli.js');
const fresh = existsSync(cli) && readFileSync(cli, 'utf8').includes('security-metrics demo [--out <dir>]');
if (!fresh)
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
try {
  execFileSync(process.execPath, [cli, 'demo', ...process.argv.slice(2)], { stdio: 'inherit' });
} catch (e) {
  process.exitCode = typeof e.status === 'number' ? e.status : 1;
}
