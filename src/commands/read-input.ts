import { promises as fs } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { ConfidenceLabel, Finding } from '../schema/finding.js';
import type { InputFile } from '../schema/run.js';
import { detectFormat, getParser } from '../parsers/registry.js';
import type { ParseOutput, Parser, ScanEvidence } from '../parsers/types.js';
import { finalizeDrafts } from '../normalize/finalize.js';
import { errorMessage, isUserError, UserError } from '../util/errors.js';
import { sha256 } from '../util/hash.js';
import { parseJsonWithPosition } from '../util/json-position.js';
import { parseJsonLines } from '../util/json-lines.js';

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
  /** Largest file read whole, in bytes. */
  maxBytes: number;
}

export interface InputResult {
  file: InputFile;
  findings: Finding[];
  scans: ScanEvidence[];
}

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let n = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return i;
    if (i + n >= buf.length && n > 0) return i;
    for (let k = 1; k <= n; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    if (n === 2 && b === 0xe0 && buf[i + 1]! < 0xa0) return i;
    if (n === 2 && b === 0xed && buf[i + 1]! > 0x9f) return i;
    if (n === 3 && b === 0xf0 && buf[i + 1]! < 0x90) return i;
    if (n === 3 && b === 0xf4 && buf[i + 1]! > 0x8f) return i;
    i += n + 1;
  }
  return -1;
}

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

/** Parse already-read bytes. Never throws for user errors: the InputFile says what happened. */
export function normalizeBuffer(buf: Uint8Array, displayPath: string, opts: ReadOptions): InputResult {
  const file: InputFile = {
    path: displayPath,
    sha256: sha256(buf),
    bytes: buf.byteLength,
    format: null,
    detection: null,
    tool: null,
    tool_version: null,
    status: 'ok',
    error: null,
    findings: 0,
    warnings: [],
  };
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
    const findings = finalizeDrafts(out.findings, {
      sourceFile: displayPath,
      sourceFormat: parser.id,
      tool,
      product: opts.product,
      service: opts.service,
      repo: opts.repo,
      ref: opts.ref,
      commit: opts.commit,
      observedAt: opts.observedAt,
      confidence: opts.confidence,
      roots: opts.roots,
      secrets: out.secrets,
    });
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
  const base: InputFile = {
    path: displayPath,
    sha256: null,
    bytes: 0,
    format: null,
    detection: null,
    tool: null,
    tool_version: null,
    status: 'error',
    error: null,
    findings: 0,
    warnings: [],
  };
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
  const buf = await fs.readFile(filePath);
  return normalizeBuffer(buf, displayPath, opts);
}
