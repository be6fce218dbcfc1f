import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  normalizeBuffer,
  normalizeFile,
  normalizeStreamed,
  type InputResult,
} from '../../src/commands/read-input.js';
import type { Finding } from '../../src/schema/finding.js';
import { TEST_READ_OPTIONS } from '../helpers/corpus.js';

// The streaming readers of Trivy, Semgrep, Grype, Snyk and npm audit against their whole-file
// parsers, on hand-made fixtures (test/fixtures/stream-formats/README.md): pretty and minified,
// with the keys of every object in reverse order (big arrays before the header members), at every
// chunk size from 1 to 64 bytes, a secret named in an earlier item than the one that reports it, a
// syntax error inside an item in the middle, and truncated files.

const here = path.dirname(fileURLToPath(import.meta.url));
const FIX = path.resolve(here, '../fixtures/stream-formats');
const dir = mkdtempSync(path.join(tmpdir(), 'sm-stream-fmt-'));

const CASES: Array<{ file: string; format: string; auto?: false }> = [
  { file: 'trivy-image.json', format: 'trivy' },
  { file: 'trivy-secret-later.json', format: 'trivy' },
  { file: 'trivy-k8s.json', format: 'trivy' },
  { file: 'trivy-legacy.json', format: 'trivy' },
  { file: 'semgrep.json', format: 'semgrep' },
  { file: 'grype.json', format: 'grype' },
  { file: 'snyk-container.json', format: 'snyk' },
  // a list with a string in it: not auto-detected (on the whole-file path either)
  { file: 'snyk-projects.json', format: 'snyk', auto: false },
  { file: 'npm-audit-v1.json', format: 'npm_audit' },
  { file: 'npm-audit-v2.json', format: 'npm_audit' },
];

function write(name: string, text: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** The keys of every object in reverse order. */
function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).reverse()) out[k] = reverseKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

function variants(text: string): Record<string, string> {
  const doc = JSON.parse(text) as unknown;
  return {
    pretty: text,
    minified: JSON.stringify(doc),
    'keys reversed': JSON.stringify(reverseKeys(doc), null, 2),
    'keys reversed, minified': JSON.stringify(reverseKeys(doc)),
  };
}

/** Everything but `detection` (which says how the format was found). */
function comparable(r: InputResult) {
  const { detection: _d, ...file } = r.file;
  return JSON.stringify({ file, findings: r.findings, scans: r.scans });
}
const lines = (fs: Finding[]) => fs.map((f) => JSON.stringify(f)).join('\n');

async function expectSame(p: string, name: string, format: string, chunkSize?: number) {
  const buf = readFileSync(p);
  const opts = { ...TEST_READ_OPTIONS, format };
  const whole = normalizeBuffer(buf, name, opts);
  const streamed = (await normalizeStreamed(p, name, buf.length, { ...opts, chunkSize }))!;
  expect(streamed, 'has a streaming reader').toBeDefined();
  expect(streamed.file.status, streamed.file.error ?? '').toBe(whole.file.status);
  // a file that fails: the same message (the streaming path has no sha256 for it)
  if (whole.file.status === 'error') expect(streamed.file.error).toBe(whole.file.error);
  else expect(comparable(streamed)).toBe(comparable(whole));
  expect(lines(streamed.findings)).toBe(lines(whole.findings));
  return whole;
}

describe('streaming readers of Trivy, Semgrep, Grype, Snyk, npm audit: the records of the whole-file path', () => {
  for (const { file, format, auto } of CASES) {
    const text = readFileSync(path.join(FIX, file), 'utf8');
    for (const [variant, t] of Object.entries(variants(text))) {
      it(`${file} (${variant})`, async () => {
        const name = `${variant.replace(/\W+/g, '-')}-${file}`;
        const whole = await expectSame(write(name, t), file, format, 997);
        expect(whole.file.status).toMatch(/^(ok|tool_error)$/);
        expect(whole.findings.length).toBeGreaterThan(0);
      });
    }
    if (auto === false) continue;
    it(`${file}: auto-detected from the head and streamed through normalizeFile`, async () => {
      const p = write(`auto-${file}`, text);
      const whole = normalizeBuffer(readFileSync(p), file, TEST_READ_OPTIONS);
      const seen: Finding[] = [];
      const r = await normalizeFile(p, file, {
        ...TEST_READ_OPTIONS,
        streamThreshold: 0,
        onFinding: (f) => void seen.push(f),
      });
      expect(r.file.format).toBe(format);
      expect(r.file.detection).toMatch(/streamed/);
      expect(r.findings).toEqual([]);
      expect(lines(seen)).toBe(lines(whole.findings));
      expect(r.file.findings).toBe(whole.findings.length);
      expect(r.file.sha256).toBe(whole.file.sha256);
      expect(r.file.warnings).toEqual(whole.file.warnings);
    });
  }

  const SMALL = [
    ['trivy-image.json', 'trivy'],
    ['semgrep.json', 'semgrep'],
    ['grype.json', 'grype'],
    ['snyk-container.json', 'snyk'],
    ['npm-audit-v1.json', 'npm_audit'],
    ['npm-audit-v2.json', 'npm_audit'],
  ] as const;
  for (const [file, format] of SMALL) {
    it(`${file}: every chunk size from 1 to 64 bytes (streamThreshold 0 against the whole file)`, async () => {
      const p = write(`chunks-${file}`, '\ufeff' + readFileSync(path.join(FIX, file), 'utf8'));
      const ref = normalizeBuffer(readFileSync(p), file, { ...TEST_READ_OPTIONS, format });
      expect(ref.file.status).toBe('ok');
      for (let chunkSize = 1; chunkSize <= 64; chunkSize++) {
        const r = await normalizeFile(p, file, { ...TEST_READ_OPTIONS, streamThreshold: 0, chunkSize });
        expect(r.file.detection, `chunk size ${chunkSize}`).toMatch(/streamed/);
        expect(comparable(r), `chunk size ${chunkSize}`).toBe(comparable(ref));
      }
    });
  }
});

