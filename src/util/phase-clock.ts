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
    const start = PhaseClock.now();
    try {
      return await fn();
    } finally {
      this.record(phase, start);
    }
  }

  /** Synchronous `time`. */
  timeSync<T>(phase: string, fn: () => T): T {
    const start = PhaseClock.now();
    try {
      return fn();
    } finally {
      this.record(phase, start);
    }
  }

  /** Add the time since `start` (taken with `PhaseClock.now()`) to `phase`. */
  record(phase: string, start: { wall: number; cpu: NodeJS.CpuUsage }): void {
    const cpu = process.cpuUsage(start.cpu);
    const t = this.totals.get(phase) ?? { wall: 0, cpu: 0 };
    t.wall += performance.now() - start.wall;
    t.cpu += (cpu.user + cpu.system) / 1000;
    this.totals.set(phase, t);
  }

  static now(): { wall: number; cpu: NodeJS.CpuUsage } {
    return { wall: performance.now(), cpu: process.cpuUsage() };
  }

  /** Note the heap in use now (the largest is reported). */
  sampleHeap(): void {
    this.heapPeak = Math.max(this.heapPeak, process.memoryUsage().heapUsed);
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
