import { gitlabParser } from '../gitlab-common.js';

export const gitlabSastParser = gitlabParser('sast', {
  title: 'GitLab SAST report (gl-sast-report.json)',
  produce:
    'GitLab CI: `include: - template: Jobs/SAST.gitlab-ci.yml` (or the SAST component); the job artifact `gl-sast-report.json` (artifacts:reports:sast)',
  takes:
    'one record per vulnerabilities[] entry (repeats are not merged); name, description, severity (Unknown → info), confidence, primary identifier as rule, CWE/CVE identifiers, file and lines, scanner name and version, scan.status; secrets-analyzer items of old reports as category secret; raw_source_code_extract is never copied',
});
