/** Roots as cleanPath compares them (forward slashes, no trailing slash), kept per roots array. */
const normalizedRoots = new WeakMap<readonly string[], { copy: string[]; norm: string[] }>();

function rootsOf(roots: readonly string[]): string[] {
  const known = normalizedRoots.get(roots);
  // compared with a copy, so an array changed in place is normalized again
  if (known && known.copy.length === roots.length && known.copy.every((r, i) => r === roots[i]))
    return known.norm;
  const norm = roots.map((root) => root.replace(/\\/g, '/').replace(/\/+$/, ''));
  normalizedRoots.set(roots, { copy: [...roots], norm });
  return norm;
}

const SCHEME_SLASHES = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Turn a tool's path or URI into a repository-relative path with forward slashes.
 * `roots` are absolute directories to strip (workspace, CI project dir, cwd).
 * (Called for every finding, twice for SARIF: each regex runs only when a cheap test says it can
 * change something.)
 */
export function cleanPath(raw: string | null | undefined, roots: readonly string[] = []): string | null {
  if (raw == null) return null;
  let p = String(raw).trim();
  if (p === '') return null;
  const c0 = p.charCodeAt(0);
  if ((c0 === 0x66 || c0 === 0x46) && /^file:/i.test(p)) {
    p = p.replace(/^file:\/*/i, '/');
    // file:///C:/x → /C:/x → C:/x
    if (/^\/[A-Za-z]:[\\/]/.test(p)) p = p.slice(1);
  }
  if (p.includes('%') && /%[0-9A-Fa-f]{2}/.test(p) && !SCHEME_SLASHES.test(p)) {
    try {
      p = decodeURIComponent(p);
    } catch {
      /* keep as is */
    }
  }
  if (p.includes('\\')) p = p.replace(/\\/g, '/');
  let stripped = false;
  if (roots.length > 0)
    for (const r of rootsOf(roots)) {
      if (r && (p === r || p.startsWith(r + '/'))) {
        p = p.slice(r.length).replace(/^\/+/, '');
        stripped = true;
        break;
      }
    }
  if (!stripped && p.includes('//') && !SCHEME_SLASHES.test(p)) p = p.replace(/\/{2,}/g, '/');
  if (p.startsWith('./')) p = p.replace(/^(\.\/)+/, '');
  return p === '' ? null : p;
}

/** Join a SARIF uriBaseId's resolved base with a relative uri. */
export function joinUri(base: string | undefined, uri: string): string {
  if (!base) return uri;
  if (uri.startsWith('/') || (uri.includes(':') && /^[a-z][a-z0-9+.-]*:/i.test(uri))) return uri;
  return (base.endsWith('/') ? base : base + '/') + uri;
}
