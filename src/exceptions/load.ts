import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Exception, SCOPE_TYPES } from '../schema/exception.js';
import { parseCsv } from '../util/csv.js';
import { UserError } from '../util/errors.js';
import { lineCol } from '../util/json-position.js';

export interface ExceptionLoad {
  exceptions: Exception[];
  /** One line per bad row: file, row/line, field, problem. */
  errors: string[];
}

const ALIASES: Record<string, string> = {
  exception_id: 'id',
  'exception id': 'id',
  expiry: 'expires',
  expires_at: 'expires',
  expiration: 'expires',
  'expiry date': 'expires',
  created_at: 'created',
  justification: 'reason',
  approved_by: 'approver',
  'approved by': 'approver',
  jira: 'ticket',
  issue: 'ticket',
  scope_type: 'scope_type',
  'scope type': 'scope_type',
  scope_value: 'scope_value',
  'scope value': 'scope_value',
};

function normKey(k: string): string {
  const t = k.trim().toLowerCase();
  return ALIASES[t] ?? t.replace(/\s+/g, '_');
}

/** `cve:CVE-2021-44228`, `rule=py/sql-injection`, or separate scope_type/scope_value. */
function parseScope(row: Record<string, unknown>): { type: string; value: string } | string {
  const st = row.scope_type;
  const sv = row.scope_value;
  if (typeof st === 'string' && typeof sv === 'string')
    return { type: st.trim().toLowerCase(), value: sv.trim() };
  const s = row.scope;
  if (s && typeof s === 'object' && !Array.isArray(s)) {
    const o = s as Record<string, unknown>;
    if (typeof o.type === 'string' && o.value !== undefined)
      return { type: o.type.toLowerCase(), value: String(o.value) };
    const keys = Object.keys(o).filter((k) => (SCOPE_TYPES as readonly string[]).includes(k));
    if (keys.length === 1) return { type: keys[0]!, value: String(o[keys[0]!]) };
    return `scope must be "type:value" with type one of ${SCOPE_TYPES.join(', ')}`;
  }
  if (typeof s !== 'string' || s.trim() === '')
    return 'scope is required ("type:value", e.g. cve:CVE-2021-44228)';
  const m = /^\s*([a-z]+)\s*[:=]\s*(.+)$/i.exec(s);
  if (!m) return `scope "${s}" must be "type:value" with type one of ${SCOPE_TYPES.join(', ')}`;
  return { type: m[1]!.toLowerCase(), value: m[2]!.trim() };
}

function toStringValue(v: unknown): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function normalizeRow(raw: Record<string, unknown>, source: string, errors: string[]): Exception | undefined {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (k !== '__line') row[normKey(k)] = v;
  const scope = parseScope(row);
  if (typeof scope === 'string') {
    errors.push(`${source}: field "scope": ${scope}`);
    return undefined;
  }
  const candidate = {
    id: toStringValue(row.id) ?? '',
    scope,
    repo: toStringValue(row.repo),
    product: toStringValue(row.product),
    owner: toStringValue(row.owner),
    reason: toStringValue(row.reason),
    approver: toStringValue(row.approver),
    created: toStringValue(row.created),
    expires: toStringValue(row.expires),
    ticket: toStringValue(row.ticket),
    source,
  };
  const r = Exception.safeParse(candidate);
  if (!r.success) {
    for (const issue of r.error.issues)
      errors.push(
        `${source}: field "${issue.path.join('.')}": ${issue.message}${issue.path[0] === 'id' ? '' : ` (exception ${candidate.id || '?'})`}`,
      );
    return undefined;
  }
  return r.data;
}

/** Markdown table → rows with line numbers. */
function markdownRows(text: string, file: string): Array<Record<string, string> & { __line: number }> {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex(
    (l, i) => /^\s*\|.*\|\s*$/.test(l) && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? ''),
  );
  if (start < 0)
    throw new UserError('no Markdown table found (expected a header row and a |---| separator)', file);
  const split = (l: string) =>
    l
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/)
      .map((c) =>
        c
          .trim()
          .replace(/\\\|/g, '|')
          .replace(/^`(.*)`$/, '$1'),
      );
  const headers = split(lines[start]!);
  const rows: Array<Record<string, string> & { __line: number }> = [];
  for (let i = start + 2; i < lines.length; i++) {
    const l = lines[i]!;
    if (!/^\s*\|/.test(l)) break;
    const cells = split(l);
    const o = { __line: i + 1 } as Record<string, string> & { __line: number };
    headers.forEach((h, j) => (o[h] = cells[j] ?? ''));
    rows.push(o);
  }
  return rows;
}

/** Parse an exception log from its text. Bad rows are listed in `errors`; good rows still load. */
export function parseExceptions(text: string, file: string): ExceptionLoad {
  const errors: string[] = [];
  const exceptions: Exception[] = [];
  const ext = path.extname(file).toLowerCase();
  const base = path.basename(file);
  const push = (raw: Record<string, unknown>, where: string) => {
    const e = normalizeRow(raw, where, errors);
    if (e) exceptions.push(e);
  };
  if (ext === '.csv') {
    for (const row of parseCsv(text, file).rows) push(row, `${base}:${row.__line}`);
  } else if (ext === '.md' || ext === '.markdown') {
    for (const row of markdownRows(text, file)) push(row, `${base}:${row.__line}`);
  } else {
    const docs = parseAllDocuments(text, { keepSourceTokens: false });
    for (const doc of docs) {
      if (doc.errors.length > 0) {
        const e = doc.errors[0]!;
        const lc =
          e.linePos?.[0] ??
          (() => {
            const p = lineCol(text, e.pos[0]);
            return { line: p.line, col: p.column };
          })();
        throw new UserError(`invalid YAML: ${e.message.split('\n')[0]}`, file, `${lc.line}:${lc.col}`);
      }
      let value: unknown;
      try {
        value = doc.toJS({ maxAliasCount: 100 }) as unknown;
      } catch (e) {
        throw new UserError(
          `invalid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
          file,
        );
      }
      const list = Array.isArray(value)
        ? value
        : value && typeof value === 'object' && Array.isArray((value as Record<string, unknown>).exceptions)
          ? ((value as Record<string, unknown>).exceptions as unknown[])
          : value == null
            ? []
            : undefined;
      if (!list)
        throw new UserError('expected a list of exceptions, or an object with an "exceptions" list', file);
      list.forEach((item, i) => {
        if (!item || typeof item !== 'object' || Array.isArray(item)) {
          errors.push(`${base}: exceptions[${i}]: not a mapping`);
          return;
        }
        push(item as Record<string, unknown>, `${base}#${i + 1}`);
      });
    }
  }
  const ids = new Map<string, string>();
  for (const e of exceptions) {
    const prev = ids.get(e.id);
    if (prev) errors.push(`${e.source}: exception id "${e.id}" is also used at ${prev}`);
    else ids.set(e.id, e.source);
  }
  return { exceptions, errors };
}

function dayOf(s: string): number {
  return Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
}

export type ExceptionStatus = 'active' | 'expired' | 'not_started';

/** Status at `asOf`: an exception expires at the end of its expiry day (UTC). */
export function exceptionStatus(e: Exception, asOf: Date): ExceptionStatus {
  const t = asOf.getTime();
  if (e.created && dayOf(e.created) > t) return 'not_started';
  if (e.expires && dayOf(e.expires) + (e.expires.length === 10 ? 86_400_000 : 0) <= t) return 'expired';
  return 'active';
}
