import type { Severity, State } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput } from '../types.js';
import { asArray, cwesOf, describeType, isObj, text, type Obj } from '../code-helpers.js';

const RISK: Record<string, Severity> = { '3': 'high', '2': 'medium', '1': 'low', '0': 'info' };
/** ZAP confidence: 0 false positive (set by a user), 1 low, 2 medium, 3 high, 4 user confirmed. */
const CONFIDENCE: Record<string, string> = {
  '0': 'false positive',
  '1': 'low',
  '2': 'medium',
  '3': 'high',
  '4': 'confirmed',
};

function stripHtml(s: string): string {
  return s
    .replace(/<\/p>\s*<p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/**
 * Instance URIs can carry tokens in the query string or fragment; only scheme, host and path are kept.
 * Evidence, attack, param and otherinfo of instances are never copied (they can hold cookies and tokens).
 */
function safeUrl(u: string | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    url.username = '';
    url.password = '';
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return u.split(/[?#]/)[0]!;
  }
}

function alertToDraft(
  a: unknown,
  pointer: string,
  site: Obj,
  version: string | null,
  tool: string,
  out: ParseOutput,
): Draft | undefined {
  if (!isObj(a)) {
    out.warnings.push(`${pointer}: alert is ${describeType(a)}, not an object; skipped`);
    return undefined;
  }
  const instances = asArray(isObj(a.instances) ? a.instances.instance : a.instances).filter(isObj);
  const count = Number(text(a.count)) || instances.length;
  const firstUri = text(instances[0]?.uri) ?? text(a.uri) ?? text(site['@_name']) ?? text(site['@name']);
  const risk = text(a.riskcode);
  const sev = risk !== undefined ? RISK[risk] : undefined;
  if (!sev) out.warnings.push(`${pointer}: riskcode ${JSON.stringify(a.riskcode)} is not 0-3; using medium`);
  const conf = text(a.confidence);
  const pluginId = text(a.pluginid);
  const alertRef = text(a.alertRef);
  const ruleId = alertRef ?? pluginId;
  const title = text(a.alert) ?? text(a.name) ?? ruleId ?? 'ZAP alert';
  const desc = text(a.desc) ? stripHtml(text(a.desc)!) : '';
  const refs = text(a.reference)
    ? stripHtml(text(a.reference)!)
        .split(/\s+/)
        .filter((r) => /^https?:\/\//.test(r))
    : [];
  const cweid = text(a.cweid);
  const wasc = text(a.wascid);
  const state: State = conf === '0' ? 'false_positive' : 'open';
  const tags = [`instances:${count}`];
  if (pluginId) tags.push(`pluginid:${pluginId}`);
  if (wasc && wasc !== '-1' && wasc !== '0') tags.push(`wasc:${wasc}`);
  return {
    title,
    description: `${desc}${desc ? '\n\n' : ''}Instances: ${count}${firstUri ? ` (first: ${safeUrl(firstUri)})` : ''}`,
    category: 'dast',
    rule_id: ruleId ?? null,
    rule_name: text(a.name) ?? null,
    severity: sev ?? 'medium',
    severity_source: sev ? 'tool' : 'default',
    source_severity: text(a.riskdesc) ?? risk ?? null,
    tool,
    tool_version: version,
    tool_confidence: conf !== undefined ? (CONFIDENCE[conf] ?? conf) : null,
    state,
    state_reason: state === 'false_positive' ? 'ZAP confidence 0 (marked false positive)' : null,
    cwe: cweid && cweid !== '-1' && cweid !== '0' ? cwesOf(cweid) : [],
    location: { url: safeUrl(firstUri) },
    tags,
    help_uri: refs[0] ?? null,
    pointer,
  };
}

function isXmlReport(d: unknown): d is { OWASPZAPReport: unknown } {
  return isObj(d) && 'OWASPZAPReport' in d;
}

function detect(s: { doc?: unknown }): number {
  const d = s.doc;
  if (isXmlReport(d)) return 1;
  // GitLab DAST reports embed ZAP's `site` next to their own `vulnerabilities`: those are gitlab_dast.
  if (!isObj(d) || 'vulnerabilities' in d || 'scan' in d) return 0;
  if (typeof d['@programName'] === 'string' && /zap/i.test(d['@programName'])) return 1;
  if (Array.isArray(d.site) && ('@version' in d || '@generated' in d)) return 0.9;
  return 0;
}

function parse(doc: unknown, ctx: { file: string }): ParseOutput {
  const xml = isXmlReport(doc);
  const root: unknown = xml ? doc.OWASPZAPReport : doc;
  if (!isObj(root) || !(xml || 'site' in root))
    throw new UserError(
      `not a ZAP report: expected an <OWASPZAPReport> XML document or a traditional-json object with "site", found ${describeType(root)}${isObj(root) ? ' without "site"' : ''}`,
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const version = text(root['@_version']) ?? text(root['@version']) ?? null;
  const tool = text(root['@programName']) ?? text(root['@_programName']) ?? 'ZAP';
  const base = xml ? '/OWASPZAPReport' : '';
  asArray(root.site).forEach((site: unknown, si: number) => {
    if (!isObj(site)) {
      out.warnings.push(`${base}/site/${si}: site is ${describeType(site)}, not an object; skipped`);
      return;
    }
    const alerts = xml
      ? asArray(isObj(site.alerts) ? site.alerts.alertitem : undefined)
      : asArray(site.alerts);
    alerts.forEach((a: unknown, ai: number) => {
      const pointer = xml ? `${base}/site/${si}/alerts/alertitem/${ai}` : `/site/${si}/alerts/${ai}`;
      const d = alertToDraft(a, pointer, site, version, tool, out);
      if (d) out.findings.push(d);
    });
  });
  out.scans.push({ tool: { name: tool, version }, categories: ['dast'], success: true, errors: [] });
  return out;
}

export const zapParser: Parser = {
  id: 'zap',
  input: 'json',
  alsoAccepts: ['xml'],
  docs: {
    title: 'OWASP ZAP traditional JSON / XML',
    produce:
      '`zap-baseline.py -t https://app.example -J zap.json -x zap.xml` (or the Report generation add-on, templates traditional-json / traditional-xml)',
    takes:
      'one record per alert per site (instances are locations, not records): alertRef (else pluginid), alert name, riskcode (3 high … 0 info), confidence (0 = false positive), CWE, first instance URL without query string, instance count as a tag; evidence, attack, param and otherinfo are never copied',
  },
  detect,
  parse,
};
