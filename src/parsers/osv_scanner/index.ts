import type { Cvss } from '../../schema/finding.js';
import { cvssToSeverity, wordToSeverity } from '../../normalize/severity.js';
import { UserError } from '../../util/errors.js';
import { cvss3BaseScore } from '../cvss3.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';
import {
  arr,
  cmpVersion,
  cvssVersionOf,
  cwesOf,
  isObj,
  num,
  type Obj,
  type SeverityPick,
  str,
  strings,
  vulnIds,
} from '../sca-common.js';

interface PkgCtx {
  name: string;
  version: string | null;
  ecosystem: string | null;
  file: string | null;
  groups: Obj[];
}

function cvssOfOsv(v: Obj): Cvss | null {
  const list = arr(v.severity).filter(isObj);
  const pick =
    list.find((s) => str(s.type) === 'CVSS_V3') ?? list.find((s) => str(s.type) === 'CVSS_V4') ?? list[0];
  const vector = pick ? str(pick.score) : undefined;
  if (!vector) return null;
  const score = cvss3BaseScore(vector) ?? num(vector);
  return {
    score: score ?? null,
    vector: /^CVSS:/.test(vector) ? vector : null,
    version: cvssVersionOf(vector),
  };
}

function severityOf(v: Obj, pkg: PkgCtx, cvss: Cvss | null): SeverityPick {
  const ds = isObj(v.database_specific) ? v.database_specific : {};
  const word = str(ds.severity);
  const w = word ? wordToSeverity(word) : undefined;
  if (w) return { severity: w, severity_source: 'tool', source_severity: word! };
  const id = str(v.id);
  const group = pkg.groups.find(
    (g) => id && (strings(g.ids).includes(id) || strings(g.aliases).includes(id)),
  );
  const max = group ? num(group.max_severity) : undefined;
  if (max !== undefined)
    return {
      severity: cvssToSeverity(max),
      severity_source: 'cvss',
      source_severity: String(group!.max_severity),
    };
  if (cvss?.score != null)
    return {
      severity: cvssToSeverity(cvss.score),
      severity_source: 'cvss',
      source_severity: String(cvss.score),
    };
  return { severity: 'medium', severity_source: 'default', source_severity: word ?? null };
}

/** The lowest `fixed` event above the installed version among the ranges affecting this package. */
function fixedVersion(v: Obj, pkg: PkgCtx): string | null {
  const fixes: string[] = [];
  for (const a of arr(v.affected).filter(isObj)) {
    const p = isObj(a.package) ? a.package : {};
    if (str(p.name) && str(p.name)!.toLowerCase() !== pkg.name.toLowerCase()) continue;
    for (const r of arr(a.ranges).filter(isObj)) {
      if (str(r.type) === 'GIT') continue;
      for (const e of arr(r.events).filter(isObj)) if (str(e.fixed)) fixes.push(str(e.fixed)!);
    }
  }
  if (fixes.length === 0) return null;
  const sorted = [...new Set(fixes)].sort(cmpVersion);
  return (
    (pkg.version ? sorted.find((f) => cmpVersion(f, pkg.version!) > 0) : undefined) ??
    sorted[sorted.length - 1]!
  );
}

function vulnDraft(pkg: PkgCtx, v: Obj, pointer: string): Draft {
  const id = str(v.id)!;
  const cvss = cvssOfOsv(v);
  const sev = severityOf(v, pkg, cvss);
  const ds = isObj(v.database_specific) ? v.database_specific : {};
  const affected = arr(v.affected).filter(isObj);
  const purl = affected
    .map((a) =>
      isObj(a.package) && str(a.package.name)?.toLowerCase() === pkg.name.toLowerCase()
        ? str(a.package.purl)
        : undefined,
    )
    .find(Boolean);
  return {
    title: [id, pkg.name, pkg.version].filter(Boolean).join(' '),
    description: [str(v.summary), str(v.details)?.slice(0, 600)].filter(Boolean).join('\n\n') || null,
    category: 'sca',
    rule_id: id,
    rule_name: str(v.summary) ?? null,
    ...sev,
    cwe: cwesOf(
      ds.cwe_ids,
      affected.map((a) => (isObj(a.database_specific) ? a.database_specific.cwes : undefined)),
    ),
    cve: vulnIds(id, v.aliases),
    cvss,
    package: {
      name: pkg.name,
      version: pkg.version,
      fixed_version: fixedVersion(v, pkg),
      ecosystem: pkg.ecosystem?.toLowerCase() ?? null,
      purl: purl ? (pkg.version && !purl.includes('@') ? `${purl}@${pkg.version}` : purl) : null,
    },
    location: { file: pkg.file },
    tags: /^MAL-/.test(id) ? ['malicious'] : [],
    help_uri: `https://osv.dev/vulnerability/${encodeURIComponent(id)}`,
    pointer,
  };
}

function parseOsv(doc: unknown, ctx: { file: string }): ParseOutput {
  if (!isObj(doc) || !Array.isArray(doc.results))
    throw new UserError(
      'not an OSV-Scanner JSON report: expected an object with a "results" array (osv-scanner --format json)',
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  doc.results.forEach((res, ri) => {
    const base = `/results/${ri}`;
    if (!isObj(res)) {
      out.warnings.push(`${base}: not an object; skipped`);
      return;
    }
    const file = isObj(res.source) ? (str(res.source.path) ?? null) : null;
    arr(res.packages).forEach((p, pi) => {
      const pbase = `${base}/packages/${pi}`;
      const info = isObj(p) && isObj(p.package) ? p.package : undefined;
      const name = info ? str(info.name) : undefined;
      if (!isObj(p) || !info || !name) {
        out.warnings.push(`${pbase}: package without a name; skipped`);
        return;
      }
      const pkg: PkgCtx = {
        name,
        version: str(info.version) ?? str(info.commit) ?? null,
        ecosystem: str(info.ecosystem) ?? null,
        file,
        groups: arr(p.groups).filter(isObj),
      };
      arr(p.vulnerabilities).forEach((v, vi) => {
        const pointer = `${pbase}/vulnerabilities/${vi}`;
        if (!isObj(v) || !str(v.id)) {
          out.warnings.push(`${pointer}: vulnerability without an id; skipped`);
          return;
        }
        out.findings.push(vulnDraft(pkg, v, pointer));
      });
    });
  });
  out.scans.push({
    tool: { name: 'OSV-Scanner', version: null },
    categories: ['sca'],
    success: true,
    errors: [],
  });
  return out;
}

function detect(s: Sniff): number {
  const d = s.doc;
  if (!isObj(d) || !Array.isArray(d.results)) return 0;
  if (d.results.length === 0) return 'experimental_config' in d ? 0.9 : 0;
  const first = d.results.find(isObj);
  return first && isObj(first.source) && Array.isArray(first.packages) ? 1 : 0;
}

export const osvScannerParser: Parser = {
  id: 'osv_scanner',
  input: 'json',
  docs: {
    title: 'OSV-Scanner JSON',
    produce:
      '`osv-scanner scan --format json --output osv.json -r .` (v1: `osv-scanner --format json -r . > osv.json`)',
    takes:
      'one record per vulnerability entry per package of every scanned source (alias groups not merged: the identity links them): OSV id with aliases (CVE first), severity from the advisory word, the group max_severity or the CVSS vector, CWE, package/version/ecosystem, lowest fixed version, the lock file as location',
  },
  detect,
  parse: parseOsv,
};
