import type { FileHandle } from 'node:fs/promises';
import {
  createRunContext,
  finishRun,
  resultToDraft,
  sarifVersionError,
  type RunContext,
} from '../parsers/sarif/index.js';
import type { SarifRun } from '../parsers/sarif/types.js';
import type { ScanEvidence } from '../parsers/types.js';
import { UserError } from '../util/errors.js';
import { JsonSyntaxError, SkeletonScanner, type PathPart, type Spec } from './json-skeleton.js';
import { holdsWord as anyWord } from './big-array.js';
import { DEFAULT_CHUNK, RangeList, RangeReader, scanFile } from './file-io.js';
import { runParallel, WorkerPool } from './parallel.js';
import {
  defineMember,
  forEachItem,
  parseSlice,
  WarningList,
  type MemberRange,
  type StreamIo,
  type StreamPlan,
} from './slices.js';

const SARIF_SPEC: Spec = {
  type: 'object',
  members: { runs: { type: 'array', each: { type: 'object', members: { results: { type: 'items' } } } } },
};

/**
 * Words that can make a SARIF result contribute a secret value (SECRET_PROPS keys, and the
 * "secret"/"secrets" tags that make the category secret). A result holding none of them, in a run
 * whose tool and rules hold none of them either, adds no secret, so the first pass only parses the
 * results that do.
 */
const SECRET_WORDS = ['secret', 'secrets', 'secretvalue', 'offender', 'match', 'raw'];

interface RunMap {
  /** A runs[] element that is not an object: its range, so the error matches the whole-file path. */
  raw: MemberRange | null;
  members: MemberRange[];
  results: RangeList;
  /** `results` was an object: JSON.parse keeps it, the parser ignores it (not an array). */
  resultsNotArray: boolean;
}

export interface SarifHeader {
  /** The log without the results arrays (each run's other members, parsed). */
  doc: Record<string, unknown>;
  runs: RunMap[];
}

/** Pass 1: find where every member and result is, validating the skeleton and UTF-8. */
export async function scanSarif(
  fh: FileHandle,
  file: string,
  io: StreamIo = {},
): Promise<{ top: MemberRange[]; runs: RunMap[] }> {
  const top: MemberRange[] = [];
  let runs: RunMap[] = [];
  let runsIsArray = false;
  const scanner = new SkeletonScanner(
    SARIF_SPEC,
    {
      enter(path, isObject) {
        if (path.length === 1 && path[0] === 'runs') {
          runs = [];
          runsIsArray = true;
          // a later duplicate "runs" replaces an earlier one, as JSON.parse does
          for (let k = top.length - 1; k >= 0; k--) if (top[k]!.key === 'runs') top.splice(k, 1);
        } else if (path.length === 2)
          runs.push({ raw: null, members: [], results: new RangeList(), resultsNotArray: false });
        else if (path.length === 3) {
          const run = runs[path[1] as number]!;
          run.results.clear();
          run.resultsNotArray = isObject;
          run.members = run.members.filter((m) => m.key !== 'results');
        }
      },
      member(path: readonly PathPart[], key, start, end) {
        if (path.length === 0) {
          if (key === 'runs') runsIsArray = false;
          top.push({ key, start, end });
        } else if (path.length === 1)
          runs.push({
            raw: { key, start, end },
            members: [],
            results: new RangeList(),
            resultsNotArray: false,
          });
        else {
          const run = runs[path[1] as number]!;
          if (key === 'results') {
            run.results.clear();
            run.resultsNotArray = false;
          }
          run.members.push({ key, start, end });
        }
      },
      item(path, _key, start, end, flagged) {
        const run = runs[path[1] as number]!;
        if (!run.resultsNotArray) run.results.push(start, end, flagged);
      },
    },
    { flagWords: SECRET_WORDS },
  );
  try {
    await scanFile(fh, scanner, io.chunkSize, io.onChunk);
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      throw new UserError(`not valid JSON: ${e.message}`, file, `byte ${e.offset}`);
    throw e;
  }
  if (!runsIsArray) throw new UserError('not a SARIF log: expected an object with a "runs" array', file);
  return { top, runs };
}

