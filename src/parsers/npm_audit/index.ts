import type { Cvss } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import { isCut, sniffDoc } from '../head-doc.js';
import { lastToken, runWhole, type BigArrayStreaming } from '../../stream/spec-walk.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';
import { arr, cvssOf, cwesOf, isObj, type Obj, pickSeverity, str, vulnIds } from '../sca-common.js';

const GHSA_RE = /\b(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/i;
const MAX_PATHS = 10;

/** `>= 0.6.1` / `>=0.6.1` → `0.6.1`; a compound range has no single fixed version (it stays in the description). */
function lowestFixed(patched: string | undefined): string | null {
  const m = patched ? /^>=\s*(\S+)$/.exec(patched.trim()) : null;
  return m ? m[1]! : null;
}

function advisoryDraft(a: Obj, pointer: string, out: { warnings: string[] }): Draft | undefined {
  const name = str(a.module_name);
  if (!name) {
    out.warnings.push(`${pointer}: advisory without module_name; skipped`);
    return undefined;
  }
  const found = arr(a.findings).filter(isObj);
  const versions = [...new Set(found.map((f) => str(f.version)).filter((v): v is string => !!v))];
  const paths = found.flatMap((f) => arr(f.paths).filter((p): p is string => typeof p === 'string'));
  const cvss = isObj(a.cvss) ? cvssOf(a.cvss.score, a.cvss.vectorString) : null;
  const sev = pickSeverity(a.severity, cvss?.score ? cvss : null, 'medium');
  const ghsa = str(a.github_advisory_id) ?? GHSA_RE.exec(str(a.url) ?? '')?.[1];
  const pathText = paths.length
    ? `\n\nPaths (${paths.length}):\n${paths.slice(0, MAX_PATHS).join('\n')}${paths.length > MAX_PATHS ? '\n…' : ''}`
    : '';
  return {
    title: `${name}${versions.length ? ` ${versions.join(', ')}` : ''}: ${str(a.title) ?? 'npm advisory'}`,
    description:
      [
        str(a.overview),
        str(a.recommendation),
        str(a.patched_versions) ? `Patched versions: ${a.patched_versions}` : undefined,
      ]
        .filter(Boolean)
        .join('\n\n') + pathText || null,
    category: 'sca',
    rule_id: ghsa ?? (a.id !== undefined ? `npm-advisory-${String(a.id)}` : null),
    rule_name: str(a.title) ?? null,
    ...sev,
    cwe: cwesOf(a.cwe),
    cve: vulnIds(a.cves, ghsa),
    cvss,
    package: {
      name,
      version: versions.join(', ') || null,
      fixed_version: lowestFixed(str(a.patched_versions)),
      ecosystem: 'npm',
      purl: null,
    },
    tags: found.length > 0 && found.every((f) => f.dev === true) ? ['dev'] : [],
    help_uri: str(a.url) ?? null,
    pointer,
  };
}

function packageDraft(key: string, v: Obj, pointer: string): Draft {
  const name = str(v.name) ?? key;
  const via = arr(v.via);
  const advisories = via.filter(isObj);
  const through = via.filter((x): x is string => typeof x === 'string');
  const ghsas = advisories.map((a) => GHSA_RE.exec(str(a.url) ?? '')?.[1]).filter((x): x is string => !!x);
  let cvss: Cvss | null = null;
  for (const a of advisories) {
    const c = isObj(a.cvss) ? cvssOf(a.cvss.score, a.cvss.vectorString) : null;
    // npm writes score 0 with an empty vector when the advisory has no CVSS.
    if (c?.score && (!cvss || (cvss.score ?? 0) < c.score)) cvss = c;
  }
  const sev = pickSeverity(v.severity, cvss, 'medium');
  const fix = v.fixAvailable;
  const firstTitle = advisories.map((a) => str(a.title)).find(Boolean);
  const nodes = arr(v.nodes).filter((n): n is string => typeof n === 'string');
  const description = [
    advisories.length
      ? advisories
          .map(
            (a) =>
              `${str(a.title) ?? 'advisory'} (${str(a.url) ?? String(a.source)}; vulnerable ${str(a.range) ?? '?'})`,
          )
          .join('\n')
      : null,
    through.length ? `Vulnerable through: ${through.join(', ')}` : null,
    str(v.range) ? `Affected versions: ${v.range}` : null,
    nodes.length ? `Installed at: ${nodes.slice(0, MAX_PATHS).join(', ')}` : null,
    isObj(fix)
      ? `Fix: ${str(fix.name) ?? ''}@${str(fix.version) ?? ''}${fix.isSemVerMajor ? ' (semver major)' : ''}`
      : null,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    title: `${name}: ${firstTitle ?? `vulnerable through ${through.join(', ') || 'a dependency'}`}`,
    description: description || null,
    category: 'sca',
    // A package vulnerable only through another has no advisory of its own: one stable rule id.
    rule_id:
      ghsas[0] ?? (advisories[0] ? `npm-advisory-${String(advisories[0].source)}` : 'npm-audit-transitive'),
    rule_name: firstTitle ?? null,
    ...sev,
    cwe: cwesOf(advisories.map((a) => a.cwe)),
    cve: vulnIds(ghsas),
    cvss,
    package: {
      name,
      version: null,
      fixed_version: isObj(fix) && str(fix.name) === name ? (str(fix.version) ?? null) : null,
      ecosystem: 'npm',
      purl: null,
    },
    tags: [
      v.isDirect === true ? 'direct' : 'transitive',
      ...(advisories.length ? [] : ['via-dependency-only']),
    ],
    help_uri: str(advisories[0]?.url) ?? null,
    pointer,
  };
}

interface NpmAuditCtx {
  /** `error`: the audit itself failed; `v2`: npm 7+ `vulnerabilities`; `v1`: npm 6 `advisories`. */
  mode: 'error' | 'v2' | 'v1';
  errors: string[];
  warnings: string[];
}

/**
 * npm audit streams the npm 7+ `vulnerabilities` map and the npm 6 `advisories` map (and validates
 * and drops npm 6's `actions`, not read but as big) above the streaming threshold; `parse()` runs the
 * same `begin` + `item` + `finish` over the whole document (src/stream/spec-walk.ts).
 */
export const npmAuditStreaming: BigArrayStreaming<NpmAuditCtx> = {
  spec: {
    type: 'object',
    members: {
      vulnerabilities: { type: 'items', of: 'object' },
      advisories: { type: 'items', of: 'object' },
      actions: { type: 'items', discard: true },
    },
  },
  begin(doc, file) {
    const base = { errors: [] as string[], warnings: [] as string[] };
    if (isObj(doc) && isObj(doc.error) && !('advisories' in doc) && !('vulnerabilities' in doc)) {
      // `npm audit --json` writes {"error": {...}} when the audit itself failed: a failed run, not a bad file.
      const code = str(doc.error.code) ?? 'error';
      return {
        ...base,
        mode: 'error',
        errors: [`${code}: ${str(doc.error.summary) ?? 'npm audit failed'}`.slice(0, 300)],
      };
    }
    if (isObj(doc) && doc.auditReportVersion !== undefined) {
      if (!isObj(doc.vulnerabilities))
        throw new UserError(
          'npm audit (auditReportVersion 2): expected a "vulnerabilities" object',
          file,
          '/vulnerabilities',
        );
      return { ...base, mode: 'v2' };
    }
    if (isObj(doc) && isObj(doc.advisories)) return { ...base, mode: 'v1' };
    throw new UserError(
      'not an npm audit report: expected `npm audit --json` output (an object with "auditReportVersion" and "vulnerabilities" for npm 7+, or "advisories" for npm 6)',
      file,
    );
  },
  item(n, v, pointer) {
    const map = n.mode === 'v2' ? '/vulnerabilities/' : n.mode === 'v1' ? '/advisories/' : undefined;
    if (!map || !pointer.startsWith(map) || pointer.indexOf('/', map.length) >= 0) return undefined;
    if (!isObj(v)) {
      n.warnings.push(`${pointer}: not an object; skipped`);
      return undefined;
    }
    return n.mode === 'v2' ? packageDraft(lastToken(pointer), v, pointer) : advisoryDraft(v, pointer, n);
  },
  finish: (n) => ({
    scans: [
      {
        tool: { name: 'npm audit', version: null },
        categories: ['sca'],
        success: n.mode !== 'error',
        errors: n.errors,
      },
    ],
    warnings: n.warnings,
  }),
  tool: () => ({ name: 'npm audit', version: null }),
  toolNeedsFirstDraft: false,
};

function parseNpmAudit(doc: unknown, ctx: { file: string }): ParseOutput {
  return runWhole(npmAuditStreaming, doc, ctx.file);
}

function detect(s: Sniff): number {
  const sd = sniffDoc(s); // a streamed file: what its head holds
  const d = sd?.doc;
  if (!isObj(d)) return 0;
  if (d.auditReportVersion !== undefined && isObj(d.vulnerabilities)) return 1;
  if (isObj(d.advisories) && (isObj(d.metadata) || Array.isArray(d.actions))) return 1;
  if (isObj(d.advisories) && Object.values(d.advisories).some((a) => isObj(a) && 'module_name' in a))
    return 0.9;
  // npm 6 writes `actions` (as big as `advisories`) first: a head may hold nothing else
  if (sd?.cut && Array.isArray(d.actions) && !('advisories' in d)) {
    const a = d.actions.find((x) => isObj(x) && !isCut(x));
    if (isObj(a) && /^(install|update|review)$/.test(str(a.action) ?? '') && Array.isArray(a.resolves))
      return 0.9;
  }
  const keys = Object.keys(d);
  if (
    keys.length === 1 &&
    isObj(d.error) &&
    /^E[A-Z0-9]+$/.test(str(d.error.code) ?? '') &&
    'summary' in d.error
  )
    return 0.6;
  return 0;
}

export const npmAuditParser: Parser = {
  id: 'npm_audit',
  input: 'json',
  docs: {
    title: 'npm audit JSON (npm 6 and npm 7+)',
    produce: '`npm audit --json > npm-audit.json` (exit code 1 with findings is normal)',
    takes:
      'npm 7+: one record per vulnerable package (also those vulnerable only through another package), with the GHSA ids, CWEs and highest CVSS of its advisories; npm 6: one record per advisory with CVEs/GHSA, CWE, installed versions and paths; an `error` report is recorded as a failed run',
  },
  detect,
  parse: parseNpmAudit,
};
