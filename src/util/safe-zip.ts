import path from 'node:path';
import { Inflate } from 'fflate';

/**
 * Safe, in-memory zip extraction for artifacts downloaded from CI platforms (GitHub artifacts,
 * GitLab job artifacts, repository zipballs). Pure: bytes in, entries out; nothing touches the disk
 * until `safeJoin` has checked the destination.
 *
 * The central directory is read by hand because fflate does not expose the external attributes
 * (needed to refuse symlinks); entries are inflated with fflate's streaming `Inflate` so the byte
 * caps count real output, not the sizes the archive claims (a zip bomb lies about those).
 */

export interface ZipLimits {
  /** Largest archive accepted, in bytes. */
  maxArchiveBytes: number;
  /** Sum of all extracted files, in bytes. */
  maxTotalBytes: number;
  /** Largest single extracted file, in bytes. */
  maxFileBytes: number;
  /** Most entries (files + folders). */
  maxEntries: number;
  /** Largest uncompressed/compressed ratio of one entry (deflate tops out near 1032 on real data). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: 100 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxFileBytes: 512 * 1024 * 1024,
  maxEntries: 1000,
  maxRatio: 200,
};

export interface ZipEntry {
  /** Normalized relative path with `/` separators. */
  name: string;
  data: Uint8Array;
}

