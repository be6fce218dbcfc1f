import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGithub, makeIssue, type FakeGithub } from '../fakes/github-server.js';
import { createClient, newCallStats } from '../../src/platform/github/client.js';
import { readTrackerIssues } from '../../src/platform/github/org-sources.js';
import { captureLogger } from '../../src/util/logger.js';
import type { SourceProblem } from '../../src/commands/aggregate-api.js';

// GitHub Issues as the tracker, through the platform adapter, against the loopback fake GitHub.
describe('GitHub Issues tracker (search API on the fake org)', () => {
  let fake: FakeGithub;
  beforeAll(async () => {
    fake = await startFakeGithub({ org: 'acme', repos: [{ name: 'shop' } as never], token: 't0ken' });
    for (let n = 1; n <= 130; n++)
      fake.trackerIssues.push(
        makeIssue(
          fake.url,
          'acme/shop',
          n,
          `Fix CVE-2021-${40000 + n}`,
          `Tracks CVE-2021-${40000 + n}`,
          n === 7 ? ['other'] : ['security'],
          '2026-11-02T10:00:00Z',
        ),
      );
  });
  afterAll(() => fake.close());

  it('reads every labelled issue across pages, as tickets with repo and state', async () => {
    const stats = newCallStats();
    const octokit = createClient({
      baseUrl: fake.url,
      token: 't0ken',
      logger: captureLogger(),
      stats,
      noWriteSpacing: true,
      retryAfterBaseMs: 1,
    });
    const problems: SourceProblem[] = [];
    const tickets = await readTrackerIssues(octokit, 'acme', 'security', problems);
    expect(problems).toEqual([]);
    expect(tickets).toHaveLength(129);
    expect(tickets[0]).toMatchObject({
      tracker: 'github',
      key: 'acme/shop#1',
      repo: 'acme/shop',
      status_category: 'todo',
    });
    expect(stats.calls).toBe(2); // 100 per page: per-org calls, not per repo
  });

  it('a failing search is reported as a source problem, and the run goes on', async () => {
    fake.addFault('GET /search/issues', { status: 500, times: 5 });
    const octokit = createClient({
      baseUrl: fake.url,
      token: 't0ken',
      logger: captureLogger(),
      stats: newCallStats(),
      noWriteSpacing: true,
      retryAfterBaseMs: 1,
    });
    const problems: SourceProblem[] = [];
    expect(await readTrackerIssues(octokit, 'acme', 'security', problems)).toEqual([]);
    expect(problems[0]).toMatchObject({ affects: 'tickets', problem: expect.stringMatching(/HTTP 500/) });
  });
});
