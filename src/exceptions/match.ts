import picomatch from 'picomatch';
import { addTo } from '../util/group.js';
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

/**
 * The exceptions of a log indexed by what their scopes name, so that matching a finding looks up
 * its id, rule, CVEs and package instead of testing every exception: hundreds of exceptions against
 * hundreds of thousands of findings is otherwise 10^8 tests. Path scopes (globs) are tested for
 * each distinct file path. The answers are `exceptionMatches`'s, in the log's order (the index only narrows
 * the candidates; each candidate is still tested with `exceptionMatches`).
 */
export class ExceptionIndex {
  private readonly byFinding = new Map<string, number[]>();
  private readonly byRule = new Map<string, number[]>();
  private readonly byCve = new Map<string, number[]>();
  private readonly byPackage = new Map<string, number[]>();
  private readonly paths: number[] = [];
  /** Per file path, the path scopes whose glob matches it (files repeat across findings). */
  private readonly pathHits = new Map<string, readonly number[]>();

  constructor(readonly exceptions: readonly Exception[]) {
    exceptions.forEach((e, i) => {
      const v = e.scope.value;
      switch (e.scope.type) {
        case 'finding':
          return addTo(this.byFinding, v, i);
        case 'rule':
          return addTo(this.byRule, v, i);
        case 'cve':
          return addTo(this.byCve, v.toUpperCase(), i);
        case 'package': {
          const at = v.lastIndexOf('@');
          return addTo(this.byPackage, (at > 0 ? v.slice(0, at) : v).toLowerCase(), i);
        }
        case 'path':
          this.paths.push(i);
      }
    });
  }

  /**
   * Visit the lists of exceptions that may cover the finding (each list ascending; an exception can
   * come in two lists, e.g. when a finding names the same CVE twice). Only these can match.
   */
  private candidates(f: Matchable, visit: (list: readonly number[]) => void): void {
    if (this.byFinding.size) {
      const a = this.byFinding.get(f.id);
      if (a) visit(a);
      const b = this.byFinding.get(f.occurrence_id);
      if (b && b !== a) visit(b);
    }
    if (this.byRule.size && f.rule_id !== null) {
      const a = this.byRule.get(f.rule_id);
      if (a) visit(a);
    }
    if (this.byCve.size)
      for (const c of f.cve) {
        const a = this.byCve.get(c.toUpperCase());
        if (a) visit(a);
      }
    if (this.byPackage.size && f.package) {
      const a = this.byPackage.get(f.package.name.toLowerCase());
      if (a) visit(a);
    }
    if (this.paths.length && f.location.file !== null) visit(this.pathScopesMatching(f.location.file));
  }

  /** The path scopes whose glob matches `file` (repo and product are left to `exceptionMatches`). */
  private pathScopesMatching(file: string): readonly number[] {
    const known = this.pathHits.get(file);
    if (known) return known;
    const hits = this.paths.filter((i) => glob(this.exceptions[i]!.scope.value)(file));
    if (this.pathHits.size < 100_000) this.pathHits.set(file, hits);
    return hits;
  }

  /** The first exception of the log covering the finding (`findException`). */
  first(f: Matchable): Exception | undefined {
    if (this.exceptions.length === 0) return undefined;
    let best = Infinity;
    this.candidates(f, (list) => {
      for (const i of list) {
        if (i >= best) break;
        if (exceptionMatches(this.exceptions[i]!, f)) {
          best = i;
          break;
        }
      }
    });
    return best === Infinity ? undefined : this.exceptions[best];
  }

  /** For each exception of the log, how many of the items' findings it covers. */
  countMatches<T>(items: readonly T[], findingOf: (item: T) => Matchable): number[] {
    const counts = new Array<number>(this.exceptions.length).fill(0);
    if (this.exceptions.length === 0) return counts;
    const seen = new Set<number>();
    for (const item of items) {
      const f = findingOf(item);
      seen.clear();
      this.candidates(f, (list) => {
        for (const i of list)
          if (!seen.has(i) && exceptionMatches(this.exceptions[i]!, f)) {
            seen.add(i);
            counts[i]!++;
          }
      });
    }
    return counts;
  }
}
