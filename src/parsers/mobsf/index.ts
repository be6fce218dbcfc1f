import type { Severity } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import type { Parser, ParseOutput } from '../types.js';
import {
  asArray,
  cwesOf,
  describeType,
  headline,
  isObj,
  mapWord,
  posInt,
  str,
  type Obj,
} from '../code-helpers.js';

/** MobSF words. secure/good are MobSF saying "this is fine": not findings. */
const SEVERITY: Record<string, Severity> = {
  HIGH: 'high',
  WARNING: 'medium',
  MEDIUM: 'medium',
  LOW: 'low',
  INFO: 'info',
  HOTSPOT: 'info',
  // mobsfscan
  ERROR: 'high',
};
const NOT_FINDINGS = new Set(['SECURE', 'GOOD']);
/** mobsfscan: INFO is its lowest level and means low (as Semgrep, whose engine it uses). */
const MOBSFSCAN: Record<string, Severity> = { ERROR: 'high', WARNING: 'medium', INFO: 'low' };

function esc(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

function plain(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Item {
  section: string;
  pointer: string;
  rule: string;
  title: string;
  description?: string;
  word: string | undefined;
  file?: string | null;
  line?: number | null;
  cwe?: unknown;
  tags?: string[];
  help?: string | null;
  /** Stable discriminator when rule + file do not tell items apart (one rule, many components). */
  key: string;
}

class Collector {
  constructor(
    readonly out: ParseOutput,
    readonly version: string | null,
  ) {}

  add(it: Item, opts: { skipInfo?: boolean } = {}): void {
    const word = it.word?.trim();
    const upper = word?.toUpperCase();
    if (upper && NOT_FINDINGS.has(upper)) return;
    const sev = mapWord(SEVERITY, word);
    if (word && !sev) this.out.warnings.push(`${it.pointer}: unknown severity "${word}"; using medium`);
    // Binary hardening checks say "info" when the protection is present: a property, not an issue.
    if (opts.skipInfo && (sev === 'info' || !word)) return;
    this.out.findings.push({
      title: plain(it.title) || it.rule,
      description: it.description ? it.description.trim() : null,
      category: 'mobile',
      rule_id: it.rule,
      severity: sev ?? 'medium',
      severity_source: sev ? 'tool' : 'default',
      source_severity: word ?? null,
      tool: 'MobSF',
      tool_version: this.version,
      state: 'open',
      cwe: cwesOf(it.cwe),
      location: { file: it.file ?? null, start_line: it.line ?? null, end_line: null },
      fingerprints: { mobsf: `${it.section}:${it.key}` },
      tags: [`section:${it.section}`, ...(it.tags ?? [])],
      help_uri: it.help ?? null,
      pointer: it.pointer,
    });
  }
}

function firstLine(lines: unknown): number | null {
  const s = typeof lines === 'number' ? String(lines) : str(lines);
  return s ? posInt(s.split(',')[0]) : null;
}

function permissions(d: Obj, c: Collector): void {
  if (!isObj(d.permissions)) return;
  for (const [name, p] of Object.entries(d.permissions)) {
    if (!isObj(p) || String(p.status).toLowerCase() !== 'dangerous') continue;
    // "dangerous" is Android's protection level, not a vulnerability rating: medium.
    c.add({
      section: 'permissions',
      pointer: `/permissions/${esc(name)}`,
      rule: 'dangerous_permission',
      title: name,
      description: [str(p.info), str(p.description)].filter(Boolean).join(': '),
      word: 'warning',
      file: 'AndroidManifest.xml',
      key: name,
      tags: ['permission:dangerous'],
    });
  }
}

function manifest(d: Obj, c: Collector): void {
  const ma = d.manifest_analysis;
  const list = Array.isArray(ma) ? ma : isObj(ma) ? asArray(ma.manifest_findings) : [];
  const base = Array.isArray(ma) ? '/manifest_analysis' : '/manifest_analysis/manifest_findings';
  list.forEach((m: unknown, i: number) => {
    if (!isObj(m)) {
      c.out.warnings.push(`${base}/${i}: not an object; skipped`);
      return;
    }
    const title = str(m.title) ?? str(m.name) ?? 'Manifest issue';
    c.add({
      section: 'manifest',
      pointer: `${base}/${i}`,
      rule: str(m.rule) ?? `manifest:${plain(title).replace(/\s*\[.*$/, '')}`,
      title,
      description: str(m.description) ?? str(m.desc),
      word: str(m.severity) ?? str(m.stat),
      file: 'AndroidManifest.xml',
      key: plain(str(m.name) ?? title),
    });
  });
}

function network(d: Obj, c: Collector): void {
  const ns = d.network_security;
  const list = Array.isArray(ns) ? ns : isObj(ns) ? asArray(ns.network_findings) : [];
  const base = Array.isArray(ns) ? '/network_security' : '/network_security/network_findings';
  list.forEach((n: unknown, i: number) => {
    if (!isObj(n)) return;
    const desc = str(n.description) ?? 'Network security configuration issue';
    const scope = asArray(n.scope)
      .filter((s) => typeof s === 'string')
      .join(', ');
    c.add({
      section: 'network_security',
      pointer: `${base}/${i}`,
      rule: `network:${headline(desc)}`,
      title: desc,
      description: scope ? `${desc}\nScope: ${scope}` : desc,
      word: str(n.severity),
      key: `${desc}|${scope}`,
    });
  });
}

function certificate(d: Obj, c: Collector): void {
  const ca = d.certificate_analysis;
  if (!isObj(ca)) return;
  asArray(ca.certificate_findings).forEach((f: unknown, i: number) => {
    // [severity, description, title]
    if (!Array.isArray(f)) return;
    const [word, desc, title] = f.map((x) => (typeof x === 'string' ? x : undefined));
    c.add({
      section: 'certificate',
      pointer: `/certificate_analysis/certificate_findings/${i}`,
      rule: `certificate:${title ?? desc ?? i}`,
      title: title ?? desc ?? 'Certificate issue',
      description: desc,
      word,
      key: title ?? desc ?? String(i),
    });
  });
}

function codeAnalysis(d: Obj, c: Collector): void {
  const co = d.code_analysis;
  if (!isObj(co)) return;
  const nested = isObj(co.findings);
  const rules: Obj = nested ? co.findings : co;
  const base = nested ? '/code_analysis/findings' : '/code_analysis';
  for (const [rule, r] of Object.entries(rules)) {
    if (!isObj(r) || !isObj(r.metadata)) continue;
    const meta: Obj = r.metadata;
    const files = isObj(r.files) ? Object.entries(r.files) : [];
    const title = str(meta.description) ?? str(meta.desc) ?? rule;
    const tags = [
      str(meta['owasp-mobile']) && `owasp-mobile:${meta['owasp-mobile']}`,
      str(meta.masvs) && `masvs:${meta.masvs}`,
    ].filter((t): t is string => typeof t === 'string');
    // One record per rule per file: the file is what a developer fixes (lines are in the file's list).
    const targets = files.length > 0 ? files : [[null, null] as [string | null, unknown]];
    for (const [file, lines] of targets) {
      c.add({
        section: 'code_analysis',
        pointer: file ? `${base}/${esc(rule)}/files/${esc(file)}` : `${base}/${esc(rule)}`,
        rule,
        title: headline(title),
        description: title,
        word: str(meta.severity),
        file,
        line: firstLine(lines),
        cwe: meta.cwe,
        tags,
        help: str(meta.ref) ?? str(meta.reference) ?? null,
        key: `${rule}:${file ?? ''}`,
      });
    }
  }
}

function hardeningChecks(obj: Obj, name: string | undefined, pointer: string, c: Collector): void {
  for (const [check, v] of Object.entries(obj)) {
    if (!isObj(v) || !('severity' in v)) continue;
    const desc = str(v.description) ?? check;
    c.add(
      {
        section: 'binary_analysis',
        pointer: `${pointer}/${esc(check)}`,
        rule: `binary:${check}`,
        title: headline(desc),
        description: desc,
        word: str(v.severity),
        file: name ?? null,
        key: `${name ?? ''}:${check}`,
      },
      { skipInfo: true },
    );
  }
}

function binary(d: Obj, c: Collector): void {
  const ba = d.binary_analysis;
  if (Array.isArray(ba)) {
    ba.forEach((b: unknown, i: number) => {
      if (isObj(b)) hardeningChecks(b, str(b.name), `/binary_analysis/${i}`, c);
    });
  } else if (isObj(ba) && isObj(ba.findings)) {
    // iOS (3.x): findings keyed by title.
    for (const [title, f] of Object.entries(ba.findings)) {
      if (!isObj(f)) continue;
      c.add({
        section: 'binary_analysis',
        pointer: `/binary_analysis/findings/${esc(title)}`,
        rule: `binary:${title}`,
        title: str(f.detailed_desc) ? headline(f.detailed_desc.replace(/\n/g, ' ')) : title,
        description: str(f.detailed_desc),
        word: str(f.severity),
        cwe: f.cwe,
        key: title,
        tags: [
          str(f['owasp-mobile']) && `owasp-mobile:${f['owasp-mobile']}`,
          str(f.masvs) && `masvs:${f.masvs}`,
        ].filter((t): t is string => typeof t === 'string'),
      });
    }
  }
  if (isObj(d.macho_analysis))
    hardeningChecks(d.macho_analysis, str(d.macho_analysis.name), '/macho_analysis', c);
}

function ats(d: Obj, c: Collector): void {
  if (!isObj(d.ats_analysis)) return;
  asArray(d.ats_analysis.ats_findings).forEach((f: unknown, i: number) => {
    if (!isObj(f)) return;
    const issue = str(f.issue) ?? 'App Transport Security issue';
    c.add({
      section: 'ats',
      pointer: `/ats_analysis/ats_findings/${i}`,
      rule: `ats:${issue}`,
      title: issue,
      description: str(f.description),
      word: str(f.severity),
      file: 'Info.plist',
      key: issue,
    });
  });
}

function firebase(d: Obj, c: Collector): void {
  asArray(d.firebase_urls).forEach((f: unknown, i: number) => {
    if (!isObj(f) || f.open !== true) return;
    c.add({
      section: 'firebase',
      pointer: `/firebase_urls/${i}`,
      rule: 'firebase_open_db',
      title: 'Firebase database is open to the public',
      description: str(f.url),
      word: 'high',
      key: str(f.url) ?? String(i),
    });
  });
}

/** MobSF's `secrets` is a list of `"name" : "value"` strings that look like keys: redacted everywhere. */
function secretStrings(d: Obj, out: ParseOutput): void {
  for (const s of asArray(d.secrets)) {
    if (typeof s !== 'string') continue;
    const m = /:\s*"(.*)"\s*$/.exec(s);
    const value = m ? m[1]! : s;
    if (value.length >= 4) out.secrets.push(value);
  }
}

function parseReport(d: Obj, out: ParseOutput): void {
  const version = str(d.version)?.replace(/^v/i, '').trim() ?? null;
  const c = new Collector(out, version);
  secretStrings(d, out);
  permissions(d, c);
  manifest(d, c);
  network(d, c);
  certificate(d, c);
  codeAnalysis(d, c);
  binary(d, c);
  ats(d, c);
  firebase(d, c);
  out.scans.push({ tool: { name: 'MobSF', version }, categories: ['mobile'], success: true, errors: [] });
}

function parseMobsfscan(d: Obj, out: ParseOutput): void {
  const version = str(d.mobsfscan_version) ?? null;
  const results: Obj = isObj(d.results) ? d.results : {};
  for (const [rule, r] of Object.entries(results)) {
    const pointer = `/results/${esc(rule)}`;
    if (!isObj(r)) {
      out.warnings.push(`${pointer}: not an object; skipped`);
      continue;
    }
    const meta: Obj = isObj(r.metadata) ? r.metadata : {};
    const word = str(meta.severity);
    const sev = mapWord(MOBSFSCAN, word);
    if (word && !sev) out.warnings.push(`${pointer}: unknown severity "${word}"; using medium`);
    const files = asArray(r.files).filter(isObj);
    // A rule that fires on an absence (no certificate pinning, ...) has no files: one record.
    const targets: Array<Obj | null> = files.length > 0 ? files : [null];
    targets.forEach((f, fi) => {
      const ms = f ? str(f.match_string) : undefined;
      if (ms && ms.trim().length >= 4) out.secrets.push(ms.trim());
      const lines = f && Array.isArray(f.match_lines) ? f.match_lines : [];
      const desc = str(meta.description) ?? rule;
      out.findings.push({
        title: rule,
        description: desc.replace(/\s+/g, ' '),
        category: 'mobile',
        rule_id: rule,
        severity: sev ?? 'medium',
        severity_source: sev ? 'tool' : 'default',
        source_severity: word ?? null,
        tool: 'mobsfscan',
        tool_version: version,
        state: 'open',
        cwe: cwesOf(meta.cwe),
        location: {
          file: f ? (str(f.file_path) ?? null) : null,
          start_line: posInt(lines[0]),
          end_line: posInt(lines[1]),
        },
        tags: [
          str(meta['owasp-mobile']) && `owasp-mobile:${meta['owasp-mobile']}`,
          str(meta.masvs) && `masvs:${meta.masvs}`,
        ].filter((t): t is string => typeof t === 'string'),
        help_uri: str(meta.reference) ?? null,
        pointer: f ? `${pointer}/files/${fi}` : pointer,
      });
    });
  }
  const errors = asArray(d.errors).map((e) => (typeof e === 'string' ? e : JSON.stringify(e)).slice(0, 300));
  for (const e of errors) out.warnings.push(`mobsfscan reported: ${e}`);
  out.scans.push({ tool: { name: 'mobsfscan', version }, categories: ['mobile'], success: true, errors });
}

function isReport(d: unknown): d is Obj {
  return (
    isObj(d) &&
    ('code_analysis' in d || 'binary_analysis' in d || 'manifest_analysis' in d || 'macho_analysis' in d) &&
    ('app_name' in d || 'file_name' in d || 'md5' in d || 'package_name' in d || 'bundle_id' in d)
  );
}

function isMobsfscan(d: unknown): d is Obj {
  if (!isObj(d) || !isObj(d.results)) return false;
  if ('mobsfscan_version' in d) return true;
  const first = Object.values(d.results)[0];
  return isObj(first) && isObj(first.metadata) && ('files' in first || 'masvs' in first.metadata);
}

function detect(s: { doc?: unknown }): number {
  if (isReport(s.doc)) return 1;
  if (isMobsfscan(s.doc)) return 'mobsfscan_version' in (s.doc as Obj) ? 1 : 0.7;
  return 0;
}

function parse(doc: unknown, ctx: { file: string }): ParseOutput {
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  if (isReport(doc)) parseReport(doc, out);
  else if (isMobsfscan(doc)) parseMobsfscan(doc, out);
  else
    throw new UserError(
      `not a MobSF report: expected a MobSF report_json object (code_analysis, manifest_analysis, binary_analysis, ...) or mobsfscan JSON (results keyed by rule), found ${describeType(doc)}`,
      ctx.file,
    );
  return out;
}

export const mobsfParser: Parser = {
  id: 'mobsf',
  input: 'json',
  docs: {
    title: 'MobSF report JSON and mobsfscan JSON',
    produce:
      'MobSF: `curl -X POST --url http://localhost:8000/api/v1/report_json --data "hash=$MD5" -H "Authorization: $MOBSF_API_KEY" -o mobsf.json`; mobsfscan: `mobsfscan --json -o mobsfscan.json .`',
    takes:
      'one record per issue per static-analysis section (dangerous permissions, manifest, network security, certificate, code analysis per rule and file, binary/Mach-O hardening at warning and above, ATS, open Firebase DBs); secure/good items are not findings; mobsfscan: one record per rule per file; matched strings and the secrets list are never copied',
  },
  detect,
  parse,
};
