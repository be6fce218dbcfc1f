import type { Category } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import { cloudSeverity, isObj, str } from '../cloud-util.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- wizcli JSON is free-form */

function detect(s: Sniff): number {
  const d = s.doc;
  if (!isObj(d) || !isObj(d.result)) return 0;
  const origin = isObj(d.scanOriginResource) ? str(d.scanOriginResource.__typename) : undefined;
  const result = str(d.result.__typename);
  if ((origin && /^CICDScanOrigin/.test(origin)) || (result && /^CICD.*ScanResult$/.test(result))) return 1;
  if (isObj(d.status) && 'verdict' in d.status) return 0.7;
  return 0;
}

/** Paths in a directory scan are relative to the scanned directory, written with a leading slash. */
function relPath(p: unknown, dirScan: boolean): string | null {
  const s = str(p);
  if (!s) return null;
  return dirScan ? s.replace(/^\/+/, '') : s;
}

function vulnDrafts(
  list: unknown,
  key: 'osPackages' | 'libraries' | 'applications',
  ctx: { category: Category; image: string | null; dirScan: boolean },
  out: ParseOutput,
): void {
  if (list === null || list === undefined) return;
  if (!Array.isArray(list)) {
    out.warnings.push(`/result/${key}: not an array; skipped`);
    return;
  }
  list.forEach((pkg: unknown, i: number) => {
    if (!isObj(pkg)) {
      out.warnings.push(`/result/${key}/${i}: not an object; skipped`);
      return;
    }
    const vulns = Array.isArray(pkg.vulnerabilities) ? pkg.vulnerabilities : [];
    vulns.forEach((v: unknown, j: number) => {
      const pointer = `/result/${key}/${i}/vulnerabilities/${j}`;
      if (!isObj(v)) {
        out.warnings.push(`${pointer}: not an object; skipped`);
        return;
      }
      const id = str(v.name);
      const name = str(pkg.name);
      const score = typeof v.score === 'number' && v.score >= 0 && v.score <= 10 ? v.score : null;
      out.findings.push({
        title: [id, name].filter(Boolean).join(' - ') || 'wizcli vulnerability',
        description: str(v.description) ?? null,
        category: ctx.category,
        rule_id: id ?? null,
        rule_name: id ?? null,
        ...cloudSeverity(v.severity, score ?? undefined, 'medium'),
        tool: 'wizcli',
        state: 'open',
        cve: id ? [id] : [],
        cvss: score !== null ? { score, vector: null, version: null } : null,
        package: name
          ? {
              name,
              version: str(pkg.version) ?? null,
              fixed_version: str(v.fixedVersion) ?? null,
              ecosystem: null,
              purl: null,
            }
          : null,
        location: { image: ctx.image, file: relPath(pkg.path, ctx.dirScan) },
        tags: [
          str(pkg.detectionMethod),
          v.hasCisaKevExploit === true ? 'cisa-kev' : undefined,
          v.hasExploit === true ? 'exploit-available' : undefined,
        ].filter((x): x is string => !!x),
        help_uri: str(v.source) ?? null,
        pointer,
      });
    });
  });
}