describe('maps with duplicate and index-like keys, a Trivy legacy null, roots of another kind', () => {
  const pkg = (name: string, severity: string) =>
    `{"name":"${name}","severity":"${severity}","isDirect":true,"via":["x"],"range":"*","fixAvailable":false}`;
  for (const [name, t, format] of [
    [
      'npm v2 duplicate keys',
      `{"auditReportVersion":2,"vulnerabilities":{"b":${pkg('b', 'low')},"20":${pkg('20', 'high')},"3":${pkg('3', 'low')},"b":${pkg('b2', 'critical')},"a":${pkg('a', 'moderate')}}}`,
      'npm_audit',
    ],
    ['trivy null', 'null', 'trivy'],
    ['trivy null, spaces', '  null \n', 'trivy'],
    ['gitlab array', '[{"vulnerabilities":[]}]', 'gitlab_sast'],
  ] as const) {
    it(name, async () => {
      const p = write(`odd-${name.replace(/\W+/g, '-')}.json`, t);
      for (const chunkSize of [1, 2, 5, 997]) await expectSame(p, 'odd.json', format, chunkSize);
    });
  }
});

describe('secrets named in an earlier item than the one that reports them', () => {
  for (const [file, format, secrets] of [
    ['trivy-secret-later.json', 'trivy', ['AKIAZZZZZZZZZZZZ1234', 'tok_live_9f8e7d6c5b4a39281706']],
    ['semgrep.json', 'semgrep', ['Sup3r-S3cret-Passw0rd!']],
  ] as const) {
    it(`${file}: redacted from every record on both paths alike`, async () => {
      for (const [variant, t] of Object.entries(variants(readFileSync(path.join(FIX, file), 'utf8')))) {
        const p = write(`secret-${variant.replace(/\W+/g, '-')}-${file}`, t);
        const whole = await expectSame(p, file, format, 13);
        const out = lines(whole.findings);
        // the earlier record names the secret (in its description or message) and is redacted
        expect(out).toContain('[REDACTED');
        for (const s of secrets) expect(out, variant).not.toContain(s);
      }
    });
  }
});

