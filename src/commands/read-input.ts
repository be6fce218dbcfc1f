import { promises as fs } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { ConfidenceLabel, Finding } from '../schema/finding.js';
import type { InputFile } from '../schema/run.js';
import { detectFormat, getParser } from '../parsers/registry.js';
import type { ParseOutput, Parser, ScanEvidence, ToolInfo } from '../parsers/types.js';
import { createFinalizer, finalizeDrafts, type FinalizeContext } from '../normalize/finalize.js';
import { streamableFormats, streamerFor } from '../stream/registry.js';
import { openForRead } from '../stream/file-io.js';
import type { StreamPlan } from '../stream/slices.js';
import { parallelMaxResults, workerCount } from '../stream/parallel.js';
import { createHash } from 'node:crypto';
import { errorMessage, isUserError, UserError } from '../util/errors.js';
import { sha256 } from '../util/hash.js';
import { parseJsonWithPosition } from '../util/json-position.js';
import { invalidUtf8Offset } from '../util/utf8.js';
import { parseJsonLines } from '../util/json-lines.js';
import { DEFAULT_STREAM_THRESHOLD } from '../stream/threshold.js';

export interface ReadOptions {
  format: string;
  product: string | null;
  service: string | null;
  repo: string | null;
  ref: string | null;
  commit: string | null;
  observedAt: string | null;
  confidence: ConfidenceLabel;
  roots: string[];
  /** Largest file read at all, in bytes (max_file_mb). */
  maxBytes: number;
  /**
   * Files larger than this, of a format with a streaming reader, are streamed: never held whole in
   * memory (default `DEFAULT_STREAM_THRESHOLD`). 0 streams every streamable file.
   */
  streamThreshold?: number;
  /** Bytes per read for the streaming reader's first pass. */
  chunkSize?: number;
  /**
   * When set, every finding goes here, in order, as soon as it is final, and `InputResult.findings`
   * stays empty: memory then does not grow with the number of findings.
   */
  onFinding?: (f: Finding) => void | Promise<void>;
  /**
   * Like `onFinding`, with each finding as its JSON line (`JSON.stringify(finding)`, no newline).
   * Lets a streamed file be prepared on several threads (`workers`). Takes precedence over `onFinding`.
   */
  onLine?: (line: string) => void | Promise<void>;
  /**
   * With `onLine`: lines prepared on several threads arrive here as bytes instead, `bytes[start,
   * end)` followed by the ASCII `tail` (no newline), so they are not decoded only to be encoded again.
   */
  onLineBytes?: (bytes: Uint8Array, start: number, end: number, tail: string) => void | Promise<void>;
  /** Worker threads for streamed files written through `onLine` (default: `workerCount()`). */
  workers?: number;
}

export interface InputResult {
  file: InputFile;
  findings: Finding[];
  scans: ScanEvidence[];
}

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
const HEAD_BYTES = 65536;
/** Node's longest string (536,870,888 UTF-16 units): a larger file cannot be decoded whole. */
const WHOLE_FILE_LIMIT = 536_870_888;

export { DEFAULT_STREAM_THRESHOLD, streamThresholdFromEnv } from '../stream/threshold.js';

export { invalidUtf8Offset } from '../util/utf8.js';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
});

/** Deepest nesting a report may have; real scanner outputs stay far below it. */
export const MAX_DEPTH = 200;

/** Pointer to the first value nested deeper than `limit`, or undefined. Iterative: no recursion. */
export function tooDeep(doc: unknown, limit = MAX_DEPTH): string | undefined {
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: doc, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { v, depth, path: p } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return p || '/';
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        if (typeof v[i] === 'object') stack.push({ v: v[i], depth: depth + 1, path: `${p}/${i}` });
    } else {
      for (const [k, x] of Object.entries(v))
        if (typeof x === 'object') stack.push({ v: x, depth: depth + 1, path: `${p}/${k}` });
    }
  }
  return undefined;
}

