import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { DEFAULT_DICTIONARY_YAML } from '../schema/default-dictionary.js';
import { Dictionary } from '../schema/dictionary.js';
import { ConfidenceLabel, Finding } from '../schema/finding.js';
import { RunRecord } from '../schema/run.js';
import { errorMessage } from '../util/errors.js';
import { sha256 } from '../util/hash.js';
import type { CollectedRecord } from './aggregate-api.js';
import { Interner, leanFinding } from './aggregate-lean.js';
import { isCanonicalFinding } from './aggregate-validate.js';

export interface DictionaryLoad {
  dict: Dictionary;
  source: string;
  sha256: string;
  /** file:line: field "x": problem — one per invalid field; the section's default is used instead. */
  problems: string[];
  /** Top-level section → problems, for the confidence of the metrics that use it. */
  sections: Record<string, string[]>;
}

const DEFAULT_RAW = parseDocument(DEFAULT_DICTIONARY_YAML).toJS() as Record<string, unknown>;

export function defaultDictionary(): Dictionary {
  return Dictionary.parse(DEFAULT_RAW);
}

function zodPath(p: readonly PropertyKey[]): string {
  return p.map(String).join('.') || '(root)';
}

/**
 * Parse a dictionary. A user file may be partial: its top-level sections replace the default's. An
 * invalid section is reported (file, line, field) and replaced by the default's, so one typo does not
 * stop the report; the metrics that use that section drop to confidence B.
 */
export function parseDictionary(text: string, file: string): DictionaryLoad {
  const base = path.basename(file);
  const problems: string[] = [];
  const sections: Record<string, string[]> = {};
  const note = (section: string, msg: string) => {
    problems.push(msg);
    (sections[section] ??= []).push(msg);
  };
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    const msg = `${base}${pos ? `:${pos.line}` : ''}: invalid YAML (${e.message.split('\n')[0]}); the default dictionary is used`;
    for (const k of Object.keys(DEFAULT_RAW)) (sections[k] ??= []).push(msg);
    return { dict: defaultDictionary(), source: file, sha256: sha256(text), problems: [msg], sections };
  }
  const user = doc.toJS() as unknown;
  if (user !== null && user !== undefined && !isMap(doc.contents)) {
    const msg = `${base}:1: expected a mapping of sections (tiers, sla, metrics, ...); the default dictionary is used`;
    for (const k of Object.keys(DEFAULT_RAW)) (sections[k] ??= []).push(msg);
    return { dict: defaultDictionary(), source: file, sha256: sha256(text), problems: [msg], sections };
  }
  const raw: Record<string, unknown> = {
    ...DEFAULT_RAW,
    ...((user as Record<string, unknown> | null) ?? {}),
  };
  const lineOf = (p: readonly PropertyKey[]): string => {
    for (let n = p.length; n > 0; n--) {
      const node = doc.getIn(
        p.slice(0, n).map((x) => (typeof x === 'number' ? x : String(x))),
        true,
      ) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return `:${lc.linePos(node.range[0]).line}`;
    }
    return '';
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    const r = Dictionary.safeParse(raw);
    if (r.success) return { dict: r.data, source: file, sha256: sha256(text), problems, sections };
    const fixed = new Set<string>();
    for (const issue of r.error.issues) {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        for (const k of issue.keys) {
          note(
            k,
            `${base}${lineOf([k])}: field "${k}": unknown section (valid: ${Object.keys(DEFAULT_RAW).join(', ')}); ignored`,
          );
          delete raw[k];
          fixed.add(k);
        }
        continue;
      }
      const section = String(issue.path[0] ?? '');
      if (fixed.has(section)) continue;
      note(
        section,
        `${base}${lineOf(issue.path)}: field "${zodPath(issue.path)}": ${issue.message}; the default "${section}" section is used`,
      );
      if (section in DEFAULT_RAW) raw[section] = DEFAULT_RAW[section];
      else delete raw[section];
      fixed.add(section);
    }
    if (fixed.size === 0) break;
  }
  const msg = `${base}: the dictionary could not be repaired; the default dictionary is used`;
  problems.push(msg);
  return { dict: defaultDictionary(), source: file, sha256: sha256(text), problems, sections };
}

export async function loadDictionary(configPath: string | undefined): Promise<DictionaryLoad> {
  if (!configPath)
    return {
      dict: defaultDictionary(),
      source: 'built-in default (security-metrics.default.yml)',
      sha256: sha256(DEFAULT_DICTIONARY_YAML),
      problems: [],
      sections: {},
    };
  let text: string;
  try {
    text = await fs.readFile(configPath, 'utf8');
  } catch (e) {
    const msg = `${configPath}: cannot read the dictionary (${(e as NodeJS.ErrnoException).code ?? errorMessage(e)}); the default dictionary is used`;
    const sections = Object.fromEntries(Object.keys(DEFAULT_RAW).map((k) => [k, [msg]]));
    return {
      dict: defaultDictionary(),
      source: `built-in default (${configPath} unreadable)`,
      sha256: sha256(DEFAULT_DICTIONARY_YAML),
      problems: [msg],
      sections,
    };
  }
  const r = parseDictionary(text, configPath);
  return { ...r, source: path.basename(configPath) };
}

