import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Whether the module at `moduleUrl` is the script Node was started with (`node dist/cli.js`, the
 * `security-metrics` bin link, `node dist/cli`), and not a module imported by another one.
 */
export function isMainModule(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (!argv1) return false;
  let self: string;
  try {
    self = realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
  for (const p of [argv1, `${argv1}.js`]) {
    try {
      if (realpathSync(p) === self) return true;
    } catch {
      // not this one
    }
  }
  return false;
}

/** Run `main` with the process's arguments and set the exit code from it. */
export function runAsMain(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`internal error: ${String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
