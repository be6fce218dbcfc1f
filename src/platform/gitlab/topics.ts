import type { InventoryEntry } from '../../commands/aggregate-api.js';

/** The project fields the group listing gives us and the job reads. */
export interface GitlabProject {
  id: number;
  name?: string;
  path_with_namespace: string;
  default_branch?: string | null;
  archived?: boolean;
  web_url?: string;
  topics?: string[];
  tag_list?: string[];
  empty_repo?: boolean;
  marked_for_deletion_at?: string | null;
  marked_for_deletion_on?: string | null;
}

const KEYS: Record<string, keyof InventoryEntry> = {
  product: 'application',
  app: 'application',
  application: 'application',
  service: 'service',
  owner: 'owner',
  team: 'owner',
  tier: 'tier',
  env: 'environment',
  environment: 'environment',
  api: 'api_exposure',
  api_exposure: 'api_exposure',
};

/**
 * Inventory row of a project from its topics: `product:payments`, `owner:team-pay`, `tier:1`,
 * `service:api`, `env:production`, `api:public`, `mobile` (`=` works too). A project without a
 * `product:` topic is its own application (named after the project), so every project of the group
 * is in the inventory and adoption counts it.
 */
export function inventoryFromTopics(p: GitlabProject): InventoryEntry {
  const topics = p.topics ?? p.tag_list ?? [];
  const entry: InventoryEntry = {
    application: '',
    repos: [p.path_with_namespace],
    source: `gitlab:topics ${p.path_with_namespace}`,
  };
  for (const t of topics) {
    const m = /^\s*([a-z_]+)\s*[:=]\s*(.+?)\s*$/i.exec(t);
    if (m) {
      const key = KEYS[m[1]!.toLowerCase()];
      if (key) (entry as unknown as Record<string, unknown>)[key] = m[2]!;
    } else if (t.trim().toLowerCase() === 'mobile') entry.mobile = true;
  }
  if (!entry.application) {
    entry.application = p.path_with_namespace.split('/').pop()!;
    entry.source = `gitlab:project ${p.path_with_namespace}`;
  }
  if (entry.owner) entry.owner_source = 'topic';
  return entry;
}
