import { describe, expect, it } from 'vitest';
import { exceptionFromIssue, issueFormSections } from '../../src/exceptions/issue-form.js';
import { codeownersCatchAll, inventoryFromRepos } from '../../src/platform/github/org-sources.js';
import { selectRepos, shardOf, DEFAULT_RELEASE_REF, type RepoInfo } from '../../src/platform/github/repos.js';
import {
  issueBody,
  previousMonth,
  reportMarker,
  ISSUE_BODY_LIMIT,
} from '../../src/platform/github/publish.js';
import { defaultMonth } from '../../src/platform/github/aggregate-org.js';
import { resolveApiUrl } from '../../src/platform/github/client.js';
import { InputsError, parseAggregateInputs } from '../../src/schema/inputs.js';
import { exceptionBody } from '../fakes/fake-org.js';

const issue = (body: string) => ({
  number: 7,
  html_url: 'https://github.test/acme/sec/issues/7',
  title: 't',
  body,
  created_at: '2026-11-02T10:00:00Z',
});

describe('exception issue form', () => {
  it('reads the rendered form into an Exception', () => {
    const r = exceptionFromIssue(issue(exceptionBody('cve', 'CVE-2026-0001', '2027-01-31')));
    expect(r.errors).toEqual([]);
    expect(r.exception).toMatchObject({
      id: 'ISSUE-7',
      scope: { type: 'cve', value: 'CVE-2026-0001' },
      owner: '@acme/payments',
      approver: '@acme/security-lead',
      expires: '2027-01-31',
      created: '2026-11-02',
      source: 'https://github.test/acme/sec/issues/7',
    });
    expect(r.exception!.repo).toBeUndefined();
  });

  it('names the issue and field of a bad answer', () => {
    const r = exceptionFromIssue(issue(exceptionBody('cve', 'CVE-1', 'soon')));
    expect(r.exception).toBeUndefined();
    expect(r.errors[0]).toMatch(/issues\/7: field "expires"/);
    expect(exceptionFromIssue(issue(exceptionBody('banana', 'x', '2027-01-01'))).errors[0]).toMatch(
      /not one of/,
    );
    expect(exceptionFromIssue(issue('no form here')).errors[0]).toMatch(/scope/);
  });

  it('accepts a combined "Finding / scope" answer', () => {
    expect(
      issueFormSections('### Finding / scope\n\nrule:js/xss\n\n### Expiry date\n\n_No response_\n'),
    ).toEqual({ scope: 'rule:js/xss' });
  });
});

describe('CODEOWNERS and inventory', () => {
  it('takes the owners of the last catch-all rule', () => {
    expect(codeownersCatchAll('* @a\n/docs/ @d\n*   @b @c # later wins\n')).toBe('@b @c');
    expect(codeownersCatchAll('/src/ @x\n')).toBeNull();
  });

  it('resolves owners by precedence and records the source', () => {
    const repos: RepoInfo[] = [
      {
        full_name: 'o/a',
        name: 'a',
        default_branch: 'main',
        topics: ['team-x'],
        archived: false,
        fork: false,
      },
      {
        full_name: 'o/b',
        name: 'b',
        default_branch: 'main',
        topics: ['team-y', 'tier-2'],
        archived: false,
        fork: false,
      },
      { full_name: 'o/c', name: 'c', default_branch: 'main', topics: [], archived: false, fork: false },
      { full_name: 'o/d', name: 'd', default_branch: 'main', topics: [], archived: false, fork: false },
    ];
    const props = new Map([['o/a', { owner: 'payments', 'business-tier': '1', application: 'shop' }]]);
    const inv = inventoryFromRepos(
      repos,
      props,
      { owner: 'owner', tier: 'business-tier', application: 'application' },
      { owner: 'team-', tier: 'tier-' },
      new Map([
        ['o/c', '@o/c-team'],
        ['o/a', '@ignored'],
      ]),
    );
    expect(inv[0]).toMatchObject({
      application: 'shop',
      owner: 'payments',
      owner_source: 'custom-property',
      tier: '1',
      repos: ['o/a'],
    });
    expect(inv[1]).toMatchObject({ application: 'b', owner: 'y', owner_source: 'topic', tier: '2' });
    expect(inv[2]).toMatchObject({ owner: '@o/c-team', owner_source: 'codeowners' });
    expect(inv[3]!.owner).toBeUndefined();
    expect(inv[0]!.source).toContain('github:custom-properties'.replace('properties', 'property'));
  });
});