export class ZipError extends Error {
  override readonly name = 'ZipError';
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A safe relative path, or a reason it is refused: absolute paths, drive letters, `..` segments,
 * backslashes and control characters are all refused rather than "cleaned", because an archive
 * that carries them was not made by our collector.
 */
export function checkEntryName(raw: string): { ok: true; name: string } | { ok: false; reason: string } {
  if (raw.length === 0) return { ok: false, reason: 'empty entry name' };
  if (/[\u0000-\u001f]/.test(raw)) return { ok: false, reason: 'control character in entry name' };
  if (raw.includes('\\')) return { ok: false, reason: 'backslash in entry name' };
  if (raw.startsWith('/') || /^[a-zA-Z]:/.test(raw)) return { ok: false, reason: 'absolute path' };
  const parts = raw.split('/');
  if (parts.some((p) => p === '..')) return { ok: false, reason: 'path traversal (..)' };
  const name = parts.filter((p) => p !== '' && p !== '.').join('/');
  if (!name) return { ok: false, reason: 'empty entry name' };
  return { ok: true, name };
}

function findEocd(buf: Uint8Array): number {
  // The EOCD record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (u32(buf, i) === EOCD_SIG) return i;
  return -1;
}

function inflateCapped(data: Uint8Array, cap: number, label: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inf = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) throw new ZipError(`${label}: expands beyond ${cap} bytes (zip bomb guard)`);
    chunks.push(chunk);
  });
  const step = 64 * 1024;
  try {
    for (let o = 0; o < data.length; o += step) inf.push(data.subarray(o, o + step), o + step >= data.length);
    if (data.length === 0) inf.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError(`${label}: corrupt compressed data (${e instanceof Error ? e.message : String(e)})`);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * Extract every file of a zip archive in memory. Throws `ZipError` (one line, no stack needed) for
 * anything unsafe or corrupt: truncation, bad CRC, encryption, unknown compression, symlinks,
 * traversal, duplicate names, or any cap exceeded. All-or-nothing: a half-read archive is refused.
 */
export function extractZip(buf: Uint8Array, limits: Partial<ZipLimits> = {}): ZipEntry[] {
  const lim = { ...DEFAULT_ZIP_LIMITS, ...limits };
  if (buf.length > lim.maxArchiveBytes)
    throw new ZipError(`archive is ${buf.length} bytes, above the ${lim.maxArchiveBytes}-byte limit`);
  if (buf.length < 22) throw new ZipError('not a zip archive (too short; truncated download?)');
  const eocd = findEocd(buf);
  if (eocd < 0) throw new ZipError('not a zip archive or truncated (end of central directory not found)');
  const count = u16(buf, eocd + 10);
  const cdSize = u32(buf, eocd + 12);
  const cdOffset = u32(buf, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new ZipError('ZIP64 archives are not supported (they exceed the size limits)');
  if (count > lim.maxEntries) throw new ZipError(`${count} entries, above the ${lim.maxEntries}-entry limit`);
  if (cdOffset + cdSize > eocd)
    throw new ZipError('corrupt zip: central directory lies outside the archive (truncated?)');

  const out: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || u32(buf, p) !== CEN_SIG)
      throw new ZipError(`corrupt zip: central directory entry ${i} is damaged`);
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const crc = u32(buf, p + 16);
    const csize = u32(buf, p + 20);
    const usize = u32(buf, p + 24);
    const nlen = u16(buf, p + 28);
    const xlen = u16(buf, p + 30);
    const clen = u16(buf, p + 32);
    const madeBy = u16(buf, p + 4) >> 8;
    const ext = u32(buf, p + 38);
    const lho = u32(buf, p + 42);
    const rawName = Buffer.from(buf.subarray(p + 46, p + 46 + nlen)).toString(
      flags & 0x800 ? 'utf8' : 'latin1',
    );
    p += 46 + nlen + xlen + clen;

    const checked = checkEntryName(rawName);
    if (!checked.ok) throw new ZipError(`entry "${rawName.slice(0, 200)}" refused: ${checked.reason}`);
    const unixMode = ext >>> 16;
    // madeBy 3 = Unix: the high 16 bits of the external attributes carry st_mode.
    if (madeBy === 3 && (unixMode & 0o170000) === 0o120000)
      throw new ZipError(`entry "${checked.name}" refused: symbolic link`);
    const isDir = rawName.endsWith('/') || (madeBy === 3 && (unixMode & 0o170000) === 0o040000);
    if (isDir) continue;
    if (flags & 0x1) throw new ZipError(`entry "${checked.name}" refused: encrypted`);
    if (seen.has(checked.name)) throw new ZipError(`entry "${checked.name}" appears twice`);
    seen.add(checked.name);
    if (usize === 0xffffffff || csize === 0xffffffff || lho === 0xffffffff)
      throw new ZipError(`entry "${checked.name}": ZIP64 sizes are not supported`);
    if (usize > lim.maxFileBytes)
      throw new ZipError(
        `entry "${checked.name}" is ${usize} bytes, above the ${lim.maxFileBytes}-byte file limit`,
      );
    if (csize > 0 && usize / csize > lim.maxRatio)
      throw new ZipError(
        `entry "${checked.name}": compression ratio ${(usize / csize).toFixed(0)} above ${lim.maxRatio} (zip bomb guard)`,
      );

    if (lho + 30 > buf.length || u32(buf, lho) !== LOC_SIG)
      throw new ZipError(`corrupt zip: local header of "${checked.name}" is damaged`);
    const start = lho + 30 + u16(buf, lho + 26) + u16(buf, lho + 28);
    if (start + csize > buf.length)
      throw new ZipError(`corrupt zip: "${checked.name}" is cut short (truncated download?)`);
    const comp = buf.subarray(start, start + csize);
    const cap = Math.min(
      lim.maxFileBytes,
      lim.maxTotalBytes - total,
      Math.max(csize, 1) * lim.maxRatio,
      usize,
    );
    let data: Uint8Array;
    if (method === 0) {
      if (csize !== usize)
        throw new ZipError(`corrupt zip: stored entry "${checked.name}" has mismatched sizes`);
      data = comp.slice();
    } else if (method === 8) data = inflateCapped(comp, cap, `entry "${checked.name}"`);
    else throw new ZipError(`entry "${checked.name}": compression method ${method} is not supported`);
    if (data.length !== usize)
      throw new ZipError(
        `corrupt zip: "${checked.name}" expands to ${data.length} bytes, the archive says ${usize}`,
      );
    if (crc32(data) !== crc) throw new ZipError(`corrupt zip: CRC mismatch in "${checked.name}"`);
    total += data.length;
    if (total > lim.maxTotalBytes)
      throw new ZipError(`archive expands beyond the ${lim.maxTotalBytes}-byte total limit`);
    out.push({ name: checked.name, data });
  }
  return out;
}

/** Destination of an entry under `root`, or an error when it would land outside. */
export function safeJoin(root: string, entryName: string): string {
  const checked = checkEntryName(entryName);
  if (!checked.ok) throw new ZipError(`entry "${entryName}" refused: ${checked.reason}`);
  const base = path.resolve(root);
  const dest = path.resolve(base, ...checked.name.split('/'));
  if (dest !== base && !dest.startsWith(base + path.sep))
    throw new ZipError(`entry "${entryName}" refused: outside the target folder`);
  return dest;
}
