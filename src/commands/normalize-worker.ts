import { Writable } from 'node:stream';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { BufferPool } from '../util/buffer-pool.js';
import { errorMessage, isUserError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { BATCH, runNormalize } from './normalize.js';
import {
  IN_FLIGHT,
  NORMALIZE_WORKER_TAG,
  type FromNormalizeWorker,
  type NormalizeWorkerData,
  type ToNormalizeWorker,
} from './normalize-thread.js';

/**
 * Entry of dist/normalize-worker.js: `normalize` in a worker thread (see normalize-thread.ts).
 * The output batches are Buffers of a small pool: each is handed to the main thread without a copy
 * (transferred) and comes back with the acknowledgement once it is written, so neither thread makes
 * garbage per batch. A write completes at once while fewer than IN_FLIGHT batches are
 * unacknowledged, otherwise when the main thread acknowledges one.
 */
export class PortOut extends Writable {
  private inFlight = 0;
  private waiting: (() => void) | undefined;
  private readonly pool = new BufferPool(16, BATCH);
  /**
   * The ArrayBuffers `take` handed out: only those are transferred (a transfer detaches the memory,
   * which must belong to nothing else). A buffer that comes back is a new object: it is marked again
   * when it is taken again.
   */
  private readonly ours = new WeakSet<ArrayBuffer>();

  constructor(private readonly port: MessagePort) {
    super({ highWaterMark: 1 << 18 });
    port.on('message', (m: ToNormalizeWorker) => {
      if (m.kind !== 'ack') return;
      if (m.buf) this.pool.give(m.buf);
      this.inFlight--;
      const w = this.waiting;
      this.waiting = undefined;
      w?.();
    });
  }

  /** A Buffer of `size` bytes at offset 0 of a pool ArrayBuffer (LineBatcher's allocator). */
  readonly take = (size: number): Buffer => {
    const b = this.pool.take(size);
    this.ours.add(b.buffer as ArrayBuffer);
    return b;
  };

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.inFlight++;
    const ab = chunk.buffer as ArrayBuffer;
    if (this.ours.has(ab) && chunk.byteOffset === 0) {
      this.port.postMessage({ kind: 'out', buf: ab, length: chunk.length } satisfies FromNormalizeWorker, [
        ab,
      ]);
    } else {
      // not one of the pool's (a line longer than a batch): copied by the structured clone
      this.port.postMessage({ kind: 'out', buf: chunk, length: chunk.length } satisfies FromNormalizeWorker);
    }
    if (this.inFlight < IN_FLIGHT) cb();
    else this.waiting = () => cb();
  }
}

function portLogger(port: MessagePort): Logger {
  const post = (level: 'info' | 'warning' | 'error' | 'debug') => (message: string, where?: object) =>
    port.postMessage({ kind: 'log', level, message, ...(where ? { where } : {}) } as FromNormalizeWorker);
  return { info: post('info'), warning: post('warning'), error: post('error'), debug: post('debug') };
}

async function serve(port: MessagePort, data: NormalizeWorkerData): Promise<void> {
  const out = new PortOut(port);
  let reply: FromNormalizeWorker;
  try {
    reply = {
      kind: 'done',
      code: await runNormalize({ ...data.job, out, logger: portLogger(port), allocBatch: out.take }),
    };
  } catch (e) {
    reply = {
      kind: 'fail',
      user: isUserError(e),
      message: errorMessage(e),
      stack: e instanceof Error ? e.stack : undefined,
    };
  }
  // Every Buffer written before the end (or the failure) reaches the main thread before the reply,
  // as it would have reached stdout on the direct path.
  await new Promise<void>((resolve) => out.end(() => resolve()));
  port.postMessage(reply);
  port.close();
}

const data = workerData as NormalizeWorkerData | undefined;
if (parentPort && data?.tag === NORMALIZE_WORKER_TAG) void serve(parentPort, data);
