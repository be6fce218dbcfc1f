import { parseAllDocuments, stringify } from 'yaml';
import type { Exception } from '../../schema/exception.js';
import { parseExceptions } from '../../exceptions/load.js';

export interface GitlabIssue {
  id?: number;
  iid: number;
  title: string;
  description?: string | null;
  web_url: string;
  state?: string;
  labels?: string[];
  created_at?: string;
}

/**
 * Fields of an exception written in an issue description, in any of these shapes: a fenced ```yaml
 * block (a mapping), issue-form sections (`### Scope` then the value), or `Field: value` lines.
 */
export function fieldsFromDescription(text: string): Record<string, unknown> {
  const fence = /```ya?ml\s*\n([\s\S]*?)```/i.exec(text);
  if (fence) {
    const doc = parseAllDocuments(fence[1]!)[0];
    const v = doc && doc.errors.length === 0 ? (doc.toJS() as unknown) : undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  }
  const out: Record<string, unknown> = {};
  const sections = text.split(/^#{2,4}\s+/m).slice(1);
  for (const s of sections) {
    const nl = s.indexOf('\n');
    const key = (nl < 0 ? s : s.slice(0, nl)).trim();
    const value = (nl < 0 ? '' : s.slice(nl + 1)).trim();
    if (key && value && value !== '_No response_') out[key] = value;
  }
  if (Object.keys(out).length > 0) return out;
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:[-*]\s*)?\**([A-Za-z][A-Za-z _]*?)\**\s*:\s*(.+?)\s*$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.replace(/^`(.*)`$/, '$1');
  }
  return out;
}

/** Labelled issues → exceptions, validated like the exception file; bad issues are listed, the others load. */
export function exceptionsFromIssues(
  issues: readonly GitlabIssue[],
  projectPath: string,
): { exceptions: Exception[]; errors: Array<{ source: string; problem: string }> } {
  const exceptions: Exception[] = [];
  const errors: Array<{ source: string; problem: string }> = [];
  for (const issue of issues) {
    const fields = fieldsFromDescription(issue.description ?? '');
    const lower = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.trim().toLowerCase(), v]));
    if (lower.id === undefined && lower['exception id'] === undefined && lower.exception_id === undefined)
      fields.id = `${projectPath}#${issue.iid}`;
    if (lower.ticket === undefined && lower.issue === undefined) fields.ticket = issue.web_url;
    if (lower.created === undefined && issue.created_at) fields.created = issue.created_at.slice(0, 10);
    const file = `issue-${issue.iid}.yml`;
    const r = parseExceptions(stringify([fields]), file);
    for (const e of r.errors) errors.push({ source: issue.web_url, problem: e.replace(`${file}#1: `, '') });
    for (const e of r.exceptions) exceptions.push({ ...e, source: issue.web_url });
  }
  return { exceptions, errors };
}
