/**
 * Wall and CPU time spent in named phases of a command, for the debug log
 * (`SECURITY_METRICS_DEBUG=1`, or step debug logging in Actions) and the benchmark.
 * CPU time is the process's (every thread: GC helpers and workers included).
 */
export class PhaseClock {
  private readonly totals = new Map<string, { wall: number; cpu: number }>();
  private heapPeak = 0;

  /** Run `fn`, adding its wall and CPU time to `phase`. */
  async time<T>(phase: string, fn: () => Promise<T> | T): Promise<T> {
    const w0 = performance.now();
    const c0 = process.cpuUsage();
    try {
      return await fn();
    } finally {
      this.add(phase, performance.now() - w0, process.cpuUsage(c0));
    }
  }

  /** Synchronous `time`. */
  timeSync<T>(phase: string, fn: () => T): T {
    const w0 = performance.now();
    const c0 = process.cpuUsage();
    try {
      return fn();
    } finally {
      this.add(phase, performance.now() - w0, process.cpuUsage(c0));
    }
  }

  /** Add the time since `start` (taken with `PhaseClock.now()`) to `phase`. */
  record(phase: string, start: { wall: number; cpu: NodeJS.CpuUsage }): void {
    this.add(phase, performance.now() - start.wall, process.cpuUsage(start.cpu));
  }

  static now(): { wall: number; cpu: NodeJS.CpuUsage } {
    return { wall: performance.now(), cpu: process.cpuUsage() };
  }

  /** Note the heap in use now (the largest is reported). */
  sampleHeap(): void {
    this.heapPeak = Math.max(this.heapPeak, process.memoryUsage().heapUsed);
  }

  private add(phase: string, wallMs: number, cpu: NodeJS.CpuUsage): void {
    const t = this.totals.get(phase) ?? { wall: 0, cpu: 0 };
    t.wall += wallMs;
    t.cpu += (cpu.user + cpu.system) / 1000;
    this.totals.set(phase, t);
  }

  /** `phases: read 1234 ms wall / 1300 ms cpu; …; heap peak 512 MiB` (phases in first-use order). */
  summary(): string {
    const parts = [...this.totals].map(
      ([k, t]) => `${k} ${Math.round(t.wall)} ms wall / ${Math.round(t.cpu)} ms cpu`,
    );
    if (this.heapPeak) parts.push(`heap peak sampled ${Math.round(this.heapPeak / 2 ** 20)} MiB`);
    return `phases: ${parts.join('; ')}`;
  }
}
