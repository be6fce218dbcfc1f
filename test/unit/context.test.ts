import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyGithub, classifyGitlab, detectContext } from '../../src/platform/context.js';

const payload = { repository: { default_branch: 'main' } };

describe('event classification: GitHub', () => {
  const gh = (env: Record<string, string>, pattern?: string) =>
    classifyGithub({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/shop', ...env }, pattern, payload).event
      .kind;
  it.each([
    [{ GITHUB_EVENT_NAME: 'release', GITHUB_REF: 'refs/tags/v1.2.0' }, 'release'],
    [{ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.0' }, 'release'],
    [{ GITHUB_EVENT_NAME: 'deployment', GITHUB_REF: 'refs/heads/main' }, 'release'],
    [{ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' }, 'pull_request'],
    [{ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' }, 'default_branch'],
    [{ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature', GITHUB_REF_NAME: 'feature' }, 'other'],
    [{ GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/main' }, 'schedule'],
  ])('%o → %s', (env, kind) => {
    expect(gh(env)).toBe(kind);
  });
  it('a ref matching release_ref_pattern is a release', () => {
    expect(
      gh(
        {
          GITHUB_EVENT_NAME: 'push',
          GITHUB_REF: 'refs/heads/release/2026.12',
          GITHUB_REF_NAME: 'release/2026.12',
        },
        '^release/',
      ),
    ).toBe('release');
  });
  it('reads the default branch from the event payload file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evt-'));
    const file = path.join(dir, 'event.json');
    writeFileSync(file, JSON.stringify({ repository: { default_branch: 'trunk' } }));
    const ctx = detectContext({
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/trunk',
      GITHUB_REF_NAME: 'trunk',
      GITHUB_EVENT_PATH: file,
    });
    expect(ctx.event.kind).toBe('default_branch');
    expect(ctx.defaultBranch).toBe('trunk');
  });
});

describe('event classification: GitLab', () => {
  const gl = (env: Record<string, string>, pattern?: string) =>
    classifyGitlab({ GITLAB_CI: 'true', CI_DEFAULT_BRANCH: 'main', ...env }, pattern).event.kind;
  it.each([
    [{ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v2.0.0', CI_COMMIT_REF_NAME: 'v2.0.0' }, 'release'],
    [
      { CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '12', CI_COMMIT_REF_NAME: 'feat' },
      'pull_request',
    ],
    [{ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' }, 'default_branch'],
    [{ CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_BRANCH: 'main' }, 'schedule'],
    [
      {
        CI_PIPELINE_SOURCE: 'push',
        CI_COMMIT_BRANCH: 'main',
        CI_ENVIRONMENT_TIER: 'production',
        CI_ENVIRONMENT_NAME: 'prod',
      },
      'release',
    ],
    [{ CI_PIPELINE_SOURCE: 'web', CI_COMMIT_BRANCH: 'feat' }, 'other'],
  ])('%o → %s', (env, kind) => {
    expect(gl(env)).toBe(kind);
  });
  it('release_ref_pattern on GitLab', () => {
    expect(gl({ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'release-7' }, '^release-')).toBe('release');
  });
});
