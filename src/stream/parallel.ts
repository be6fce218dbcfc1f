import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { nextOrdinal, occurrenceId, type FinalizeContext } from '../normalize/finalize.js';
import { finishRun, type RunContext } from '../parsers/sarif/index.js';
import type { ScanEvidence } from '../parsers/types.js';
import { UserError } from '../util/errors.js';
import { DigestCounter } from '../util/hash.js';
import type { RangeList } from './file-io.js';
import { WORKER_TAG, type Reply, type Task, type WorkerInit } from './parallel-protocol.js';
import { WarningList, type StreamOutcome } from './slices.js';

const BATCH = 256;
const TAIL = ',"source_index":0}';

/** dist/stream-worker.js beside the running bundle; absent when running from sources (tests). */
function workerScript(): string | undefined {
  try {
    const p = fileURLToPath(new URL('./stream-worker.js', import.meta.url));
    return existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Workers to use: `SECURITY_METRICS_STREAM_WORKERS` (0 = one thread, the default). Off by default:
 * measured on the shared 2-core machines the workers cost more CPU and memory than they saved in
 * wall time (docs/performance.md); turn them on where cores are idle.
 */
export function workerCount(env: Record<string, string | undefined> = process.env): number {
  const v = env.SECURITY_METRICS_STREAM_WORKERS;
  if (v !== undefined && v.trim() !== '' && Number.isInteger(Number(v)) && Number(v) >= 0)
    return Math.min(Number(v), 16);
  return 0;
}

export function parallelAvailable(): boolean {
  return workerScript() !== undefined;
}

export interface ParallelJob {
  file: string;
  displayPath: string;
  size: number;
  headerRuns: unknown[];
  contexts: RunContext[];
  results: RangeList[];
  ctx: FinalizeContext;
  workers: number;
  onLine: (line: string) => void | Promise<void>;
}

/**
 * Pass 2 on several cores: workers parse results and prepare findings as JSON lines; this thread
 * assigns the per-file occurrence ordinals and indexes in file order, so the lines are the
 * sequential path's, byte for byte. At most 3 batches per worker are in flight.
 */
export async function runParallel(job: ParallelJob): Promise<StreamOutcome & { count: number }> {
  const script = workerScript();
  if (!script) throw new Error('stream worker script is missing');
  const init: WorkerInit = {
    tag: WORKER_TAG,
    file: job.file,
    displayPath: job.displayPath,
    fileSize: job.size,
    runs: job.headerRuns,
    ctx: job.ctx,
  };
  const waiting = new Map<number, (r: Reply) => void>();
  let failure: Error | undefined;
  const workers = Array.from({ length: Math.max(1, job.workers) }, () => {
    const w = new Worker(script, {
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 12 },
    });
    w.on('message', (r: Reply) => {
      const done = waiting.get(r.id);
      waiting.delete(r.id);
      done?.(r);
    });
    w.on('error', (e) => {
      failure = e;
      for (const done of waiting.values())
        done({ id: -1, lines: [], holes: [], occurrences: [], warnings: [], categories: [] });
      waiting.clear();
    });
    return w;
  });
  const tasks: Task[] = [];
  let nextTask = 0;
  const taskAt = (n: number): Task | undefined => {
    while (tasks.length <= n) {
      // made lazily: ranges are cut into batches as they are dispatched
      const made = tasks.length;
      let seen = 0;
      let found: Task | undefined;
      for (let run = 0; run < job.results.length && !found; run++) {
        const list = job.results[run]!;
        const batches = Math.ceil(list.length / BATCH);
        if (made < seen + batches) {
          const first = (made - seen) * BATCH;
          const last = Math.min(first + BATCH, list.length);
          found = {
            id: made,
            run,
            first,
            starts: list.starts.slice(first, last),
            ends: list.ends.slice(first, last),
          };
        }
        seen += batches;
      }
      if (!found) return undefined;
      tasks.push(found);
    }
    return tasks[n];
  };
  const inflight: Array<Promise<Reply>> = [];
  const dispatch = () => {
    while (inflight.length < workers.length * 3 && !failure) {
      const t = taskAt(nextTask);
      if (!t) return;
      tasks[nextTask] = undefined as unknown as Task; // sent: keep the index, drop the arrays
      nextTask++;
      inflight.push(new Promise<Reply>((resolve) => waiting.set(t.id, resolve)));
      workers[t.id % workers.length]!.postMessage(t);
    }
  };

  const seen = new DigestCounter();
  const warnings = new WarningList();
  const categories = job.contexts.map((rc) => new Set(rc.categories));
  const runWarnings = job.contexts.map(() => [] as string[]);
  let count = 0;
  let lastRun = 0;
  try {
    dispatch();
    while (inflight.length > 0) {
      const r = await inflight.shift()!;
      if (failure) throw failure;
      if (r.error) {
        if (r.error.user) throw new UserError(r.error.message, job.displayPath, r.error.position);
        throw new Error(r.error.message);
      }
      dispatch();
      const run = runOf(job.results, r.id);
      for (; lastRun < run; lastRun++) warnings.take(runWarnings[lastRun]!);
      runWarnings[run]!.push(...r.warnings);
      for (const c of r.categories) categories[run]!.add(c as never);
      for (let k = 0; k < r.lines.length; k++) {
        const line = r.lines[k]!;
        const hole = r.holes[k]!;
        if (!line.endsWith(TAIL) || line.slice(hole, hole + 2) !== '""')
          throw new Error('stream worker sent a malformed line');
        const occ = r.occurrences[k]!;
        const id = occurrenceId(occ, nextOrdinal(seen, occ));
        const out = `${line.slice(0, hole)}"${id}"${line.slice(hole + 2, line.length - 2)}${count}}`;
        count++;
        const p = job.onLine(out);
        if (p) await p;
      }
    }
    for (; lastRun < job.results.length; lastRun++) warnings.take(runWarnings[lastRun]!);
  } finally {
    for (const w of workers) void w.terminate();
  }
  const scans: ScanEvidence[] = job.contexts.map((rc, i) => finishRun({ ...rc, categories: categories[i]! }));
  return { scans, warnings: warnings.first, warningCount: warnings.count, count };
}

function runOf(results: RangeList[], taskId: number): number {
  let seen = 0;
  for (let run = 0; run < results.length; run++) {
    seen += Math.ceil(results[run]!.length / BATCH);
    if (taskId < seen) return run;
  }
  return results.length - 1;
}
