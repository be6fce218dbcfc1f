import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { normalizeBuffer } from '../../src/commands/read-input.js';
import { runNormalize } from '../../src/commands/normalize.js';
import { captureLogger } from '../../src/util/logger.js';

/** A pipe-like sink that is slow to drain (small highWaterMark), collecting the bytes. */
function sink(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      setImmediate(cb);
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

describe('normalize writes JSON lines in Buffer batches', () => {
  it('the bytes of JSON.stringify per line (non-ASCII, lone surrogates, a line above a batch, small lines)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sm-out-'));
    const results = [
      { ruleId: 'a', message: { text: 'plain ascii' } },
      { ruleId: 'b', message: { text: 'non-ASCII: é ü 漢字 😀 and a lone \ud800 surrogate' } },
      // fingerprints are not clipped: a line of ~90 KB, more than a batch
      { ruleId: 'c', message: { text: 'big' }, partialFingerprints: { h: 'é'.repeat(45_000) } },
      // description is clipped to 1000 characters, the title to 300: many results make many batches
      ...Array.from({ length: 600 }, (_, i) => ({
        ruleId: `r${i}`,
        message: { text: `m${i} ${'ü'.repeat(i % 7 === 0 ? 999 : 20)}\nsecond line` },
        locations: [{ physicalLocation: { artifactLocation: { uri: `src/é/${'d/'.repeat(i)}f.js` } } }],
      })),
    ];
    const doc = { version: '2.1.0', runs: [{ tool: { driver: { name: 'ESLint' } }, results }] };
    const file = path.join(dir, 'x.sarif');
    writeFileSync(file, JSON.stringify(doc));
    for (const streamThreshold of [0, 1 << 30]) {
      const { out, bytes } = sink();
      const code = await runNormalize({
        files: ['x.sarif'],
        format: 'auto',
        product: null,
        service: null,
        cwd: dir,
        out,
        logger: captureLogger(),
        streamThreshold,
      });
      expect(code).toBe(0);
      const expected = normalizeBuffer(readFileSync(file), 'x.sarif', {
        format: 'auto',
        product: null,
        service: null,
        repo: null,
        ref: null,
        commit: null,
        observedAt: null,
        confidence: 'A',
        roots: [dir],
        maxBytes: Number.MAX_SAFE_INTEGER,
      }).findings.map((f) => JSON.stringify(f) + '\n');
      expect(expected.length).toBe(603);
      expect(Math.max(...expected.map((l) => Buffer.byteLength(l)))).toBeGreaterThan(1 << 16);
      expect(bytes().equals(Buffer.from(expected.join(''), 'utf8'))).toBe(true);
    }
  });
});

describe('LineBatcher.addBytes (lines prepared on worker threads arrive as bytes)', () => {
  it('writes the same bytes as add() for the same lines, across batches and for a line above a batch', async () => {
    const { LineBatcher } = await import('../../src/commands/normalize.js');
    const lines = [
      '{"a":"plain","source_index":',
      '{"b":"é ü 漢字 😀","source_index":',
      `{"c":"${'ü'.repeat(40_000)}","source_index":`,
      ...Array.from({ length: 300 }, (_, i) => `{"m":"${'x'.repeat(i * 3)}","source_index":`),
    ];
    const byString = sink();
    const byBytes = sink();
    const a = new LineBatcher(byString.out);
    const b = new LineBatcher(byBytes.out);
    for (let i = 0; i < lines.length; i++) {
      const tail = `${i}}`;
      await a.add(lines[i]! + tail);
      // the line somewhere inside a bigger buffer, as in a batch of prepared lines
      const bytes = Buffer.concat([Buffer.from('junk'), Buffer.from(lines[i]!, 'utf8'), Buffer.from('more')]);
      await b.addBytes(bytes, 4, bytes.length - 4, tail);
    }
    await a.flush();
    await b.flush();
    await new Promise((r) => setImmediate(r));
    const want = lines.map((l, i) => `${l}${i}}\n`).join('');
    expect(byString.bytes().toString('utf8')).toBe(want);
    expect(byBytes.bytes().equals(byString.bytes())).toBe(true);
  });
});