/** Decode a file's bytes into the text/document its parser needs; errors name the position. */
export function decodeInput(
  buf: Uint8Array,
  displayPath: string,
): { text: string; doc: unknown; kind: 'json' | 'xml' | 'text' } {
  const bad = invalidUtf8Offset(buf);
  if (bad >= 0)
    throw new UserError(`not valid UTF-8 (byte offset ${bad}); scanner reports must be UTF-8`, displayPath);
  let text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lead = text.trimStart()[0];
  const checked = (doc: unknown, kind: 'json' | 'xml') => {
    const deep = tooDeep(doc);
    if (deep)
      throw new UserError(
        `nested more than ${MAX_DEPTH} levels deep at ${deep.slice(0, 120)}: refused`,
        displayPath,
      );
    return { text, doc, kind };
  };
  if (lead === '{' || lead === '[' || text.trim() === 'null') {
    const r = parseJsonWithPosition(text);
    if (!r.ok) {
      // JSON Lines (Prowler 2 `-M json`, other streaming writers): one object per line → an array.
      const lines = lead === '{' ? parseJsonLines(text) : undefined;
      if (lines) return checked(lines, 'json');
      throw new UserError(r.message, displayPath, r.position);
    }
    return checked(r.value, 'json');
  }
  if (lead === '<') {
    let doc: unknown;
    try {
      doc = xml.parse(text, true);
    } catch (e) {
      const m = /Line (\d+).*?col(?:umn)? (\d+)/i.exec(errorMessage(e));
      throw new UserError(
        `not well-formed XML (${errorMessage(e).split('\n')[0]})`,
        displayPath,
        m ? `${m[1]}:${m[2]}` : undefined,
      );
    }
    return checked(doc, 'xml');
  }
  return { text, doc: undefined, kind: 'text' };
}

function chooseParser(
  format: string,
  name: string,
  decoded: { text: string; doc: unknown; kind: string },
  displayPath: string,
): { parser: Parser; detection: string } {
  if (format !== 'auto') {
    const parser = getParser(format);
    return { parser, detection: 'given' };
  }
  const det = detectFormat({ name, head: decoded.text.slice(0, 65536), doc: decoded.doc });
  if (!det.parser) {
    const considered = det.candidates.length
      ? `; formats considered: ${det.candidates.map((c) => `${c.id} (${c.score.toFixed(2)})`).join(', ')}`
      : '';
    throw new UserError(
      `format not recognized${considered}. Pass --format <id> (input "format") if this is a supported format`,
      displayPath,
    );
  }
  const runnerUp = det.candidates[1];
  const best = det.candidates[0]!;
  const note =
    runnerUp && runnerUp.score >= best.score - 0.05
      ? `auto (unsure: also looked like ${runnerUp.id})`
      : 'auto';
  return { parser: det.parser, detection: note };
}

function finalizeContext(
  displayPath: string,
  format: string,
  tool: ToolInfo,
  opts: ReadOptions,
  secrets: string[],
): FinalizeContext {
  return {
    sourceFile: displayPath,
    sourceFormat: format,
    tool,
    product: opts.product,
    service: opts.service,
    repo: opts.repo,
    ref: opts.ref,
    commit: opts.commit,
    observedAt: opts.observedAt,
    confidence: opts.confidence,
    roots: opts.roots,
    secrets,
  };
}

/** The run.json entry of one input file, before anything is known about its content. */
function newInputFile(
  displayPath: string,
  hash: string | null,
  bytes: number,
  status: InputFile['status'],
): InputFile {
  return {
    path: displayPath,
    sha256: hash,
    bytes,
    format: null,
    detection: null,
    tool: null,
    tool_version: null,
    status,
    error: null,
    findings: 0,
    warnings: [],
  };
}

