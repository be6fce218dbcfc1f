import { INPUTS, InputsError, parseAggregateInputs, parseCollectInputs } from './schema/inputs.js';
import { runCollect } from './commands/collect.js';
import { errorMessage, isUserError } from './util/errors.js';
import { core, githubLogger, githubPlatform, readActionInputs } from './platform/github/platform.js';
import { safeLogText } from './output/markdown.js';
import { runGithubAggregate } from './platform/github/aggregate-org.js';
import { runAggregate } from './commands/aggregate.js';

/** The action: read inputs once, run the selected command, map the exit code to the step result. */
export async function run(): Promise<void> {
  try {
    const raw = readActionInputs(INPUTS.map((i) => i.name));
    const command = (raw.command ?? 'collect').trim().toLowerCase();
    if (command === 'collect') {
      const inputs = parseCollectInputs(raw);
      const r = await runCollect(inputs, {
        cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
        env: process.env,
        logger: githubLogger(),
        platform: githubPlatform(),
      });
      if (r.exitCode === 1) core.setFailed(`release gate: ${r.run.gate?.result ?? 'fail'}`);
      else if (r.exitCode === 2) core.setFailed('bad input: see the errors above');
      return;
    }
    if (command === 'aggregate') {
      const platform = githubPlatform();
      const inputs = parseAggregateInputs(raw, process.env);
      await runGithubAggregate(
        {
          inputs,
          env: process.env,
          cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
          logger: githubLogger(),
        },
        {
          runAggregate,
          uploadArtifact: platform.uploadArtifact,
          writeSummary: platform.writeSummary,
          setOutput: platform.setOutput,
          maskSecret: (s) => core.setSecret(s),
        },
      );
      return;
    }
    core.setFailed(`input "command": unknown command "${command}" (valid: collect, aggregate)`);
  } catch (e) {
    if (e instanceof InputsError || isUserError(e)) core.setFailed(safeLogText(errorMessage(e)));
    else
      core.setFailed(
        `internal error (please report): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
  }
}
