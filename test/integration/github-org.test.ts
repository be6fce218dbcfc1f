import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../../src/util/logger.js';
import { measureCallsPerRepo, startFakeOrg, type FakeOrg } from '../fakes/fake-org.js';

describe('GitHub org aggregate against a loopback fake org of 200 repos with faults', () => {
  let org: FakeOrg;
  beforeAll(async () => {
    org = await startFakeOrg({ nRepos: 200, faults: true });
  }, 120_000);
  afterAll(async () => {
    await org?.close();
  });

  it('publishes the issue, artifact files and history; reports failed repos; second run updates the issue', async () => {
    const logger = captureLogger();
    const uploads: Array<{ name: string; files: string[]; root: string }> = [];
    const masked: string[] = [];
    const outputs: Record<string, string> = {};
    const r1 = await org.run({}, logger, {
      uploadArtifact: async (name, files, root) => {
        uploads.push({ name, files, root });
        return { id: 1 };
      },
      maskSecret: (v) => masked.push(v),
      setOutput: (k, v) => (outputs[k] = v),
    });
    expect(r1.exitCode).toBe(0);
    expect(r1.month).toBe('2026-11');

    // Scope: 200 repos, archived/fork/central left out.
    expect(r1.repos).toHaveLength(200);
    expect(r1.repos.find((x) => x.repo.endsWith('old-archived'))).toBeUndefined();

    // Failed repos are listed with their reason; the others are all there.
    const failed = new Map(
      r1.repos.filter((x) => x.status === 'failed').map((x) => [x.repo, x.problems.join('; ')]),
    );
    expect([...failed.keys()].sort()).toEqual([...org.expectedFailures.keys()].sort());
    for (const [repo, fragment] of org.expectedFailures) expect(failed.get(repo)).toContain(fragment);
    for (const repo of org.expectedFailures.keys())
      expect(r1.problems.some((p) => p.source === repo && p.affects === 'records')).toBe(true);
    const noArtifact = r1.repos.filter((x) => x.status === 'no_artifact');
    expect(noArtifact).toHaveLength(20);
    const ok = r1.repos.filter((x) => x.status === 'ok');
    expect(ok).toHaveLength(200 - 20 - org.expectedFailures.size);

    // Nothing else lost: one default-branch record per ok repo + the release runs of the month.
    const metrics = JSON.parse(await fs.readFile(path.join(r1.outDir, 'metrics.json'), 'utf8'));
    expect(metrics.records).toBe(ok.length + org.releaseRuns);
    expect(metrics.release_runs).toBe(org.releaseRuns);
    expect(metrics.findings).toBe(2 * (ok.length + org.releaseRuns));
    expect(metrics.inventory).toBe(200);
    expect(metrics.owners_by_source['custom-property']).toBeGreaterThan(100);
    expect(metrics.owners_by_source.topic).toBe(40);
    expect(metrics.owners_by_source.codeowners).toBeGreaterThan(10);
    expect(metrics.platform_findings).toBe(3 + 1 + 1);
    // Normalized by the platform parsers: lifecycle dates from the platform, confidence A, repo set.
    const cs = metrics.platform.filter((f: { category: string }) => f.category === 'sast');
    expect(cs).toHaveLength(3);
    expect(cs[0]).toMatchObject({
      repo: 'acme/svc-000',
      first_seen: '2026-10-01T00:00:00.000Z',
      confidence: 'A',
      state: 'open',
    });
    expect(cs.find((f: { repo: string }) => f.repo === 'acme/svc-002').state).toBe('fixed');
    expect(metrics.platform.find((f: { category: string }) => f.category === 'secret')).toMatchObject({
      repo: 'acme/svc-000',
      confidence: 'A',
    });
    expect(metrics.platform.find((f: { category: string }) => f.category === 'sca')).toMatchObject({
      repo: 'acme/svc-001',
      first_seen: '2026-11-05T00:00:00.000Z',
    });
    expect(metrics.exceptions).toBe(1);
    expect(metrics.previous).toBe('https://github.test/acme/security-central/issues/90');
    expect(r1.problems.some((p) => p.source.endsWith('/issues/101') && p.affects === 'exceptions')).toBe(
      true,
    );

    // The default-branch artifact picked is the newest one of the month, not the PR or the older one.
    const rep0 = r1.repos.find((x) => x.repo === 'acme/svc-000')!;
    const art = org.fake.artifacts.find(
      (a) => a.repo === 'acme/svc-000' && a.created_at.startsWith('2026-11-28'),
    )!;
    expect(rep0.artifact_id).toBe(art.id);

    // A record claiming another repo is booked to the repo it was downloaded from.
    const r21 = r1.repos.find((x) => x.repo === 'acme/svc-021')!;
    expect(r21.status).toBe('ok');
    expect(r21.notes.join()).toContain('says repo acme/template; recorded as acme/svc-021');

    // Issue created once, with marker and label.
    const reports = org.fake.issues.filter((i) => i.title === 'Security metrics — 2026-11');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.body).toContain('<!-- product-security-metrics:report org=acme month=2026-11 -->');
    expect(r1.issue?.created).toBe(true);

    // History committed to the data branch, old snapshot kept.
    const files = org.fake.branchFiles('acme/security-central', 'security-metrics-data')!;
    expect(files.get('history/2026-11.json')).toContain('"month":"2026-11"');
    expect(files.get('history/2026-10.json')).toContain('2026-10');
    expect(r1.historyCommit).toMatch(/^[0-9a-f]{40}$/);

    // Outputs on disk; the secret value never reached any file.
    const sources = await fs.readFile(path.join(r1.outDir, 'sources.json'), 'utf8');
    expect(sources).not.toContain('ghp_thisIsAFakeSecretValue');
    expect(JSON.parse(sources).repos).toHaveLength(200);
    expect(
      org.fake.calls.some((c) => c.includes('secret-scanning/alerts') && c.includes('hide_secret=true')),
    ).toBe(true);

    // Calls: ≤ 2 per healthy repo (release repos + retried faults aside), constant per-org overhead.
    const faulty = new Set([...org.expectedFailures.keys(), 'acme/svc-012', 'acme/svc-013']);
    const release = new Set(['acme/svc-001', 'acme/svc-002', 'acme/svc-003']);
    for (const x of r1.repos) {
      if (faulty.has(x.repo)) continue;
      expect(x.calls, x.repo).toBeLessThanOrEqual(release.has(x.repo) ? 3 : 2);
      expect(org.fake.callsForRepo(x.repo)).toBe(x.calls);
    }
    expect(r1.stats.calls).toBeLessThanOrEqual(2 * 200 + 3 + 40);
    expect(r1.summary).toContain('rate limit left');
    expect(r1.summary).toContain('acme/svc-011');
    expect(logger.lines.join('\n')).not.toContain('test-token');
    // One artifact with every output file; the token masked before use; step outputs set.
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.name).toBe('security-metrics-report-2026-11');
    expect(uploads[0]!.files.map((f) => path.basename(f)).sort()).toEqual([
      'metrics.json',
      'report.md',
      'sources.json',
    ]);
    expect(masked).toEqual(['test-token']);
    expect(outputs).toMatchObject({
      month: '2026-11',
      failed_repos: String(org.expectedFailures.size),
      issue_url: r1.issue!.html_url,
    });

    // Second run: same issue updated in place, no second issue; history unchanged → no new commit.
    const before = org.fake.branches.get('acme/security-central')!.get('security-metrics-data');
    const r2 = await org.run();
    expect(r2.issue?.created).toBe(false);
    expect(r2.issue?.number).toBe(r1.issue?.number);
    expect(org.fake.issues.filter((i) => i.title === 'Security metrics — 2026-11')).toHaveLength(1);
    expect(org.fake.branches.get('acme/security-central')!.get('security-metrics-data')).toBe(before);
  }, 120_000);
});

describe('measureCallsPerRepo (the bench figure)', () => {
  it('stays at 2 calls per repo plus the release downloads, with a constant per-org overhead', async () => {
    const m = await measureCallsPerRepo(40);
    expect(m.repos).toBe(40);
    // 1 artifact list + 1 download per repo; repos 1-3 each add one release-run download.
    expect(m.repoScopedCalls).toBe(2 * 40 + 3);
    expect(m.orgCalls).toBeLessThanOrEqual(20);
  }, 60_000);
});
