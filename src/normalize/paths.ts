/**
 * Turn a tool's path or URI into a repository-relative path with forward slashes.
 * `roots` are absolute directories to strip (workspace, CI project dir, cwd).
 */
export function cleanPath(raw: string | null | undefined, roots: readonly string[] = []): string | null {
  if (raw == null) return null;
  let p = String(raw).trim();
  if (p === '') return null;
  if (/^file:/i.test(p)) {
    p = p.replace(/^file:\/*/i, '/');
    // file:///C:/x → /C:/x → C:/x
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

/** Join a SARIF uriBaseId's resolved base with a relative uri. */
export function joinUri(base: string | undefined, uri: string): string {
  if (!base) return uri;
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) return uri;
  return base.replace(/\/?$/, '/') + uri;
}
