import picomatch from 'picomatch';
import type { InventoryEntry } from '../commands/aggregate-api.js';
import type { Dictionary, MappingRule } from '../schema/dictionary.js';
import type { Finding } from '../schema/finding.js';

/** An application of the inventory, its rows (services) folded together. */
export interface Application {
  name: string;
  tier: string;
  /** `inventory`, or `default` when the row had no (valid) tier. */
  tier_source: 'inventory' | 'default';
  owner: string | null;
  owner_source: string | null;
  repos: string[];
  cloud_accounts: string[];
  services: string[];
  environments: string[];
  mobile: boolean;
  api_exposure: string | null;
  sources: string[];
}

export type MappingMethod = 'rule' | 'repo' | 'account' | 'product' | 'none';

export interface Mapping {
  application: string | null;
  method: MappingMethod;
  /** Why: which rule, repo or account matched. */
  reason: string;
}

export function normRepo(r: string): string {
  return r
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/[^/]+\//, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

/** Fold inventory rows into applications; problems (unknown tier, conflicting owners) go to `errors`. */
export function buildApplications(
  entries: readonly InventoryEntry[],
  dict: Dictionary,
  errors: string[],
): Application[] {
  const tiers = new Set(dict.tiers.map((t) => t.id));
  const envs = new Set(dict.application.environments.map((e) => e.toLowerCase()));
  const apps = new Map<string, Application>();
  for (const e of entries) {
    if (envs.size > 0 && e.environment && !envs.has(e.environment.toLowerCase())) continue;
    const k = e.application.toLowerCase();
    let a = apps.get(k);
    if (!a) {
      a = {
        name: e.application,
        tier: dict.default_tier,
        tier_source: 'default',
        owner: null,
        owner_source: null,
        repos: [],
        cloud_accounts: [],
        services: [],
        environments: [],
        mobile: false,
        api_exposure: null,
        sources: [],
      };
      apps.set(k, a);
    }
    a.sources.push(e.source);
    const tier = e.tier ? canonicalTier(e.tier, tiers) : undefined;
    if (e.tier && tier) {
      if (!tiers.has(tier))
        errors.push(
          `${e.source}: field "tier": "${e.tier}" is not a tier of the dictionary (${[...tiers].join(', ')}); ${e.application} is counted as ${dict.default_tier}`,
        );
      else if (a.tier_source === 'default' || rank(dict, tier) < rank(dict, a.tier)) {
        a.tier = tier;
        a.tier_source = 'inventory';
      }
    }
    if (e.owner) {
      if (a.owner && a.owner !== e.owner)
        errors.push(
          `${e.source}: field "owner": ${e.application} already has owner "${a.owner}"; "${e.owner}" is ignored`,
        );
      else if (!a.owner) {
        a.owner = e.owner;
        a.owner_source = e.owner_source ?? 'inventory';
      }
    }
    for (const r of e.repos ?? []) if (!a.repos.includes(r)) a.repos.push(r);
    for (const c of e.cloud_accounts ?? []) if (!a.cloud_accounts.includes(c)) a.cloud_accounts.push(c);
    if (e.service && !a.services.includes(e.service)) a.services.push(e.service);
    if (e.environment && !a.environments.includes(e.environment)) a.environments.push(e.environment);
    a.mobile ||= e.mobile ?? false;
    a.api_exposure ??= e.api_exposure ?? null;
  }
  return [...apps.values()].sort((x, y) => x.name.localeCompare(y.name));
}

/**
 * A tier as the dictionary spells it: custom properties and topics often say `1`, `Tier 1` or `TIER-1`
 * for `tier-1`. Exact ids win; otherwise a case-insensitive match, then `tier-<n>` for a bare number.
 */
export function canonicalTier(value: string, tiers: ReadonlySet<string>): string {
  const v = value.trim();
  if (tiers.has(v)) return v;
  const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '-');
  const byCase = [...tiers].find((t) => norm(t) === norm(v));
  if (byCase) return byCase;
  const n = /^(?:tier[-\s_]*)?(\d+)$/i.exec(v)?.[1];
  const numbered = n ? [...tiers].find((t) => norm(t) === `tier-${n}`) : undefined;
  return numbered ?? v;
}

