import type { FinalizeContext } from '../normalize/finalize.js';

/**
 * Young generation of every worker thread of the streaming path, in MiB (`resourceLimits`): the
 * pass-2 workers and the `normalize` worker. Node 22+ would otherwise let each grow to ~64 MiB; 12
 * keeps `normalize` of a 400 MB log on Node 24 under 256 MiB with its pass-2 worker, at a few per
 * cent more CPU than 16 (docs/performance.md "Node 24").
 */
export const WORKER_YOUNG_MB = 12;

/** Marks the worker's workerData, so a bundle loaded for another reason never starts serving. */
export const WORKER_TAG = 'security-metrics/stream-worker/v2';

/** The first message to a worker: the file and everything pass 2 needs (sent once pass 1 is done). */
export interface WorkerInit {
  kind: 'init';
  file: string;
  displayPath: string;
  fileSize: number;
  /** Each run without its results, as JSON.parse gave it. */
  runs: unknown[];
  ctx: FinalizeContext;
}

/** A batch of consecutive results of one run. */
export interface Task {
  kind?: 'task';
  id: number;
  run: number;
  first: number;
  starts: Float64Array;
  ends: Float64Array;
}

/** A reply's buffer, written out: the worker uses it again. */
export interface Recycle {
  kind: 'recycle';
  buf: ArrayBuffer;
}

export type ToWorker = WorkerInit | Task | Recycle | { kind: 'close' };

/** A batch prepared: one JSON line per finding, UTF-8, one after the other in `buf`. */
export interface BatchReply {
  id: number;
  buf: Uint8Array;
  /** End offset of each line in `buf` (the next line starts there; no newlines). */
  ends: Int32Array;
  /** Offset in `buf` of each line's occurrence id (written for ordinal 0). */
  idAt: Int32Array;
  /** `fastHash64` of each line's occurrence key, two numbers a line. */
  digests: Uint32Array;
  occurrences: string[];
  warnings: string[];
  categories: string[];
  /** A user error (message, position) or an internal error, for the whole file. */
  error?: { user: boolean; message: string; position?: string };
}
