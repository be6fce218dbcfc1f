import type { Cvss } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';
import { arr, cvssOf, isObj, type Obj, pickSeverity, purlType, str, vulnIds } from '../sca-common.js';

/** NVD first, then vendor: the first CVSS v3 (else v2) base score. */
function cvssFrom(v: Obj): Cvss | null {
  const sources = [...arr(v.nvd_data), ...arr(v.vendor_data)].filter(isObj);
  for (const key of ['cvss_v3', 'cvss_v2']) {
    for (const s of sources) {
      const c = isObj(s[key]) ? s[key] : undefined;
      const score = c ? c.base_score : undefined;
      if (typeof score === 'number' && score >= 0)
        return cvssOf(score, c!.vector_string ?? c!.vector, key === 'cvss_v3' ? '3.x' : '2.0');
    }
  }
  return null;
}

function vulnDraft(v: Obj, pointer: string, image: string | null): Draft | undefined {
  const id = str(v.vuln);
  const name = str(v.package_name) ?? str(v.package)?.replace(/-[^-]*\d[^-]*$/, '');
  if (!id || !name) return undefined;
  const version = str(v.package_version) ?? null;
  const cvss = cvssFrom(v);
  const sev = pickSeverity(v.severity, cvss, 'medium');
  const path = str(v.package_path);
  const purl = str(v.package_purl) ?? null;
  return {
    title: [id, name, version].filter(Boolean).join(' '),
    description: str(v.description) ?? null,
    category: 'container',
    rule_id: id,
    ...sev,
    state: 'open',
    state_reason: v.will_not_fix === true ? 'Anchore will_not_fix: the vendor will not fix it' : null,
    cve: vulnIds(
      id,
      arr(v.nvd_data).map((n) => (isObj(n) ? n.id : undefined)),
    ),
    cvss,
    package: {
      name,
      version,
      fixed_version: str(v.fix) ?? null,
      ecosystem: str(v.package_type)?.toLowerCase() ?? purlType(purl ?? undefined),
      purl,
    },
    location: { file: path && path.startsWith('/') ? path : null, image },
    tags: [
      str(v.feed_group) ? `feed:${String(v.feed_group)}` : '',
      v.inherited_from_base === true ? 'base-image' : '',
    ].filter(Boolean),
    help_uri: str(v.url) ?? null,
    pointer,
  };
}

function parseAnchore(doc: unknown, ctx: { file: string }): ParseOutput {
  if (!isObj(doc) || !Array.isArray(doc.vulnerabilities))
    throw new UserError(
      'not an Anchore Engine report: expected an object with a "vulnerabilities" array (anchore-cli --json image vuln IMAGE all)',
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const image = str(doc.image) ?? str(doc.imageFullTag) ?? str(doc.imageDigest) ?? null;
  doc.vulnerabilities.forEach((v, i) => {
    const pointer = `/vulnerabilities/${i}`;
    const d = isObj(v) ? vulnDraft(v, pointer, image) : undefined;
    if (d) out.findings.push(d);
    else out.warnings.push(`${pointer}: not a vulnerability with "vuln" and a package name; skipped`);
  });
  out.scans.push({
    tool: { name: 'Anchore Engine', version: null },
    categories: ['container'],
    success: true,
    errors: [],
  });
  return out;
}

function detect(s: Sniff): number {
  const d = s.doc;
  if (!isObj(d) || !Array.isArray(d.vulnerabilities)) return 0;
  if ('imageDigest' in d || 'vulnerability_type' in d) return 1;
  const first = d.vulnerabilities.find(isObj);
  return first && 'vuln' in first && 'feed_group' in first ? 0.9 : 0;
}

export const anchoreEngineParser: Parser = {
  id: 'anchore_engine',
  input: 'json',
  docs: {
    title: 'Anchore Engine vulnerability JSON',
    produce:
      '`anchore-cli --json image vuln IMAGE all > anchore.json` (Anchore Engine API `GET /images/{digest}/vuln/all`)',
    takes:
      'one record per `vulnerabilities[]` entry: vulnerability id, severity word, NVD/vendor CVSS, package name/version/type, fix version, package path, image digest',
  },
  detect,
  parse: parseAnchore,
};
