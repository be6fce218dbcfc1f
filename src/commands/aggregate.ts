import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { importTickets, DEFAULT_MAPPING } from '../trackers/index.js';
import { linkTickets } from '../trackers/link.js';
import { reviewTrackers, ticketOwners } from '../trackers/review.js';
import type { Ticket } from '../schema/ticket.js';
import type {
  AggregateRequest,
  AggregateResult,
  CollectedRecord,
  InventoryEntry,
  RunAggregate,
} from './aggregate-api.js';
import type { Exception } from '../schema/exception.js';
import type { Finding } from '../schema/finding.js';
import { METRICS_SCHEMA_VERSION, MetricsDocument, type DataSource } from '../schema/metrics.js';
import type { Control } from '../schema/run.js';
import { parseExceptions } from '../exceptions/load.js';
import { parseInventory } from '../inventory/load.js';
import { controlOf } from '../gate/coverage.js';
import {
  createLifecycle,
  isMainlineRun,
  observationOrder,
  runScopes,
  type LifecycleEntry,
  type Observation,
} from '../metrics/lifecycle.js';
import { buildContext, counted, type Provenance } from '../metrics/context.js';
import { computeMetrics, definitionsUsed, type MetricHistory } from '../metrics/engine.js';
import { distortionReview } from '../metrics/distortion.js';
import { coverageMatrix } from '../metrics/definitions/scanner-coverage.js';
import { isMonth, lastFullMonth, periodOf, toTime, type Period } from '../metrics/period.js';
import { parseKev, type KevCatalog } from '../metrics/sla.js';
import { renderReport } from '../output/report.js';
import {
  coverageCsv,
  exceptionsCsv,
  FINDINGS_CSV_HEADER,
  findingOutputLines,
  sortFindings,
} from '../output/csv-outputs.js';
import { safeLogText } from '../output/markdown.js';
import { errorMessage, UserError } from '../util/errors.js';
import { sha256 } from '../util/hash.js';
import type { Logger } from '../util/logger.js';
import { VERSION } from '../version.js';
import {
  loadDictionary,
  loadRecordFindings,
  parseSidecar,
  scanRecordsDir,
  type RecordsLoadOptions,
  type ScannedRecord,
} from './aggregate-load.js';
import { readSnapshot } from './aggregate-history.js';
import { Hydrator, Interner, leanSnapshotEntry } from './aggregate-lean.js';
import { DEFAULT_MAX_BYTES, normalizeFile } from './read-input.js';
import { PhaseClock } from '../util/phase-clock.js';
import { collectGarbage } from '../util/collect-garbage.js';

export const HISTORY_SCHEMA_VERSION = 1 as const;

/** Heap in use above which the aggregator collects garbage after the lifecycle fold. */
const COLLECT_ABOVE_BYTES = 256 * 2 ** 20;
/**
 * Room the collection after the fold leaves before V8's next major GC, in per cent of what is live
 * then: the context and metrics add ~15–20% at 1M findings. With V8's own (small) factor after a
 * long forced collection, a major GC ran in the middle of the metrics (~0.5 s of 4.1–4.4 on Node 24;
 * docs/performance.md "Second round"); 50 keeps it out at the same peak RSS.
 */
const METRICS_HEADROOM_PERCENT = 50;

/** One month's snapshot in the history folder: metric values for trends, lifecycle for the next month. */
export interface HistorySnapshot {
  schema_version: typeof HISTORY_SCHEMA_VERSION;
  month: string;
  /** Period end: observations at or before it are in `lifecycle`. */
  as_of: string;
  dictionary_sha256: string;
  metrics: Record<string, number | null>;
  lifecycle: LifecycleEntry[];
}

/** A collected record; `scanned` until its findings.jsonl has been read. */
type RecordSlot = CollectedRecord & {
  partial: boolean;
  /** Number of findings read (kept when the list itself is let go). */
  count: number;
  scanned: ScannedRecord | null;
  problems: string[];
};

interface InputFileRef {
  path: string;
  kind: string;
  sha256: string;
  bytes: number;
}

