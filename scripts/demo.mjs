// `npm run demo`: the collector end to end on bundled example reports (no token, no network).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('dist/cli.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const out = process.argv[2] ?? 'security-metrics-demo';
const r = spawnSync(
  process.execPath,
  [
    'dist/cli.js',
    'collect',
    '--reports',
    'examples/reports/*.sarif',
    '--out',
    out,
    '--product',
    'demo-shop',
    '--mode',
    'report',
  ],
  { stdio: 'inherit' },
);
if (r.status === 0) console.log(`\nRecord written to ${out}/findings.jsonl and ${out}/run.json`);
process.exit(r.status ?? 1);
