import { promises as fs } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { prepareFinding } from '../normalize/finalize.js';
import { createRunContext, resultToDraft, type RunContext } from '../parsers/sarif/index.js';
import type { SarifRun } from '../parsers/sarif/types.js';
import { isUserError } from '../util/errors.js';
import { RangeReader } from './file-io.js';
import { WORKER_TAG, type Reply, type Task, type WorkerInit } from './parallel-protocol.js';
import { parseSlice } from './slices.js';

/**
 * Worker of the parallel SARIF reader: parses results, makes drafts and prepares findings (all but
 * the per-file occurrence ordinal and index), and sends back JSON lines. Entry of dist/stream-worker.js.
 */
const MARK = ',"occurrence_id":""';

async function serve(init: WorkerInit): Promise<void> {
  const fh = await fs.open(init.file, 'r');
  // Small window: each task's span is read with one read (batches alternate between workers, so a
  // big window would mostly read other workers' results).
  const reader = new RangeReader(fh, init.fileSize, 64 * 1024);
  const contexts: RunContext[] = init.runs.map((r, i) =>
    createRunContext(r as SarifRun, i, init.displayPath),
  );
  const trash: string[] = [];
  // One task at a time: the reader's window buffer is shared.
  let queue = Promise.resolve();
  parentPort!.on('message', (t: Task | null) => {
    if (t === null) {
      queue = queue.then(async () => {
        await fh.close();
        parentPort!.close();
      });
      return;
    }
    queue = queue.then(async () => {
      const rc = contexts[t.run]!;
      const reply: Reply = { id: t.id, lines: [], holes: [], occurrences: [], warnings: [], categories: [] };
      try {
        const n = t.starts.length;
        if (n > 0) await reader.text(t.starts[0]!, t.ends[n - 1]!);
        for (let k = 0; k < n; k++) {
          const i = t.first + k;
          const r = await parseSlice(
            reader,
            { key: String(i), start: t.starts[k]!, end: t.ends[k]! },
            init.displayPath,
          );
          const d = resultToDraft(rc, r as never, i, trash);
          trash.length = 0;
          if (!d) continue;
          const p = prepareFinding(d, init.ctx, init.ctx.secrets);
          const line = JSON.stringify(p.finding);
          reply.lines.push(line);
          reply.holes.push(line.indexOf(MARK) + MARK.length - 2);
          reply.occurrences.push(p.occurrence);
        }
      } catch (e) {
        reply.error = isUserError(e)
          ? { user: true, message: e.message, position: e.position }
          : { user: false, message: e instanceof Error ? e.message : String(e) };
      }
      reply.warnings = rc.warnings.splice(0);
      reply.categories = [...rc.categories];
      parentPort!.postMessage(reply);
    });
  });
}

const init = workerData as WorkerInit | undefined;
if (parentPort && init?.tag === WORKER_TAG) void serve(init);