/** Parse already-read bytes. Never throws for user errors: the InputFile says what happened. */
export function normalizeBuffer(buf: Uint8Array, displayPath: string, opts: ReadOptions): InputResult {
  const file: InputFile = newInputFile(displayPath, sha256(buf), buf.byteLength, 'ok');
  if (buf.byteLength === 0) {
    file.status = 'skipped';
    file.error = `${displayPath}: empty file (0 bytes): the scanner wrote nothing`;
    return { file, findings: [], scans: [] };
  }
  try {
    const decoded = decodeInput(buf, displayPath);
    if (decoded.kind === 'text' && decoded.text.trim() === '')
      throw new UserError('file holds only white space', displayPath);
    const { parser, detection } = chooseParser(opts.format, path.basename(displayPath), decoded, displayPath);
    file.format = parser.id;
    file.detection = detection;
    if (
      parser.input !== decoded.kind &&
      !(parser.input === 'text') &&
      !parser.alsoAccepts?.includes(decoded.kind)
    )
      throw new UserError(
        `format "${parser.id}" expects ${parser.input.toUpperCase()} input, but the file is ${decoded.kind.toUpperCase()}`,
        displayPath,
      );
    const out: ParseOutput = parser.parse(parser.input === 'text' ? decoded.text : decoded.doc, {
      file: displayPath,
    });
    const tool = out.scans[0]?.tool ?? { name: parser.docs.title, version: null };
    file.tool = [...new Set(out.scans.map((s) => s.tool.name))].join(', ') || tool.name;
    file.tool_version = tool.version;
    file.warnings = out.warnings.slice(0, 50);
    if (out.warnings.length > 50) file.warnings.push(`… and ${out.warnings.length - 50} more warnings`);
    const findings = finalizeDrafts(
      out.findings,
      finalizeContext(displayPath, parser.id, tool, opts, out.secrets),
    );
    file.findings = findings.length;
    if (out.scans.some((s) => !s.success)) file.status = 'tool_error';
    return { file, findings, scans: out.scans };
  } catch (e) {
    if (!isUserError(e)) {
      file.status = 'error';
      file.error = `${displayPath}: internal error while parsing (please report): ${errorMessage(e)}`;
      if (process.env.SECURITY_METRICS_DEBUG === '1') console.error(e);
      return { file, findings: [], scans: [] };
    }
    file.status = 'error';
    file.error = e.format();
    return { file, findings: [], scans: [] };
  }
}

/** Read and normalize one file from disk. */
export async function normalizeFile(
  filePath: string,
  displayPath: string,
  opts: ReadOptions,
): Promise<InputResult> {
  const base: InputFile = newInputFile(displayPath, null, 0, 'error');
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    base.error = `${displayPath}: cannot read (${code === 'ENOENT' ? 'no such file' : (code ?? errorMessage(e))})`;
    return { file: base, findings: [], scans: [] };
  }
  if (stat.isDirectory()) {
    base.status = 'skipped';
    base.error = `${displayPath}: is a directory, not a report file (use a glob such as ${displayPath}/**/*.sarif)`;
    return { file: base, findings: [], scans: [] };
  }
  if (stat.size > opts.maxBytes) {
    base.status = 'skipped';
    base.bytes = stat.size;
    base.error = `${displayPath}: ${(stat.size / 1048576).toFixed(0)} MiB is above the ${(opts.maxBytes / 1048576).toFixed(0)} MiB limit (max_file_mb)`;
    return { file: base, findings: [], scans: [] };
  }
  if (stat.size > (opts.streamThreshold ?? DEFAULT_STREAM_THRESHOLD)) {
    const streamed = await normalizeStreamed(filePath, displayPath, stat.size, opts);
    if (streamed) return streamed;
  }
  if (stat.size > WHOLE_FILE_LIMIT) {
    base.status = 'skipped';
    base.bytes = stat.size;
    base.error = `${displayPath}: ${(stat.size / 1048576).toFixed(0)} MiB is too large to read whole (Node's limit is 512 MiB) and its format has no streaming reader (streamed formats: ${streamableFormats().join(', ')})`;
    return { file: base, findings: [], scans: [] };
  }
  const buf = await fs.readFile(filePath);
  const r = normalizeBuffer(buf, displayPath, opts);
  const sink = sinkOf(opts);
  if (sink) {
    for (const f of r.findings) {
      const p = sink(f);
      if (p) await p;
    }
    return { ...r, findings: [] };
  }
  return r;
}

