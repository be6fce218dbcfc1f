import * as core from '@actions/core';
import type { Platform } from '../../commands/collect.js';
import type { Logger } from '../../util/logger.js';

export function githubLogger(): Logger {
  return {
    info: (m) => core.info(m),
    warning: (m, where) =>
      core.warning(m, where ? { file: where.file, startLine: where.line, title: where.title } : undefined),
    error: (m, where) =>
      core.error(m, where ? { file: where.file, startLine: where.line, title: where.title } : undefined),
    debug: (m) => core.debug(m),
  };
}

export function githubPlatform(): Platform {
  return {
    name: 'github',
    async uploadArtifact(name, files, rootDir) {
      // Imported lazily: @actions/artifact reads its environment at import time.
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const client = new DefaultArtifactClient();
      const r = await client.uploadArtifact(name, files, rootDir, { retentionDays: 90 });
      return { id: r.id, size: r.size };
    },
    async writeSummary(markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.info(markdown);
        return;
      }
      await core.summary.addRaw(markdown, true).write();
    },
    setOutput: (name, value) => core.setOutput(name, value),
    annotate(level, message, where) {
      const props = { file: where.file, startLine: where.line, title: where.title };
      if (level === 'error') core.error(message, props);
      else core.warning(message, props);
    },
  };
}

/** Action inputs by name, read once at the edge. */
export function readActionInputs(names: string[]): Record<string, string | undefined> {
  const raw: Record<string, string | undefined> = {};
  for (const n of names) {
    const v = core.getInput(n);
    raw[n] = v === '' ? undefined : v;
  }
  return raw;
}

export { core };
