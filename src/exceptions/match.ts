import picomatch from 'picomatch';
import type { Exception } from '../schema/exception.js';
import type { Finding } from '../schema/finding.js';

type Matchable = Pick<
  Finding,
  'id' | 'occurrence_id' | 'rule_id' | 'cve' | 'package' | 'location' | 'repo' | 'product'
>;

const globCache = new Map<string, (s: string) => boolean>();

function glob(pattern: string): (s: string) => boolean {
  let m = globCache.get(pattern);
  if (!m) {
    m = picomatch(pattern, { dot: true });
    globCache.set(pattern, m);
  }
  return m;
}

/** Does the exception's scope cover this finding? */
export function exceptionMatches(e: Exception, f: Matchable): boolean {
  if (e.repo && f.repo && e.repo.toLowerCase() !== f.repo.toLowerCase()) return false;
  if (e.product && f.product && e.product.toLowerCase() !== f.product.toLowerCase()) return false;
  const v = e.scope.value;
  switch (e.scope.type) {
    case 'finding':
      return f.id === v || f.occurrence_id === v;
    case 'rule':
      return f.rule_id === v;
    case 'cve':
      return f.cve.some((c) => c.toUpperCase() === v.toUpperCase());
    case 'package': {
      if (!f.package) return false;
      const at = v.lastIndexOf('@');
      const [name, version] = at > 0 ? [v.slice(0, at), v.slice(at + 1)] : [v, undefined];
      return (
        f.package.name.toLowerCase() === name!.toLowerCase() && (!version || f.package.version === version)
      );
    }
    case 'path':
      return f.location.file !== null && glob(v)(f.location.file);
  }
}

/** The first active exception covering the finding, by the order of the log. */
export function findException(exceptions: readonly Exception[], f: Matchable): Exception | undefined {
  return exceptions.find((e) => exceptionMatches(e, f));
}
