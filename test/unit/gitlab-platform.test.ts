import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GitlabApiError, GitlabClient, encodeId } from '../../src/platform/gitlab/client.js';
import { exceptionsFromIssues, fieldsFromDescription } from '../../src/platform/gitlab/issue-exceptions.js';
import { inventoryFromTopics } from '../../src/platform/gitlab/topics.js';
import { mapGitlabState, vulnerabilitiesToFindings } from '../../src/platform/gitlab/vulnerabilities.js';
import { previousMonth, recordsFromArchive, reportMonth } from '../../src/platform/gitlab/aggregate.js';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function client(handler: Handler, extra: Partial<ConstructorParameters<typeof GitlabClient>[0]> = {}) {
  const waits: number[] = [];
  const seen: string[] = [];
  const c = new GitlabClient({
    apiUrl: 'https://gitlab.example.test/api/v4/',
    token: 't0k',
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      seen.push(String(input));
      return handler(String(input), init ?? {});
    }) as typeof fetch,
    sleep: async (ms) => void waits.push(ms),
    ...extra,
  });
  return { c, waits, seen };
}

const json = (data: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('GitlabClient', () => {
  it('encodes path ids', () => {
    expect(encodeId('acme/sub group/app')).toBe('acme%2Fsub%20group%2Fapp');
    expect(encodeId(42)).toBe('42');
  });

  it('paginates with X-Next-Page when there is no Link header', async () => {
    const { c, seen } = client((url) => {
      const page = Number(new URL(url).searchParams.get('page') ?? 1);
      return json([page], 200, page < 3 ? { 'x-next-page': String(page + 1) } : {});
    });
    expect(await c.paginate('/groups/acme/projects', { archived: false })).toEqual([1, 2, 3]);
    expect(seen[0]).toBe(
      'https://gitlab.example.test/api/v4/groups/acme/projects?per_page=100&archived=false',
    );
  });

  it('waits as long as Retry-After says (seconds or HTTP date), then succeeds', async () => {
    let n = 0;
    const { c, waits } = client(() => {
      n++;
      if (n === 1) return json({}, 429, { 'retry-after': '7' });
      if (n === 2) return json({}, 429, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() });
      return json({ ok: true });
    });
    expect(await c.get('/projects/1')).toEqual({ ok: true });
    expect(waits[0]).toBe(7000);
    expect(waits[1]).toBeGreaterThan(50_000);
  });

  it('gives up on a Retry-After longer than it is willing to wait, and after maxRetries', async () => {
    const long = client(() => json({}, 429, { 'retry-after': '3600' }));
    await expect(long.c.get('/x')).rejects.toThrow(/Retry-After 3600 s is longer than the 300 s/);
    const down = client(() => json({ message: 'boom' }, 503), { maxRetries: 2 });
    await expect(down.c.get('/x')).rejects.toThrow(/GET \/x: HTTP 503 boom/);
    expect(down.waits).toEqual([1000, 2000]);
  });

  it('repeats a POST only after 429 (a 5xx may hide a write that landed)', async () => {
    let n = 0;
    const five = client(() => (n++, json({ message: 'bad gateway' }, 502)));
    await expect(five.c.request('POST', '/projects/1/issues', { body: {} })).rejects.toThrow(/HTTP 502/);
    expect(n).toBe(1);
    let m = 0;
    const limited = client(() => (m++ === 0 ? json({}, 429, { 'retry-after': '1' }) : json({ iid: 1 }, 201)));
    expect(await limited.c.request('POST', '/projects/1/issues', { body: {} })).toEqual({ iid: 1 });
    expect(limited.waits).toEqual([1000]);
  });

  it('retries network errors and reports them as status 0', async () => {
    const { c } = client(
      () => {
        throw new TypeError('fetch failed');
      },
      { maxRetries: 1 },
    );
    const err = await c.get('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitlabApiError);
    expect((err as GitlabApiError).status).toBe(0);
    expect(String(err)).toMatch(/network error fetch failed/);
  });

  it('sends the token only to its own origin when following redirects', async () => {
    const tokens: Array<[string, string | undefined]> = [];
    const { c } = client((url, init) => {
      tokens.push([new URL(url).host, (init.headers as Record<string, string>)['private-token']]);
      if (url.includes('/download'))
        return new Response(null, { status: 302, headers: { location: 'https://blobs.example.test/a.zip' } });
      return new Response(new Uint8Array([1, 2, 3]), { status: 200 });
    });
    expect(await c.bytes('/projects/1/jobs/artifacts/main/download', { job: 'x' })).toEqual(
      new Uint8Array([1, 2, 3]),
    );
    expect(tokens).toEqual([
      ['gitlab.example.test', 't0k'],
      ['blobs.example.test', undefined],
    ]);
  });

  it('turns GraphQL errors into an error and uses the instance GraphQL endpoint', async () => {
    const { c, seen } = client(() => json({ errors: [{ message: 'no Ultimate' }] }));
    await expect(c.graphql('query { x }', {})).rejects.toThrow(/no Ultimate/);
    expect(seen[0]).toBe('https://gitlab.example.test/api/graphql');
  });
});

describe('GitLab vulnerabilities → findings', () => {
  it('maps states and dismissal reasons (METRICS.md lifecycle)', () => {
    expect(mapGitlabState('DETECTED', null).state).toBe('open');
    expect(mapGitlabState('CONFIRMED', null)).toEqual({ state: 'open', reason: 'confirmed' });
    expect(mapGitlabState('RESOLVED', null).state).toBe('fixed');
    expect(mapGitlabState('DISMISSED', 'ACCEPTABLE_RISK')).toEqual({
      state: 'accepted_risk',
      reason: 'acceptable risk',
    });
    expect(mapGitlabState('DISMISSED', 'FALSE_POSITIVE').state).toBe('false_positive');
    for (const r of ['MITIGATING_CONTROL', 'USED_IN_TESTS', 'NOT_APPLICABLE', null])
      expect(mapGitlabState('DISMISSED', r).state).toBe('not_applicable');
  });

  it('fills category, severity, ids, package, location and dates', () => {
    const [sca, secret, dast] = vulnerabilitiesToFindings(
      [
        {
          id: 'gid://gitlab/Vulnerability/1',
          title: 'lodash prototype pollution',
          severity: 'HIGH',
          state: 'RESOLVED',
          resolvedAt: '2026-11-20T00:00:00Z',
          detectedAt: '2026-10-01T00:00:00Z',
          reportType: 'DEPENDENCY_SCANNING',
          project: { fullPath: 'acme/a' },
          scanner: { name: 'Gemnasium' },
          identifiers: [
            { externalType: 'gemnasium', externalId: 'abc', name: 'Gemnasium-abc' },
            { externalType: 'cve', externalId: 'cve-2020-8203', name: 'CVE-2020-8203' },
            { externalType: 'cwe', externalId: '1321', name: 'CWE-1321' },
          ],
          location: {
            file: 'package-lock.json',
            dependency: { version: '4.17.15', package: { name: 'lodash' } },
          },
        },
        {
          id: 'gid://gitlab/Vulnerability/2',
          title: 'AWS key',
          severity: 'CRITICAL',
          state: 'DETECTED',
          reportType: 'SECRET_DETECTION',
          project: { fullPath: 'acme/a' },
          identifiers: [{ externalType: 'gitleaks_rule_id', externalId: 'AWS', name: 'AWS' }],
          location: { file: 'config.env', startLine: 3 },
        },
        {
          id: 'gid://gitlab/Vulnerability/3',
          title: 'Missing CSP',
          severity: 'UNKNOWN',
          state: 'DETECTED',
          reportType: 'DAST',
          project: { fullPath: 'acme/a' },
          identifiers: [],
          location: { hostname: 'https://app.example.test/', path: '/login' },
        },
      ],
      '2026-12-01T00:00:00Z',
    );
    expect(sca).toMatchObject({
      category: 'sca',
      severity: 'high',
      severity_source: 'tool',
      state: 'fixed',
      closed_at: '2026-11-20T00:00:00Z',
      first_seen: '2026-10-01T00:00:00Z',
      cve: ['CVE-2020-8203'],
      cwe: ['CWE-1321'],
      rule_id: 'CVE-2020-8203',
      package: { name: 'lodash', version: '4.17.15' },
      repo: 'acme/a',
      source_tool: 'Gemnasium',
      confidence: 'A',
    });
    expect(secret).toMatchObject({
      category: 'secret',
      severity: 'critical',
      location: { file: 'config.env', start_line: 3 },
    });
    expect(dast).toMatchObject({
      category: 'dast',
      severity: 'info',
      location: { url: 'https://app.example.test/login' },
    });
  });
});

describe('topics → inventory', () => {
  it('reads key:value topics and falls back to the project name', () => {
    expect(
      inventoryFromTopics({
        id: 1,
        path_with_namespace: 'acme/pay-api',
        topics: ['product:payments', 'team=pay', 'tier:1', 'mobile', 'rust'],
      }),
    ).toEqual({
      application: 'payments',
      owner: 'pay',
      owner_source: 'topic',
      tier: '1',
      mobile: true,
      repos: ['acme/pay-api'],
      source: 'gitlab:topics acme/pay-api',
    });
    expect(inventoryFromTopics({ id: 2, path_with_namespace: 'acme/tools/cli' })).toEqual({
      application: 'cli',
      repos: ['acme/tools/cli'],
      source: 'gitlab:project acme/tools/cli',
    });
  });
});

describe('exceptions from issues', () => {
  it('reads issue-form sections and Field: value lines', () => {
    expect(
      fieldsFromDescription(
        '### Scope\n\nrule:py/sql\n\n### Expires\n\n2027-01-31\n\n### Ticket\n\n_No response_\n',
      ),
    ).toEqual({
      Scope: 'rule:py/sql',
      Expires: '2027-01-31',
    });
    expect(fieldsFromDescription('Intro text\n- **Scope**: `package:lodash`\nOwner: team-a')).toEqual({
      Scope: 'package:lodash',
      Owner: 'team-a',
    });
  });

  it('defaults id, ticket and created from the issue; lists bad issues', () => {
    const r = exceptionsFromIssues(
      [
        {
          iid: 7,
          title: 'x',
          description: 'Scope: cve:CVE-2024-1\nExpires: 2027-01-01',
          web_url: 'https://g/acme/c/-/issues/7',
          created_at: '2026-11-01T10:00:00Z',
        },
        {
          iid: 8,
          title: 'y',
          description: 'Scope: cve:CVE-2024-2\nExpires: 31/12/2026',
          web_url: 'https://g/acme/c/-/issues/8',
        },
      ],
      'acme/c',
    );
    expect(r.exceptions).toEqual([
      expect.objectContaining({
        id: 'acme/c#7',
        ticket: 'https://g/acme/c/-/issues/7',
        created: '2026-11-01',
        source: 'https://g/acme/c/-/issues/7',
      }),
    ]);
    expect(r.errors).toEqual([
      { source: 'https://g/acme/c/-/issues/8', problem: expect.stringMatching(/expires/) },
    ]);
  });
});

describe('artifact archives', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('needs run.json with findings.jsonl beside it, both valid', () => {
    expect(() => recordsFromArchive(zipSync({ 'x.txt': enc('') }), 'o')).toThrow(/no run.json/);
    expect(() => recordsFromArchive(zipSync({ 'r/run.json': enc('{}') }), 'o')).toThrow(
      /no findings.jsonl beside it/,
    );
    expect(() =>
      recordsFromArchive(zipSync({ 'r/run.json': enc('{}'), 'r/findings.jsonl': enc('') }), 'o'),
    ).toThrow(/is not a run record/);
  });
});

describe('report month', () => {
  it('is the previous full month unless given', () => {
    expect(reportMonth(new Date('2026-01-03T00:00:00Z'))).toBe('2025-12');
    expect(reportMonth(new Date('2026-03-31T23:59:59Z'), '2026-02')).toBe('2026-02');
    expect(() => reportMonth(new Date(), '2026-2')).toThrow(/YYYY-MM/);
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
});
