import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { occurrenceId, type FinalizeContext } from '../normalize/finalize.js';
import { finishRun, type RunContext } from '../parsers/sarif/index.js';
import type { ScanEvidence } from '../parsers/types.js';
import { besideBundle } from '../util/beside.js';
import { BufferPool } from '../util/buffer-pool.js';
import { UserError } from '../util/errors.js';
import { DigestCounter } from '../util/hash.js';
import type { RangeList, RangeReader } from './file-io.js';
import {
  WORKER_TAG,
  WORKER_YOUNG_MB,
  type BatchReply,
  type Task,
  type ToWorker,
  type WorkerInit,
} from './parallel-protocol.js';
import { prepareBatch } from './sarif-batch.js';
import { WarningList, type StreamOutcome } from './slices.js';

/** Results per task. */
const BATCH = 256;
/** Tasks in flight per worker. */
const DEPTH = 3;
/** Prepared batches waiting for an earlier one, beyond which the main thread stops taking tasks. */
const MAX_READY = 4;

/** dist/stream-worker.js beside the running bundle; absent when running from sources (tests). */
function workerScript(): string | undefined {
  return besideBundle('stream-worker.js');
}

/**
 * Worker threads for pass 2, besides the main thread (which prepares batches too):
 * `SECURITY_METRICS_STREAM_WORKERS` (0 = the main thread alone); by default one when the machine
 * has at least two cores (docs/performance.md "Parallel pass 2").
 */
export function workerCount(
  env: Record<string, string | undefined> = process.env,
  cores: number = availableParallelism(),
): number {
  return explicitWorkers(env) ?? (cores >= 2 ? 1 : 0);
}

/** `SECURITY_METRICS_STREAM_WORKERS` when it is set to a count (at most 16). */
function explicitWorkers(env: Record<string, string | undefined>): number | undefined {
  const v = env.SECURITY_METRICS_STREAM_WORKERS;
  if (v !== undefined && v.trim() !== '' && Number.isInteger(Number(v)) && Number(v) >= 0)
    return Math.min(Number(v), 16);
  return undefined;
}

/**
 * Above this many results the default is the main thread alone: the worker's heap and the per-result
 * bookkeeping would take peak RSS above 256 MiB (docs/performance.md "Parallel pass 2").
 * An explicit `SECURITY_METRICS_STREAM_WORKERS` has no such limit.
 */
export const DEFAULT_PARALLEL_MAX_RESULTS = 500_000;

export function parallelMaxResults(env: Record<string, string | undefined> = process.env): number {
  return explicitWorkers(env) === undefined ? DEFAULT_PARALLEL_MAX_RESULTS : Infinity;
}

export function parallelAvailable(): boolean {
  return workerScript() !== undefined;
}

/** Worker threads started early (while pass 1 runs) so that their start-up overlaps it. */
export class WorkerPool {
  readonly workers: Worker[];
  failure: Error | undefined;
  onReply: ((r: BatchReply) => void) | undefined;
  onFailure: (() => void) | undefined;
  private closed = false;

  private constructor(script: string, n: number) {
    this.workers = Array.from({ length: n }, () => {
      const w = new Worker(script, {
        workerData: { tag: WORKER_TAG },
        resourceLimits: {
          maxOldGenerationSizeMb: 512,
          maxYoungGenerationSizeMb: WORKER_YOUNG_MB,
        },
      });
      w.on('message', (r: BatchReply) => this.onReply?.(r));
      w.on('error', (e) => {
        this.failure ??= e;
        this.onFailure?.();
      });
      return w;
    });
  }

  /** Undefined when there is no worker bundle (running from sources) or n < 1. */
  static start(n: number): WorkerPool | undefined {
    const script = workerScript();
    return script && n >= 1 ? new WorkerPool(script, n) : undefined;
  }

  send(i: number, m: ToWorker, transfer?: ArrayBuffer[]): void {
    this.workers[i]!.postMessage(m, transfer);
  }

  /** Let the workers finish (they close the file) or, with `now`, stop them where they are. */
  close(now = true): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.workers) {
      if (now) void w.terminate();
      else {
        w.postMessage({ kind: 'close' } satisfies ToWorker);
        w.unref();
      }
    }
  }
}

export interface ParallelJob {
  file: string;
  displayPath: string;
  size: number;
  headerRuns: unknown[];
  contexts: RunContext[];
  results: RangeList[];
  ctx: FinalizeContext;
  /** The main thread's reader of the file (it prepares batches too). */
  reader: RangeReader;
  pool: WorkerPool;
  onLine: (line: string) => void | Promise<void>;
  /** When given, lines go here as bytes: `bytes[start, end)` followed by `tail` (ASCII). */
  onBytes?: (bytes: Uint8Array, start: number, end: number, tail: string) => void | Promise<void>;
}

