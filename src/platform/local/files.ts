import { promises as fs } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

const SKIP_DIRS = new Set(['.git', 'node_modules']);

async function walk(dir: string, root: string, out: string[], limit: number): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (out.length >= limit) return;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walk(full, root, out, limit);
    } else if (e.isFile() || e.isSymbolicLink()) {
      out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  }
}

export interface GlobMatch {
  pattern: string;
  files: string[];
}

/**
 * Expand globs relative to `cwd`. A pattern without glob characters is taken literally (so a missing
 * file or a directory is reported by the reader, not silently dropped). `!pattern` excludes.
 */
export async function expandGlobs(
  patterns: string[],
  cwd: string,
): Promise<{ matches: GlobMatch[]; files: string[] }> {
  const includes = patterns.filter((p) => !p.startsWith('!'));
  const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => picomatch(p.slice(1), { dot: true }));
  let tree: string[] | undefined;
  const matches: GlobMatch[] = [];
  const seen = new Set<string>();
  const files: string[] = [];
  for (const pattern of includes) {
    let found: string[];
    if (!picomatch.scan(pattern).isGlob) {
      const rel = path.isAbsolute(pattern) ? pattern : pattern.replace(/^\.\//, '');
      let exists = true;
      try {
        await fs.lstat(path.resolve(cwd, rel));
      } catch {
        exists = false;
      }
      found = exists ? [rel] : [];
    } else {
      const base = picomatch.scan(pattern).base;
      const absBase = path.isAbsolute(pattern);
      if (absBase) {
        const list: string[] = [];
        await walk(base, base, list, 100_000);
        const m = picomatch(pattern, { dot: true });
        found = list.map((f) => path.join(base, f).split(path.sep).join('/')).filter((f) => m(f));
      } else {
        if (!tree) {
          tree = [];
          await walk(cwd, cwd, tree, 100_000);
        }
        const m = picomatch(pattern.replace(/^\.\//, ''), { dot: true });
        found = tree.filter((f) => m(f));
      }
    }
    found = found.filter((f) => !excludes.some((x) => x(f)));
    matches.push({ pattern, files: found });
    for (const f of found) {
      if (!seen.has(f)) {
        seen.add(f);
        files.push(f);
      }
    }
  }
  return { matches, files };
}
