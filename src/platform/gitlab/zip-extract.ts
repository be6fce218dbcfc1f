import { unzipSync } from 'fflate';

/**
 * Minimal, capped extraction of a collector artifact archive, in memory: only the named files,
 * no path traversal, bounded entry count and sizes (the declared size bounds fflate's output
 * buffer). Replace with src/util/safe-zip.ts once that lands on main.
 */
export interface ZipCaps {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_CAPS: ZipCaps = {
  maxEntries: 10_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
};

export class ZipError extends Error {
  override readonly name = 'ZipError';
}

/** Files of the archive whose base name is in `names`, keyed by their path inside the archive. */
export function extractNamed(
  zip: Uint8Array,
  names: readonly string[],
  caps: ZipCaps = DEFAULT_ZIP_CAPS,
): Map<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  let problem: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter: (f) => {
        entries++;
        if (entries > caps.maxEntries) {
          problem ??= `more than ${caps.maxEntries} entries`;
          return false;
        }
        const parts = f.name.split(/[\\/]/);
        if (!names.includes(parts[parts.length - 1]!)) return false;
        if (parts.includes('..') || f.name.startsWith('/')) {
          problem ??= `unsafe path ${JSON.stringify(f.name)}`;
          return false;
        }
        if (f.originalSize > caps.maxEntryBytes) {
          problem ??= `${f.name} is ${f.originalSize} bytes uncompressed (limit ${caps.maxEntryBytes})`;
          return false;
        }
        total += f.originalSize;
        if (total > caps.maxTotalBytes) {
          problem ??= `more than ${caps.maxTotalBytes} bytes uncompressed`;
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    throw new ZipError(`corrupt zip: ${(e as Error).message}`);
  }
  if (problem) throw new ZipError(`refused archive: ${problem}`);
  return new Map(Object.entries(files));
}