/**
 * Pass 2 on several threads. Results are cut into tasks of 256; the workers keep two tasks each in
 * flight and the main thread prepares a task itself whenever the next one to write is not back yet
 * (`prepareBatch`, the same code). Lines are written in task order; this thread counts occurrences
 * in that order (from digests the preparing thread computed), so ids, ordinals and indexes are the
 * sequential path's, byte for byte.
 */
export async function runParallel(job: ParallelJob): Promise<StreamOutcome & { count: number }> {
  const { pool } = job;
  const init: WorkerInit = {
    kind: 'init',
    file: job.file,
    displayPath: job.displayPath,
    fileSize: job.size,
    runs: job.headerRuns,
    ctx: job.ctx,
  };
  const nw = pool.workers.length;
  for (let i = 0; i < nw; i++) pool.send(i, init);

  // task t covers results [taskFirst[t], +BATCH) of run taskRun[t]
  let total = 0;
  for (const list of job.results) total += Math.ceil(list.length / BATCH);
  const taskRun = new Int32Array(total);
  const taskFirst = new Float64Array(total);
  for (let run = 0, t = 0; run < job.results.length; run++)
    for (let first = 0; first < job.results[run]!.length; first += BATCH, t++) {
      taskRun[t] = run;
      taskFirst[t] = first;
    }
  const taskOf = (t: number): Task => {
    const list = job.results[taskRun[t]!]!;
    const first = taskFirst[t]!;
    const last = Math.min(first + BATCH, list.length);
    return { id: t, run: taskRun[t]!, first, ...list.copy(first, last) };
  };

  const ready = new Map<number, BatchReply>();
  const owner = new Int32Array(total).fill(-1);
  const inflight = new Int32Array(nw);
  let wake: (() => void) | undefined;
  let nextTask = 0;
  const dispatch = () => {
    for (let w = 0; w < nw; w++)
      while (inflight[w]! < DEPTH && nextTask < total) {
        owner[nextTask] = w;
        inflight[w]!++;
        pool.send(w, taskOf(nextTask++));
      }
  };
  pool.onReply = (r) => {
    ready.set(r.id, r);
    inflight[owner[r.id]!]!--;
    dispatch(); // at once: the main thread may be busy preparing a batch of its own
    wake?.();
  };
  pool.onFailure = () => wake?.();

  const buffers = new BufferPool();
  let results = 0;
  for (const list of job.results) results += list.length;
  const seen = new DigestCounter(results);
  const warnings = new WarningList();
  const categories = job.contexts.map((rc) => new Set(rc.categories));
  let count = 0;
  const emit = async (r: BatchReply): Promise<void> => {
    const run = taskRun[r.id]!;
    warnings.take(r.warnings); // batches are written in file order, so are their warnings
    for (const c of r.categories) categories[run]!.add(c as never);
    const { buf, ends, idAt, digests } = r;
    let start = 0;
    for (let k = 0; k < ends.length; k++) {
      const end = ends[k]!;
      const ordinal = seen.nextHashed(digests[2 * k]!, digests[2 * k + 1]!);
      if (ordinal > 0) {
        const id = occurrenceId(r.occurrences[k]!, ordinal);
        const at = idAt[k]!;
        if (buf[at + id.length] !== 0x22) throw new Error('parallel reader: occurrence id length changed');
        Buffer.from(buf.buffer, buf.byteOffset, buf.length).write(id, at, 'latin1');
      }
      // every line ends with `"source_index":0}`: write the index instead of the 0
      const tail = `${count}}`;
      count++;
      const p = job.onBytes
        ? job.onBytes(buf, start, end - 2, tail)
        : job.onLine(
            Buffer.from(buf.buffer, buf.byteOffset, buf.length).toString('utf8', start, end - 2) + tail,
          );
      if (p) await p;
      start = end;
    }
    const w = owner[r.id]!;
    if (w >= 0)
      pool.send(w, { kind: 'recycle', buf: r.buf.buffer as ArrayBuffer }, [r.buf.buffer as ArrayBuffer]);
    else buffers.give(r.buf.buffer as ArrayBuffer);
    if (r.error) {
      if (r.error.user) throw new UserError(r.error.message, job.displayPath, r.error.position);
      throw new Error(r.error.message);
    }
  };

  let done = false;
  try {
    for (let nextEmit = 0; nextEmit < total;) {
      // let the workers' replies in (message events wait for a turn of the event loop)
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (pool.failure) throw pool.failure;
      dispatch();
      const r = ready.get(nextEmit);
      if (r) {
        ready.delete(nextEmit);
        nextEmit++;
        await emit(r);
      } else if (nextTask < total && ready.size < MAX_READY) {
        const t = nextTask++;
        ready.set(
          t,
          await prepareBatch(job.reader, job.contexts, taskOf(t), job.ctx, job.displayPath, buffers),
        );
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
    done = true;
  } finally {
    pool.onReply = undefined;
    pool.onFailure = undefined;
    pool.close(!done);
  }
  const scans: ScanEvidence[] = job.contexts.map((rc, i) => finishRun({ ...rc, categories: categories[i]! }));
  return { scans, warnings: warnings.first, warningCount: warnings.count, count };
}
