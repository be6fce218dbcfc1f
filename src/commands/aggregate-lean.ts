import fs from 'node:fs';
import { Cvss, Finding, Identity, Location, Package, Suppression } from '../schema/finding.js';

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

const FILE_SHIFT = 2 ** 36; // offsets up to 64 GiB per file, 65,536 files

/**
 * Where each lean finding's line is: (file index × 2^36 + byte offset) × 2 + canonical, where
 * canonical says the line's keys are exactly the schema's, in its order, at every level — then
 * `JSON.parse` of the line gives the very object the schema parse gave, and the re-read skips zod.
 */
const refs = new WeakMap<object, number>();

/**
 * Repeated strings and small values shared instead of one copy per finding (a string from
 * `JSON.parse` is a fresh copy on every line: 530,000 copies of `"default"` at 1M findings). One pool
 * for the whole aggregation, capped (`MAX_POOLED` values; past it, values are kept as they come), so
 * memory stays bounded whatever the input. Pooled arrays and objects are frozen: nothing in the
 * aggregator writes into a finding, and a frozen value would make such a write fail loudly.
 */
export class Interner {
  static readonly MAX_POOLED = 1 << 18;
  static readonly LOCATIONS_PER_KEY = 4;
  private readonly strings = new Map<string, string>();
  private readonly values = new Map<string, unknown>();
  private readonly locations = new Map<string, Location[]>();

  /** The pooled copy of `s`. */
  get(s: string): string;
  get(s: string | null): string | null;
  get(s: string | null): string | null {
    if (s === null) return s;
    const prev = this.strings.get(s);
    if (prev !== undefined) return prev;
    if (this.strings.size < Interner.MAX_POOLED) this.strings.set(s, s);
    return s;
  }

  /** A pooled, frozen array of pooled strings equal to `a` (short lists only; longer ones copied). */
  list(a: readonly string[]): string[] {
    if (a.length === 0) return EMPTY as string[];
    if (a.length > 4) return a.map((x) => this.get(x));
    return this.value(
      `l\u0000${a.join('\u0000')}`,
      () => Object.freeze(a.map((x) => this.get(x))) as string[],
    );
  }

  /** A pooled, frozen package equal to `p` (same package and version in many repos). */
  package(p: Package | null): Package | null {
    if (p === null) return p;
    const key = `p\u0000${p.name}\u0000${p.version}\u0000${p.fixed_version}\u0000${p.ecosystem}\u0000${p.purl}`;
    return this.value(key, () =>
      Object.freeze({
        name: this.get(p.name),
        version: this.get(p.version),
        fixed_version: this.get(p.fixed_version),
        ecosystem: this.get(p.ecosystem),
        purl: this.get(p.purl),
      }),
    );
  }

  /**
   * A pooled, frozen location equal to `l` (a lockfile, an image, a file at the same line in many
   * repos), or `make()`'s when none is pooled. Looked up by file: a few locations are kept per file
   * path, so a path with findings at many lines costs one small list, not an entry per line.
   */
  location(l: Location, make: () => Location): Location {
    const k = l.file ?? l.resource ?? l.image ?? l.url;
    if (k === null) return make();
    let list = this.locations.get(k);
    if (list) for (const p of list) if (sameLocation(p, l)) return p;
    const v = Object.freeze(make());
    if (!list) {
      if (this.locations.size >= Interner.MAX_POOLED) return v;
      this.locations.set(k, (list = []));
    }
    if (list.length < Interner.LOCATIONS_PER_KEY) list.push(v);
    return v;
  }

  /**
   * An identity equal to `scheme` + `parts`, each part the pooled string equal to it when there is
   * one (nothing is added to the pool). Pooled and frozen when every part was already pooled (an SCA
   * identity — advisory, package, manifest — recurs in every repo with that dependency); a fresh one
   * otherwise, so that a part of its own (a SAST context hash) adds nothing to the pool.
   */
  identity(scheme: string, parts: readonly string[]): Identity {
    let pooled = parts.length <= 4;
    const own = parts.map((p) => {
      const known = this.strings.get(p);
      if (known === undefined) pooled = false;
      return known ?? p;
    });
    if (!pooled) return { scheme, parts: own };
    return this.value(`i\u0000${scheme}\u0000${own.join('\u0000')}`, () =>
      Object.freeze({ scheme, parts: Object.freeze(own) as string[] }),
    );
  }

