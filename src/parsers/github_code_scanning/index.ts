import type { Severity, SeveritySource } from '../../schema/finding.js';
import { levelToSeverity, wordToSeverity } from '../../normalize/severity.js';
import { UserError } from '../../util/errors.js';
import { inferCategory } from '../sarif/index.js';
import type { Draft, Parser, ParseOutput, ScanEvidence } from '../types.js';
import { alertItems, codeScanningState, detectGithubList, repoOf } from '../github-common.js';
import { CVE_RE, cweNumber, GHSA_RE, int, isObj, isoDate, str } from '../platform-common.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- REST payloads are read defensively */

function severityOf(rule: Record<string, any>): {
  severity: Severity;
  severity_source: SeveritySource;
  source_severity: string | null;
} {
  // security_severity_level is GitHub's band of the rule's security-severity score.
  const ssl = str(rule.security_severity_level);
  const fromSsl = wordToSeverity(ssl);
  if (fromSsl) return { severity: fromSsl, severity_source: 'security-severity-rule', source_severity: ssl! };
  const level = str(rule.severity);
  if (level && /^(error|warning|note|none)$/i.test(level))
    return {
      severity: levelToSeverity(level.toLowerCase()),
      severity_source: 'level',
      source_severity: level,
    };
  const word = wordToSeverity(level);
  if (word) return { severity: word, severity_source: 'tool', source_severity: level! };
  return { severity: 'medium', severity_source: 'default', source_severity: null };
}

export function codeScanningAlertToDraft(a: Record<string, any>, pointer: string): Draft {
  const rule = isObj(a.rule) ? a.rule : {};
  const tool = isObj(a.tool) ? a.tool : {};
  const inst = isObj(a.most_recent_instance) ? a.most_recent_instance : {};
  const loc = isObj(inst.location) ? inst.location : {};
  const toolName = str(tool.name) ?? 'GitHub code scanning';
  const ruleId = str(rule.id) ?? str(rule.name) ?? null;
  const tags = Array.isArray(rule.tags)
    ? rule.tags.filter((t: unknown): t is string => typeof t === 'string')
    : [];
  const cwe = tags
    .filter((t: string) => /cwe/i.test(t))
    .map((t: string) => cweNumber(t))
    .filter((n: number | undefined): n is number => n !== undefined);
  const vulnIds = ruleId && (CVE_RE.test(ruleId) || GHSA_RE.test(ruleId)) ? [ruleId] : [];
  const file = str(loc.path) ?? null;
  const category = inferCategory(toolName, ruleId ?? undefined, tags, vulnIds, file ?? undefined);
  const life = codeScanningState(str(a.state), str(a.dismissed_reason), str(a.dismissed_comment));
  const closed =
    life.state === 'fixed' ? str(a.fixed_at) : life.state === 'open' ? undefined : str(a.dismissed_at);
  const message = isObj(inst.message) ? str(inst.message.text) : undefined;
  const htmlUrl = str(a.html_url);
  const alertKey = htmlUrl ?? str(a.url) ?? (a.number != null ? `#${String(a.number)}` : undefined);
  return {
    title: str(rule.description) ?? str(rule.name) ?? ruleId ?? message ?? 'Code scanning alert',
    // For secret rules the message may quote the match: keep it out.
    description: category === 'secret' ? null : (message ?? str(rule.full_description) ?? null),
    category,
    rule_id: ruleId,
    rule_name: str(rule.name) ?? null,
    ...severityOf(rule),
    tool: toolName,
    tool_version: str(tool.version) ?? null,
    ...life,
    first_seen: isoDate(a.created_at) ?? null,
    closed_at: life.state === 'open' ? null : (isoDate(closed) ?? null),
    repo: repoOf(a),
    cwe,
    cve: vulnIds,
    location: { file, start_line: int(loc.start_line), end_line: int(loc.end_line), url: htmlUrl ?? null },
    // GitHub's alert is its own dedup unit: it follows the result across line moves.
    fingerprints: alertKey ? { 'github/alert': alertKey } : {},
    tags,
    help_uri: null,
    pointer,
  };
}

export function parseCodeScanning(doc: unknown, file: string): ParseOutput {
  const items = alertItems(doc);
  if (!items)
    throw new UserError(
      'not a GitHub code scanning alert list: expected a JSON array of alerts (GET /repos/{owner}/{repo}/code-scanning/alerts)',
      file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const scans = new Map<string, ScanEvidence>();
  items.forEach((a, i) => {
    const pointer = Array.isArray(doc) ? `/${i}` : '';
    if (!isObj(a) || !(isObj(a.rule) || isObj(a.most_recent_instance))) {
      out.warnings.push(
        `${pointer || '/'}: not a code scanning alert (no rule / most_recent_instance); skipped`,
      );
      return;
    }
    const d = codeScanningAlertToDraft(a, pointer);
    out.findings.push(d);
    const key = d.tool!;
    const s = scans.get(key) ?? {
      tool: { name: key, version: d.tool_version ?? null },
      categories: [],
      success: true,
      errors: [],
    };
    if (!s.categories.includes(d.category)) s.categories.push(d.category);
    scans.set(key, s);
  });
  out.scans = scans.size
    ? [...scans.values()].map((s) => ({ ...s, categories: [...s.categories].sort() }))
    : [
        {
          tool: { name: 'GitHub code scanning', version: null },
          categories: ['sast'],
          success: true,
          errors: [],
        },
      ];
  return out;
}

export const githubCodeScanningParser: Parser = {
  id: 'github_code_scanning',
  input: 'json',
  docs: {
    title: 'GitHub code scanning alerts (REST export)',
    produce:
      '`gh api /repos/OWNER/REPO/code-scanning/alerts --paginate --slurp | jq add > code-scanning-alerts.json` (or `/orgs/ORG/code-scanning/alerts`)',
    takes:
      'one record per alert; rule id/description, security_severity_level (else rule severity as a level), CWE tags, tool name and version, most_recent_instance path and lines, state (open / fixed / dismissed with reason) with created_at, fixed_at / dismissed_at, html_url and repository',
  },
  detect(s) {
    const d = detectGithubList(s);
    return d?.kind === 'code_scanning' ? d.score : 0;
  },
  parse: (doc, ctx) => parseCodeScanning(doc, ctx.file),
};
