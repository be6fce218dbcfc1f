import fs from 'node:fs';
import { Finding } from '../schema/finding.js';

/**
 * Lean findings for the aggregator (docs/performance.md "Aggregator over 1M findings").
 *
 * A finding read from findings.jsonl is ~2.5 KB in memory; the metrics read ~25 of its fields. The
 * loader keeps a *lean* copy — the fields the metrics, mapping, exceptions, trackers, dedup and the
 * report read — plus the byte offset of its line, and the outputs that print every field
 * (findings.csv, findings.jsonl, the history snapshot) re-read the line (`Hydrator`) when they write
 * it. The dropped fields are never read by src/metrics, src/inventory, src/exceptions, src/trackers
 * or src/output/report.ts; a lean finding is typed as a Finding so the pure core is unchanged.
 */

/** Fields a lean finding drops (large text or fields only the per-finding outputs print). */
export const DROPPED_FIELDS = [
  'tool_version',
  'source_format',
  'ref',
  'commit',
  'description',
  'rule_name',
  'source_severity',
  'tool_confidence',
  'cvss',
  'fingerprints',
  'baseline_state',
  'suppression',
  'tags',
  'help_uri',
  'source_pointer',
  'source_index',
] as const;

const DROPPED: ReadonlySet<string> = new Set(DROPPED_FIELDS);
const FILE_SHIFT = 2 ** 37; // offsets up to 128 GiB per file, 65,535 files

/** Where each lean finding's line is: file index × 2^37 + byte offset. */
const refs = new WeakMap<object, number>();

/** Repeated strings (repo, tool, dates, ...) shared instead of one copy per finding. */
export class Interner {
  private readonly m = new Map<string, string>();
  get<T extends string | null>(s: T): T {
    if (s === null) return s;
    const hit = this.m.get(s);
    if (hit !== undefined) return hit as T;
    if (this.m.size < 1_000_000) this.m.set(s, s);
    return s;
  }
}

/**
 * The lean copy of `f`, whose full line starts at `offset` in file number `file`. Returns `f` itself
 * when the position cannot be encoded (more than 65,535 files).
 */
export function leanFinding(f: Finding, file: number, offset: number, intern: Interner): Finding {
  if (file >= 65_536 || offset >= FILE_SHIFT) return f;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(f)) {
    if (DROPPED.has(k)) continue;
    const v = (f as Record<string, unknown>)[k];
    out[k] = typeof v === 'string' && v.length < 200 ? intern.get(v) : v;
  }
  const lean = out as unknown as Finding;
  refs.set(lean, file * FILE_SHIFT + offset);
  return lean;
}

export function isLean(f: Finding): boolean {
  return refs.has(f);
}

/**
 * Re-reads lean findings from their files (one positioned read each, a few file descriptors kept
 * open: the outputs are sorted by repo within a severity, so reads stay in one file for a while).
 * Anything that is not a lean finding is returned as it is.
 */
export class Hydrator {
  private readonly fds = new Map<number, number>();
  private buf = Buffer.allocUnsafe(1 << 16);
  constructor(private readonly files: readonly string[]) {}

  hydrate(f: Finding): Finding {
    const ref = refs.get(f);
    if (ref === undefined) return f;
    const file = Math.floor(ref / FILE_SHIFT);
    const offset = ref - file * FILE_SHIFT;
    const fd = this.fd(file);
    let len = 0;
    for (;;) {
      if (len === this.buf.length) {
        const bigger = Buffer.allocUnsafe(this.buf.length * 2);
        this.buf.copy(bigger, 0, 0, len);
        this.buf = bigger;
      }
      const n = fs.readSync(fd, this.buf, len, this.buf.length - len, offset + len);
      const nl = this.buf.indexOf(10, len);
      len += n;
      if ((nl >= 0 && nl < len) || n === 0) {
        const end = nl >= 0 && nl < len ? nl : len;
        // The line was validated when it was loaded; the schema parse gives the same object (key
        // order, unknown keys stripped) as the load did.
        return Finding.parse(JSON.parse(this.buf.toString('utf8', 0, end)));
      }
    }
  }

  private fd(file: number): number {
    let fd = this.fds.get(file);
    if (fd !== undefined) return fd;
    if (this.fds.size >= 16) {
      const [oldFile, oldFd] = this.fds.entries().next().value as [number, number];
      fs.closeSync(oldFd);
      this.fds.delete(oldFile);
    }
    fd = fs.openSync(this.files[file]!, 'r');
    this.fds.set(file, fd);
    return fd;
  }

  close(): void {
    for (const fd of this.fds.values()) fs.closeSync(fd);
    this.fds.clear();
  }
}