describe('errors of the streaming readers', () => {
  // A syntax error inside one item of the big array (the skeleton scan does not look inside items):
  // the records before it are written, then the file fails naming the byte where that item starts
  // (V8's JSON.parse messages on Node 20 carry no position inside the item).
  const BROKEN = [
    ['trivy-image.json', 'trivy', '"VendorIDs":', 'CVE-2024-0003'],
    [
      'semgrep.json',
      'semgrep',
      '"is_ignored":true',
      'javascript.express.security.audit.xss.direct-response-write',
    ],
    ['grype.json', 'grype', '"state":"wont-fix"', 'GHSA-aaaa-bbbb-cccc'],
    ['snyk-projects.json', 'snyk', '"id":"SNYK-JS-MINIMIST-0000006"', 'SNYK-JS-MINIMIST-0000006'],
    ['npm-audit-v1.json', 'npm_audit', '"module_name":"lodash"', 'npm-advisory-1523'],
    ['npm-audit-v2.json', 'npm_audit', '"fixAvailable":true', 'GHSA-67hx-6x53-jw92'],
  ] as const;
  for (const [file, format, marker, firstLost] of BROKEN) {
    it(`${file}: a broken item in the middle: the records before it, then an error naming its byte`, async () => {
      const good = JSON.stringify(JSON.parse(readFileSync(path.join(FIX, file), 'utf8')));
      expect(good.split(marker).length, 'marker is unique').toBe(2);
      const whole = normalizeBuffer(Buffer.from(good), file, { ...TEST_READ_OPTIONS, format });
      const keep = whole.findings.findIndex((f) => f.rule_id === firstLost);
      expect(keep).toBeGreaterThan(0);
      const at = good.indexOf(marker) + marker.indexOf(':') + 1;
      const bad = good.slice(0, at) + 'nope,"z":' + good.slice(at);
      const p = write(`broken-${file}`, bad);
      const seen: Finding[] = [];
      const r = await normalizeStreamed(p, file, Buffer.byteLength(bad), {
        ...TEST_READ_OPTIONS,
        format,
        onFinding: (f) => void seen.push(f),
      });
      expect(r!.file.status).toBe('error');
      const m = /^(.+):byte (\d+): not valid JSON \(inside a value the streaming reader parsed\)$/.exec(
        r!.file.error ?? '',
      );
      expect(m?.[1], r!.file.error ?? '').toBe(file);
      // the broken item: it starts at that byte and holds the error (all fixtures' text before is ASCII)
      const start = Number(m![2]);
      const item = Buffer.from(bad).subarray(start).toString('utf8');
      expect(item[0]).toBe('{');
      expect(() =>
        JSON.parse(item.slice(0, item.indexOf(marker.slice(0, marker.indexOf(':'))) + 1)),
      ).toThrow();
      expect(start).toBeLessThan(Buffer.byteLength(bad.slice(0, at)));
      expect(start).toBeGreaterThan(Buffer.byteLength(bad.slice(0, at)) - 700);
      expect(lines(seen)).toBe(lines(whole.findings.slice(0, keep)));
    });
  }

  for (const { file, format } of CASES) {
    it(`${file}: a truncated file fails before any record, naming the byte where it ends`, async () => {
      const text = readFileSync(path.join(FIX, file));
      for (const cut of [1, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 2]) {
        const p = write(`trunc-${cut}-${file}`, text.subarray(0, cut));
        const seen: Finding[] = [];
        const r = await normalizeStreamed(p, file, cut, {
          ...TEST_READ_OPTIONS,
          format,
          onFinding: (f) => void seen.push(f),
        });
        expect(r!.file.status).toBe('error');
        expect(r!.file.error).toBe(
          `${file}:byte ${cut}: not valid JSON: the file ends before the JSON document does (truncated?)`,
        );
        expect(seen).toEqual([]);
      }
    });
  }

  it('a document of another shape: the whole-file message', async () => {
    for (const [format, t] of [
      ['trivy', '{"foo": 1}'],
      ['trivy', '"just a string"'],
      ['semgrep', '[1, 2]'],
      ['grype', '{"matches": {"a": 1}}'],
      ['snyk', '{"vulnerabilities": "none"}'],
      ['snyk', '[]'],
      ['npm_audit', '{"auditReportVersion": 2, "vulnerabilities": []}'],
    ] as const) {
      const p = write(`shape-${format}.json`, t);
      const whole = normalizeBuffer(Buffer.from(t), 's.json', { ...TEST_READ_OPTIONS, format });
      const r = await normalizeStreamed(p, 's.json', Buffer.byteLength(t), { ...TEST_READ_OPTIONS, format });
      expect(whole.file.status, t).toBe('error');
      expect(r!.file.status, t).toBe('error');
      // a string at the root is TEXT to the whole-file path, a document of the wrong shape here
      if (!t.startsWith('"')) expect(r!.file.error, t).toBe(whole.file.error);
    }
  });
});

describe('the benchmark generator (scripts/gen-json-reports.mjs)', () => {
  const gen = path.resolve(here, '../../scripts/gen-json-reports.mjs');
  for (const format of ['trivy', 'gitlab_sast'])
    for (const indent of ['0', '2'])
      it(`${format}, indent ${indent}: auto-detected from the head, streamed, the records of the whole file`, async () => {
        const p = path.join(dir, `gen-${format}-${indent}.json`);
        execFileSync(
          process.execPath,
          [gen, '--format', format, '--size-mb', '1', '--indent', indent, '--out', p],
          {
            stdio: 'ignore',
          },
        );
        const whole = normalizeBuffer(readFileSync(p), 'gen.json', TEST_READ_OPTIONS);
        expect(whole.file.format).toBe(format);
        const seen: string[] = [];
        const r = await normalizeFile(p, 'gen.json', {
          ...TEST_READ_OPTIONS,
          streamThreshold: 0,
          onLine: (l) => void seen.push(l),
        });
        expect(r.file.detection).toMatch(/streamed/);
        expect(seen.length).toBeGreaterThan(300);
        expect(seen.join('\n')).toBe(lines(whole.findings));
        expect(seen.join('\n')).not.toContain('AKIAQQQQBENCHKEY7777');
      }, 30_000);
});
