import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection now, when the heap in use is above `minHeapBytes` (on small heaps it is
 * not worth the pause). Returns whether one ran.
 *
 * Why: V8 runs a major GC only when the old generation reaches a limit it set at the previous one
 * (a multiple of what was live then). At the end of a phase that let go of most of what it built,
 * that garbage stays in the heap, and the next phase's allocations come on top of it: the peak RSS
 * is the sum. One collection at that point lets the next phase reuse the space instead
 * (docs/performance.md, "Aggregator over 1,000,000 findings"). This is the `gc` of `--expose-gc`,
 * obtained at run time (the flag only adds that function to new contexts; it sets no heap limit).
 * Where it is not available, nothing happens.
 */
export function collectGarbage(minHeapBytes = 0): boolean {
  if (process.memoryUsage().heapUsed < minHeapBytes) return false;
  const gc = exposedGc();
  if (!gc) return false;
  if (MEMORY_REDUCING) gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  else gc();
  return true;
}

/**
 * V8 13 (Node 24) and later: `gc` takes options, and 'last-resort' is V8's memory-reducing
 * collection (as under memory pressure): it also compacts half-empty old-generation pages, shrinks
 * the young generation and hands the freed pages back to the system, where a plain one leaves them
 * committed. Older V8s (Node 20) read the options differently (an options object there does not run
 * a full collection, measured): they get the plain `gc()`.
 */
const MEMORY_REDUCING = Number(process.versions.v8.split('.')[0]) >= 13;

type Gc = (options?: { type: 'major'; execution: 'sync'; flavor: 'regular' | 'last-resort' }) => void;
let cached: Gc | null | undefined;

function exposedGc(): Gc | null {
  if (cached !== undefined) return cached;
  try {
    const own = (globalThis as { gc?: unknown }).gc;
    if (typeof own === 'function') return (cached = own as Gc);
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    v8.setFlagsFromString('--no-expose-gc'); // contexts made later get no `gc`
    cached = typeof gc === 'function' ? (gc as Gc) : null;
  } catch {
    cached = null;
  }
  return cached;
}