async function readTracked(file: string, kind: string, inputs: InputFileRef[]): Promise<string> {
  const buf = await fs.readFile(file);
  inputs.push({ path: file, kind, sha256: sha256(buf), bytes: buf.byteLength });
  return buf.toString('utf8');
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

/** History snapshots of months before `month`, oldest first. Bad files are problems, not failures. */
async function readHistory(
  dir: string | undefined,
  month: string,
  problems: string[],
  inputs: InputFileRef[],
  pool: Interner,
): Promise<HistorySnapshot[]> {
  if (!dir || !(await exists(dir))) return [];
  const names = (await fs.readdir(dir))
    .filter((n) => /^\d{4}-\d{2}\.json$/.test(n) && n.slice(0, 7) < month)
    .sort();
  const out: HistorySnapshot[] = [];
  for (const n of names) {
    const p = path.join(dir, n);
    try {
      // Streamed: a snapshot of a million entries is above the string limit; findings kept lean.
      const r = await readSnapshot(p, (e, start, end) => leanSnapshotEntry(e, p, start, end, pool));
      inputs.push({ path: p, kind: 'history', sha256: r.sha256, bytes: r.bytes });
      if (r.error) throw r.error;
      const s = r.value as HistorySnapshot;
      if (
        s.schema_version !== HISTORY_SCHEMA_VERSION ||
        s.month !== n.slice(0, 7) ||
        !Array.isArray(s.lifecycle)
      )
        problems.push(
          `${p}: not a history snapshot of version ${HISTORY_SCHEMA_VERSION} for ${n.slice(0, 7)}; ignored`,
        );
      else {
        // Only the latest snapshot's lifecycle is used (`prior`): let the earlier ones go.
        for (const o of out) o.lifecycle = [];
        out.push(s);
      }
    } catch (e) {
      problems.push(`${p}: ${errorMessage(e)}; ignored`);
    }
  }
  return out;
}

interface ManualLoad {
  observations: Observation[];
  coverage: Array<{
    product: string | null;
    repo: string | null;
    control: Control;
    at: string;
    file: string;
  }>;
  sources: DataSource[];
  files: string[];
}

async function loadManual(
  dir: string,
  period: Period,
  problems: string[],
  inputs: InputFileRef[],
  logger: Logger,
): Promise<ManualLoad> {
  const out: ManualLoad = { observations: [], coverage: [], sources: [], files: [] };
  let names: string[];
  try {
    names = (await fs.readdir(dir)).sort();
  } catch (e) {
    problems.push(
      `${dir}: cannot read the manual exports folder (${(e as NodeJS.ErrnoException).code ?? errorMessage(e)})`,
    );
    return out;
  }
  for (const name of names) {
    if (/\.meta\.ya?ml$/i.test(name) || /^readme/i.test(name) || name.startsWith('.')) continue;
    const file = path.join(dir, name);
    if ((await fs.stat(file)).isDirectory()) continue;
    const display = `manual/${name}`;
    const metaPath = [`${file}.meta.yml`, `${file}.meta.yaml`];
    let sidecar: ReturnType<typeof parseSidecar>['sidecar'];
    const found = (await Promise.all(metaPath.map(exists))).findIndex(Boolean);
    if (found < 0)
      problems.push(
        `${display}: no sidecar ${name}.meta.yml (product, owner, confidence); read with confidence C and no product`,
      );
    else {
      const r = parseSidecar(await readTracked(metaPath[found]!, 'manual-sidecar', inputs), metaPath[found]!);
      problems.push(...r.problems.map((p) => `manual/${p}`));
      sidecar = r.sidecar;
    }
    const observed = sidecar?.observed_at;
    const at = observed
      ? new Date(toTime(observed)).toISOString()
      : new Date(period.end.getTime() - 1).toISOString();
    if (!observed)
      problems.push(`${display}: the sidecar gives no observed_at; taken as the end of ${period.month}`);
    const buf = await fs.readFile(file);
    inputs.push({ path: file, kind: 'manual', sha256: sha256(buf), bytes: buf.byteLength });
    const confidence = sidecar?.confidence ?? 'C';
    const r = await normalizeFile(file, display, {
      format: sidecar?.format ?? 'auto',
      product: sidecar?.product ?? null,
      service: sidecar?.service ?? null,
      repo: sidecar?.repo ?? null,
      ref: null,
      commit: null,
      observedAt: at,
      confidence,
      roots: [],
      maxBytes: DEFAULT_MAX_BYTES,
    });
    if (r.file.status === 'error' || r.file.status === 'skipped') {
      problems.push(r.file.error ?? `${display}: not read`);
      continue;
    }
    const findings: Finding[] = r.findings.map((f) =>
      sidecar?.owner && !f.owner ? { ...f, owner: sidecar.owner, owner_source: 'manual-sidecar' } : f,
    );
    out.observations.push({ at, origin: 'manual', name: display, successScopes: [], findings });
    for (const s of r.scans) {
      if (!s.success) continue;
      for (const c of s.categories) {
        const control = controlOf(c);
        if (control)
          out.coverage.push({
            product: sidecar?.product ?? null,
            repo: sidecar?.repo ?? null,
            control,
            at,
            file: display,
          });
      }
    }
    const inPeriod = toTime(at) >= period.start.getTime() && toTime(at) < period.end.getTime();
    out.sources.push({
      kind: 'manual',
      name: display,
      count: findings.length,
      confidence,
      note: `${r.file.format} (${r.file.tool ?? 'unknown tool'}), observed ${at.slice(0, 10)}${inPeriod ? '' : ' (outside this period)'}${sidecar?.product ? `, product ${sidecar.product}` : ''}${sidecar?.note ? `; ${sidecar.note}` : ''}`,
    });
    out.files.push(display);
    logger.info(safeLogText(`${display}: ${findings.length} record(s), confidence ${confidence}`));
  }
  return out;
}

function resolveMonth(req: AggregateRequest): string {
  if (req.month !== undefined) {
    if (!isMonth(req.month)) throw new UserError(`month "${req.month}" is not YYYY-MM`, undefined);
    return req.month;
  }
  return lastFullMonth(req.asOf ?? new Date());
}

/**
 * A file written in ~1 MiB batches, hashed as it goes (for the manifest). Text is encoded into the
 * batch Buffer as it comes (UTF-8, the same bytes as writing the strings): a line's string dies
 * young instead of living in a concatenated batch string until the flush (which made every line
 * old-generation garbage: hundreds of MiB of RSS at 1M findings).
 */
class BatchFile {
  private static readonly SIZE = 1 << 20;
  /** Flush when less than this is left (a line of up to ~85,000 characters always fits). */
  private static readonly RESERVE = 1 << 18;
  private readonly buf = Buffer.allocUnsafe(BatchFile.SIZE);
  private pos = 0;
  /** Text that did not fit in the batch, written after it (in order) at the next flush. */
  private over: string[] = [];
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private constructor(
    readonly path: string,
    private readonly fh: fs.FileHandle,
  ) {}
  static async open(p: string): Promise<BatchFile> {
    return new BatchFile(p, await fs.open(p, 'w'));
  }
  /** Add text; true when the batch is full and should be flushed. */
  add(s: string): boolean {
    // A UTF-16 unit is at most 3 bytes of UTF-8: when 3 × length fits, `write` writes all of it.
    if (this.over.length > 0 || s.length * 3 > BatchFile.SIZE - this.pos) {
      this.over.push(s);
      return true;
    }
    this.pos += this.buf.write(s, this.pos, 'utf8');
    return BatchFile.SIZE - this.pos < BatchFile.RESERVE;
  }
  async flush(): Promise<void> {
    await this.put(this.buf.subarray(0, this.pos));
    this.pos = 0;
    const over = this.over;
    this.over = [];
    for (const s of over) await this.put(Buffer.from(s, 'utf8'));
  }
  private async put(buf: Buffer): Promise<void> {
    if (buf.byteLength === 0) return;
    this.hash.update(buf);
    this.bytes += buf.byteLength;
    let done = 0;
    while (done < buf.byteLength)
      done += (await this.fh.write(buf, done, buf.byteLength - done)).bytesWritten;
  }
  async close(): Promise<{ sha256: string; bytes: number }> {
    try {
      await this.flush();
    } finally {
      await this.fh.close();
    }
    return { sha256: this.hash.digest('hex'), bytes: this.bytes };
  }
}

/** Write text given in pieces, in ~1 MiB batches, hashing as it goes (for the manifest). */
async function writeLines(
  dir: string,
  name: string,
  pieces: Iterable<string>,
  written: string[],
  hashes: Map<string, { sha256: string; bytes: number }>,
): Promise<void> {
  const f = await BatchFile.open(path.resolve(dir, name));
  try {
    for (const s of pieces) if (f.add(s)) await f.flush();
  } finally {
    hashes.set(f.path, await f.close());
  }
  written.push(f.path);
}

async function writeOut(dir: string, name: string, content: string, written: string[]): Promise<void> {
  const p = path.resolve(dir, name);
  await fs.writeFile(p, content);
  written.push(p);
}

/**
 * The aggregator: records + inventory + exceptions + dictionary + history → monthly metrics. Pure
 * computation in src/metrics; this function only reads inputs and writes outputs. Re-running a month
 * with the same inputs writes the same bytes.
 */
/** A tickets path is a file, or a folder whose .json/.csv files are tracker exports. */
async function listTicketFiles(p: string, problems: string[]): Promise<string[]> {
  try {
    const st = await fs.stat(p);
    if (!st.isDirectory()) return [p];
    return (await fs.readdir(p))
      .filter((f) => /\.(json|csv)$/i.test(f))
      .sort()
      .map((f) => path.join(p, f));
  } catch {
    problems.push(`${p}: tracker export not found`);
    return [];
  }
}

export const runAggregate: RunAggregate = async (
  req: AggregateRequest,
  logger: Logger,
): Promise<AggregateResult> => {
  const month = resolveMonth(req);
  const period = periodOf(month);
  const problems: string[] = [];
  const inputs: InputFileRef[] = [];
  const sources: DataSource[] = [];
  /** Time per phase, in the debug log (and read by `npm run bench`). */
  const clock = new PhaseClock();

  // Dictionary
  const dl = await loadDictionary(req.configPath);
  if (req.configPath && (await exists(req.configPath))) {
    const buf = await fs.readFile(req.configPath);
    inputs.push({ path: req.configPath, kind: 'dictionary', sha256: sha256(buf), bytes: buf.byteLength });
  }
  problems.push(...dl.problems);
  const dict = dl.dict;
  sources.push({
    kind: 'dictionary',
    name: dl.source,
    count: dict.metrics.length,
    confidence: null,
    note: dl.problems.length ? `${dl.problems.length} problem(s); defaults used where invalid` : null,
  });

  // KEV
  let kev: KevCatalog | undefined;
  if (dict.sla.kev_file) {
    const kp = path.resolve(req.configPath ? path.dirname(req.configPath) : '.', dict.sla.kev_file);
    try {
      kev = parseKev(JSON.parse(await readTracked(kp, 'kev', inputs)));
      sources.push({
        kind: 'dictionary',
        name: dict.sla.kev_file,
        count: kev.size,
        confidence: 'A',
        note: 'CISA KEV catalog: due dates cap the SLA',
      });
    } catch (e) {
      problems.push(
        `${dict.sla.kev_file}: cannot read the KEV catalog (${errorMessage(e)}); SLA without KEV caps`,
      );
      (dl.sections.sla ??= []).push('kev');
    }
  }

  // Inventory
  let inventory: InventoryEntry[] = [...(req.inventory ?? [])];
  const inventoryErrors: string[] = [];
  let inventoryProvided = inventory.length > 0;
  if (req.inventoryPath) {
    try {
      const r = parseInventory(await readTracked(req.inventoryPath, 'inventory', inputs), req.inventoryPath);
      inventory = [...inventory, ...r.entries];
      inventoryErrors.push(...r.errors);
      inventoryProvided = true;
      sources.push({
        kind: 'inventory',
        name: path.basename(req.inventoryPath),
        count: r.entries.length,
        confidence: 'A',
        note: r.errors.length ? `${r.errors.length} row problem(s)` : null,
      });
    } catch (e) {
      problems.push(`${req.inventoryPath}: ${errorMessage(e)}`);
    }
  }
  if (req.inventory?.length)
    sources.push({
      kind: 'inventory',
      name: [...new Set(req.inventory.map((e) => e.source.split(':')[0]!))].join(', '),
      count: req.inventory.length,
      confidence: 'A',
      note: 'from the platform',
    });

  // Exceptions
  const exceptions: Exception[] = [...(req.exceptions ?? [])];
  const exceptionErrors: string[] = [];
  let exceptionsProvided = exceptions.length > 0;
  if (req.exceptionsPath) {
    try {
      const r = parseExceptions(
        await readTracked(req.exceptionsPath, 'exceptions', inputs),
        req.exceptionsPath,
      );
      exceptions.push(...r.exceptions);
      exceptionErrors.push(...r.errors);
      exceptionsProvided = true;
      sources.push({
        kind: 'exceptions',
        name: path.basename(req.exceptionsPath),
        count: r.exceptions.length,
        confidence: 'A',
        note: r.errors.length ? `${r.errors.length} row problem(s): those rows are not counted` : null,
      });
    } catch (e) {
      exceptionErrors.push(`${req.exceptionsPath}: ${errorMessage(e)}`);
    }
  }
  if (req.exceptions?.length)
    sources.push({
      kind: 'exceptions',
      name: 'platform',
      count: req.exceptions.length,
      confidence: 'A',
      note: null,
    });

  // Records. run.json files are read now; each findings.jsonl is read when the lifecycle reaches its
  // run (one run's findings in memory at a time, lean: see aggregate-lean.ts), then let go.
  const records: RecordSlot[] = (req.records ?? []).map((r) => ({
    ...r,
    partial: false,
    count: r.findings.length,
    scanned: null,
    problems: [],
  }));
  const recordProblems: string[] = [];
  /** Strings and small values shared by the lean findings of this aggregation. */
  const pool = new Interner();
  const recordSlots: Array<{ problems: string[] }> = [];
  let findingFiles: string[] = [];
  if (req.recordsDir) {
    const recordsDir = req.recordsDir;
    const scan = await clock.time('read', () =>
      scanRecordsDir(recordsDir, path.basename(path.resolve(recordsDir))),
    );
    recordProblems.push(...scan.problems);
    for (const f of scan.runFiles) {
      const h = scan.hashes.get(f);
      if (h) inputs.push({ path: f, kind: 'record', sha256: h.sha256, bytes: h.bytes });
    }
    for (const item of scan.items) {
      if (!item.record) {
        recordSlots.push({ problems: item.problems });
        continue;
      }
      const slot: RecordSlot = {
        run: item.record.run,
        findings: [],
        origin: item.record.origin,
        partial: false,
        count: 0,
        scanned: item.record,
        problems: [...item.problems],
      };
      records.push(slot);
      recordSlots.push(slot);
    }
    findingFiles = scan.findingFiles;
  }
  // Lean findings (of records and of the history snapshot) are re-read by the outputs.
  const hydrator = new Hydrator(findingFiles);
  /** The lifecycle's latest record of a finding's entry (set once the lifecycle exists). */
  const fold: { latest?: RecordsLoadOptions['previous'] } = {};
  /** Read a scanned record's findings (once); problems and the file's hash are kept. */
  const loadSlot = async (r: RecordSlot): Promise<void> => {
    if (!r.scanned) return;
    const got = await loadRecordFindings(r.scanned, { lean: true, pool, previous: fold.latest });
    if (got.hash) inputs.push({ path: r.scanned.findingsPath, kind: 'record', ...got.hash });
    r.problems.push(...got.problems);
    r.findings = got.findings;
    r.partial = got.partial;
    r.count = got.findings.length;
    r.scanned = null;
  };
  for (const r of req.records ?? [])
    inputs.push({
      path: `memory:${r.origin}`,
      kind: 'record',
      sha256: sha256(JSON.stringify(r.run) + r.findings.map((f) => JSON.stringify(f)).join('\n')),
      bytes: 0,
    });
  // Record problems are known once every findings.jsonl is read (after the lifecycle); they go here.
  const recordProblemsAt = problems.length;

  // Manual exports
  const manual: ManualLoad = req.manualDir
    ? await loadManual(req.manualDir, period, problems, inputs, logger)
    : { observations: [], coverage: [], sources: [], files: [] };

  for (const sp of req.sourceProblems ?? [])
    problems.push(`${sp.source}: ${sp.problem} (missing: ${sp.affects})`);

  // History + lifecycle
  const historyProblems: string[] = [];
  const history = await clock.time('read', () =>
    readHistory(req.historyDir, month, historyProblems, inputs, pool),
  );
  problems.push(...historyProblems);
  const prior = history.at(-1) ?? null;
  if (history.length)
    sources.push({
      kind: 'history',
      name: path.basename(req.historyDir!),
      count: history.length,
      confidence: null,
      note: `snapshots ${history[0]!.month} … ${prior!.month}; lifecycle continues from ${prior!.month}`,
    });

  const end = period.end.getTime();
  const platform = (req.platformFindings ?? []).filter((f) => !(toTime(f.first_seen) >= end));
  // advanceLifecycle, one observation at a time (same order: time, then name; records before manual
  // exports on ties), each run's findings read just before it is applied.
  const lifecycle = createLifecycle(prior ? { as_of: prior.as_of, entries: prior.lifecycle } : null, period);
  // A run's lean findings share the values equal to those of the records they replace.
  fold.latest = (f) => lifecycle.latest(f);
  // The lifecycle has its own copies of the prior entries.
  if (prior) prior.lifecycle = [];
  const pending: Array<{ at: string; name: string; record?: RecordSlot; manual?: Observation }> = [
    ...records
      .filter((r) => isMainlineRun(r.run))
      .map((r) => ({
        at: r.run.finished_at || r.run.started_at,
        name: `${r.run.repo ?? r.run.product ?? r.origin} ${(r.run.finished_at || r.run.started_at).slice(0, 10)}`,
        record: r,
      })),
    ...manual.observations.map((o) => ({ at: o.at, name: o.name, manual: o })),
  ]
    .filter((o) => lifecycle.accepts(o.at))
    .sort(observationOrder);
  for (const o of pending) {
    if (o.manual) {
      const m = o.manual;
      clock.timeSync('lifecycle', () => lifecycle.observe(m));
      continue;
    }
    const r = o.record!;
    await clock.time('read', () => loadSlot(r));
    clock.timeSync('lifecycle', () =>
      lifecycle.observe({
        at: o.at,
        origin: 'collected',
        name: o.name,
        successScopes: r.partial ? [] : runScopes(r.run),
        findings: r.findings,
      }),
    );
    // The lifecycle keeps the latest record of each entry; the run's list is not needed any more.
    r.findings = [];
  }
  // Runs that do not feed the lifecycle (pull requests, outside the window) are read for their
  // problems and counts.
  for (const r of records) await clock.time('read', () => loadSlot(r));
  for (const slot of recordSlots) recordProblems.push(...slot.problems);
  problems.splice(recordProblemsAt, 0, ...recordProblems);
  const { entries, stats } = clock.timeSync('lifecycle', () => lifecycle.finish(platform));
  // The fold is done: the records the runs replaced, the fold's maps and the read buffers are
  // garbage, and V8 would keep them until the old generation reaches the limit set at its last
  // major GC (at 1,000,000 findings: none after the middle of the reading). One collection now
  // lets the context, metrics and outputs reuse that space instead of growing on top of it.
  const gcStart = PhaseClock.now();
  if (collectGarbage(COLLECT_ABOVE_BYTES, METRICS_HEADROOM_PERCENT)) clock.record('gc', gcStart);
  clock.sampleHeap();
  const metricsStart = PhaseClock.now();

  // Sources: collected records per repo (this period)
  const byRepo = new Map<
    string,
    { runs: number; records: number; failed: number; last: string; partial: number }
  >();
  for (const r of records) {
    const t = toTime(r.run.finished_at || r.run.started_at);
    if (t < period.start.getTime() || t >= end) continue;
    const k = r.run.repo ?? r.run.product ?? r.origin;
    const s = byRepo.get(k) ?? { runs: 0, records: 0, failed: 0, last: '', partial: 0 };
    s.runs++;
    s.records += r.count;
    if (Object.values(r.run.coverage).some((c) => c.status === 'failed')) s.failed++;
    if (r.partial) s.partial++;
    if ((r.run.finished_at || '') > s.last) s.last = r.run.finished_at;
    byRepo.set(k, s);
  }
  for (const r of records) r.findings = [];
  for (const [k, s] of [...byRepo.entries()].sort())
    sources.push({
      kind: 'collected',
      name: k,
      count: s.records,
      confidence: s.partial ? 'B' : 'A',
      note: `${s.runs} run(s), last ${s.last.slice(0, 10)}${s.failed ? `, ${s.failed} with a failed scan` : ''}${s.partial ? `, ${s.partial} partly unreadable` : ''}`,
    });
  if (platform.length) {
    const tools = new Map<string, number>();
    for (const f of platform) tools.set(f.source_tool, (tools.get(f.source_tool) ?? 0) + 1);
    for (const [t, n] of [...tools.entries()].sort())
      sources.push({
        kind: 'platform',
        name: t,
        count: n,
        confidence: 'A',
        note: 'platform alerts (own state and dates)',
      });
  }
  sources.push(...manual.sources);

  // Issue trackers: where ownership and remediation status live.
  const tickets: Ticket[] = [...(req.tickets ?? [])];
  const trackerNames = new Set(tickets.map((t) => t.tracker));
  for (const tp of req.ticketsPaths ?? []) {
    for (const file of await listTicketFiles(tp, problems)) {
      try {
        const r = importTickets(
          await readTracked(file, 'tickets', inputs),
          file,
          dict.trackers ?? DEFAULT_MAPPING,
        );
        tickets.push(...r.tickets);
        trackerNames.add(r.tracker);
        problems.push(...r.errors);
        sources.push({
          kind: 'tracker',
          name: path.basename(file),
          count: r.tickets.length,
          confidence: 'A',
          note: `${r.tracker} export${r.errors.length ? `; ${r.errors.length} row problem(s)` : ''}`,
        });
      } catch (e) {
        problems.push(errorMessage(e));
      }
    }
  }
  if (req.tickets?.length)
    sources.push({
      kind: 'tracker',
      name: 'platform',
      count: req.tickets.length,
      confidence: 'A',
      note: null,
    });
  const ticketLinks = tickets.length
    ? linkTickets(
        tickets,
        entries.map((e) => ({ ...e.finding, state: e.state })),
        dict.trackers ?? DEFAULT_MAPPING,
      )
    : [];
  const owners = ticketOwners(tickets, ticketLinks);

  const provenance: Provenance = {
    dictionaryProblems: dl.sections,
    inventoryProvided,
    inventoryErrors: [],
    exceptionsProvided,
    exceptionErrors,
    recordProblems,
    sourceProblems: req.sourceProblems ?? [],
    manualFiles: manual.files,
  };
  const manualInPeriod = manual.observations.filter(
    (o) => toTime(o.at) >= period.start.getTime() && toTime(o.at) < end,
  ).length;
  const ctx = buildContext(
    {
      period,
      dict,
      entries,
      lifecycle: stats,
      runs: records.map((r) => ({ run: r.run, origin: r.origin })),
      inventory,
      exceptions,
      manualCoverage: manual.coverage,
      provenance,
      kev,
      otherInputsInPeriod: platform.length + manualInPeriod,
      ticketOwners: owners,
    },
    inventoryErrors,
  );
  problems.push(...inventoryErrors, ...exceptionErrors);

  const metricHistory: MetricHistory = new Map(history.map((h) => [h.month, h.metrics]));
  const metrics = computeMetrics(ctx, metricHistory);
  const trackerReview = tickets.length
    ? {
        tickets: tickets.length,
        trackers: [...trackerNames].sort(),
        ...reviewTrackers(
          tickets,
          ctx.findings
            .filter((f) => f.counted)
            .map((f) => ({ ...f.finding, state: f.entry.state, owner: f.owner })),
          ticketLinks,
        ),
        owners_from_tickets: ctx.findings.filter((f) => f.counted && f.owner_source?.startsWith('tracker:'))
          .length,
      }
    : null;
  const distortion = distortionReview(ctx);
  const countedFindings = counted(ctx);
  const doc: MetricsDocument = MetricsDocument.parse({
    schema_version: METRICS_SCHEMA_VERSION,
    generator: { name: 'product-security-metrics', version: VERSION },
    month,
    period: { start: period.start.toISOString(), end: period.end.toISOString() },
    dictionary: { source: dl.source, sha256: dl.sha256 },
    definitions: definitionsUsed(dict, dl.source),
    metrics,
    distortion,
    sources,
    trackers: trackerReview,
    problems,
    counts: {
      records: stats.records,
      findings: countedFindings.length,
      open: countedFindings.filter((f) => f.open).length,
      unmapped: countedFindings.filter(
        (f) =>
          f.mapping.method === 'none' && (f.open || toTime(f.entry.first_seen) >= period.start.getTime()),
      ).length,
      duplicates_merged: distortion.find((d) => d.id === 'duplicates_merged')?.count ?? 0,
      duplicates_linked: ctx.links.length,
    },
  });
  const title = `Security metrics — ${month}`;
  const reportMarkdown = renderReport(doc, title, { previousReportUrl: req.previousReportUrl });
  clock.sampleHeap();
  clock.record('metrics', metricsStart);
  const outputsStart = PhaseClock.now();

  // Outputs
  await fs.mkdir(req.outDir, { recursive: true });
  const outputs: string[] = [];
  const metricsJson = JSON.stringify(doc, null, 2) + '\n';
  await writeOut(req.outDir, 'report.md', reportMarkdown, outputs);
  await writeOut(req.outDir, 'metrics.json', metricsJson, outputs);
  // Per-finding outputs are streamed (a million findings are GBs of text), lean findings re-read.
  const hydrate = (f: Finding): Finding => hydrator.hydrate(f);
  const sorted = sortFindings(ctx.findings);
  const streamed = new Map<string, { sha256: string; bytes: number }>();
  const historyFiles: string[] = [];
  try {
    const csv = await BatchFile.open(path.resolve(req.outDir, 'findings.csv'));
    const jsonl = await BatchFile.open(path.resolve(req.outDir, 'findings.jsonl'));
    try {
      csv.add(FINDINGS_CSV_HEADER);
      for (const [c, j] of findingOutputLines(sorted, hydrate)) {
        if (csv.add(c)) await csv.flush();
        if (jsonl.add(j)) await jsonl.flush();
      }
    } finally {
      streamed.set(csv.path, await csv.close());
      streamed.set(jsonl.path, await jsonl.close());
    }
    outputs.push(csv.path, jsonl.path);
    await writeOut(req.outDir, 'coverage.csv', coverageCsv(coverageMatrix(ctx)), outputs);
    await writeOut(req.outDir, 'exceptions.csv', exceptionsCsv(ctx), outputs);

    // History snapshot of this month
    if (req.historyDir) {
      await fs.mkdir(req.historyDir, { recursive: true });
      const snap: HistorySnapshot = {
        schema_version: HISTORY_SCHEMA_VERSION,
        month,
        as_of: period.end.toISOString(),
        dictionary_sha256: dl.sha256,
        metrics: Object.fromEntries(metrics.map((m) => [m.id, m.value])),
        lifecycle: entries,
      };
      // Same bytes as JSON.stringify(snap) + '\n', one entry at a time.
      const head = JSON.stringify({ ...snap, lifecycle: [] });
      function* lines(): Generator<string> {
        yield head.slice(0, -2);
        let first = true;
        for (const e of entries) {
          const full = { ...e, finding: hydrate(e.finding) };
          yield (first ? '' : ',') + JSON.stringify(full);
          first = false;
        }
        yield ']}\n';
      }
      await writeLines(req.historyDir, `${month}.json`, lines(), historyFiles, streamed);
    }
  } finally {
    hydrator.close();
  }

  // Manifest: sha256 of every input and output, for audits.
  const rel = (p: string) => path.relative(process.cwd(), path.resolve(p)).split(path.sep).join('/') || '.';
  const outs = await Promise.all(
    [...outputs, ...historyFiles].map(async (p) => {
      const known = streamed.get(p);
      if (known) return { path: rel(p), ...known };
      const buf = await fs.readFile(p);
      return { path: rel(p), sha256: sha256(buf), bytes: buf.byteLength };
    }),
  );
  const manifest = {
    schema_version: 1,
    generator: { name: 'product-security-metrics', version: VERSION },
    month,
    as_of: period.end.toISOString(),
    inputs: inputs
      .map((i) => ({ ...i, path: i.path.startsWith('memory:') ? i.path : rel(i.path) }))
      .sort((a, b) => a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind)),
    outputs: outs,
  };
  await writeOut(req.outDir, 'manifest.json', JSON.stringify(manifest, null, 2) + '\n', outputs);
  clock.record('outputs', outputsStart);
  logger.debug(`aggregate ${month}: ${clock.summary()}`);

  for (const p of problems.slice(0, 20)) logger.warning(safeLogText(p));
  if (problems.length > 20)
    logger.warning(`… and ${problems.length - 20} more input problem(s): see metrics.json`);
  logger.info(
    `aggregate ${month}: ${stats.records} record(s) → ${countedFindings.length} finding(s), ${metrics.length} metric(s); report ${path.resolve(req.outDir, 'report.md')} (${reportMarkdown.length} chars)`,
  );
  return { reportMarkdown, title, month, outputs, historyFiles, metrics: doc };
};