describe('repo selection and shards', () => {
  const mk = (name: string, extra: Partial<RepoInfo> = {}): RepoInfo => ({
    full_name: `o/${name}`,
    name,
    default_branch: 'main',
    topics: [],
    archived: false,
    fork: false,
    ...extra,
  });
  const all = [
    mk('api'),
    mk('web', { topics: ['prod'] }),
    mk('old', { archived: true }),
    mk('fork', { fork: true }),
    mk('sandbox-1'),
  ];
  it('excludes archived and forks by default, applies patterns, topics and lists', () => {
    const base = {
      repos: [],
      topics: [],
      include: [],
      exclude: [],
      includeArchived: false,
      includeForks: false,
    };
    expect(selectRepos(all, base).map((r) => r.name)).toEqual(['api', 'sandbox-1', 'web']);
    expect(selectRepos(all, { ...base, exclude: ['sandbox-*'] }).map((r) => r.name)).toEqual(['api', 'web']);
    expect(selectRepos(all, { ...base, topics: ['prod'] }).map((r) => r.name)).toEqual(['web']);
    expect(
      selectRepos(all, { ...base, repos: ['o/api', 'old'], includeArchived: true }).map((r) => r.name),
    ).toEqual(['api', 'old']);
  });
  it('splits into disjoint shards that cover everything', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    const parts = [1, 2, 3].map((i) => shardOf(items, i, 3));
    expect(parts.flat().sort((a, b) => a - b)).toEqual(items);
    expect(
      Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length)),
    ).toBeLessThanOrEqual(1);
  });
  it('recognizes release refs', () => {
    const re = new RegExp(DEFAULT_RELEASE_REF);
    for (const ok of ['v1.2.0', '1.0', 'release/2026-11', 'release-3', 'v2.0.0-rc.1'])
      expect(re.test(ok), ok).toBe(true);
    for (const no of ['main', 'feature-x', 'dependabot/npm/x', 'v1']) expect(re.test(no), no).toBe(false);
  });
});

describe('report issue body and months', () => {
  it('puts the marker first, links last month, trims to the limit', () => {
    const m = reportMarker('acme', '2026-11');
    const b = issueBody(m, 'hello', 'https://x/issues/1');
    expect(b.startsWith(m)).toBe(true);
    expect(b).toContain('Previous report: https://x/issues/1');
    const long = issueBody(m, '```\n' + 'x'.repeat(80_000), undefined);
    expect(long.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    expect(long).toContain('trimmed');
    expect((long.match(/```/g) ?? []).length % 2).toBe(0);
  });
  it('computes months in UTC', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(defaultMonth(new Date('2026-12-01T00:30:00Z'))).toBe('2026-11');
  });
});

describe('aggregate inputs', () => {
  it('fills org and central repo from the runner, reads the API URL at call time', () => {
    const i = parseAggregateInputs({ github_token: 't' }, { GITHUB_REPOSITORY: 'acme/security' });
    expect(i).toMatchObject({
      github_org: 'acme',
      central_repo: 'acme/security',
      platform_alerts: 'auto',
      include_archived: false,
      concurrency: 4,
    });
    expect(i.custom_properties).toEqual({
      owner: 'owner',
      tier: 'business-tier',
      application: 'application',
    });
    expect(resolveApiUrl(undefined, { GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })).toBe(
      'https://ghe.example.com/api/v3',
    );
    expect(resolveApiUrl('http://127.0.0.1:1', { GITHUB_API_URL: 'https://x' })).toBe('http://127.0.0.1:1');
    expect(resolveApiUrl(undefined, {})).toBe('https://api.github.com');
  });
  it('reports bad values by input name', () => {
    const bad = () =>
      parseAggregateInputs({ github_org: 'acme', shard: '3/2', month: '2026-13', platform_alerts: 'maybe' });
    expect(bad).toThrow(InputsError);
    try {
      bad();
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('input "shard"');
      expect(msg).toContain('input "month"');
      expect(msg).toContain('input "platform_alerts"');
    }
    expect(() => parseAggregateInputs({ github_org: 'acme', central_repo: 'acme/x' })).toThrow(
      /github_token/,
    );
    expect(
      parseAggregateInputs({ github_org: 'acme', app_id: '1', app_private_key: 'k', shard: '2/8' }).shard,
    ).toEqual({ index: 2, count: 8 });
  });
});
