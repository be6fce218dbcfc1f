import { describe, expect, it } from 'vitest';
import { collapseSpace, sortedUnique } from '../../src/normalize/finalize.js';
import { cleanPath, joinUri } from '../../src/normalize/paths.js';
import { holdsWord } from '../../src/stream/big-array.js';

// The fast paths of the per-record work must give exactly what the plain code gave: these are the
// plain versions (as they were before), compared on random and hand-picked inputs.
function cleanPathPlain(raw: string | null | undefined, roots: readonly string[] = []): string | null {
  if (raw == null) return null;
  let p = String(raw).trim();
  if (p === '') return null;
  if (/^file:/i.test(p)) {
    p = p.replace(/^file:\/*/i, '/');
    if (/^\/[A-Za-z]:[\\/]/.test(p)) p = p.slice(1);
  }
  if (/%[0-9A-Fa-f]{2}/.test(p) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) {
    try {
      p = decodeURIComponent(p);
    } catch {
      /* keep as is */
    }
  }
  p = p.replace(/\\/g, '/');
  let stripped = false;
  for (const root of roots) {
    const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
    if (r && (p === r || p.startsWith(r + '/'))) {
      p = p.slice(r.length).replace(/^\/+/, '');
      stripped = true;
      break;
    }
  }
  if (!stripped && !/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) p = p.replace(/\/{2,}/g, '/');
  p = p.replace(/^(\.\/)+/, '');
  return p === '' ? null : p;
}

function joinUriPlain(base: string | undefined, uri: string): string {
  if (!base) return uri;
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) return uri;
  return base.replace(/\/?$/, '/') + uri;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(r: () => number, alphabet: string[], max: number): string {
  let s = '';
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

const SPACES = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  '\u180e',
  '\u0085',
];

describe('per-record fast paths give the plain results', () => {
  it('collapseSpace is s.replace(/\\s+/g, " ")', () => {
    const r = rng(7);
    const alphabet = ['a', 'b', 'é', '漢', ...SPACES];
    const bad: string[] = [];
    const check = (s: string) => {
      if (collapseSpace(s) !== s.replace(/\s+/g, ' ')) bad.push(s);
    };
    for (let k = 0; k < 20000; k++) check(randomText(r, alphabet, 12));
    for (let c = 0; c < 0x10000; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      check(s);
      check(` ${s} `);
      check(`${s}  ${s}`);
    }
    expect(bad).toEqual([]);
  });

  it('sortedUnique is [...new Set(xs)].sort()', () => {
    const r = rng(11);
    const alphabet = ['a', 'B', 'b', 'security', 'Security', 'é', '😀', 'external/cwe/cwe-79', ''];
    for (let k = 0; k < 5000; k++) {
      const xs = Array.from(
        { length: Math.floor(r() * 20) },
        () => alphabet[Math.floor(r() * alphabet.length)]!,
      );
      expect(sortedUnique(xs)).toEqual([...new Set(xs)].sort());
    }
    const odd = [3, 'a', 1, '1', undefined, 'a'] as unknown as string[];
    expect(sortedUnique(odd)).toEqual([...new Set(odd)].sort());
  });

  it('cleanPath and joinUri are the plain versions', () => {
    const r = rng(5);
    const parts = [
      'file:',
      'FILE:',
      '/',
      '//',
      '\\',
      '.',
      './',
      'C:',
      'src',
      'a b',
      '%20',
      '%2',
      '%zz',
      '%E9',
      'http://',
      'x',
      ':',
      ' ',
      'work',
      'é',
    ];
    const rootSets = [[], ['/work'], ['/work/', 'C:\\work\\'], ['/'], ['']];
    const bad: unknown[] = [];
    for (let k = 0; k < 30000; k++) {
      const p = randomText(r, parts, 8);
      const roots = rootSets[k % rootSets.length]!;
      if (cleanPath(p, roots) !== cleanPathPlain(p, roots)) bad.push([p, roots]);
      const base = randomText(r, parts, 4) || undefined;
      if (joinUri(base, p) !== joinUriPlain(base, p)) bad.push([base, p]);
    }
    expect(bad).toEqual([]);
    // roots changed in place are seen
    const roots = ['/a'];
    expect(cleanPath('/a/x', roots)).toBe('x');
    roots[0] = '/b';
    expect(cleanPath('/a/x', roots)).toBe('/a/x');
    expect(cleanPath('/b/x', roots)).toBe('x');
  });
});

describe('the secrets pre-pass word test', () => {
  function anyWordPlain(v: unknown, words: Set<string>, depth = 0): boolean {
    if (depth > 64) return true;
    if (typeof v === 'string') return words.has(v.toLowerCase());
    if (Array.isArray(v)) return v.some((x) => anyWordPlain(x, words, depth + 1));
    if (typeof v === 'object' && v !== null)
      return Object.entries(v).some(
        ([k, x]) => words.has(k.toLowerCase()) || anyWordPlain(x, words, depth + 1),
      );
    return false;
  }

  it('holdsWord is the plain deep comparison', () => {
    const words = new Set(['secret', 'secrets', 'secretvalue', 'offender', 'match', 'raw']);
    const r = rng(3);
    const atoms = [
      'Secret',
      'SECRETS',
      'secretValue',
      'raw',
      'RAW ',
      'ra',
      'maTch',
      'offender1',
      '\u212Aey',
      'ß',
      'İ',
      'x',
      1,
      null,
      true,
    ];
    const gen = (d: number): unknown => {
      const k = r();
      if (d > 3 || k < 0.4) return atoms[Math.floor(r() * atoms.length)];
      if (k < 0.7) return Array.from({ length: Math.floor(r() * 4) }, () => gen(d + 1));
      const o: Record<string, unknown> = {};
      for (let i = 0; i < Math.floor(r() * 4); i++)
        o[String(atoms[Math.floor(r() * 9)])! + (r() < 0.5 ? '' : i)] = gen(d + 1);
      return o;
    };
    let hits = 0;
    for (let k = 0; k < 3000; k++) {
      const v = gen(0);
      const want = anyWordPlain(v, words);
      if (want) hits++;
      expect(holdsWord(v, words)).toBe(want);
    }
    expect(hits).toBeGreaterThan(100);
    expect(holdsWord('\u212A', new Set(['k']))).toBe(true);
  });
});
