import { parseArgs } from 'node:util';
import { runGitlabAggregate, type GitlabAggregateDeps } from '../platform/gitlab/aggregate.js';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';

export const GITLAB_AGGREGATE_USAGE = `  security-metrics aggregate --gitlab-group <group> [--gitlab-api-url <url>] [--gitlab-project <central>]
                           [--token-variable NAME] [--collect-job-name N] [--collect-ref REF]
                           [--gitlab-vulnerabilities true|false] [--config F] [--inventory F] [--exceptions F]
                           [--exception-label L] [--report-label L] [--month YYYY-MM] [--history-path D]
                           [--history-branch B] [--out D] [--publish]`;

const OPTIONS = {
  'gitlab-group': { type: 'string' },
  'gitlab-api-url': { type: 'string' },
  'gitlab-project': { type: 'string' },
  'token-variable': { type: 'string' },
  'collect-job-name': { type: 'string' },
  'collect-ref': { type: 'string' },
  'gitlab-vulnerabilities': { type: 'string' },
  config: { type: 'string' },
  inventory: { type: 'string' },
  exceptions: { type: 'string' },
  'exception-label': { type: 'string' },
  'report-label': { type: 'string' },
  month: { type: 'string' },
  'history-path': { type: 'string' },
  'history-branch': { type: 'string' },
  out: { type: 'string' },
  'report-dir': { type: 'string' },
  publish: { type: 'boolean' },
} as const;

export function isGitlabAggregate(args: readonly string[]): boolean {
  return args.some((a) => a === '--gitlab-group' || a.startsWith('--gitlab-group='));
}

/**
 * `security-metrics aggregate --gitlab-group <group>`: the GitLab group job, from the aggregate
 * component or a terminal. The token is read from the environment variable named by
 * `--token-variable` (default SECURITY_METRICS_TOKEN, then GITLAB_TOKEN), never from the command line.
 * Empty flag values (the component passes every input) mean "default".
 */
export async function gitlabAggregateCli(
  args: string[],
  env: Record<string, string | undefined>,
  logger: Logger,
  deps: Pick<GitlabAggregateDeps, 'runAggregate'> & Partial<GitlabAggregateDeps>,
): Promise<number> {
  const { values } = parseArgs({ args, options: OPTIONS, allowPositionals: false });
  const v = (k: keyof typeof OPTIONS): string | undefined => {
    const x = values[k];
    return typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined;
  };
  const group = v('gitlab-group');
  if (!group) throw new UserError('--gitlab-group: the group path is required (e.g. acme or acme/platform)');
  const apiUrl = v('gitlab-api-url') ?? env.CI_API_V4_URL;
  if (!apiUrl)
    throw new UserError(
      '--gitlab-api-url: no API URL (outside GitLab CI pass e.g. https://gitlab.example.com/api/v4)',
    );
  try {
    new URL(apiUrl);
  } catch {
    throw new UserError(`--gitlab-api-url: "${apiUrl}" is not a URL`);
  }
  const tokenVar = v('token-variable') ?? 'SECURITY_METRICS_TOKEN';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenVar))
    throw new UserError(`--token-variable: "${tokenVar}" is not a variable name`);
  const token = env[tokenVar] || (v('token-variable') ? undefined : env.GITLAB_TOKEN);
  if (!token)
    throw new UserError(
      `no token: set the environment variable ${tokenVar} (in GitLab: a masked CI/CD variable holding a group access token with scope api)`,
    );
  const vulns = (v('gitlab-vulnerabilities') ?? 'false').toLowerCase();
  if (vulns !== 'true' && vulns !== 'false')
    throw new UserError('--gitlab-vulnerabilities: must be true or false');
  const month = v('month');
  if (month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UserError(`--month: "${month}" is not YYYY-MM`);
  const publish = values.publish === true;
  const centralProject = v('gitlab-project') ?? env.CI_PROJECT_PATH;

  const r = await runGitlabAggregate(
    {
      apiUrl,
      token,
      group,
      centralProject,
      collectJobName: v('collect-job-name') ?? 'security-metrics',
      collectRef: v('collect-ref'),
      vulnerabilities: vulns === 'true',
      configPath: v('config'),
      inventoryPath: v('inventory'),
      exceptionsPath: v('exceptions'),
      exceptionLabel: v('exception-label') ?? 'security-exception',
      reportLabel: v('report-label') ?? 'security-metrics',
      month,
      historyDir: v('history-path') ?? 'history',
      historyBranch: v('history-branch') ?? 'security-metrics-data',
      outDir: v('out') ?? v('report-dir') ?? 'security-metrics-report',
      publish,
    },
    { logger, ...deps },
  );
  const failed = r.projects.filter((p) => p.problem).length;
  logger.info(
    `${r.result.title}: ${r.projects.length} project(s), ${r.projects.length - failed} with records, ${r.problems.length} source problem(s), ${r.apiCalls} API call(s)`,
  );
  if (r.issue) logger.info(`issue: ${r.issue.web_url} (${r.issue.action})`);
  else if (!publish)
    logger.info('not published (pass --publish to create/update the issue and commit the history)');
  logger.info(`outputs: ${r.result.outputs.join(', ')}`);
  return 0;
}
