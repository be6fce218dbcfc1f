import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  normalizeBuffer,
  normalizeFile,
  normalizeStreamed,
  type InputResult,
} from '../../src/commands/read-input.js';
import type { Finding } from '../../src/schema/finding.js';
import { CORPUS, describeCorpus, oracle, TEST_READ_OPTIONS } from '../helpers/corpus.js';
import { genSarif } from '../helpers/sarif-gen.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sm-stream-'));
function write(name: string, text: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Everything but `detection` (which says how the format was found). */
function comparable(r: InputResult) {
  const { detection: _d, ...file } = r.file;
  return JSON.stringify({ file, findings: r.findings, scans: r.scans });
}

async function bothPaths(p: string, name: string, extra: { chunkSize?: number; format?: string } = {}) {
  const buf = readFileSync(p);
  const opts = { ...TEST_READ_OPTIONS, format: extra.format ?? 'sarif' };
  const whole = normalizeBuffer(buf, name, opts);
  const streamed = await normalizeStreamed(p, name, buf.length, { ...opts, chunkSize: extra.chunkSize });
  expect(streamed).toBeDefined();
  return { whole, streamed: streamed! };
}

async function expectSame(p: string, name: string, extra: { chunkSize?: number; format?: string } = {}) {
  const { whole, streamed } = await bothPaths(p, name, extra);
  expect(streamed.file.status).toBe(whole.file.status);
  if (whole.file.status === 'ok' || whole.file.status === 'tool_error')
    expect(comparable(streamed)).toBe(comparable(whole));
  // JSONL lines, as `normalize` writes them
  const lines = (fs: Finding[]) => fs.map((f) => JSON.stringify(f)).join('\n');
  expect(lines(streamed.findings)).toBe(lines(whole.findings));
  return { whole, streamed };
}

describe('streaming SARIF gives the records of the whole-file path', () => {
  for (const indent of [undefined, 2]) {
    for (const resultsFirst of [false, true]) {
      it(`generated log (indent ${indent ?? 0}, results ${resultsFirst ? 'before' : 'after'} tool, secrets)`, async () => {
        const p = write(
          `g-${indent}-${resultsFirst}.sarif`,
          genSarif({ indent, resultsFirst, secrets: true }),
        );
        const { whole } = await expectSame(p, 'gen.sarif');
        expect(whole.findings.length).toBeGreaterThan(40);
        // the cross-result secret is redacted on both paths
        const text = whole.findings.map((f) => JSON.stringify(f)).join('\n');
        expect(text).not.toContain('hunter2-password-value');
        expect(text).not.toContain('s3cr3t-t0ken-abcdef');
      });
    }
  }

  it('every chunk size from 1 to 64 bytes (every byte is a chunk boundary at size 1)', async () => {
    const text = genSarif({ results: 6, indent: 1, resultsFirst: true, secrets: true });
    const p = write('chunks.sarif', '\ufeff' + text);
    const ref = normalizeBuffer(readFileSync(p), 'c.sarif', { ...TEST_READ_OPTIONS, format: 'sarif' });
    expect(ref.file.status).toBe('ok');
    for (let chunkSize = 1; chunkSize <= 64; chunkSize++) {
      const s = await normalizeStreamed(p, 'c.sarif', statSync(p).size, {
        ...TEST_READ_OPTIONS,
        format: 'sarif',
        chunkSize,
      });
      expect(comparable(s!), `chunk size ${chunkSize}`).toBe(comparable(ref));
    }
  });

  it('auto-detects SARIF from the head and streams through normalizeFile above the threshold', async () => {
    const p = write('auto.sarif', genSarif({ indent: 2 }));
    const whole = normalizeBuffer(readFileSync(p), 'auto.sarif', TEST_READ_OPTIONS);
    const seen: Finding[] = [];
    const r = await normalizeFile(p, 'auto.sarif', {
      ...TEST_READ_OPTIONS,
      streamThreshold: 0,
      onFinding: (f) => void seen.push(f),
    });
    expect(r.file.detection).toMatch(/streamed/);
    expect(r.findings).toEqual([]);
    expect(JSON.stringify(seen)).toBe(JSON.stringify(whole.findings));
    expect(r.file.findings).toBe(whole.findings.length);
    expect(r.file.sha256).toBe(whole.file.sha256);
  });

  it('keeps duplicate keys the way JSON.parse does (the last one wins)', async () => {
    const run = (name: string) =>
      `{"tool":{"driver":{"name":"${name}"}},"results":[{"ruleId":"x","message":{"text":"m"}}]}`;
    const text = `{"version":"2.1.0","runs":[${run('A')}],"runs":[{"results":[{"ruleId":"a","message":{"text":"first"}}],"tool":{"driver":{"name":"B"}},"results":[{"ruleId":"b","message":{"text":"second"}}]}]}`;
    const { streamed } = await expectSame(write('dup.sarif', text), 'dup.sarif');
    expect(streamed.findings.map((f) => f.rule_id)).toEqual(['b']);
  });
});

describe('streaming SARIF errors', () => {
  const text = genSarif({ results: 5 });
  it('a truncated file is a user error with a byte offset, at any cut', async () => {
    for (const cut of [1, 10, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 2]) {
      const p = write(`trunc-${cut}.sarif`, Buffer.from(text).subarray(0, cut));
      const r = await normalizeStreamed(p, 't.sarif', cut, { ...TEST_READ_OPTIONS, format: 'sarif' });
      expect(r!.file.status).toBe('error');
      expect(r!.file.error).toMatch(/^t\.sarif:byte \d+: not valid JSON/);
    }
  });

  it('invalid UTF-8 names the byte offset', async () => {
    const buf = Buffer.from(text);
    const at = text.indexOf('Value flows');
    buf[at] = 0xff;
    const p = write('bad-utf8.sarif', buf);
    const r = await normalizeStreamed(p, 'b.sarif', buf.length, {
      ...TEST_READ_OPTIONS,
      format: 'sarif',
      chunkSize: 7,
    });
    expect(r!.file.error).toBe(
      `b.sarif:byte ${at}: not valid JSON: not valid UTF-8; scanner reports must be UTF-8`,
    );
  });

  it('a syntax error inside a result is a user error with the byte offset', async () => {
    const bad = text.replace('"ruleId":"js/ext-rule-', '"ruleId":tru,"x":"');
    const p = write('bad-result.sarif', bad);
    const r = await normalizeStreamed(p, 'r.sarif', Buffer.byteLength(bad), {
      ...TEST_READ_OPTIONS,
      format: 'sarif',
    });
    expect(r!.file.status).toBe('error');
    expect(r!.file.error).toMatch(/^r\.sarif:byte \d+: not valid JSON/);
  });

  it('not SARIF, wrong version, broken run header: the messages of the whole-file path', async () => {
    for (const [name, t] of [
      ['noruns', '{"version":"2.1.0","runs":{}}'],
      ['v1', '{"version":"1.0.0","runs":[]}'],
      ['nodriver', '{"version":"2.1.0","runs":[{"results":[]}]}'],
      ['runnull', '{"version":"2.1.0","runs":[null]}'],
      [
        'deep',
        `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[${'['.repeat(300)}${']'.repeat(300)}]}]}`,
      ],
    ] as const) {
      const { whole, streamed } = await bothPaths(write(`${name}.sarif`, t), `${name}.sarif`);
      expect(streamed.file.status, name).toBe('error');
      if (name === 'deep') expect(streamed.file.error).toMatch(/nested more than 200 levels deep/);
      else expect(streamed.file.error, name).toBe(whole.file.error);
    }
  });
});

describe('streaming the shared bench generator', () => {
  const gen = path.resolve(CORPUS, '../bench/gen-sarif.mjs');
  const run = existsSync(gen) ? it : it.skip;
  for (const indent of ['0', '2']) {
    run(`gen-sarif.mjs --results 400 --indent ${indent}`, async () => {
      const p = path.join(dir, `bench-${indent}.sarif`);
      execFileSync(process.execPath, [gen, '--results', '400', '--indent', indent, '--out', p], {
        stdio: 'ignore',
      });
      const { whole } = await expectSame(p, 'bench.sarif', { chunkSize: 4093 });
      expect(whole.findings.length).toBeGreaterThan(300);
    });
  }
});

describeCorpus('streaming SARIF over the corpus', () => {
  const files = oracle()
    .map((e) => e.file)
    .filter((f) => /\.sarif$/i.test(f) || f.startsWith('sarif/') || f.startsWith('github_code_scanning/'));
  // and any other *.sarif in the corpus that the oracle does not list
  const extra = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.sarif(\.json)?$/i.test(f),
  );
  const all = [...new Set([...files, ...extra])].filter((f) => {
    try {
      const t = readFileSync(path.join(CORPUS, f), 'utf8').trimStart();
      return t.startsWith('{') && /"runs"\s*:/.test(t);
    } catch {
      return false;
    }
  });
  it('has SARIF files', () => expect(all.length).toBeGreaterThan(10));
  for (const f of all) {
    it(f, async () => {
      await expectSame(path.join(CORPUS, f), f, { chunkSize: 997 });
    });
  }
});

