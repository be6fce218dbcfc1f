import type { FileHandle } from 'node:fs/promises';
import { GITLAB_FORMAT, type GitlabKind } from '../parsers/gitlab-common.js';
import { grypeStreaming } from '../parsers/grype/index.js';
import { npmAuditStreaming } from '../parsers/npm_audit/index.js';
import { semgrepStreaming } from '../parsers/semgrep/index.js';
import { snykStreaming } from '../parsers/snyk/index.js';
import { trivyStreaming } from '../parsers/trivy/index.js';
import { bigArrayPlanner } from './big-array.js';
import { gitlabStreaming } from './formats/gitlab.js';
import { planSarif } from './sarif-stream.js';
import type { StreamIo, StreamPlan } from './slices.js';

/** Prepares a streamed read of one open file of a format (see docs/performance.md). */
export type StreamPlanner = (fh: FileHandle, size: number, file: string, io: StreamIo) => Promise<StreamPlan>;

/** Formats that have a streaming reader, by format id. */
const STREAMERS = new Map<string, StreamPlanner>([
  ['sarif', planSarif],
  ...(Object.keys(GITLAB_FORMAT) as GitlabKind[]).map((kind): [string, StreamPlanner] => [
    GITLAB_FORMAT[kind],
    bigArrayPlanner(gitlabStreaming(kind)),
  ]),
  ['trivy', bigArrayPlanner(trivyStreaming)],
  ['semgrep', bigArrayPlanner(semgrepStreaming)],
  ['grype', bigArrayPlanner(grypeStreaming)],
  ['snyk', bigArrayPlanner(snykStreaming)],
  ['npm_audit', bigArrayPlanner(npmAuditStreaming)],
]);

export function streamerFor(formatId: string): StreamPlanner | undefined {
  return STREAMERS.get(formatId);
}

/** Register a streaming reader for a format (used by the generic big-array reader). */
export function registerStreamer(formatId: string, planner: StreamPlanner): void {
  STREAMERS.set(formatId, planner);
}

export function streamableFormats(): string[] {
  return [...STREAMERS.keys()].sort();
}
