import { statSync } from 'node:fs';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Writable } from 'node:stream';
import type { Logger } from '../util/logger.js';
import { besideBundle } from '../util/beside.js';
import { UserError } from '../util/errors.js';
import { DEFAULT_STREAM_THRESHOLD, streamThresholdFromEnv } from '../stream/threshold.js';
import { WORKER_YOUNG_MB } from '../stream/parallel-protocol.js';

/**
 * `normalize` of a big file runs in a worker thread whose young generation is capped, the main
 * thread only relaying its output and messages (docs/performance.md, "Node 24: normalize in a
 * worker thread").
 *
 * Why: V8 sizes the main isolate's young generation from start-up flags only, and from Node 22 on it
 * lets it grow to ~64 MiB where Node 20 kept ~16; the streaming reader allocates many short-lived
 * objects, so on Node 24 one thread peaked at ~300 MiB at 400 MB where Node 20 stays near 160. A
 * worker's heap limits are set when it is created (`resourceLimits`), so the same work in a worker
 * with a WORKER_YOUNG_MB young generation stays under 256 MiB. Output and messages are the same
 * bytes, in the same order, as on the main thread: the worker hands its output Buffers over to the
 * main thread (transferred, not copied), which writes them to stdout and hands each back once
 * written; at most IN_FLIGHT are out at once, so a slow reader of stdout holds the worker back
 * instead of output piling up in memory.
 */

/** Marks the worker's workerData, so a bundle loaded for another reason never starts serving. */
export const NORMALIZE_WORKER_TAG = 'security-metrics/normalize-worker/v1';

/** Output Buffers sent and not yet acknowledged, beyond which the worker waits. */
export const IN_FLIGHT = 4;

/** What the worker runs: `runNormalize`'s options that are plain data. */
export interface NormalizeJob {
  files: string[];
  format: string;
  product: string | null;
  service: string | null;
  cwd: string;
  streamThreshold?: number;
}

/**
 * `normalize`'s arguments (after the command) as a job: throws Node's ERR_PARSE_ARGS TypeError on an
 * unknown option; `files` is empty when none was given.
 */
export function parseNormalizeArgs(
  args: string[],
  env: Record<string, string | undefined>,
  cwd: string,
): NormalizeJob {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, product: { type: 'string' }, service: { type: 'string' } },
  });
  return {
    files: positionals,
    format: values.format ?? 'auto',
    product: values.product ?? null,
    service: values.service ?? null,
    cwd,
    streamThreshold: streamThresholdFromEnv(env),
  };
}

export interface NormalizeWorkerData {
  tag: typeof NORMALIZE_WORKER_TAG;
  job: NormalizeJob;
}

type Level = 'info' | 'warning' | 'error' | 'debug';
type Where = { file?: string; line?: number; title?: string };

export type FromNormalizeWorker =
  | { kind: 'out'; buf: ArrayBuffer | Uint8Array; length: number }
  | { kind: 'log'; level: Level; message: string; where?: Where }
  | { kind: 'done'; code: 0 | 2 }
  | { kind: 'fail'; user: boolean; message: string; stack?: string };

/** A batch was written; its ArrayBuffer comes back when it was transferred. */
export type ToNormalizeWorker = { kind: 'ack'; buf?: ArrayBuffer };

/** dist/normalize-worker.js beside the running bundle; absent when running from sources (tests). */
export function normalizeWorkerScript(): string | undefined {
  return besideBundle('normalize-worker.js');
}

/**
 * Whether `normalize` runs in a worker: `SECURITY_METRICS_NORMALIZE_WORKER` = 0 (never) or 1 (always,
 * when the worker bundle is there); by default when a file is above the streaming threshold (small
 * files are not worth a thread's start-up) and the runtime is Node 22 or later (Node 20's young
 * generation is small already: there the worker only costs time).
 */
export function wantsNormalizeWorker(
  job: Pick<NormalizeJob, 'files' | 'cwd' | 'streamThreshold'>,
  env: Record<string, string | undefined> = process.env,
  nodeMajor: number = Number(process.versions.node.split('.')[0]),
): boolean {
  const v = env.SECURITY_METRICS_NORMALIZE_WORKER?.trim();
  if (v === '0') return false;
  if (v === '1') return true;
  if (nodeMajor < 22) return false;
  const threshold = job.streamThreshold ?? DEFAULT_STREAM_THRESHOLD;
  return job.files.some((f) => {
    try {
      const s = statSync(path.resolve(job.cwd, f));
      return s.isFile() && s.size > threshold;
    } catch {
      return false;
    }
  });
}

/**
 * Run `job` in the worker bundle `script`: its output goes to `out`, its messages to `logger`, in
 * the order the worker produced them; resolves with its exit code, rejects with a `UserError` (the
 * same message as the direct path) or, for anything else, an Error carrying the worker's stack.
 */
export function runNormalizeWorker(
  script: string,
  job: NormalizeJob,
  out: Writable,
  logger: Logger,
): Promise<0 | 2> {
  // The old generation may grow as far as the main thread's could (a big file of a format without a
  // streaming reader is read whole, as on the main thread).
  const oldMb = Math.max(512, Math.floor(getHeapStatistics().heap_size_limit / 1048576));
  return new Promise((resolve, reject) => {
    const w = new Worker(script, {
      workerData: { tag: NORMALIZE_WORKER_TAG, job } satisfies NormalizeWorkerData,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: oldMb },
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    // A transferred batch goes back to the worker's pool once written (the write's callback: that is
    // also the backpressure). Node's stdout (a pipe, file or TTY) no longer holds the bytes then; any
    // other stream is given a copy, in case it keeps the chunk.
    const direct = out === process.stdout;
    const write = ({ buf, length }: { buf: ArrayBuffer | Uint8Array; length: number }) => {
      if (buf instanceof ArrayBuffer) {
        const view = Buffer.from(buf, 0, length);
        out.write(direct ? view : Buffer.from(view), () => {
          if (!settled) w.postMessage({ kind: 'ack', buf } satisfies ToNormalizeWorker, [buf]);
        });
      } else {
        out.write(buf.subarray(0, length), () => {
          if (!settled) w.postMessage({ kind: 'ack' } satisfies ToNormalizeWorker);
        });
      }
    };
    w.on('message', (m: FromNormalizeWorker) => {
      switch (m.kind) {
        case 'out':
          write(m);
          break;
        case 'log':
          logger[m.level](m.message, m.where);
          break;
        case 'done':
          settle(() => resolve(m.code));
          break;
        case 'fail':
          settle(() =>
            reject(
              m.user ? new UserError(m.message) : Object.assign(new Error(m.message), { stack: m.stack }),
            ),
          );
          break;
      }
    });
    w.on('error', (e) => settle(() => reject(e)));
    w.on('exit', (code) =>
      settle(() => reject(new Error(`the normalize worker stopped before it was done (exit code ${code})`))),
    );
  });
}
