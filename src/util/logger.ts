/** Injected logger: the action maps it to @actions/core, the CLI to stderr, tests capture it. */
export interface Logger {
  info(message: string): void;
  warning(message: string, where?: { file?: string; line?: number; title?: string }): void;
  error(message: string, where?: { file?: string; line?: number; title?: string }): void;
  debug(message: string): void;
}

export function stderrLogger(verbose = false): Logger {
  return {
    info: (m) => process.stderr.write(m + '\n'),
    warning: (m) => process.stderr.write(`warning: ${m}\n`),
    error: (m) => process.stderr.write(`error: ${m}\n`),
    debug: (m) => {
      if (verbose) process.stderr.write(`debug: ${m}\n`);
    },
  };
}

export interface CapturedLogger extends Logger {
  lines: string[];
}

export function captureLogger(): CapturedLogger {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
  };
}
