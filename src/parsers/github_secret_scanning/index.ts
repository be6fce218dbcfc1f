import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput } from '../types.js';
import { alertItems, detectGithubList, repoOf, secretScanningState } from '../github-common.js';
import { int, isObj, isoDate, str } from '../platform-common.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- REST payloads are read defensively */

const TOOL = 'GitHub secret scanning';

export function secretAlertToDraft(a: Record<string, any>, pointer: string, secrets: string[]): Draft {
  // `secret` is the leaked value: it only feeds the identity hash and the redaction list.
  const secret = typeof a.secret === 'string' && a.secret.trim() !== '' ? a.secret : null;
  if (secret) secrets.push(secret);
  const type = str(a.secret_type) ?? null;
  const display = str(a.secret_type_display_name) ?? type ?? 'Secret';
  const life = secretScanningState(str(a.state), str(a.resolution), str(a.resolution_comment));
  const first = isObj(a.first_location_detected) ? a.first_location_detected : {};
  const htmlUrl = str(a.html_url);
  const alertKey = htmlUrl ?? str(a.url) ?? (a.number != null ? `#${String(a.number)}` : undefined);
  const tags: string[] = [];
  const validity = str(a.validity);
  if (validity) tags.push(`validity:${validity}`);
  if (a.publicly_leaked === true) tags.push('publicly-leaked');
  if (a.push_protection_bypassed === true) tags.push('push-protection-bypassed');
  if (a.multi_repo === true) tags.push('multi-repo');
  return {
    title: display,
    description: `${display} detected by GitHub secret scanning${validity ? ` (validity: ${validity})` : ''}`,
    category: 'secret',
    rule_id: type,
    rule_name: display,
    // GitHub gives no severity for secrets; ours default to critical (METRICS.md).
    severity: 'critical',
    severity_source: 'default',
    source_severity: null,
    tool: TOOL,
    ...life,
    first_seen: isoDate(a.created_at) ?? null,
    closed_at: life.state === 'open' ? null : (isoDate(a.resolved_at) ?? null),
    repo: repoOf(a),
    location: {
      file: str(first.path) ?? null,
      start_line: int(first.start_line),
      end_line: int(first.end_line),
      url: htmlUrl ?? null,
    },
    fingerprints: alertKey ? { 'github/alert': alertKey } : {},
    tags,
    pointer,
    secret,
  };
}

export function parseSecretScanning(doc: unknown, file: string): ParseOutput {
  const items = alertItems(doc);
  if (!items)
    throw new UserError(
      'not a GitHub secret scanning alert list: expected a JSON array of alerts (GET /repos/{owner}/{repo}/secret-scanning/alerts)',
      file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  items.forEach((a, i) => {
    const pointer = Array.isArray(doc) ? `/${i}` : '';
    if (!isObj(a) || !('secret_type' in a || 'secret_type_display_name' in a)) {
      out.warnings.push(`${pointer || '/'}: not a secret scanning alert (no secret_type); skipped`);
      return;
    }
    out.findings.push(secretAlertToDraft(a, pointer, out.secrets));
  });
  out.scans = [{ tool: { name: TOOL, version: null }, categories: ['secret'], success: true, errors: [] }];
  return out;
}

export const githubSecretScanningParser: Parser = {
  id: 'github_secret_scanning',
  input: 'json',
  docs: {
    title: 'GitHub secret scanning alerts (REST export)',
    produce:
      '`gh api "/repos/OWNER/REPO/secret-scanning/alerts?hide_secret=true" --paginate --slurp | jq add > secret-scanning-alerts.json`',
    takes:
      'one record per alert, category secret, severity critical (GitHub gives none); secret type as rule, first location path and lines, state (open / resolved with resolution) with created_at and resolved_at, validity and public-leak flags as tags, html_url and repository; the `secret` value is hashed into the identity and redacted, never copied',
  },
  detect(s) {
    const d = detectGithubList(s);
    return d?.kind === 'secret_scanning' ? d.score : 0;
  },
  parse: (doc, ctx) => parseSecretScanning(doc, ctx.file),
};
