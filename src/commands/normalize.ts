import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Logger } from '../util/logger.js';
import { safeLogText } from '../output/markdown.js';
import { normalizeFile } from './read-input.js';

export interface NormalizeOptions {
  files: string[];
  format: string;
  product: string | null;
  service: string | null;
  cwd: string;
  out: Writable;
  logger: Logger;
  /** Bytes above which a streamable file is streamed (default: read-input's threshold). */
  streamThreshold?: number;
}

function write(out: Writable, s: string): Promise<void> {
  return new Promise((resolve) => {
    if (out.write(s)) resolve();
    else out.once('drain', () => resolve());
  });
}

/**
 * `security-metrics normalize <file>...`: JSONL on stdout, problems on stderr. Deterministic: no run
 * time is stamped (first_seen/last_seen stay null unless the source has dates).
 * Exit 2 when no file could be read.
 */
export async function runNormalize(o: NormalizeOptions): Promise<0 | 2> {
  let readable = 0;
  // Lines are written in ~64 KiB batches (small enough to die young in the GC) as findings are produced, so a big file is never held.
  let batch = '';
  const onLine = (line: string): Promise<void> | undefined => {
    batch += line + '\n';
    if (batch.length < 1 << 16) return undefined;
    const s = batch;
    batch = '';
    return write(o.out, s);
  };
  for (const f of o.files) {
    const r = await normalizeFile(path.resolve(o.cwd, f), f, {
      format: o.format,
      product: o.product,
      service: o.service,
      repo: null,
      ref: null,
      commit: null,
      observedAt: null,
      confidence: 'A',
      roots: [path.resolve(o.cwd)],
      // No size limit of our own: big files of streamable formats are streamed, others fail clearly.
      maxBytes: Number.MAX_SAFE_INTEGER,
      streamThreshold: o.streamThreshold,
      onLine,
    });
    if (batch) {
      await write(o.out, batch);
      batch = '';
    }
    if (r.file.status === 'error' || r.file.status === 'skipped') {
      o.logger.error(safeLogText(r.file.error ?? `${f}: not read`));
      continue;
    }
    readable++;
    if (r.file.status === 'tool_error') o.logger.warning(`${f}: the tool reported a failed or partial run`);
    for (const w of r.file.warnings) o.logger.warning(safeLogText(`${f}: ${w}`));
  }
  return readable === 0 && o.files.length > 0 ? 2 : 0;
}
