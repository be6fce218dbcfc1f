import type { Category } from '../schema/finding.js';
import { hashParts, sha256 } from '../util/hash.js';

/**
 * Identity keys (METRICS.md "Identity"), versioned per class. Never on description, line number
 * alone, or installed version. Bump the version suffix when a scheme changes: ids change with it.
 */
export interface IdentityInput {
  category: Category;
  tool: string;
  rule_id: string | null;
  title: string;
  file: string | null;
  start_line: number | null;
  resource: string | null;
  image: string | null;
  url: string | null;
  account: string | null;
  vuln_ids: string[];
  package_name: string | null;
  fingerprint: string | null;
  secret: string | null;
  hint: string | null;
}

export function identityScheme(category: Category): string {
  switch (category) {
    case 'sca':
    case 'container':
      return 'sca/v1';
    case 'secret':
      return 'secret/v1';
    case 'iac':
      return 'iac/v1';
    case 'dast':
      return 'dast/v1';
    case 'cloud':
      return 'cloud/v1';
    case 'license':
      return 'license/v1';
    default:
      return 'sast/v1';
  }
}

/** CVE first (sorted), then GHSA, then others: the canonical vulnerability id of an alias group. */
export function canonicalVulnId(ids: readonly string[]): string | null {
  const norm = [...new Set(ids.map((i) => i.trim()).filter(Boolean))];
  const rank = (i: string) => (/^CVE-/i.test(i) ? 0 : /^GHSA-/i.test(i) ? 1 : 2);
  norm.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return norm[0]?.toUpperCase() ?? null;
}

/** Strip the OS suffix Trivy adds to image targets: `img.tar (alpine 3.10.2)` → `img.tar`. */
export function normalizeTarget(t: string | null): string | null {
  if (!t) return null;
  return t.replace(/\s+\([^()]*\)$/, '').trim() || null;
}

function siteOf(url: string | null): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return url;
  }
}

export function identityParts(i: IdentityInput): { scheme: string; parts: string[] } {
  const scheme = identityScheme(i.category);
  const tool = i.tool.trim().toLowerCase();
  const rule = i.rule_id ?? i.title;
  const file = i.file ?? '';
  switch (scheme) {
    case 'sca/v1': {
      const vuln = canonicalVulnId(i.vuln_ids) ?? rule;
      const target = normalizeTarget(i.image) ?? normalizeTarget(i.file) ?? '';
      return { scheme, parts: [vuln, (i.package_name ?? '').toLowerCase(), target] };
    }
    case 'license/v1':
      return { scheme, parts: [rule, (i.package_name ?? '').toLowerCase(), normalizeTarget(i.file) ?? ''] };
    case 'secret/v1': {
      const what = i.secret ? `sha256:${sha256(i.secret)}` : (i.fingerprint ?? `line:${i.start_line ?? ''}`);
      return { scheme, parts: [rule, file, what, ...(i.hint ? [i.hint] : [])] };
    }
    case 'iac/v1':
      return { scheme, parts: [rule, i.resource ?? '', file] };
    case 'dast/v1':
      return { scheme, parts: [rule, i.title, siteOf(i.url)] };
    case 'cloud/v1':
      return { scheme, parts: [rule, i.account ?? '', i.resource ?? file] };
    default:
      return {
        scheme,
        parts: [tool, rule, file, i.fingerprint ?? `line:${i.start_line ?? ''}`, ...(i.hint ? [i.hint] : [])],
      };
  }
}

export function identityId(scheme: string, parts: readonly string[]): string {
  return `f1-${hashParts([scheme, ...parts])}`;
}
