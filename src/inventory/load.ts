import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { InventoryEntry } from '../commands/aggregate-api.js';
import { InventoryRow } from '../schema/inventory.js';
import { parseCsv } from '../util/csv.js';
import { UserError } from '../util/errors.js';

export interface InventoryLoad {
  entries: InventoryEntry[];
  /** One line per bad row: file:line: field "x": problem. The other rows still load. */
  errors: string[];
}

const ALIASES: Record<string, string> = {
  app: 'application',
  application_name: 'application',
  product: 'application',
  name: 'application',
  component: 'service',
  team: 'owner',
  owners: 'owner',
  owner_team: 'owner',
  business_tier: 'tier',
  criticality: 'tier',
  env: 'environment',
  repo: 'repos',
  repositories: 'repos',
  repository: 'repos',
  projects: 'cloud_accounts',
  accounts: 'cloud_accounts',
  cloud_account: 'cloud_accounts',
  subscriptions: 'cloud_accounts',
  cloud_accounts_subscriptions_projects: 'cloud_accounts',
  api: 'api_exposure',
  exposure: 'api_exposure',
  is_mobile: 'mobile',
  mobile_app: 'mobile',
};

function normKey(k: string): string {
  const t = k
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, '_');
  return ALIASES[t] ?? t;
}

function toEntry(raw: Record<string, unknown>, where: string, errors: string[]): InventoryEntry | undefined {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === '__line' || v === null || v === undefined) continue;
    row[normKey(k)] = v;
  }
  const r = InventoryRow.safeParse(row);
  if (!r.success) {
    for (const issue of r.error.issues)
      errors.push(`${where}: field "${issue.path.join('.') || '?'}": ${issue.message}`);
    return undefined;
  }
  const d = r.data;
  return {
    application: d.application,
    ...(d.service ? { service: d.service } : {}),
    ...(d.owner ? { owner: d.owner, owner_source: 'inventory' } : {}),
    ...(d.tier ? { tier: d.tier } : {}),
    ...(d.environment ? { environment: d.environment } : {}),
    repos: d.repos,
    cloud_accounts: d.cloud_accounts,
    ...(d.api_exposure ? { api_exposure: d.api_exposure } : {}),
    mobile: d.mobile,
    source: where,
  };
}

/** Parse an inventory (CSV, YAML or JSON) from its text. Bad rows are listed in `errors`. */
export function parseInventory(text: string, file: string): InventoryLoad {
  const errors: string[] = [];
  const entries: InventoryEntry[] = [];
  const base = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  const push = (raw: Record<string, unknown>, where: string) => {
    const e = toEntry(raw, where, errors);
    if (e) entries.push(e);
  };
  if (ext === '.csv' || ext === '.tsv') {
    for (const row of parseCsv(text, file).rows) push(row, `${base}:${row.__line}`);
  } else {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc });
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      const pos = e.linePos?.[0];
      throw new UserError(
        `invalid ${ext === '.json' ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`,
        file,
        pos ? `${pos.line}:${pos.col}` : undefined,
      );
    }
    let seq = doc.contents;
    if (isMap(seq)) {
      const key = ['applications', 'inventory', 'services'].find((k) => doc.has(k));
      seq = key ? (doc.get(key, true) as typeof seq) : null;
    }
    if (seq === null || seq === undefined) return { entries, errors };
    if (!isSeq(seq))
      throw new UserError('expected a list of applications, or an object with an "applications" list', file);
    seq.items.forEach((item, i) => {
      const line =
        item && typeof item === 'object' && 'range' in item && item.range
          ? lc.linePos(item.range[0]).line
          : undefined;
      const where = line ? `${base}:${line}` : `${base}#${i + 1}`;
      const value = (item as { toJSON?: () => unknown })?.toJSON?.() ?? item;
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        errors.push(`${where}: applications[${i}]: not a mapping`);
        return;
      }
      push(value as Record<string, unknown>, where);
    });
  }
  const seen = new Map<string, string>();
  for (const e of entries) {
    const k = `${e.application.toLowerCase()}|${(e.service ?? '').toLowerCase()}`;
    const prev = seen.get(k);
    if (prev)
      errors.push(
        `${e.source}: field "application": "${e.application}${e.service ? `/${e.service}` : ''}" is also listed at ${prev}`,
      );
    else seen.set(k, e.source);
  }
  return { entries, errors };
}