export interface RecordsLoad {
  records: Array<CollectedRecord & { partial: boolean }>;
  problems: string[];
  /** Every file read, for the manifest. */
  files: string[];
  /** sha256 and size of every file read (computed while reading: no second read for the manifest). */
  hashes: Map<string, { sha256: string; bytes: number }>;
  /** findings.jsonl files by number, for `Hydrator` (lean findings point into them). */
  findingFiles: string[];
}

async function walk(dir: string, out: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else out.push(p);
  }
  return out;
}

function issues(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `field "${zodPath(i.path)}": ${i.message}`)
    .join('; ');
}

export interface RecordsLoadOptions {
  /**
   * Keep lean findings (the fields the metrics read, plus where the line is) instead of whole ones;
   * the outputs re-read the line (`Hydrator` of aggregate-lean.ts over `RecordsLoad.findingFiles`).
   */
  lean?: boolean;
  /** Strings and small values shared by lean findings (one pool for a whole aggregation). */
  pool?: Interner;
  /**
   * The lean record a finding will replace (its lifecycle entry's latest record), if any: the lean
   * copy shares the values equal to that record's instead of keeping copies of its own.
   */
  previous?: (f: Finding) => Finding | undefined;
}

/**
 * Lines of a file, streamed in 1 MiB chunks (never the whole file as one string), with the byte
 * offset where each starts; the file's sha256 is computed from the same chunks.
 */
async function eachLine(
  file: string,
  onLine: (line: string, lineNo: number, offset: number) => void,
): Promise<{ sha256: string; bytes: number }> {
  const fh = await fs.open(file, 'r');
  const hash = createHash('sha256');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let carry: Buffer | null = null;
    let carryOffset = 0;
    let pos = 0;
    let lineNo = 0;
    for (;;) {
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, pos);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
      let start = 0;
      for (let nl = chunk.indexOf(10, 0); nl >= 0 && nl < bytesRead; nl = chunk.indexOf(10, start)) {
        lineNo++;
        if (carry) {
          onLine(Buffer.concat([carry, chunk.subarray(0, nl)]).toString('utf8'), lineNo, carryOffset);
          carry = null;
        } else onLine(chunk.toString('utf8', start, nl), lineNo, pos + start);
        start = nl + 1;
      }
      if (start < bytesRead) {
        const rest = Buffer.from(chunk.subarray(start, bytesRead));
        if (carry) carry = Buffer.concat([carry, rest]);
        else {
          carry = rest;
          carryOffset = pos + start;
        }
      }
      pos += bytesRead;
    }
    if (carry) onLine(carry.toString('utf8'), lineNo + 1, carryOffset);
    return { sha256: hash.digest('hex'), bytes: pos };
  } finally {
    await fh.close();
  }
}

/** One run.json found under the records folder; its findings are read later (`loadRecordFindings`). */
export interface ScannedRecord {
  run: RunRecord;
  origin: string;
  /** run.json as displayed in messages (`records/acme-shop/run.json`). */
  rel: string;
  /** findings.jsonl beside it (may be missing). */
  findingsPath: string;
  /** Its number in `RecordsScan.findingFiles` (what lean findings point to). */
  fileNo: number;
}

export interface RecordsScan {
  /** In folder order: a run record, or the problems of a run.json that could not be used. */
  items: Array<{ record: ScannedRecord; problems: string[] } | { record: null; problems: string[] }>;
  problems: string[];
  /** run.json files read, in folder order. */
  runFiles: string[];
  hashes: Map<string, { sha256: string; bytes: number }>;
  findingFiles: string[];
}

/** Find and read every run.json under `dir` (small files); findings.jsonl files are not read yet. */
export async function scanRecordsDir(dir: string, display = dir): Promise<RecordsScan> {
  const scan: RecordsScan = { items: [], problems: [], runFiles: [], hashes: new Map(), findingFiles: [] };
  const all = await walk(dir);
  if (all.length === 0) scan.problems.push(`${display}: no files found`);
  for (const runPath of all.filter((f) => path.basename(f) === 'run.json')) {
    const rel = path.join(display, path.relative(dir, runPath));
    scan.runFiles.push(runPath);
    try {
      const buf = await fs.readFile(runPath);
      scan.hashes.set(runPath, { sha256: sha256(buf), bytes: buf.byteLength });
      const parsed = RunRecord.safeParse(JSON.parse(buf.toString('utf8')));
      if (!parsed.success) {
        scan.items.push({
          record: null,
          problems: [`${rel}: not a run record (${issues(parsed.error)}); its findings are not used`],
        });
        continue;
      }
      const findingsPath = path.join(path.dirname(runPath), 'findings.jsonl');
      scan.items.push({
        record: {
          run: parsed.data,
          origin: path.dirname(rel),
          rel,
          findingsPath,
          fileNo: scan.findingFiles.push(findingsPath) - 1,
        },
        problems: [],
      });
    } catch (e) {
      scan.items.push({ record: null, problems: [`${rel}: ${errorMessage(e)}; its findings are not used`] });
    }
  }
  return scan;
}

