#!/usr/bin/env node
// Runs one CLI command of the built bundle in this process and reports, on the last line of stderr,
// {"wall_s", "cpu_s", "max_rss_mib", "exit"} — used by scripts/bench.mjs (peak RSS of the whole
// process, from getrusage, so it includes the heap, buffers and native memory).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const cli = path.resolve(process.env.BENCH_CLI ?? 'dist/cli.js');
const t0 = process.hrtime.bigint();
const { main } = await import(pathToFileURL(cli).href);
let exit;
try {
  exit = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`bench-runner: ${e instanceof Error ? e.message : String(e)}\n`);
  exit = 99;
}
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const ru = process.resourceUsage();
const report = () =>
  process.stderr.write(
    '\n' +
      JSON.stringify({
        wall_s: wall,
        cpu_s: (ru.userCPUTime + ru.systemCPUTime) / 1e6,
        max_rss_mib: ru.maxRSS / 1024,
        exit,
      }) +
      '\n',
  );
// stdout may still be flushing to a pipe; report once it is empty ('drain' would not come when
// what is left is under the stream's high-water mark, which lost the report now and then).
const whenFlushed = () => (process.stdout.writableLength > 0 ? setTimeout(whenFlushed, 5) : report());
whenFlushed();
process.exitCode = exit;
