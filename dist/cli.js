#!/usr/bin/env node
import { createRequire as __smCreateRequire } from 'node:module'; const require = __smCreateRequire(import.meta.url);

// src/commands/normalize-thread.ts
import { statSync } from "node:fs";
import path from "node:path";
import { getHeapStatistics } from "node:v8";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";

// src/util/beside.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
function besideBundle(name) {
  try {
    const p = fileURLToPath(new URL(`./${name}`, import.meta.url));
    return existsSync(p) ? p : void 0;
  } catch {
    return void 0;
  }
}

// src/util/errors.ts
var UserError = class extends Error {
  constructor(message, file, position) {
    super(message);
    this.file = file;
    this.position = position;
  }
  file;
  position;
  name = "UserError";
  /** One line: `file:position: message`. */
  format() {
    const where = [this.file, this.position].filter(Boolean).join(":");
    return where ? `${where}: ${this.message}` : this.message;
  }
};
function isUserError(e) {
  return e instanceof UserError;
}
function errorMessage(e) {
  if (isUserError(e)) return e.format();
  if (e instanceof Error) return e.message;
  return String(e);
}
function reportFailure(e, error) {
  if (isUserError(e)) {
    error(errorMessage(e));
    return 2;
  }
  error(`internal error (please report): ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  return 3;
}

// src/stream/threshold.ts
var DEFAULT_STREAM_THRESHOLD = 32 * 1024 * 1024;
function streamThresholdFromEnv(env) {
  const v = env.SECURITY_METRICS_STREAM_MB;
  if (v === void 0 || v.trim() === "" || !Number.isFinite(Number(v)) || Number(v) < 0) return void 0;
  return Math.floor(Number(v) * 1024 * 1024);
}

// src/stream/parallel-protocol.ts
var WORKER_YOUNG_MB = 12;

// src/commands/normalize-thread.ts
var NORMALIZE_WORKER_TAG = "security-metrics/normalize-worker/v1";
function parseNormalizeArgs(args, env, cwd) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string" }, product: { type: "string" }, service: { type: "string" } }
  });
  return {
    files: positionals,
    format: values.format ?? "auto",
    product: values.product ?? null,
    service: values.service ?? null,
    cwd,
    streamThreshold: streamThresholdFromEnv(env)
  };
}
function normalizeWorkerScript() {
  return besideBundle("normalize-worker.js");
}
function wantsNormalizeWorker(job, env = process.env, nodeMajor = Number(process.versions.node.split(".")[0])) {
  const v = env.SECURITY_METRICS_NORMALIZE_WORKER?.trim();
  if (v === "0") return false;
  if (v === "1") return true;
  if (nodeMajor < 22) return false;
  const threshold = job.streamThreshold ?? DEFAULT_STREAM_THRESHOLD;
  return job.files.some((f) => {
    try {
      const s = statSync(path.resolve(job.cwd, f));
      return s.isFile() && s.size > threshold;
    } catch {
      return false;
    }
  });
}
function runNormalizeWorker(script, job, out, logger) {
  const oldMb = Math.max(512, Math.floor(getHeapStatistics().heap_size_limit / 1048576));
  return new Promise((resolve, reject) => {
    const w = new Worker(script, {
      workerData: { tag: NORMALIZE_WORKER_TAG, job },
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: oldMb }
    });
    let settled = false;
    const settle = (f) => {
      if (settled) return;
      settled = true;
      f();
    };
    const direct = out === process.stdout;
    const write = ({ buf, length }) => {
      if (buf instanceof ArrayBuffer) {
        const view = Buffer.from(buf, 0, length);
        out.write(direct ? view : Buffer.from(view), () => {
          if (!settled) w.postMessage({ kind: "ack", buf }, [buf]);
        });
      } else {
        out.write(buf.subarray(0, length), () => {
          if (!settled) w.postMessage({ kind: "ack" });
        });
      }
    };
    w.on("message", (m) => {
      switch (m.kind) {
        case "out":
          write(m);
          break;
        case "log":
          logger[m.level](m.message, m.where);
          break;
        case "done":
          settle(() => resolve(m.code));
          break;
        case "fail":
          settle(
            () => reject(
              m.user ? new UserError(m.message) : Object.assign(new Error(m.message), { stack: m.stack })
            )
          );
          break;
      }
    });
    w.on("error", (e) => settle(() => reject(e)));
    w.on(
      "exit",
      (code) => settle(() => reject(new Error(`the normalize worker stopped before it was done (exit code ${code})`)))
    );
  });
}

// src/util/entry.ts
import { realpathSync } from "node:fs";
import { fileURLToPath as fileURLToPath2 } from "node:url";
function isMainModule(moduleUrl, argv1 = process.argv[1]) {
  if (!argv1) return false;
  let self;
  try {
    self = realpathSync(fileURLToPath2(moduleUrl));
  } catch {
    return false;
  }
  for (const p of [argv1, `${argv1}.js`]) {
    try {
      if (realpathSync(p) === self) return true;
    } catch {
    }
  }
  return false;
}
function runAsMain(main2) {
  main2(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`internal error: ${String(e)}
`);
      process.exitCode = 3;
    }
  );
}

// src/util/logger.ts
function stderrLogger(verbose = false) {
  return {
    info: (m) => process.stderr.write(m + "\n"),
    warning: (m) => process.stderr.write(`warning: ${m}
`),
    error: (m) => process.stderr.write(`error: ${m}
`),
    debug: (m) => {
      if (verbose) process.stderr.write(`debug: ${m}
`);
    }
  };
}

// src/cli-entry.ts
async function main(argv, env = process.env) {
  if (argv[0] === "normalize") {
    let job;
    try {
      job = parseNormalizeArgs(argv.slice(1), env, process.cwd());
    } catch {
    }
    const script = job && job.files.length > 0 ? normalizeWorkerScript() : void 0;
    if (job && script && wantsNormalizeWorker(job, env)) {
      const logger = stderrLogger(env.SECURITY_METRICS_DEBUG === "1");
      logger.debug(`normalize runs in a worker thread (young generation ${WORKER_YOUNG_MB} MiB)`);
      try {
        return await runNormalizeWorker(script, job, process.stdout, logger);
      } catch (e) {
        return reportFailure(e, (m) => logger.error(m));
      }
    }
  }
  const full = new URL("./cli-main.js", import.meta.url).href;
  const cli = await import(full);
  return cli.main(argv, env);
}
if (isMainModule(import.meta.url)) runAsMain(main);
export {
  main
};
