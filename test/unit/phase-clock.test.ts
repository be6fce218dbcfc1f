import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAggregate } from '../../src/commands/aggregate.js';
import { countFindings } from '../../src/commands/collect.js';
import { captureLogger } from '../../src/util/logger.js';
import { PhaseClock } from '../../src/util/phase-clock.js';
import { makeFinding, makeRun } from '../helpers/records.js';

describe('PhaseClock', () => {
  it('adds time per phase in first-use order, sync and async, and keeps the time when fn throws', async () => {
    const c = new PhaseClock();
    expect(c.timeSync('a', () => 1)).toBe(1);
    expect(await c.time('b', async () => 'x')).toBe('x');
    expect(() =>
      c.timeSync('a', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    c.record('c', PhaseClock.now());
    c.sampleHeap();
    expect(c.summary()).toMatch(
      /^phases: a \d+ ms wall \/ \d+ ms cpu; b \d+ ms wall \/ \d+ ms cpu; c \d+ ms wall \/ \d+ ms cpu; heap peak sampled \d+ MiB$/,
    );
  });
});

describe('aggregate: phases in the debug log', () => {
  it('reports read, lifecycle, metrics and outputs', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sm-phases-'));
    try {
      const d = path.join(dir, 'records', 'r1');
      await fs.mkdir(d, { recursive: true });
      const findings = [makeFinding({ key: 'a' })];
      const run = makeRun({ at: '2026-11-02T00:00:00Z' });
      run.counts = countFindings(findings);
      await fs.writeFile(path.join(d, 'run.json'), JSON.stringify(run));
      await fs.writeFile(path.join(d, 'findings.jsonl'), JSON.stringify(findings[0]) + '\n');
      const logger = captureLogger();
      await runAggregate(
        { recordsDir: path.join(dir, 'records'), month: '2026-11', outDir: path.join(dir, 'out') },
        logger,
      );
      const line = logger.lines.find((l) => l.startsWith('debug: aggregate 2026-11: phases: '));
      expect(line).toBeDefined();
      expect(line!.match(/(\w+) \d+ ms wall/g)!.map((m) => m.split(' ')[0])).toEqual([
        'read',
        'lifecycle',
        'metrics',
        'outputs',
      ]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
