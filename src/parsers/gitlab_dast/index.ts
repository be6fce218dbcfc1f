import { gitlabParser } from '../gitlab-common.js';

export const gitlabDastParser = gitlabParser('dast', {
  title: 'GitLab DAST report (gl-dast-report.json)',
  produce:
    'GitLab CI: `include: - template: DAST.gitlab-ci.yml` (or API security / API fuzzing); the job artifact `gl-dast-report.json`',
  takes:
    'one record per vulnerabilities[] entry (not merged by title); alert name or plugin name, plugin id as rule, CWE, severity, URL from location.hostname + path, HTTP method as a tag, scanner name and version; request/response evidence (headers, bodies) is never copied',
});
