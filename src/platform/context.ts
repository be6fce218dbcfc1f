import { readFileSync } from 'node:fs';
import type { RunEvent } from '../schema/run.js';

/** Where the collector runs and what triggered it, read from the CI's environment. */
export interface CiContext {
  platform: 'github' | 'gitlab' | 'local';
  repo: string | null;
  ref: string | null;
  commit: string | null;
  defaultBranch: string | null;
  runUrl: string | null;
  workspace: string | null;
  event: RunEvent;
}

type Env = Record<string, string | undefined>;

function readEventPayload(env: Env): Record<string, unknown> {
  const p = env.GITHUB_EVENT_PATH;
  if (!p) return {};
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function matches(pattern: string | undefined, ref: string | null): boolean {
  if (!pattern || !ref) return false;
  try {
    return new RegExp(pattern).test(ref);
  } catch {
    return false;
  }
}

/** GitHub: event name + ref + payload → event kind. */
export function classifyGithub(
  env: Env,
  releasePattern?: string,
  payload = readEventPayload(env),
): CiContext {
  const name = env.GITHUB_EVENT_NAME ?? null;
  const ref = env.GITHUB_REF ?? null;
  const repoInfo = (payload.repository ?? {}) as Record<string, unknown>;
  const defaultBranch = typeof repoInfo.default_branch === 'string' ? repoInfo.default_branch : null;
  const refName = env.GITHUB_REF_NAME ?? ref?.replace(/^refs\/(heads|tags)\//, '') ?? null;
  let event: RunEvent;
  if (name === 'release') event = { kind: 'release', name, reason: 'release event' };
  else if (name === 'deployment' || name === 'deployment_status')
    event = { kind: 'release', name, reason: 'deployment event' };
  else if (ref?.startsWith('refs/tags/') && name === 'push')
    event = { kind: 'release', name, reason: `tag push ${refName}` };
  else if (matches(releasePattern, ref) || matches(releasePattern, refName))
    event = { kind: 'release', name, reason: `ref ${refName} matches release_ref_pattern` };
  else if (name === 'pull_request' || name === 'pull_request_target' || name === 'merge_group')
    event = { kind: 'pull_request', name, reason: `${name} event` };
  else if (name === 'schedule') event = { kind: 'schedule', name, reason: 'scheduled run' };
  else if (name === 'push' && defaultBranch && refName === defaultBranch)
    event = { kind: 'default_branch', name, reason: `push to default branch ${defaultBranch}` };
  else
    event = {
      kind: 'other',
      name,
      reason: name ? `${name} event on ${refName ?? 'unknown ref'}` : 'no event name',
    };
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    platform: 'github',
    repo: env.GITHUB_REPOSITORY ?? null,
    ref,
    commit: env.GITHUB_SHA ?? null,
    defaultBranch,
    runUrl:
      env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : null,
    workspace: env.GITHUB_WORKSPACE ?? null,
    event,
  };
}

/** GitLab: CI_PIPELINE_SOURCE, CI_COMMIT_TAG, CI_DEFAULT_BRANCH, CI_ENVIRONMENT_* → event kind. */
export function classifyGitlab(env: Env, releasePattern?: string): CiContext {
  const source = env.CI_PIPELINE_SOURCE ?? null;
  const tag = env.CI_COMMIT_TAG || null;
  const branch = env.CI_COMMIT_BRANCH || null;
  const refName = tag ?? branch ?? env.CI_COMMIT_REF_NAME ?? null;
  const defaultBranch = env.CI_DEFAULT_BRANCH ?? null;
  let event: RunEvent;
  if (tag) event = { kind: 'release', name: source, reason: `tag pipeline ${tag}` };
  else if (env.CI_ENVIRONMENT_TIER === 'production')
    event = {
      kind: 'release',
      name: source,
      reason: `deployment to ${env.CI_ENVIRONMENT_NAME ?? 'production'}`,
    };
  else if (matches(releasePattern, refName))
    event = { kind: 'release', name: source, reason: `ref ${refName} matches release_ref_pattern` };
  else if (source === 'merge_request_event' || env.CI_MERGE_REQUEST_IID)
    event = { kind: 'pull_request', name: source, reason: 'merge request pipeline' };
  else if (source === 'schedule') event = { kind: 'schedule', name: source, reason: 'scheduled pipeline' };
  else if (branch && defaultBranch && branch === defaultBranch)
    event = { kind: 'default_branch', name: source, reason: `pipeline on default branch ${defaultBranch}` };
  else
    event = {
      kind: 'other',
      name: source,
      reason: source ? `${source} pipeline on ${refName ?? 'unknown ref'}` : 'no pipeline source',
    };
  return {
    platform: 'gitlab',
    repo: env.CI_PROJECT_PATH ?? null,
    ref: tag ? `refs/tags/${tag}` : branch ? `refs/heads/${branch}` : (env.CI_COMMIT_REF_NAME ?? null),
    commit: env.CI_COMMIT_SHA ?? null,
    defaultBranch,
    runUrl: env.CI_PIPELINE_URL ?? null,
    workspace: env.CI_PROJECT_DIR ?? null,
    event,
  };
}

export function detectContext(env: Env, releasePattern?: string): CiContext {
  if (env.GITHUB_ACTIONS === 'true') return classifyGithub(env, releasePattern);
  if (env.GITLAB_CI === 'true') return classifyGitlab(env, releasePattern);
  return {
    platform: 'local',
    repo: env.SECURITY_METRICS_REPO ?? null,
    ref: env.SECURITY_METRICS_REF ?? null,
    commit: env.SECURITY_METRICS_COMMIT ?? null,
    defaultBranch: null,
    runUrl: null,
    workspace: null,
    event: matches(releasePattern, env.SECURITY_METRICS_REF ?? null)
      ? { kind: 'release', name: null, reason: 'ref matches release_ref_pattern' }
      : { kind: 'other', name: null, reason: 'local run outside CI' },
  };
}
