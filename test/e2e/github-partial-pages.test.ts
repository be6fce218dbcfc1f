import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGithub, type FakeGithub } from '../fakes/github-server.js';
import { createClient, newCallStats } from '../../src/platform/github/client.js';
import { listOrgRepos } from '../../src/platform/github/repos.js';
import { captureLogger } from '../../src/util/logger.js';
import type { SourceProblem } from '../../src/commands/aggregate-api.js';

// A list whose later page keeps failing (after the retries): the pages read are kept and the problem
// says exactly what is missing, so the run can finish and the confidence labels can say so.
describe('partial pages on the fake GitHub', () => {
  let fake: FakeGithub | undefined;
  afterEach(() => fake?.close());

  it('keeps the repos of page 1 and reports page 2 as missing', async () => {
    const repos = Array.from({ length: 150 }, (_, k) => ({
      name: `svc-${String(k).padStart(3, '0')}`,
      id: k + 1,
      default_branch: 'main',
      topics: [],
    }));
    fake = await startFakeGithub({ org: 'acme', repos: repos as never, token: 't0ken' });
    fake.addFault('GET /orgs/acme/repos', { status: 502, times: Infinity, skip: 1 });
    const octokit = createClient({
      baseUrl: fake.url,
      token: 't0ken',
      logger: captureLogger(),
      stats: newCallStats(),
      noWriteSpacing: true,
      retryAfterBaseMs: 1,
    });
    const problems: SourceProblem[] = [];
    const got = await listOrgRepos(octokit, 'acme', problems);
    expect(got).toHaveLength(100);
    expect(problems).toEqual([
      expect.objectContaining({
        affects: 'records',
        problem: expect.stringMatching(
          /^incomplete: page 2 failed \(HTTP 502\); only the first 100 repositories were read/,
        ),
      }),
    ]);
  });

  it('a failing first page is still an error (nothing to keep)', async () => {
    fake = await startFakeGithub({ org: 'acme', repos: [], token: 't0ken' });
    fake.addFault('GET /orgs/acme/repos', { status: 502, times: Infinity });
    const octokit = createClient({
      baseUrl: fake.url,
      token: 't0ken',
      logger: captureLogger(),
      stats: newCallStats(),
      noWriteSpacing: true,
      retryAfterBaseMs: 1,
    });
    await expect(listOrgRepos(octokit, 'acme')).rejects.toMatchObject({ status: 502 });
  });
});
