import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { normalizeBuffer, normalizeStreamed, type InputResult } from '../../src/commands/read-input.js';
import { streamableFormats } from '../../src/stream/registry.js';
import { CORPUS, describeCorpus, oracle, TEST_READ_OPTIONS } from '../helpers/corpus.js';

// Every format with a streaming reader (other than SARIF, tested in stream-sarif.test.ts) gives the
// records of its whole-file parser over every corpus file of that format, at an odd chunk size.
function comparable(r: InputResult) {
  const { detection: _d, ...file } = r.file;
  return JSON.stringify({ file, findings: r.findings, scans: r.scans });
}

/** Corpus folders whose files are read by a format of another id. */
const CORPUS_ALIASES: Record<string, string> = { npm_audit_7_plus: 'npm_audit' };
const formatOf = (corpusFormat: string) => CORPUS_ALIASES[corpusFormat] ?? corpusFormat;

describeCorpus('streaming readers of other formats over the corpus', () => {
  const formats = streamableFormats().filter((f) => f !== 'sarif');
  it('has formats to test', () => expect(formats.length).toBeGreaterThan(0));
  it('covers every corpus file of every streamable format', () => {
    for (const format of formats)
      expect(
        oracle().filter((x) => formatOf(x.format) === format).length,
        `${format} has corpus files`,
      ).toBeGreaterThan(0);
  });
  for (const format of formats) {
    for (const e of oracle().filter((x) => formatOf(x.format) === format)) {
      it(`${format}: ${e.file}`, async () => {
        const p = path.join(CORPUS, e.file);
        const buf = readFileSync(p);
        const opts = { ...TEST_READ_OPTIONS, format };
        const whole = normalizeBuffer(buf, e.file, opts);
        const streamed = await normalizeStreamed(p, e.file, buf.length, { ...opts, chunkSize: 1021 });
        expect(streamed!.file.status).toBe(whole.file.status);
        if (whole.file.status === 'error') return;
        expect(comparable(streamed!)).toBe(comparable(whole));
      });
    }
  }
});
