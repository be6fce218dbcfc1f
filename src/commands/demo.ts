import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AggregateResult } from './aggregate-api.js';
import { runAggregate } from './aggregate.js';
import type { Logger } from '../util/logger.js';
import { UserError } from '../util/errors.js';

/** The bundled example org's months, oldest first; the last one is the report the demo shows. */
export const DEMO_MONTHS = ['2026-09', '2026-10', '2026-11'] as const;

/** examples/demo next to the package (dist/cli.js → ../examples/demo; src/commands/demo.ts → ../../examples/demo). */
export function findDemoDir(start = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    const cand = path.join(dir, 'examples', 'demo');
    if (existsSync(path.join(cand, 'inventory.csv'))) return cand;
    dir = path.dirname(dir);
  }
  throw new UserError('the bundled example org (examples/demo) was not found next to the program');
}

/**
 * End to end on the bundled example org, no token needed: three months of collected records, an
 * inventory with tiers, an exception log and a manual export → every output for the last month, with
 * trends from the history the earlier months wrote.
 */
export async function runDemo(
  outDir: string,
  logger: Logger,
  demoDir = findDemoDir(),
): Promise<AggregateResult> {
  const out = path.resolve(outDir);
  const historyDir = path.join(out, 'history');
  await fs.rm(historyDir, { recursive: true, force: true });
  const quiet: Logger = { ...logger, info: () => {}, warning: () => {} };
  let last: AggregateResult | undefined;
  for (const month of DEMO_MONTHS) {
    const final = month === DEMO_MONTHS.at(-1);
    last = await runAggregate(
      {
        configPath: path.join(demoDir, 'security-metrics.yml'),
        recordsDir: path.join(demoDir, 'records'),
        manualDir: path.join(demoDir, 'manual'),
        inventoryPath: path.join(demoDir, 'inventory.csv'),
        exceptionsPath: path.join(demoDir, 'exceptions.yml'),
        ticketsPaths: [path.join(demoDir, 'tickets')],
        historyDir,
        month,
        outDir: final ? out : path.join(out, 'months', month),
      },
      final ? logger : quiet,
    );
  }
  return last!;
}
