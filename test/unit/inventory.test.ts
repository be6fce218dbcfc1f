import { describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../src/commands/aggregate-load.js';
import { parseInventory } from '../../src/inventory/load.js';
import { buildApplications, makeMapper, resolveOwner } from '../../src/inventory/mapping.js';
import { makeFinding } from '../helpers/records.js';

const JSON_INV = JSON.stringify([
  {
    app: 'shop',
    team: '@acme/shop',
    business_tier: 'tier-1',
    repositories: 'acme/shop-web, acme/shop-api',
    accounts: ['111111111111'],
  },
  {
    application: 'payments',
    owner: '@acme/pay',
    tier: 'tier-1',
    repos: ['acme/pay'],
    cloud_accounts: '222222222222',
    mobile: 'yes',
  },
  { application: 'wiki', tier: 'tier-3', repos: 'wiki' },
]);

describe('inventory', () => {
  const errors: string[] = [];
  const { entries } = parseInventory(JSON_INV, 'inventory.json');
  const apps = buildApplications(entries, defaultDictionary(), errors);
  const mapper = makeMapper(apps, [
    { application: 'payments', account: '3333*', reason: 'shared account', path: undefined },
  ] as never);

  it('reads JSON with column aliases', () => {
    expect(errors).toEqual([]);
    expect(apps.map((a) => [a.name, a.tier, a.owner, a.repos.length, a.mobile])).toEqual([
      ['payments', 'tier-1', '@acme/pay', 1, true],
      ['shop', 'tier-1', '@acme/shop', 2, false],
      ['wiki', 'tier-3', null, 1, false],
    ]);
  });

  it.each([
    [{ repo: 'acme/shop-api' }, 'shop', 'repo'],
    [{ repo: 'https://github.com/ACME/shop-web.git' }, 'shop', 'repo'],
    [{ repo: 'other-org/wiki' }, 'wiki', 'repo'],
    [{ repo: null, location: { ...makeFinding().location, account: '222222222222' } }, 'payments', 'account'],
    [{ repo: null, location: { ...makeFinding().location, account: '333300001111' } }, 'payments', 'rule'],
    [{ repo: null, product: 'Shop' }, 'shop', 'product'],
    [{ repo: 'acme/unknown', product: 'unknown' }, null, 'none'],
  ])('maps %j → %s by %s', (o, app, method) => {
    const m = mapper.map(makeFinding({ key: 'x', ...o } as never));
    expect([m.application, m.method]).toEqual([app, method]);
  });

  it('owner comes from the application, else from the record, with its source', () => {
    expect(resolveOwner(apps[0], { owner: '@x', owner_source: 'codeowners' })).toEqual({
      owner: '@acme/pay',
      owner_source: 'inventory',
    });
    expect(resolveOwner(apps[2], { owner: '@x', owner_source: 'codeowners' })).toEqual({
      owner: '@x',
      owner_source: 'codeowners',
    });
    expect(resolveOwner(undefined, { owner: null, owner_source: null })).toEqual({
      owner: null,
      owner_source: null,
    });
  });
});

describe('tier spelling from custom properties and topics', () => {
  it('maps 1, Tier 1 and TIER_1 to tier-1; unknown stays as written', async () => {
    const { canonicalTier } = await import('../../src/inventory/mapping.js');
    const tiers = new Set(['tier-1', 'tier-2', 'tier-3']);
    expect(canonicalTier('1', tiers)).toBe('tier-1');
    expect(canonicalTier('Tier 2', tiers)).toBe('tier-2');
    expect(canonicalTier('TIER_3', tiers)).toBe('tier-3');
    expect(canonicalTier('tier-1', tiers)).toBe('tier-1');
    expect(canonicalTier('gold', tiers)).toBe('gold');
    expect(canonicalTier('4', tiers)).toBe('4');
  });
});
