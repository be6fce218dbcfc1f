// CLI entry for the gitlab-ci-local aggregate test: `security-metrics aggregate --gitlab-group ...` with
// the real GitLab adapter and the stand-in core (test/helpers/fake-core.ts). Bundled by the test.
import { gitlabAggregateCli } from '../../src/commands/gitlab-aggregate-cli.js';
import { errorMessage } from '../../src/util/errors.js';
import { stderrLogger } from '../../src/util/logger.js';
import { fakeCore } from './fake-core.js';

const [command, ...rest] = process.argv.slice(2);
if (command !== 'aggregate') {
  process.stderr.write(`this test entry only runs "aggregate", not "${command}"\n`);
  process.exitCode = 2;
} else {
  gitlabAggregateCli(rest, process.env, stderrLogger(), { runAggregate: fakeCore() }).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`error: ${errorMessage(e)}\n`);
      process.exitCode = 2;
    },
  );
}