  private value<T>(key: string, make: () => T): T {
    const prev = this.values.get(key);
    if (prev !== undefined) return prev as T;
    const v = make();
    if (this.values.size < Interner.MAX_POOLED) this.values.set(key, v);
    return v;
  }
}

const EMPTY: readonly string[] = Object.freeze([]);

/** `s`, or the equal string among `parts` (location.file is usually one of the identity parts). */
function sameAs(s: string | null, parts: readonly string[]): string | null {
  if (s === null) return s;
  for (const p of parts) if (p === s) return p;
  return s;
}

/**
 * The lean copy of `f`, whose full line starts at `offset` in file number `file`. Returns `f` itself
 * when the position cannot be encoded (more than 65,535 files). Its strings, lists and package come
 * from `pool`; values are equal to the finding's, never changed.
 */
export function leanFinding(
  f: Finding,
  raw: unknown,
  file: number,
  offset: number,
  pool: Interner,
  previous?: Finding,
): Finding {
  if (file >= 65_536 || offset >= FILE_SHIFT) return f;
  const lean = leanCopy(f, pool, previous !== undefined && isLean(previous) ? previous : undefined);
  refs.set(lean, (file * FILE_SHIFT + offset) * 2 + (isCanonical(raw) ? 1 : 0));
  return lean;
}

const ENTRY_STRINGS = [
  'repo',
  'first_seen',
  'first_observed',
  'last_seen',
  'closed_at',
  'state',
  'state_reason',
  'origin',
  'confidence',
] as const;

/** Lean findings of history snapshot entries → where the entry is (its `finding` is the full one). */
const entryRefs = new WeakMap<object, { file: string; start: number; end: number }>();

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A lifecycle entry of a history snapshot (as `JSON.parse` gave it; bytes `start`–`end` of `file`)
 * with a lean copy of its finding, when the finding has exactly the schema's keys in order (what
 * the aggregator writes); anything else is kept as it is. Snapshot findings were never validated
 * (they are what an earlier run wrote): the lean copy has the same values, and the outputs re-read
 * the entry for the whole finding.
 */
export function leanSnapshotEntry(
  entry: unknown,
  file: string,
  start: number,
  end: number,
  pool: Interner,
): unknown {
  if (!isObject(entry)) return entry;
  const f = entry.finding;
  if (
    !isObject(f) ||
    !isCanonical(f) ||
    !isObject(f.identity) ||
    !Array.isArray(f.identity.parts) ||
    !isObject(f.location) ||
    !Array.isArray(f.cwe) ||
    !Array.isArray(f.cve) ||
    !(f.package === null || isObject(f.package))
  )
    return entry;
  const lean = leanCopy(f as unknown as Finding, pool);
  entryRefs.set(lean, { file, start, end });
  entry.finding = lean;
  // The entry's repeated strings (dates, states, repo) pooled too; same values, same key order.
  for (const k of ENTRY_STRINGS) {
    const v = entry[k];
    if (typeof v === 'string') entry[k] = pool.get(v);
  }
  return entry;
}

function sameIdentity(a: Finding['identity'], b: Finding['identity']): boolean {
  if (a.scheme !== b.scheme || a.parts.length !== b.parts.length) return false;
  for (let i = 0; i < a.parts.length; i++) if (a.parts[i] !== b.parts[i]) return false;
  return true;
}

function sameLocation(a: Finding['location'], b: Finding['location']): boolean {
  return (
    a.file === b.file &&
    a.start_line === b.start_line &&
    a.end_line === b.end_line &&
    a.url === b.url &&
    a.resource === b.resource &&
    a.image === b.image &&
    a.account === b.account &&
    a.region === b.region
  );
}

/** `v`, or `prev`'s value when it is the same string. */
const same = <T>(v: T, prev: T | undefined): T => (prev !== undefined && v === prev ? prev : v);

/**
 * The lean copy of `f` (see `leanFinding`). `prev`, a lean finding `f` replaces (the same lifecycle
 * entry's record of an earlier run), gives the values equal to its own: a run mostly re-reports
 * what the run before it did, and otherwise each kept record has its own copies of the same id,
 * title, identity and location (~450 bytes a finding, allocated where they outlive the young
 * generation: V8 pretenures these object literals). Across repos, the pool gives what recurs: rule
 * ids, file paths, packages, an identity made only of such strings (advisory, package, manifest),
 * a location (a lockfile, an image), and the title of a dependency finding (the advisory's).
 */
