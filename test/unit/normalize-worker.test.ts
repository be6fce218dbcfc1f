import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { MessageChannel } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseNormalizeArgs,
  runNormalizeWorker,
  wantsNormalizeWorker,
} from '../../src/commands/normalize-thread.js';
import { BATCH } from '../../src/commands/normalize.js';
import { PortOut } from '../../src/commands/normalize-worker.js';
import { WORKER_YOUNG_MB } from '../../src/stream/parallel-protocol.js';
import { isMainModule } from '../../src/util/entry.js';
import { UserError } from '../../src/util/errors.js';
import { captureLogger } from '../../src/util/logger.js';
import { genSarif } from '../helpers/sarif-gen.js';

// `normalize` in a worker thread (src/commands/normalize-thread.ts, normalize-worker.ts, cli-entry.ts):
// the same bytes on stdout and stderr and the same exit codes as on the main thread.

const dir = mkdtempSync(path.join(tmpdir(), 'sm-nworker-'));
const write = (name: string, text: string | Buffer): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('when normalize uses a worker', () => {
  const big = write('big.bin', '');
  truncateSync(big, 40 * 1024 * 1024); // sparse: 40 MiB above the default 32 MiB threshold
  const small = write('small.sarif', '{}');
  const job = (files: string[], streamThreshold?: number) => ({ files, cwd: dir, streamThreshold });

  it('by default on Node 22 and later, when a file is above the streaming threshold', () => {
    expect(wantsNormalizeWorker(job([big]), {}, 24)).toBe(true);
    expect(wantsNormalizeWorker(job([small, 'big.bin']), {}, 22)).toBe(true); // relative to cwd
    expect(wantsNormalizeWorker(job([big]), {}, 20)).toBe(false); // Node 20: small young generation
    expect(wantsNormalizeWorker(job([small]), {}, 24)).toBe(false);
    expect(wantsNormalizeWorker(job([small], 0), {}, 24)).toBe(true); // SECURITY_METRICS_STREAM_MB=0
    expect(wantsNormalizeWorker(job([big], 64 * 1024 * 1024), {}, 24)).toBe(false);
    expect(wantsNormalizeWorker(job(['missing.sarif', dir]), {}, 24)).toBe(false); // no file, a folder
  });

  it('SECURITY_METRICS_NORMALIZE_WORKER forces it on or off', () => {
    expect(wantsNormalizeWorker(job([small]), { SECURITY_METRICS_NORMALIZE_WORKER: '1' }, 20)).toBe(true);
    expect(wantsNormalizeWorker(job([big]), { SECURITY_METRICS_NORMALIZE_WORKER: '0' }, 24)).toBe(false);
    expect(wantsNormalizeWorker(job([big]), { SECURITY_METRICS_NORMALIZE_WORKER: '' }, 24)).toBe(true);
  });

  it('parses the arguments as the CLI does', () => {
    expect(
      parseNormalizeArgs(
        ['a.sarif', '--format', 'trivy', '--product', 'P'],
        { SECURITY_METRICS_STREAM_MB: '2' },
        '/w',
      ),
    ).toEqual({
      files: ['a.sarif'],
      format: 'trivy',
      product: 'P',
      service: null,
      cwd: '/w',
      streamThreshold: 2 * 1024 * 1024,
    });
    expect(() => parseNormalizeArgs(['--bogus'], {}, '/w')).toThrow(/Unknown option/);
  });
});

describe('isMainModule', () => {
  it('is the started script, through a link or without its extension, and nothing else', () => {
    const f = write('entry.js', '');
    const link = path.join(dir, 'security-metrics');
    symlinkSync(f, link);
    const url = pathToFileURL(f).href;
    expect(isMainModule(url, f)).toBe(true);
    expect(isMainModule(url, link)).toBe(true);
    expect(isMainModule(url, f.slice(0, -3))).toBe(true);
    expect(isMainModule(url, write('other.js', ''))).toBe(false);
    expect(isMainModule(url, undefined)).toBe(false);
    expect(isMainModule(url, path.join(dir, 'nope.js'))).toBe(false);
  });
});

