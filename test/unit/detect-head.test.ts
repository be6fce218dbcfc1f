import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/commands/read-input.js';
import { isCut, parseHead } from '../../src/parsers/head-doc.js';
import { detectFormat } from '../../src/parsers/registry.js';
import { streamableFormats } from '../../src/stream/registry.js';
import { CORPUS, describeCorpus, oracle } from '../helpers/corpus.js';

// A file above the streaming threshold is detected from its first 64 KiB only (`Sniff.head`, no
// `doc`). The detectors of the streamable JSON formats read what the head holds of the document
// (src/parsers/head-doc.ts); these tests cut every corpus file short and check that the head-only
// detection names the format the whole-file detection names, or nothing — never another format.

describe('parseHead', () => {
  it('parses every prefix of a document, closing and marking what the cut left open', () => {
    const full = JSON.stringify(
      { a: [1, 2.5e3, { b: 'x"y\\', c: [true, false, null] }], s: 'str\u00e9', n: -12.5 },
      null,
      1,
    );
    for (let k = 1; k <= full.length; k++) {
      const r = parseHead(full.slice(0, k));
      if (k === full.length) expect(r).toEqual({ doc: JSON.parse(full), cut: false });
      else expect(r?.cut, full.slice(0, k)).toBe(true);
    }
  });
  it('leaves out the value the cut split, marks cut containers only', () => {
    const r = parseHead('{"v":[{"a":1},{"b":"x", "c":12');
    expect(JSON.stringify(r!.doc)).toBe('{"v":[{"a":1},{"b":"x"}]}');
    const v = (r!.doc as { v: unknown[] }).v;
    expect(isCut(v[1])).toBe(true);
    expect(isCut(v[0])).toBe(false);
    expect(parseHead('{"a":tr')!.doc).toEqual({});
  });
  it('is not fooled by text that is not one JSON document', () => {
    expect(parseHead('null')).toEqual({ doc: null, cut: false });
    expect(parseHead('{"a":1}\n{"b":2}')).toBeUndefined(); // JSON Lines
    expect(parseHead('id,name\n1,2')).toBeUndefined();
    expect(parseHead('<?xml version="1.0"?><a/>')).toBeUndefined();
    expect(parseHead('{"a":1,,}')).toBeUndefined();
    expect(parseHead('')).toBeUndefined();
  });
});

const STREAMABLE = new Set(streamableFormats());
const CUTS = [65536, 16384, 4096, 1024];

describeCorpus('head-only detection over the corpus', () => {
  const rows: Array<{ file: string; text: string; full: string | undefined }> = [];
  for (const e of oracle()) {
    const buf = readFileSync(path.join(CORPUS, e.file));
    if (buf.byteLength === 0) continue;
    let d;
    try {
      d = decodeInput(buf, e.file);
    } catch {
      continue; // undecodable corpus files are read-input's business, not detection's
    }
    const name = path.basename(e.file);
    const full = detectFormat({ name, head: d.text.slice(0, 65536), doc: d.doc }).parser?.id;
    rows.push({ file: e.file, text: d.text, full });
  }

  for (const { file, text, full } of rows) {
    const name = path.basename(file);
    if (full && STREAMABLE.has(full) && full !== 'sarif') {
      it(`${file}: the first 64 KiB detect as ${full}`, () => {
        expect(detectFormat({ name, head: text.slice(0, 65536) }).parser?.id).toBe(full);
      });
    }
    it(`${file}: a head of any length detects as ${full ?? 'nothing'} or as nothing`, () => {
      for (const n of CUTS) {
        const got = detectFormat({ name, head: text.slice(0, n) }).parser?.id;
        if (got !== undefined) expect(got, `first ${n} characters`).toBe(full);
      }
    });
  }

  it('the first few KiB are enough for most files of the streamable formats', () => {
    const ours = rows.filter((r) => r.full && STREAMABLE.has(r.full) && r.full !== 'sarif');
    const found = ours.filter(
      (r) => detectFormat({ name: path.basename(r.file), head: r.text.slice(0, 4096) }).parser?.id === r.full,
    );
    expect(ours.length).toBeGreaterThan(40);
    expect(found.length / ours.length).toBeGreaterThan(0.9);
  });
});