function leanCopy(f: Finding, pool: Interner, prev?: Finding): Finding {
  const s = (v: string | null): string | null => pool.get(v);
  // Pooled first: the identity's parts are looked up among them.
  const rule_id = s(f.rule_id);
  const pkg = pool.package(f.package);
  const cve = pool.list(f.cve);
  const loc = f.location;
  const file = prev && loc.file === prev.location.file ? prev.location.file : s(loc.file);
  const identity =
    prev && sameIdentity(f.identity, prev.identity)
      ? prev.identity
      : pool.identity(s(f.identity.scheme)!, f.identity.parts);
  const parts = identity.parts;
  const location =
    prev && sameLocation(loc, prev.location)
      ? prev.location
      : pool.location(loc, () => ({
          file,
          start_line: loc.start_line,
          end_line: loc.end_line,
          url: loc.url,
          resource: sameAs(loc.resource, parts),
          image: s(loc.image),
          account: s(loc.account),
          region: s(loc.region),
        }));
  const title =
    f.category === 'sca' || f.category === 'container'
      ? pool.get(f.finding_title)
      : same(f.finding_title, prev?.finding_title);
  // One object literal each (one hidden class, properties in the object): built key by key, V8 would
  // keep ~30 properties in a dictionary, bigger than the whole finding.
  return {
    schema_version: f.schema_version,
    id: same(f.id, prev?.id),
    identity,
    occurrence_id: same(f.occurrence_id, prev?.occurrence_id),
    source_tool: s(f.source_tool)!,
    product: s(f.product),
    service: s(f.service),
    repo: s(f.repo),
    finding_title: title,
    category: s(f.category) as Finding['category'],
    rule_id,
    severity: s(f.severity) as Finding['severity'],
    severity_source: s(f.severity_source) as Finding['severity_source'],
    confidence: s(f.confidence) as Finding['confidence'],
    state: s(f.state) as Finding['state'],
    state_reason: s(f.state_reason),
    first_seen: s(f.first_seen),
    last_seen: s(f.last_seen),
    closed_at: s(f.closed_at),
    owner: s(f.owner),
    owner_source: s(f.owner_source),
    exception_id: f.exception_id,
    release_blocking: f.release_blocking,
    cwe: pool.list(f.cwe),
    cve,
    package: pkg,
    location,
    source_file: s(f.source_file)!,
  } satisfies Omit<Finding, (typeof DROPPED_FIELDS)[number]> as unknown as Finding;
}

const shape = <T extends { shape: Record<string, unknown> }>(s: T): string[] => Object.keys(s.shape);
const KEYS = {
  finding: shape(Finding),
  identity: shape(Identity),
  location: shape(Location),
  package: shape(Package),
  cvss: shape(Cvss),
  suppression: shape(Suppression),
};

function sameKeys(o: unknown, keys: readonly string[]): boolean {
  if (o === null || typeof o !== 'object') return true; // null (nullable) or not an object: no keys
  const got = Object.keys(o);
  if (got.length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) if (got[i] !== keys[i]) return false;
  return true;
}

/** `raw` (a line that passed the schema) has exactly the schema's keys, in order, at every level. */
export function isCanonical(raw: unknown): boolean {
  const r = raw as Record<string, unknown>;
  return (
    sameKeys(r, KEYS.finding) &&
    sameKeys(r.identity, KEYS.identity) &&
    sameKeys(r.location, KEYS.location) &&
    sameKeys(r.package, KEYS.package) &&
    sameKeys(r.cvss, KEYS.cvss) &&
    sameKeys(r.suppression, KEYS.suppression)
  );
}

export function isLean(f: Finding): boolean {
  return refs.has(f) || entryRefs.has(f);
}

/**
 * Re-reads lean findings from their files. Reads go through 1 MiB windows aligned in the file (a few
 * kept): the outputs are sorted by repo within a severity, so one window serves a whole run's file.
 * Anything that is not a lean finding is returned as it is.
 */
