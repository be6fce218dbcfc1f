import type { FinalizeContext } from '../normalize/finalize.js';

/** Marks the worker's init data, so a bundle loaded for another reason never starts serving. */
export const WORKER_TAG = 'security-metrics/stream-worker/v1';

export interface WorkerInit {
  tag: typeof WORKER_TAG;
  file: string;
  displayPath: string;
  fileSize: number;
  /** Each run without its results, as JSON.parse gave it. */
  runs: unknown[];
  ctx: FinalizeContext;
}

/** A batch of consecutive results of one run. */
export interface Task {
  id: number;
  run: number;
  first: number;
  starts: Float64Array;
  ends: Float64Array;
}

export interface Reply {
  id: number;
  /** One JSON line per finding, with `"occurrence_id":""` and `"source_index":0` left to fill. */
  lines: string[];
  /** Offset in the line of the empty occurrence id's opening quote. */
  holes: number[];
  occurrences: string[];
  warnings: string[];
  categories: string[];
  /** A user error (message, position) or an internal error, for the whole file. */
  error?: { user: boolean; message: string; position?: string };
}
