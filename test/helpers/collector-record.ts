import { promises as fs } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { runCollect } from '../../src/commands/collect.js';
import { parseCollectInputs } from '../../src/schema/inputs.js';
import { captureLogger } from '../../src/util/logger.js';
import { ROOT } from './gitlab-spec.js';

/** A real collector record for `project`, zipped the way GitLab serves job artifacts. */
export async function artifactZip(project: string, dir: string): Promise<Uint8Array> {
  await fs.cp(path.join(ROOT, 'test/fixtures/gitlab-ci/reports'), path.join(dir, 'reports'), {
    recursive: true,
  });
  const env = {
    GITLAB_CI: 'true',
    CI_PROJECT_PATH: project,
    CI_COMMIT_SHA: 'a'.repeat(40),
    CI_COMMIT_BRANCH: 'main',
    CI_DEFAULT_BRANCH: 'main',
    CI_PIPELINE_SOURCE: 'push',
    SOURCE_DATE_EPOCH: String(Date.parse('2026-11-20T00:00:00Z') / 1000),
  };
  const inputs = parseCollectInputs({ reports: 'reports/*.sarif', upload_artifact: 'false' });
  const r = await runCollect(inputs, {
    cwd: dir,
    env,
    logger: captureLogger(),
    platform: { name: 'gitlab' },
  });
  const read = (f: string) => fs.readFile(path.join(r.recordDir, f));
  return zipSync({
    'security-metrics/run.json': await read('run.json'),
    'security-metrics/findings.jsonl': await read('findings.jsonl'),
    'security-metrics/gate.env': await read('gate.env'),
  });
}
