import {
  normalizeWorkerScript,
  parseNormalizeArgs,
  runNormalizeWorker,
  wantsNormalizeWorker,
  type NormalizeJob,
} from './commands/normalize-thread.js';
import { WORKER_YOUNG_MB } from './stream/parallel-protocol.js';
import { isMainModule, runAsMain } from './util/entry.js';
import { reportFailure } from './util/errors.js';
import { stderrLogger } from './util/logger.js';

/**
 * Entry of dist/cli.js: a small module that loads the whole CLI (dist/cli-main.js, built from
 * src/cli.ts) when it is needed, which is always except for `normalize` of a big file: that runs in
 * a worker thread with a capped young generation (commands/normalize-thread.ts), and the main thread
 * only relays its output. Not loading the CLI there keeps ~30 MiB out of the main thread on Node 24
 * (measured: 77 MiB RSS with the whole CLI loaded, 45 without).
 */
export async function main(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  if (argv[0] === 'normalize') {
    let job: NormalizeJob | undefined;
    try {
      job = parseNormalizeArgs(argv.slice(1), env, process.cwd());
    } catch {
      // a bad option: the whole CLI says so, with its usage text
    }
    const script = job && job.files.length > 0 ? normalizeWorkerScript() : undefined;
    if (job && script && wantsNormalizeWorker(job, env)) {
      const logger = stderrLogger(env.SECURITY_METRICS_DEBUG === '1');
      logger.debug(`normalize runs in a worker thread (young generation ${WORKER_YOUNG_MB} MiB)`);
      try {
        return await runNormalizeWorker(script, job, process.stdout, logger);
      } catch (e) {
        return reportFailure(e, (m) => logger.error(m));
      }
    }
  }
  // Beside this bundle in dist/; not resolved by the bundler (the specifier is not a literal).
  const full = new URL('./cli-main.js', import.meta.url).href;
  const cli = (await import(full)) as {
    main: (argv: string[], env: Record<string, string | undefined>) => Promise<number>;
  };
  return cli.main(argv, env);
}

if (isMainModule(import.meta.url)) runAsMain(main);
