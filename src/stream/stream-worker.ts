import { promises as fs } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createRunContext, type RunContext } from '../parsers/sarif/index.js';
import type { SarifRun } from '../parsers/sarif/types.js';
import { BufferPool } from '../util/buffer-pool.js';
import { RangeReader } from './file-io.js';
import { WORKER_TAG, type BatchReply, type ToWorker, type WorkerInit } from './parallel-protocol.js';
import { prepareBatch } from './sarif-batch.js';

/**
 * Worker of the parallel SARIF reader (entry of dist/stream-worker.js). It is started while pass 1
 * still runs, so loading and compiling the bundle overlap with it; the first message says which
 * file, then each task is a batch of results, answered with its prepared lines (`prepareBatch`).
 */
function serve(): void {
  let state:
    { init: WorkerInit; reader: RangeReader; contexts: RunContext[]; close: () => Promise<void> } | undefined;
  // One message at a time: the reader's window buffer is shared.
  let queue = Promise.resolve();
  const buffers = new BufferPool();
  parentPort!.on('message', (m: ToWorker) => {
    if (m.kind === 'recycle') return buffers.give(m.buf);
    queue = queue.then(async () => {
      if (m.kind === 'init') {
        const fh = await fs.open(m.file, 'r');
        // Small window: each task's span is read with one read (batches alternate between threads).
        state = {
          init: m,
          reader: new RangeReader(fh, m.fileSize, 64 * 1024),
          contexts: m.runs.map((r, i) => createRunContext(r as SarifRun, i, m.displayPath)),
          close: () => fh.close(),
        };
      } else if (m.kind === 'close') {
        await state?.close();
        parentPort!.close();
      } else {
        const s = state!;
        const reply: BatchReply = await prepareBatch(
          s.reader,
          s.contexts,
          m,
          s.init.ctx,
          s.init.displayPath,
          buffers,
        );
        parentPort!.postMessage(reply, [reply.buf.buffer as ArrayBuffer]);
      }
    });
  });
}

const data = workerData as { tag?: string } | undefined;
if (parentPort && data?.tag === WORKER_TAG) serve();