describe('parallel streaming (worker threads, through a bundle like dist/)', () => {
  let cli = '';
  beforeAll(async () => {
    const { build } = await import('esbuild');
    const out = path.join(dir, 'bundle');
    const common = {
      bundle: true,
      platform: 'node' as const,
      format: 'esm' as const,
      logLevel: 'silent' as const,
      banner: {
        js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
      },
    };
    await build({ ...common, entryPoints: ['src/cli.ts'], outfile: path.join(out, 'cli.js') });
    await build({
      ...common,
      entryPoints: ['src/stream/stream-worker.ts'],
      outfile: path.join(out, 'stream-worker.js'),
    });
    writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
    cli = path.join(out, 'cli.js');
  }, 60_000);

  const run = (p: string, env: Record<string, string>) => {
    const r = spawnSync(process.execPath, [cli, 'normalize', p], {
      cwd: dir,
      env: { ...process.env, SECURITY_METRICS_STREAM_WORKERS: '', ...env },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  };
  const modes = {
    parallel1: { SECURITY_METRICS_STREAM_MB: '0', SECURITY_METRICS_STREAM_WORKERS: '1' },
    parallel2: { SECURITY_METRICS_STREAM_MB: '0', SECURITY_METRICS_STREAM_WORKERS: '2' },
    // the default: one worker on two cores or more
    auto: { SECURITY_METRICS_STREAM_MB: '0' },
    sequential: { SECURITY_METRICS_STREAM_MB: '0', SECURITY_METRICS_STREAM_WORKERS: '0' },
  };

  it('writes the lines of the whole-file path, byte for byte (1 and 2 workers, and the default)', () => {
    const p = write(
      'par.sarif',
      genSarif({ results: 1500, indent: 2, resultsFirst: true, secrets: true, repeatEvery: 7 }),
    );
    const whole = run(p, { SECURITY_METRICS_STREAM_MB: '100000' });
    expect(whole.status).toBe(0);
    const lines = whole.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1500);
    // the log reports findings at the same place more than once (occurrence ordinals above 0, the
    // id the main thread rewrites) and non-ASCII text before the occurrence id (byte offsets)
    const found = lines.map((l) => JSON.parse(l) as Finding);
    const places = found.map((f) => `${f.id} ${f.location.file} ${f.location.start_line}`);
    expect(new Set(places).size).toBeLessThan(places.length);
    expect(new Set(found.map((f) => f.occurrence_id)).size).toBe(found.length);
    expect(lines.some((l) => /[^\x00-\x7f]/.test(l.slice(0, l.indexOf('"occurrence_id"'))))).toBe(true);
    for (const env of Object.values(modes)) {
      const r = run(p, env);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(whole.stdout);
      expect(r.stderr).toBe(whole.stderr);
    }
  }, 60_000);

  it('a broken result in the middle: the same lines before it and the same error as one thread', () => {
    const text = genSarif({ results: 1200, indent: 0 });
    let at = 0;
    for (let k = 0; k < 900; k++) at = text.indexOf('"ruleId":"js/ext-rule-', at + 1);
    const bad = text.slice(0, at) + '"ruleId":tru,"x":"' + text.slice(at + '"ruleId":"js/ext-rule-'.length);
    const p = write('par-bad.sarif', bad);
    const one = run(p, modes.sequential);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/par-bad\.sarif:byte \d+: not valid JSON/);
    expect(one.stdout.split('\n').length).toBeGreaterThan(800);
    for (const env of [modes.parallel1, modes.parallel2]) {
      const r = run(p, env);
      expect(r.status).toBe(one.status);
      expect(r.stderr).toBe(one.stderr);
      expect(r.stdout).toBe(one.stdout);
    }
  }, 60_000);
});
