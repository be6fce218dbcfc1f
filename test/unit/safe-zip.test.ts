import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { checkEntryName, extractZip, safeJoin, ZipError } from '../../src/util/safe-zip.js';

const enc = (s: string) => strToU8(s);

/** Set the Unix mode of every central-directory entry (fflate writes made-by = 0). */
function withUnixMode(zip: Uint8Array, mode: number): Uint8Array {
  const z = zip.slice();
  const dv = new DataView(z.buffer);
  for (let i = 0; i + 4 <= z.length; i++) {
    if (dv.getUint32(i, true) === 0x02014b50) {
      dv.setUint16(i + 4, (3 << 8) | 20, true);
      dv.setUint32(i + 38, (mode << 16) >>> 0, true);
    }
  }
  return z;
}

describe('extractZip', () => {
  it('extracts a normal archive with folders', () => {
    const z = zipSync({
      'run.json': enc('{"a":1}'),
      'sub/findings.jsonl': enc('x\n'),
      'empty/': new Uint8Array(0),
    });
    const out = extractZip(z);
    expect(out.map((e) => e.name).sort()).toEqual(['run.json', 'sub/findings.jsonl']);
    expect(Buffer.from(out.find((e) => e.name === 'run.json')!.data).toString()).toBe('{"a":1}');
  });

  it('refuses path traversal, absolute paths and backslashes', () => {
    expect(() => extractZip(zipSync({ '../evil': enc('x') }))).toThrow(/path traversal/);
    expect(() => extractZip(zipSync({ 'a/../../evil': enc('x') }))).toThrow(/path traversal/);
    expect(() => extractZip(zipSync({ '/etc/passwd': enc('x') }))).toThrow(/absolute/);
    expect(checkEntryName('C:/x')).toMatchObject({ ok: false });
    expect(checkEntryName('a\\..\\b')).toMatchObject({ ok: false });
  });

  it('refuses symlinks', () => {
    const z = withUnixMode(zipSync({ link: enc('/etc/passwd') }, { level: 0 }), 0o120777);
    expect(() => extractZip(z)).toThrow(/symbolic link/);
    const ok = withUnixMode(zipSync({ file: enc('hello') }), 0o100644);
    expect(extractZip(ok)).toHaveLength(1);
  });

  it('refuses zip bombs by ratio and by total size, counting real output', () => {
    const big = new Uint8Array(20 * 1024 * 1024); // zeros: ratio ~1000
    const z = zipSync({ 'bomb.bin': big });
    expect(() => extractZip(z)).toThrow(/ratio|zip bomb/);
    expect(() => extractZip(z, { maxRatio: 10_000, maxTotalBytes: 1024 * 1024 })).toThrow(ZipError);
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) many[`f${i}`] = enc('x');
    expect(() => extractZip(zipSync(many), { maxEntries: 10 })).toThrow(/entries/);
  });

  it('catches a central directory that lies about the size', () => {
    const data = new Uint8Array(4096).fill(65);
    const z = zipSync({ 'a.txt': data });
    const dv = new DataView(z.buffer);
    for (let i = 0; i + 4 <= z.length; i++)
      if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 100, true);
    expect(() => extractZip(z, { maxRatio: 10_000 })).toThrow(/expands beyond|says/);
  });

  it('refuses truncated and corrupt archives', () => {
    const z = zipSync({ 'run.json': enc('{"a":1}'.repeat(100)) });
    expect(() => extractZip(z.slice(0, z.length - 10))).toThrow(ZipError);
    expect(() => extractZip(z.slice(0, Math.floor(z.length / 2)))).toThrow(/truncated|not a zip/);
    expect(() => extractZip(enc('not a zip at all, just text'))).toThrow(/not a zip/);
    const bad = z.slice();
    bad[40] = bad[40]! ^ 0xff; // inside the compressed data
    expect(() => extractZip(bad)).toThrow(ZipError);
  });

  it('refuses archives above the download cap', () => {
    expect(() =>
      extractZip(zipSync({ a: enc('x'.repeat(1000)) }, { level: 0 }), { maxArchiveBytes: 100 }),
    ).toThrow(/limit/);
  });
});

describe('safeJoin', () => {
  it('keeps destinations inside the root', () => {
    expect(safeJoin('/tmp/root', 'a/b.json')).toBe('/tmp/root/a/b.json');
    expect(() => safeJoin('/tmp/root', '../x')).toThrow(ZipError);
  });
});
