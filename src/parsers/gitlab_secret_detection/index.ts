import { gitlabParser } from '../gitlab-common.js';

export const gitlabSecretDetectionParser = gitlabParser('secret_detection', {
  title: 'GitLab Secret Detection report (gl-secret-detection-report.json)',
  produce:
    'GitLab CI: `include: - template: Jobs/Secret-Detection.gitlab-ci.yml` (or the secret-detection component); the job artifact `gl-secret-detection-report.json`',
  takes:
    'one record per vulnerabilities[] entry; rule (primary identifier), severity, file and lines, commit of history scans (identity only); raw_source_code_extract (the secret) is hashed into the identity and redacted, never copied; commit author and message are dropped',
});
