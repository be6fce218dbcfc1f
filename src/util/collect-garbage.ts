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
 * Where it is not available, nothing happens. `headroomPercent` (> 0): see `setGrowingPercent`.
 */
export function collectGarbage(minHeapBytes = 0, headroomPercent = 0): boolean {
  if (process.memoryUsage().heapUsed < minHeapBytes) return false;
  const gc = exposedGc();
  if (!gc) return false;
  const headroom = headroomPercent > 0 && setGrowingPercent(headroomPercent);
  try {
    if (MEMORY_REDUCING) gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    else gc();
  } finally {
    if (headroom) setGrowingPercent(0);
  }
  return true;
}

/**
 * `headroomPercent` of `collectGarbage`: V8 sets the old generation's next limit at the end of each
 * major GC, as what is live times a factor it picks from how fast the GC and the program ran — after
 * a long forced collection, a small one. `--heap-growing-percent` (read when the limit is computed;
 * 0 is V8's own choice) fixes the factor at 1 + percent/100 for this one collection and is set back
 * to 0 right after it, so every later limit is V8's own again. For a phase that builds a known share
 * on top of what is live (the metric context: ~15–20% at 1M findings), which would otherwise
 * trigger a major GC in the middle of it. Where the flag cannot be set, nothing changes.
 */
function setGrowingPercent(percent: number): boolean {
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
    return true;
  } catch {
    return false;
  }
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