function rank(dict: Dictionary, tier: string): number {
  const i = dict.tiers.findIndex((t) => t.id === tier);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

const globs = new Map<string, (s: string) => boolean>();
function globMatch(pattern: string, value: string | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  let m = globs.get(pattern);
  if (!m) globs.set(pattern, (m = picomatch(pattern, { dot: true, nocase: true })));
  return m(value);
}

function ruleMatches(r: MappingRule, f: Finding): boolean {
  return (
    (!r.repo || globMatch(r.repo, f.repo)) &&
    (!r.account || globMatch(r.account, f.location.account)) &&
    (!r.product || globMatch(r.product, f.product)) &&
    (!r.path || globMatch(r.path, f.location.file)) &&
    (!r.image || globMatch(r.image, f.location.image)) &&
    (!r.tool || r.tool.toLowerCase() === f.source_tool.toLowerCase())
  );
}

export interface Mapper {
  map(f: Finding): Mapping;
  mapRepo(repo: string | null): Application | undefined;
  apps: readonly Application[];
  byName(name: string): Application | undefined;
}

/** Findings map to applications by explicit rule, then repo, then cloud account, then product name. */
export function makeMapper(apps: readonly Application[], rules: readonly MappingRule[]): Mapper {
  const byName = new Map(apps.map((a) => [a.name.toLowerCase(), a]));
  const byRepo = new Map<string, Application>();
  const byRepoBase = new Map<string, Application>();
  const repoGlobs: Array<[string, Application]> = [];
  const byAccount = new Map<string, Application>();
  for (const a of apps) {
    for (const r of a.repos) {
      const n = normRepo(r);
      if (/[*?[]/.test(n)) repoGlobs.push([n, a]);
      else if (n.includes('/')) byRepo.set(n, a);
      else byRepoBase.set(n, a);
    }
    for (const c of a.cloud_accounts) byAccount.set(c.trim().toLowerCase(), a);
  }
  const mapRepo = (repo: string | null): Application | undefined => {
    if (!repo) return undefined;
    const n = normRepo(repo);
    return (
      byRepo.get(n) ?? byRepoBase.get(n.split('/').pop()!) ?? repoGlobs.find(([g]) => globMatch(g, n))?.[1]
    );
  };
  return {
    apps,
    byName: (name) => byName.get(name.toLowerCase()),
    mapRepo,
    map(f) {
      const rule = rules.find((r) => ruleMatches(r, f));
      if (rule) {
        const app = byName.get(rule.application.toLowerCase());
        return {
          application: app?.name ?? rule.application,
          method: 'rule',
          reason: `mapping rule → ${rule.application}${rule.reason ? ` (${rule.reason})` : ''}`,
        };
      }
      const viaRepo = mapRepo(f.repo);
      if (viaRepo) return { application: viaRepo.name, method: 'repo', reason: `repo ${f.repo}` };
      const acct = f.location.account?.trim().toLowerCase();
      const viaAccount = acct ? byAccount.get(acct) : undefined;
      if (viaAccount)
        return {
          application: viaAccount.name,
          method: 'account',
          reason: `cloud account ${f.location.account}`,
        };
      const viaProduct = f.product ? byName.get(f.product.toLowerCase()) : undefined;
      if (viaProduct)
        return { application: viaProduct.name, method: 'product', reason: `product ${f.product}` };
      const why = [
        f.repo ? `repo ${f.repo}` : null,
        f.location.account ? `account ${f.location.account}` : null,
        f.product ? `product ${f.product}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      return {
        application: null,
        method: 'none',
        reason: why ? `no inventory entry for ${why}` : 'no repo, account or product on the record',
      };
    },
  };
}

export interface OwnerResolution {
  owner: string | null;
  owner_source: string | null;
}

/** Owner: the application's owner (inventory, custom property, topic, CODEOWNERS), else the record's own. */
/**
 * Owner chain: the inventory (file, custom properties, topics) → the ticket's assignee or team →
 * CODEOWNERS → the record's own owner. Each answer says where it came from.
 */
export function resolveOwner(
  app: Application | undefined,
  f: Pick<Finding, 'owner' | 'owner_source'>,
  ticket?: OwnerResolution,
): OwnerResolution {
  const fromCodeowners = app?.owner_source === 'codeowners' || app?.owner_source?.startsWith('codeowners');
  if (app?.owner && !fromCodeowners)
    return { owner: app.owner, owner_source: app.owner_source ?? 'inventory' };
  if (ticket?.owner) return ticket;
  if (app?.owner) return { owner: app.owner, owner_source: app.owner_source ?? 'codeowners' };
  if (f.owner) return { owner: f.owner, owner_source: f.owner_source ?? 'record' };
  return { owner: null, owner_source: null };
}
