import { Exception, SCOPE_TYPES } from '../schema/exception.js';

/**
 * Exceptions filed as issues from the `templates/github/security-exception.yml` issue form. GitHub
 * renders a submitted form as `### <label>` headings followed by the answer (`_No response_` when an
 * optional field was left empty); that rendering is the only thing this parser relies on, so an
 * issue written by hand in the same shape works too.
 */

export interface IssueLike {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  created_at: string;
  user?: { login?: string } | null;
}

const FIELDS: Record<string, string> = {
  exceptionid: 'id',
  id: 'id',
  scopetype: 'scope_type',
  scopevalue: 'scope_value',
  findingscope: 'scope',
  scope: 'scope',
  finding: 'scope',
  repository: 'repo',
  repo: 'repo',
  product: 'product',
  reason: 'reason',
  justification: 'reason',
  owner: 'owner',
  approver: 'approver',
  approvedby: 'approver',
  expiry: 'expires',
  expirydate: 'expires',
  expires: 'expires',
  ticket: 'ticket',
};

/** `### Label` sections → answers by field key; empty answers are left out. */
export function issueFormSections(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  const parts = body.replace(/\r\n/g, '\n').split(/^###[ \t]+(.+)$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const key =
      FIELDS[
        parts[i]!.toLowerCase()
          .replace(/\(.*?\)/g, '')
          .replace(/[^a-z]/g, '')
      ];
    const value = parts[i + 1]!.trim();
    if (!key || value === '' || value === '_No response_' || value === 'None') continue;
    out[key] = value;
  }
  return out;
}

/** One issue → an Exception, or the problems that kept it out (the issue is named in each). */
export function exceptionFromIssue(issue: IssueLike): { exception?: Exception; errors: string[] } {
  const where = issue.html_url;
  const f = issueFormSections(issue.body ?? '');
  let scope: { type: string; value: string } | undefined;
  if (f.scope_type && f.scope_value)
    scope = { type: f.scope_type.trim().toLowerCase(), value: f.scope_value.trim() };
  else if (f.scope) {
    const m = /^\s*([a-z]+)\s*[:=]\s*(.+)$/i.exec(f.scope);
    if (m) scope = { type: m[1]!.toLowerCase(), value: m[2]!.trim() };
  }
  if (!scope)
    return { errors: [`${where}: field "scope": give a scope type and value (e.g. cve + CVE-2021-44228)`] };
  if (!(SCOPE_TYPES as readonly string[]).includes(scope.type))
    return {
      errors: [`${where}: field "scope": type "${scope.type}" is not one of ${SCOPE_TYPES.join(', ')}`],
    };
  const r = Exception.safeParse({
    id: f.id ?? `ISSUE-${issue.number}`,
    scope,
    repo: f.repo,
    product: f.product,
    owner: f.owner,
    reason: f.reason,
    approver: f.approver,
    created: issue.created_at.slice(0, 10),
    expires: f.expires,
    ticket: f.ticket ?? where,
    source: where,
  });
  if (!r.success)
    return { errors: r.error.issues.map((i) => `${where}: field "${i.path.join('.')}": ${i.message}`) };
  return { exception: r.data, errors: [] };
}
