import path from 'node:path';
import { parseArgs } from 'node:util';
import { INPUTS, InputsError, onPlatform, parseCollectInputs } from './schema/inputs.js';
import { runCollect } from './commands/collect.js';
import { runNormalize } from './commands/normalize.js';
import { parseNormalizeArgs } from './commands/normalize-thread.js';
import { runAggregate } from './commands/aggregate.js';
import { runDemo } from './commands/demo.js';
import { errorMessage, reportFailure } from './util/errors.js';
import { isMainModule, runAsMain } from './util/entry.js';
import { stderrLogger } from './util/logger.js';
import { formatIds } from './parsers/registry.js';
import { VERSION } from './version.js';
import { localPlatform } from './platform/local/platform.js';
import {
  GITLAB_AGGREGATE_USAGE,
  gitlabAggregateCli,
  isGitlabAggregate,
} from './commands/gitlab-aggregate-cli.js';
import { GITHUB_AGGREGATE_USAGE, runGithubAggregateCli } from './platform/github/cli-aggregate.js';

const USAGE = `security-metrics ${VERSION}

Usage:
  security-metrics normalize <file>... [--format <id>] [--product P] [--service S]   JSONL on stdout
  security-metrics collect --reports <glob>... --out <dir> [--product P] [--service S]
                           [--fail-on <severity>] [--exceptions <file>] [--mode enforce|report] ...
  security-metrics aggregate --config <file> --records <dir> --out <dir> [--month YYYY-MM]
                             [--inventory <file>] [--exceptions <file>] [--history <dir>] [--manual <dir>]
                             [--tickets <file-or-dir>]...   (Jira, GitHub Issues, Linear, ServiceNow exports)
  security-metrics demo [--out <dir>]            end to end on the bundled example org, no token needed
${GITLAB_AGGREGATE_USAGE}
  security-metrics formats                                                             list format ids
  security-metrics --version | --help

Exit codes: 0 ok; 1 gate failed (enforce mode); 2 bad input or configuration.

GitHub org job (monthly issue, artifact files, history commit):
  ${GITHUB_AGGREGATE_USAGE.replace(/\n/g, '\n  ')}
`;

const kebab = (s: string) => s.replace(/_/g, '-');

function collectOptions() {
  const options: Record<string, { type: 'string'; multiple?: boolean; short?: string }> = {};
  for (const spec of INPUTS) {
    if (spec.command === 'aggregate' || spec.name === 'command' || !onPlatform(spec, 'cli')) continue;
    options[kebab(spec.name)] = { type: 'string', multiple: spec.name === 'reports' };
  }
  options.out = { type: 'string' };
  return options;
}

export async function main(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const logger = stderrLogger(env.SECURITY_METRICS_DEBUG === '1');
  const [command, ...rest] = argv;
  try {
    // The GitHub org job; the plain `aggregate` (local folders) is handled in the switch.
    if (command === 'aggregate' && rest.some((a) => a === '--github-org' || a.startsWith('--github-org=')))
      return await runGithubAggregateCli(rest, env, logger);
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      case '--version':
      case '-v':
        process.stdout.write(VERSION + '\n');
        return 0;
      case 'formats':
        process.stdout.write(formatIds().join('\n') + '\n');
        return 0;
      case 'normalize': {
        const job = parseNormalizeArgs(rest, env, process.cwd());
        if (job.files.length === 0) {
          logger.error('normalize needs at least one file');
          return 2;
        }
        return await runNormalize({ ...job, out: process.stdout, logger });
      }
      case 'collect': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: collectOptions(),
        });
        const raw: Record<string, string | undefined> = {};
        for (const spec of INPUTS) {
          const v = (values as Record<string, string | string[] | undefined>)[kebab(spec.name)];
          raw[spec.name] = Array.isArray(v) ? v.join('\n') : v;
        }
        const reports = [...((values.reports as string[] | undefined) ?? []), ...positionals];
        raw.reports = reports.length ? reports.join('\n') : undefined;
        raw.output_dir = (values.out as string | undefined) ?? raw.output_dir;
        raw.upload_artifact = 'false';
        const inputs = parseCollectInputs(raw);
        const r = await runCollect(inputs, { cwd: process.cwd(), env, logger, platform: localPlatform(env) });
        return r.exitCode;
      }
      case 'aggregate': {
        if (isGitlabAggregate(rest)) return await gitlabAggregateCli(rest, env, logger, { runAggregate });
        const { values } = parseArgs({
          args: rest,
          allowPositionals: false,
          options: {
            config: { type: 'string' },
            records: { type: 'string' },
            out: { type: 'string' },
            month: { type: 'string' },
            inventory: { type: 'string' },
            exceptions: { type: 'string' },
            history: { type: 'string' },
            manual: { type: 'string' },
            tickets: { type: 'string', multiple: true },
          },
        });
        if (!values.out) {
          logger.error('aggregate needs --out <dir>');
          return 2;
        }
        if (!values.records && !values.manual) {
          logger.error(
            'aggregate needs --records <dir> (collected run.json + findings.jsonl) or --manual <dir>',
          );
          return 2;
        }
        const r = await runAggregate(
          {
            configPath: values.config,
            recordsDir: values.records,
            manualDir: values.manual,
            ticketsPaths: values.tickets,
            inventoryPath: values.inventory,
            exceptionsPath: values.exceptions,
            historyDir: values.history,
            month: values.month,
            outDir: values.out,
          },
          logger,
        );
        process.stdout.write(`${r.outputs.find((o) => o.endsWith('report.md'))}\n`);
        return 0;
      }
      case 'demo': {
        const { values } = parseArgs({
          args: rest,
          allowPositionals: false,
          options: { out: { type: 'string' } },
        });
        const out = values.out ?? 'security-metrics-demo';
        const r = await runDemo(out, logger);
        const report = r.outputs.find((o) => o.endsWith('report.md'));
        process.stdout.write(
          `Demo report for ${r.month}: ${report}\nAll outputs: ${path.dirname(report ?? out)}\n`,
        );
        return 0;
      }
      default:
        logger.error(`unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof InputsError) {
      logger.error(errorMessage(e));
      return 2;
    }
    if (e instanceof TypeError && /ERR_PARSE_ARGS/.test(String((e as NodeJS.ErrnoException).code))) {
      logger.error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    return reportFailure(e, (m) => logger.error(m));
  }
}

// Run when this module is the script itself (a single-file bundle of it, as some tests build); dist/cli.js
// is src/cli-entry.ts, which loads this module as dist/cli-main.js.
if (isMainModule(import.meta.url)) runAsMain(main);