export interface RecordFindings {
  findings: Finding[];
  /** A bad line, a missing file or a count that disagrees with run.json: the run closes nothing. */
  partial: boolean;
  problems: string[];
  /** sha256 and size of findings.jsonl, or null when it could not be read. */
  hash: { sha256: string; bytes: number } | null;
}

/** Read one record's findings.jsonl, line by line (streamed: never the whole file as one string). */
export async function loadRecordFindings(
  rec: ScannedRecord,
  options: RecordsLoadOptions = {},
): Promise<RecordFindings> {
  const { run, rel } = rec;
  const problems: string[] = [];
  const findings: Finding[] = [];
  const intern = options.pool ?? new Interner();
  let partial = false;
  let hash: RecordFindings['hash'] = null;
  const shown = path.join(path.dirname(rel), 'findings.jsonl');
  const onLine = (line: string, lineNo: number, offset: number): void => {
    if (!line.trim()) return;
    try {
      const raw: unknown = JSON.parse(line);
      // A line as collect writes it is checked by hand (aggregate-validate.ts); others by the schema.
      if (isCanonicalFinding(raw)) {
        findings.push(
          options.lean ? leanFinding(raw, raw, rec.fileNo, offset, intern, options.previous?.(raw)) : raw,
        );
        return;
      }
      const r = Finding.safeParse(raw);
      if (r.success)
        findings.push(
          options.lean
            ? leanFinding(r.data, raw, rec.fileNo, offset, intern, options.previous?.(r.data))
            : r.data,
        );
      else {
        problems.push(`${shown}:${lineNo}: ${issues(r.error)}; line skipped, the run closes nothing`);
        partial = true;
      }
    } catch {
      problems.push(`${shown}:${lineNo}: not JSON; line skipped, the run closes nothing`);
      partial = true;
    }
  };
  try {
    hash = await eachLine(rec.findingsPath, onLine);
  } catch {
    if (run.counts.total > 0) {
      problems.push(
        `${shown}: missing, but run.json counts ${run.counts.total} finding(s); the run closes nothing`,
      );
      partial = true;
    }
  }
  if (!partial && findings.length !== run.counts.total) {
    problems.push(
      `${rel}: run.json counts ${run.counts.total} finding(s) but findings.jsonl has ${findings.length}; the run closes nothing`,
    );
    partial = true;
  }
  return { findings, partial, problems, hash };
}

/** Find every run.json (+ findings.jsonl beside it) under `dir`. Bad files are listed; the rest load. */
export async function loadRecordsDir(
  dir: string,
  display = dir,
  options: RecordsLoadOptions = {},
): Promise<RecordsLoad> {
  const scan = await scanRecordsDir(dir, display);
  const problems = [...scan.problems];
  const files: string[] = [];
  const records: RecordsLoad['records'] = [];
  let runNo = 0;
  for (const item of scan.items) {
    files.push(scan.runFiles[runNo++]!);
    problems.push(...item.problems);
    if (!item.record) continue;
    const r = await loadRecordFindings(item.record, options);
    if (r.hash) {
      files.push(item.record.findingsPath);
      scan.hashes.set(item.record.findingsPath, r.hash);
    }
    problems.push(...r.problems);
    records.push({
      run: item.record.run,
      findings: r.findings,
      origin: item.record.origin,
      partial: r.partial,
    });
  }
  return { records, problems, files, hashes: scan.hashes, findingFiles: scan.findingFiles };
}

/** Sidecar `<export>.meta.yml` of a manual export. */
export const ManualSidecar = z
  .object({
    product: z.string().trim().min(1),
    owner: z.string().trim().optional(),
    confidence: ConfidenceLabel.default('C'),
    /** Date the export was taken (YYYY-MM-DD or ISO). */
    observed_at: z
      .union([z.string(), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString() : v.trim()))
      .refine(
        (s) => Number.isFinite(Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s)),
        'must be a date like 2026-11-15',
      )
      .optional(),
    repo: z.string().trim().optional(),
    service: z.string().trim().optional(),
    format: z.string().trim().default('auto'),
    /** Who assembled it and how, printed in the data sources. */
    note: z.string().optional(),
  })
  .strict();
export type ManualSidecar = z.infer<typeof ManualSidecar>;

export function parseSidecar(text: string, file: string): { sidecar?: ManualSidecar; problems: string[] } {
  const base = path.basename(file);
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length)
    return { problems: [`${base}: invalid YAML (${doc.errors[0]!.message.split('\n')[0]})`] };
  const r = ManualSidecar.safeParse(doc.toJS());
  if (r.success) return { sidecar: r.data, problems: [] };
  return {
    problems: r.error.issues.map((i) => {
      const node = i.path.length
        ? (doc.getIn(i.path.map(String), true) as { range?: [number, number, number] } | undefined)
        : undefined;
      const line = node?.range ? `:${lc.linePos(node.range[0]).line}` : '';
      return `${base}${line}: field "${zodPath(i.path)}": ${i.message}`;
    }),
  };
}
