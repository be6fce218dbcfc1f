import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { INPUTS, parseAggregateInputs } from '../../schema/inputs.js';
import { runAggregate as aggregateCore } from '../../commands/aggregate.js';
import type { RunAggregate } from '../../commands/aggregate-api.js';
import { UserError } from '../../util/errors.js';
import type { Logger } from '../../util/logger.js';
import { runGithubAggregate } from './aggregate-org.js';

/** Inputs that are secrets: read from the environment only, never from argv (visible in `ps`). */
const SECRET_INPUTS = new Set(['github_token', 'app_private_key']);

const kebab = (s: string) => s.replace(/_/g, '-');

export const GITHUB_AGGREGATE_USAGE = `security-metrics aggregate --github-org <org> [--central-repo owner/repo] [--month YYYY-MM]
                           [--out <dir>] [--config <file>] [--inventory <file>] [--exceptions <file>]
                           [--repos a,b] [--exclude-repos <glob>] [--shard i/n | --shards-dir <dir>] [--dry-run true] ...
  Token from GITHUB_TOKEN (or GH_TOKEN); or GITHUB_APP_ID + GITHUB_APP_PRIVATE_KEY (PEM text) or
  GITHUB_APP_PRIVATE_KEY_FILE. API URL from --api-url, then GITHUB_API_URL.`;

/** `security-metrics aggregate --github-org <org> ...`: the org job from a terminal. */
export async function runGithubAggregateCli(
  args: string[],
  env: Record<string, string | undefined>,
  logger: Logger,
  runAggregate: RunAggregate = aggregateCore,
): Promise<number> {
  const options: Record<string, { type: 'string' }> = { out: { type: 'string' } };
  for (const spec of INPUTS) {
    if (spec.command === 'collect' || spec.name === 'command' || SECRET_INPUTS.has(spec.name)) continue;
    options[kebab(spec.name)] = { type: 'string' };
  }
  const { values } = parseArgs({ args, options, allowPositionals: false });
  const raw: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(values)) raw[k.replace(/-/g, '_')] = v as string | undefined;
  raw.output_dir = raw.out ?? raw.output_dir ?? 'security-metrics-report';
  delete raw.out;
  raw.github_token = env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
  raw.app_id ??= env.GITHUB_APP_ID;
  raw.app_private_key = env.GITHUB_APP_PRIVATE_KEY;
  if (!raw.app_private_key && env.GITHUB_APP_PRIVATE_KEY_FILE) {
    try {
      raw.app_private_key = readFileSync(env.GITHUB_APP_PRIVATE_KEY_FILE, 'utf8');
    } catch {
      throw new UserError('cannot read the private key file', env.GITHUB_APP_PRIVATE_KEY_FILE);
    }
  }
  // No workflow artifact outside Actions: the files stay in --out.
  raw.upload_artifact = 'false';
  const inputs = parseAggregateInputs(raw, env);
  const r = await runGithubAggregate(
    { inputs, env, cwd: process.cwd(), logger },
    { runAggregate, writeSummary: async (md) => logger.info(md) },
  );
  return r.exitCode;
}