export class Hydrator {
  private static readonly WINDOW = 1 << 20;
  private readonly fds = new Map<number, number>();
  /** file → its last window (LRU by insertion). */
  private readonly windows = new Map<number, { start: number; buf: Buffer; len: number }>();
  constructor(private readonly files: readonly string[]) {}

  hydrate(f: Finding): Finding {
    const ref = refs.get(f);
    if (ref === undefined) {
      const at = entryRefs.get(f);
      if (!at) return f;
      return (JSON.parse(this.range(at.file, at.start, at.end)) as { finding: Finding }).finding;
    }
    const canonical = ref % 2 === 1;
    const pos = (ref - (ref % 2)) / 2;
    const file = Math.floor(pos / FILE_SHIFT);
    const offset = pos - file * FILE_SHIFT;
    const text = this.line(file, offset);
    const raw: unknown = JSON.parse(text);
    // Validated when loaded; a canonical line parses to the schema's object, others go through it.
    return canonical ? (raw as Finding) : Finding.parse(raw);
  }

  private line(file: number, offset: number): string {
    let w = this.windows.get(file);
    if (w) {
      const at = offset - w.start;
      if (at >= 0 && at < w.len) {
        const nl = w.buf.indexOf(10, at);
        if (nl >= 0 && nl < w.len) return w.buf.toString('utf8', at, nl);
        if (w.start + w.len >= this.size(file)) return w.buf.toString('utf8', at, w.len);
      }
    }
    // A new window: aligned, or starting at the line when it crosses the aligned window's end.
    const start = offset - (offset % Hydrator.WINDOW);
    w = this.read(file, start, Hydrator.WINDOW);
    let at = offset - start;
    let nl = w.buf.indexOf(10, at);
    if (nl < 0 || nl >= w.len) {
      let size = Hydrator.WINDOW;
      for (;;) {
        w = this.read(file, offset, size);
        at = 0;
        nl = w.buf.indexOf(10, 0);
        if ((nl >= 0 && nl < w.len) || w.len < size) break;
        size *= 2;
      }
    }
    return w.buf.toString('utf8', at, nl >= 0 && nl < w.len ? nl : w.len);
  }

  private read(file: number, start: number, want: number): { start: number; buf: Buffer; len: number } {
    const size = Math.max(1, Math.min(want, this.size(file) - start));
    const old = this.windows.get(file);
    if (old) {
      this.windows.delete(file);
      this.free.push(old.buf);
    }
    const i = this.free.findIndex((b) => b.length >= size);
    const buf = i >= 0 ? this.free.splice(i, 1)[0]! : Buffer.allocUnsafe(Math.max(size, 1 << 16));
    const fd = this.fd(file);
    let len = 0;
    while (len < size) {
      const n = fs.readSync(fd, buf, len, size - len, start + len);
      if (n === 0) break;
      len += n;
    }
    const w = { start, buf, len };
    this.windows.set(file, w);
    if (this.windows.size > 8) {
      const first = this.windows.keys().next().value as number;
      this.free.push(this.windows.get(first)!.buf);
      this.windows.delete(first);
    }
    return w;
  }

  /** Buffers of evicted windows, reused. */
  private readonly free: Buffer[] = [];
  private readonly sizes = new Map<number, number>();
  private size(file: number): number {
    let s = this.sizes.get(file);
    if (s === undefined) this.sizes.set(file, (s = fs.fstatSync(this.fd(file)).size));
    return s;
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

  /** Snapshot files by path (entries are read by their exact byte range). */
  private readonly byPath = new Map<string, number>();
  private range(file: string, start: number, end: number): string {
    let fd = this.byPath.get(file);
    if (fd === undefined) this.byPath.set(file, (fd = fs.openSync(file, 'r')));
    const buf = Buffer.allocUnsafe(end - start);
    let len = 0;
    while (len < buf.length) {
      const n = fs.readSync(fd, buf, len, buf.length - len, start + len);
      if (n === 0) break;
      len += n;
    }
    return buf.toString('utf8', 0, len);
  }

  close(): void {
    for (const fd of this.fds.values()) fs.closeSync(fd);
    this.fds.clear();
    for (const fd of this.byPath.values()) fs.closeSync(fd);
    this.byPath.clear();
    this.windows.clear();
  }
}