/**
 * Prepare a streamed SARIF normalization of an open file: pass 1 (skeleton scan), the run headers,
 * and the secrets pre-pass. Nothing is emitted until every run header is known to be valid, so a
 * broken header fails the file before any record is written, as on the whole-file path.
 */
export async function planSarif(
  fh: FileHandle,
  size: number,
  file: string,
  io: StreamIo = {},
): Promise<StreamPlan> {
  // started now, so that loading the worker bundle overlaps pass 1
  const pool = io.workers && io.path ? WorkerPool.start(io.workers) : undefined;
  try {
    return await planSarifWith(fh, size, file, io, pool);
  } catch (e) {
    pool?.close();
    throw e;
  }
}

async function planSarifWith(
  fh: FileHandle,
  size: number,
  file: string,
  io: StreamIo,
  pool: WorkerPool | undefined,
): Promise<StreamPlan> {
  const { top, runs } = await scanSarif(fh, file, io);
  // With pass-2 workers this thread reads only its own batches (~256 KiB each): a smaller window.
  const reader = new RangeReader(fh, size, pool ? DEFAULT_CHUNK : undefined);
  const doc: Record<string, unknown> = {};
  for (const m of top) if (m.key !== 'runs') defineMember(doc, m.key, await parseSlice(reader, m, file));
  const verr = sarifVersionError(doc);
  if (verr) throw new UserError(verr, file);
  const words = new Set(SECRET_WORDS);
  const contexts: RunContext[] = [];
  const headerRuns: unknown[] = [];
  const suspiciousRun: boolean[] = [];
  for (let i = 0; i < runs.length; i++) {
    const map = runs[i]!;
    let run: unknown;
    if (map.raw) run = await parseSlice(reader, map.raw, file);
    else {
      const obj: Record<string, unknown> = {};
      for (const m of map.members) defineMember(obj, m.key, await parseSlice(reader, m, file));
      run = obj;
    }
    const rc = createRunContext(run as SarifRun, i, file);
    contexts.push(rc);
    headerRuns.push(run);
    const tool = (run as { tool?: unknown }).tool;
    suspiciousRun.push(rc.secretTool || anyWord(tool, words));
  }

  // Secrets pre-pass: only results that can carry a secret are parsed here.
  const fromResults: string[] = [];
  const fromDrafts: string[] = [];
  for (let i = 0; i < runs.length; i++) {
    const list = runs[i]!.results;
    const rc = contexts[i]!;
    const scratch: RunContext = { ...rc, warnings: [], categories: new Set() };
    for (let k = 0; k < list.length; k++) {
      if (!suspiciousRun[i] && !list.flag(k)) continue;
      const r = await parseSlice(reader, { key: String(k), start: list.start(k), end: list.end(k) }, file);
      const d = resultToDraft(scratch, r as never, k, fromResults);
      if (d?.secret) fromDrafts.push(d.secret);
    }
  }

  return {
    secrets: [...fromResults, ...fromDrafts],
    tool: contexts[0]?.scan.tool,
    async runLines(ctx, sink) {
      const items = runs.reduce((n, r) => n + r.results.length, 0);
      if (!pool || !io.path || items > (io.maxParallelItems ?? Infinity)) {
        pool?.close();
        return undefined;
      }
      return runParallel({
        file: io.path,
        displayPath: file,
        size,
        headerRuns,
        contexts,
        results: runs.map((r) => r.results),
        ctx,
        reader,
        pool,
        ...sink,
      });
    },
    close: () => pool?.close(),
    async run(onDraft) {
      pool?.close();
      const scans: ScanEvidence[] = [];
      const warnings = new WarningList();
      const sink: string[] = [];
      for (let i = 0; i < runs.length; i++) {
        const list = runs[i]!.results;
        const rc = contexts[i]!;
        await forEachItem(reader, list, file, (r, k) => {
          const d = resultToDraft(rc, r as never, k, sink);
          sink.length = 0;
          if (rc.warnings.length > 256) warnings.take(rc.warnings);
          return d ? onDraft(d) : undefined;
        });
        scans.push(finishRun(rc));
        warnings.take(rc.warnings);
      }
      return { scans, warnings: warnings.first, warningCount: warnings.count };
    },
  };
}