export function parseWizcli(doc: unknown, ctx: { file: string }): ParseOutput {
  if (!isObj(doc) || !isObj(doc.result))
    throw new UserError(
      'not a wizcli JSON report: expected an object with a "result" object (wizcli docker|dir|iac scan --format json)',
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const result = doc.result as Record<string, any>;
  const origin = isObj(doc.scanOriginResource) ? doc.scanOriginResource : {};
  const originType = str(origin.__typename) ?? '';
  const isImage = /ContainerImage/i.test(originType);
  const dirScan = /Directory|IAC/i.test(originType);
  const image = isImage ? (str(origin.name) ?? null) : null;
  const vulnCategory: Category = isImage ? 'container' : 'sca';
  const ran = new Set<Category>();

  for (const key of ['osPackages', 'libraries', 'applications'] as const) {
    if (key in result) ran.add(vulnCategory);
    vulnDrafts(result[key], key, { category: vulnCategory, image, dirScan }, out);
  }

  if (Array.isArray(result.secrets)) {
    ran.add('secret');
    result.secrets.forEach((s: unknown, i: number) => {
      const pointer = `/result/secrets/${i}`;
      if (!isObj(s)) {
        out.warnings.push(`${pointer}: not an object; skipped`);
        return;
      }
      // description holds the matched text (password masked, the rest not), snippet/details more: never copied.
      for (const k of ['snippet', 'details'])
        if (typeof s[k] === 'string' && s[k].length >= 4) out.secrets.push(s[k]);
      // contains[].name repeats the description (with the matched URL): only the type is safe to show.
      const kind = str(s.type);
      const file = relPath(s.path, dirScan);
      const draft: Draft = {
        title: `Secret (${kind ?? 'unknown type'})${file ? ` in ${file}` : ''}`,
        description: null,
        category: 'secret',
        rule_id: kind ?? null,
        rule_name: kind ?? null,
        severity: 'critical',
        severity_source: 'default',
        source_severity: null,
        tool: 'wizcli',
        state: 'open',
        location: { file, start_line: typeof s.lineNumber === 'number' ? s.lineNumber : null, image },
        fingerprints: str(s.id) ? { id: str(s.id)! } : {},
        pointer,
      };
      out.findings.push(draft);
    });
  }

  if (Array.isArray(result.ruleMatches)) {
    ran.add('iac');
    result.ruleMatches.forEach((rm: unknown, i: number) => {
      if (!isObj(rm)) {
        out.warnings.push(`/result/ruleMatches/${i}: not an object; skipped`);
        return;
      }
      const rule = isObj(rm.rule) ? rm.rule : {};
      const matches = Array.isArray(rm.matches) ? rm.matches : [];
      matches.forEach((m: unknown, j: number) => {
        const pointer = `/result/ruleMatches/${i}/matches/${j}`;
        if (!isObj(m)) {
          out.warnings.push(`${pointer}: not an object; skipped`);
          return;
        }
        // matchContent and found quote the source line (may hold a credential): never copied.
        out.findings.push({
          title: str(rule.name) ?? str(rule.id) ?? 'wizcli IaC rule',
          description: str(m.expected) ?? null,
          category: 'iac',
          rule_id: str(rule.id) ?? null,
          rule_name: str(rule.name) ?? null,
          ...cloudSeverity(m.severity ?? rm.severity, undefined, 'medium'),
          tool: 'wizcli',
          state: 'open',
          location: {
            file: relPath(m.fileName, dirScan),
            start_line: typeof m.lineNumber === 'number' ? m.lineNumber : null,
            resource: str(m.resourceName) ?? null,
          },
          tags: str(m.fileType) ? [str(m.fileType)!] : [],
          pointer,
        });
      });
    });
  }

  const status = isObj(doc.status) ? doc.status : {};
  const state = str(status.state);
  const success = !state || /^SUCCESS$/i.test(state);
  out.scans.push({
    tool: { name: 'wizcli', version: null },
    categories: [...ran].sort(),
    success,
    errors: success ? [] : [`wizcli scan state ${state}`],
  });
  return out;
}

export const wizcliParser: Parser = {
  id: 'wizcli',
  input: 'json',
  docs: {
    title: 'wizcli scan report (JSON)',
    produce:
      '`wizcli docker scan --image IMAGE --format json > wizcli.json`; `wizcli dir scan --path . --format json`; `wizcli iac scan --path . --format json`',
    takes:
      'one record per package vulnerability (CVE, package, installed and fixed version, severity, score), per secret (type, file, line; the secret text is never copied) and per IaC rule match location (rule, severity, file, line, resource); the policy verdict is not a finding',
  },
  detect,
  parse: parseWizcli,
};
