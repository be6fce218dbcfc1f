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
  gc();
  return true;
}

let cached: (() => void) | null | undefined;

function exposedGc(): (() => void) | null {
  if (cached !== undefined) return cached;
  try {
    const own = (globalThis as { gc?: unknown }).gc;
    if (typeof own === 'function') return (cached = own as () => void);
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    v8.setFlagsFromString('--no-expose-gc'); // contexts made later get no `gc`
    cached = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    cached = null;
  }
  return cached;
}
