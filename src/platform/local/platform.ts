import { promises as fs } from 'node:fs';
import type { Platform } from '../../commands/collect.js';
import { summaryToText } from '../../output/text.js';
import { safeLogText } from '../../output/markdown.js';

/**
 * Terminal / GitLab: the summary goes to the log (GitLab has no step summary), outputs are the
 * record's gate.env. GITHUB_STEP_SUMMARY is honoured when set so the CLI can be used in a `run:` step.
 */
export function localPlatform(env: Record<string, string | undefined>): Platform {
  return {
    name: env.GITLAB_CI === 'true' ? 'gitlab' : 'local',
    async writeSummary(markdown: string) {
      if (env.GITHUB_STEP_SUMMARY) await fs.appendFile(env.GITHUB_STEP_SUMMARY, markdown + '\n');
      else process.stderr.write(safeLogText(summaryToText(markdown)) + '\n');
    },
  };
}