describe('runNormalizeWorker relays what a worker posts', () => {
  // Stand-in workers (plain modules) for the protocol: each case posts what the real one can.
  const worker = (name: string, body: string) =>
    write(name, `import { parentPort } from 'node:worker_threads';\n${body}\n`);
  const job = { files: [], format: 'auto', product: null, service: null, cwd: dir };

  it('output in order, buffers handed back once written, messages at their place, the exit code', async () => {
    const script = worker(
      'relay.mjs',
      `let acks = 0, back = 0;
      parentPort.on('message', (m) => {
        acks++;
        if (m.buf instanceof ArrayBuffer && m.buf.byteLength === 8) back++;
        if (acks === 3) {
          parentPort.postMessage({ kind: 'log', level: 'warning', message: 'acks ' + acks + ' back ' + back });
          parentPort.postMessage({ kind: 'done', code: 2 });
          parentPort.close();
        }
      });
      for (const s of ['a\\n', 'b\\n']) {
        const ab = new ArrayBuffer(8);
        new Uint8Array(ab).set(Buffer.from(s));
        parentPort.postMessage({ kind: 'out', buf: ab, length: s.length }, [ab]);
      }
      parentPort.postMessage({ kind: 'log', level: 'info', message: 'between' });
      parentPort.postMessage({ kind: 'out', buf: Buffer.from('cc\\n'), length: 3 });`,
    );
    const order: string[] = [];
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(Buffer.from(chunk));
        order.push(`out ${chunk.toString().trim()}`);
        cb();
      },
    });
    const logger = captureLogger();
    const log = { ...logger, info: (m: string) => order.push(`info ${m}`) };
    const code = await runNormalizeWorker(script, job, out, log);
    expect(code).toBe(2);
    expect(Buffer.concat(chunks).toString()).toBe('a\nb\ncc\n');
    expect(order).toEqual(['out a', 'out b', 'info between', 'out cc']);
    // both transferred buffers came back (a copy is written to a stream other than stdout)
    expect(logger.lines).toEqual(['warning: acks 3 back 2']);
  });

  it('a user error is a UserError with the same message; anything else keeps the worker stack', async () => {
    const user = worker(
      'user.mjs',
      `parentPort.postMessage({ kind: 'fail', user: true, message: 'x.sarif:byte 12: not valid JSON' }); parentPort.close();`,
    );
    const err = await runNormalizeWorker(user, job, new PassThrough(), captureLogger()).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe('x.sarif:byte 12: not valid JSON');
    const bug = worker(
      'bug.mjs',
      `parentPort.postMessage({ kind: 'fail', user: false, message: 'boom', stack: 'Error: boom\\n    at worker.js:1' }); parentPort.close();`,
    );
    const e2 = (await runNormalizeWorker(bug, job, new PassThrough(), captureLogger()).catch(
      (e: unknown) => e,
    )) as Error;
    expect(e2).not.toBeInstanceOf(UserError);
    expect(e2.stack).toContain('at worker.js:1');
  });

  it('a worker that throws or stops without an answer rejects instead of hanging', async () => {
    const thrown = worker('throws.mjs', `throw new Error('worker blew up');`);
    await expect(runNormalizeWorker(thrown, job, new PassThrough(), captureLogger())).rejects.toThrow(
      /worker blew up/,
    );
    const quiet = worker('quiet.mjs', `parentPort.close();`);
    await expect(runNormalizeWorker(quiet, job, new PassThrough(), captureLogger())).rejects.toThrow(
      /stopped before it was done/,
    );
  });
});

describe("the worker's output stream (PortOut)", () => {
  it('transfers pool buffers, uses those that come back again, and copies any other chunk', async () => {
    const { port1, port2 } = new MessageChannel();
    const got: Array<{ transferred: boolean; text: string }> = [];
    // the main thread's side: mark each transferred buffer, then hand it back as runNormalizeWorker does
    port2.on('message', (m: { buf: ArrayBuffer | Uint8Array; length: number }) => {
      const transferred = m.buf instanceof ArrayBuffer;
      const bytes =
        m.buf instanceof ArrayBuffer ? new Uint8Array(m.buf, 0, m.length) : m.buf.subarray(0, m.length);
      got.push({ transferred, text: Buffer.from(bytes).toString() });
      if (m.buf instanceof ArrayBuffer) {
        new Uint8Array(m.buf)[BATCH - 1] = 0xaa;
        port2.postMessage({ kind: 'ack', buf: m.buf }, [m.buf]);
      } else port2.postMessage({ kind: 'ack' });
    });
    const out = new PortOut(port1);
    const acked = () => new Promise((resolve) => setTimeout(resolve, 20));
    const first = out.take(BATCH);
    expect(first[BATCH - 1]).toBe(0); // a new buffer
    first.write('one', 0);
    out.write(first.subarray(0, 3));
    expect(first.buffer.byteLength).toBe(0); // handed over, not copied
    await acked();
    const again = out.take(BATCH);
    expect(again[BATCH - 1]).toBe(0xaa); // the buffer that came back
    again.write('two', 0);
    out.write(again.subarray(0, 3));
    out.write(Buffer.from('three')); // not the pool's: copied
    await acked();
    expect(got).toEqual([
      { transferred: true, text: 'one' },
      { transferred: true, text: 'two' },
      { transferred: false, text: 'three' },
    ]);
    port1.close();
    port2.close();
  });
});