function sinkOf(opts: ReadOptions): ((f: Finding) => void | Promise<void>) | undefined {
  const { onLine, onFinding } = opts;
  if (onLine) return (f) => onLine(JSON.stringify(f));
  return onFinding;
}

/** Which parser a big file gets, from its first bytes only; undefined when it has no streaming reader. */
async function streamParserFor(
  filePath: string,
  displayPath: string,
  opts: ReadOptions,
): Promise<Parser | undefined> {
  if (opts.format !== 'auto') {
    const p = getParser(opts.format);
    return streamerFor(p.id) ? p : undefined;
  }
  const fh = await fs.open(filePath, 'r');
  let head: string;
  try {
    const b = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(b, 0, HEAD_BYTES, 0);
    head = b.toString('utf8', 0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const det = detectFormat({ name: path.basename(displayPath), head });
  return det.parser && streamerFor(det.parser.id) ? det.parser : undefined;
}

/**
 * The streaming path: the same records as `normalizeBuffer`, byte for byte, without holding the file
 * (or, with `onFinding`, the findings) in memory. Undefined when the file is not of a streamable
 * format, so the caller reads it whole.
 */
export async function normalizeStreamed(
  filePath: string,
  displayPath: string,
  size: number,
  opts: ReadOptions,
): Promise<InputResult | undefined> {
  const file: InputFile = newInputFile(displayPath, null, size, 'ok');
  const findings: Finding[] = [];
  let fh;
  let plan: StreamPlan | undefined;
  try {
    const parser = await streamParserFor(filePath, displayPath, opts);
    if (!parser) return undefined;
    file.format = parser.id;
    file.detection = opts.format === 'auto' ? 'auto (streamed; detected from the first 64 KiB)' : 'given';
    ({ fh } = await openForRead(filePath));
    const hash = createHash('sha256');
    plan = await streamerFor(parser.id)!(fh, size, displayPath, {
      chunkSize: opts.chunkSize,
      onChunk: (b) => hash.update(b),
      path: filePath,
      workers: opts.onLine ? (opts.workers ?? workerCount()) : 0,
      maxParallelItems: opts.workers !== undefined ? Infinity : parallelMaxResults(),
    });
    file.sha256 = hash.digest('hex');
    const tool = plan.tool ?? { name: parser.docs.title, version: null };
    const fctx = finalizeContext(displayPath, parser.id, tool, opts, plan.secrets);
    const parallel =
      opts.onLine && plan.runLines
        ? await plan.runLines(fctx, { onLine: opts.onLine, onBytes: opts.onLineBytes })
        : undefined;
    let count = parallel?.count ?? 0;
    const outcome =
      parallel ??
      (await (() => {
        const fin = createFinalizer(fctx);
        const sink = sinkOf(opts);
        return plan.run((d) => {
          const f = fin.push(d);
          count++;
          if (sink) return sink(f);
          findings.push(f);
        });
      })());
    file.tool = [...new Set(outcome.scans.map((s) => s.tool.name))].join(', ') || tool.name;
    file.tool_version = tool.version;
    file.warnings = outcome.warnings.slice(0, 50);
    if (outcome.warningCount > 50) file.warnings.push(`… and ${outcome.warningCount - 50} more warnings`);
    file.findings = count;
    if (outcome.scans.some((s) => !s.success)) file.status = 'tool_error';
    return { file, findings, scans: outcome.scans };
  } catch (e) {
    file.status = 'error';
    file.error = isUserError(e)
      ? e.format()
      : `internal error while parsing (please report): ${errorMessage(e)}`;
    return { file, findings: [], scans: [] };
  } finally {
    plan?.close?.();
    await fh?.close();
  }
}