describe('normalize in a worker, through the built layout of dist/', () => {
  let cli = '';
  beforeAll(() => {
    const out = path.join(dir, 'dist');
    execFileSync(process.execPath, ['scripts/build.mjs'], {
      env: { ...process.env, SECURITY_METRICS_BUILD_OUT: out },
      stdio: 'inherit',
    });
    cli = path.join(out, 'cli.js');
  }, 120_000);

  const run = (args: string[], env: Record<string, string | undefined>) => {
    const r = spawnSync(process.execPath, [cli, 'normalize', ...args], {
      cwd: dir,
      env: { ...process.env, SECURITY_METRICS_STREAM_WORKERS: '', SECURITY_METRICS_DEBUG: '', ...env },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  };
  const direct = { SECURITY_METRICS_NORMALIZE_WORKER: '0' };
  const inWorker = { SECURITY_METRICS_NORMALIZE_WORKER: '1' };

  it('the same stdout, stderr and exit code as the main thread, streamed or not, with 0-2 pass-2 workers', () => {
    const p = write(
      'w.sarif',
      genSarif({ results: 1500, indent: 2, resultsFirst: true, secrets: true, repeatEvery: 7 }),
    );
    const ref = run([p], {
      ...direct,
      SECURITY_METRICS_STREAM_MB: '0',
      SECURITY_METRICS_STREAM_WORKERS: '0',
    });
    expect(ref.status).toBe(0);
    expect(ref.stdout.split('\n').length).toBeGreaterThan(1500);
    for (const env of [
      { SECURITY_METRICS_STREAM_MB: '0', SECURITY_METRICS_STREAM_WORKERS: '0' },
      { SECURITY_METRICS_STREAM_MB: '0', SECURITY_METRICS_STREAM_WORKERS: '1' },
      { SECURITY_METRICS_STREAM_MB: '0', SECURITY_METRICS_STREAM_WORKERS: '2' },
      { SECURITY_METRICS_STREAM_MB: '100000' }, // whole file, in the worker
    ]) {
      const r = run([p], { ...inWorker, ...env });
      expect(r).toEqual(ref);
    }
  }, 60_000);

  it('several files: warnings, a missing and a broken one, in order, with the exit code', () => {
    const good = write('good.sarif', genSarif({ results: 30 }));
    const bad = write('bad.sarif', genSarif({ results: 300 }).slice(0, 20_000)); // truncated
    const empty = write('empty.json', '');
    const args = [good, 'missing.sarif', bad, empty, good];
    for (const env of [{}, { SECURITY_METRICS_STREAM_MB: '0' }]) {
      const ref = run(args, { ...direct, ...env });
      const r = run(args, { ...inWorker, ...env });
      expect(r).toEqual(ref);
      expect(r.stderr).toMatch(/missing\.sarif: cannot read/);
      expect(r.stderr).toMatch(/bad\.sarif/);
      expect(r.status).toBe(0); // some files were readable
    }
    // with debug logging, the one difference: the line that says the worker was used
    const debug = { SECURITY_METRICS_DEBUG: '1', SECURITY_METRICS_STREAM_MB: '0' };
    const ref = run(args, { ...direct, ...debug });
    const r = run(args, { ...inWorker, ...debug });
    expect(r.stdout).toBe(ref.stdout);
    expect(r.stderr).toBe(
      `debug: normalize runs in a worker thread (young generation ${WORKER_YOUNG_MB} MiB)\n${ref.stderr}`,
    );
    const none = run(['missing.sarif', empty], inWorker);
    expect(none).toEqual(run(['missing.sarif', empty], direct));
    expect(none.status).toBe(2);
  }, 60_000);

  it('a broken result in the middle of a streamed log: the lines before it, the error, exit 2', () => {
    const text = genSarif({ results: 1200, indent: 0 });
    let at = 0;
    for (let k = 0; k < 900; k++) at = text.indexOf('"ruleId":"js/ext-rule-', at + 1);
    const p = write('mid.sarif', text.slice(0, at) + '"ruleId":tru,' + text.slice(at + 9));
    for (const workers of ['0', '1']) {
      const env = { SECURITY_METRICS_STREAM_MB: '0', SECURITY_METRICS_STREAM_WORKERS: workers };
      const ref = run([p], { ...direct, ...env });
      expect(ref.stderr).toMatch(/mid\.sarif:byte \d+: not valid JSON/);
      expect(ref.stdout.split('\n').length).toBeGreaterThan(800);
      expect(run([p], { ...inWorker, ...env })).toEqual(ref);
    }
  }, 60_000);

  it('a slow reader of stdout gets every byte (the worker waits for it)', async () => {
    const p = write('slow.sarif', genSarif({ results: 3000, indent: 0 }));
    const ref = run([p], { ...direct, SECURITY_METRICS_STREAM_MB: '0' });
    const child = spawn(process.execPath, [cli, 'normalize', p], {
      cwd: dir,
      env: { ...process.env, ...inWorker, SECURITY_METRICS_STREAM_MB: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const got: Buffer[] = [];
    let paused = 0;
    child.stdout.on('data', (b: Buffer) => {
      got.push(b);
      // hold the pipe full for a while, a few times
      if (paused++ < 5) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 150);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(Buffer.concat(got).toString('utf8')).toBe(ref.stdout);
  }, 60_000);

  it('commands other than normalize, and bad options, go to the whole CLI', () => {
    const version = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const bad = run(['--bogus', 'x.sarif'], inWorker);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--bogus'[\s\S]*Usage:/);
    const none = run([], inWorker);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('error: normalize needs at least one file\n');
  });
});
