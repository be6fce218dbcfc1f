import { gitlabParser } from '../gitlab-common.js';

export const gitlabContainerScanParser = gitlabParser('container_scanning', {
  title: 'GitLab Container Scanning report (gl-container-scanning-report.json)',
  produce:
    'GitLab CI: `include: - template: Jobs/Container-Scanning.gitlab-ci.yml`; or Trivy: `trivy image --format template --template "@contrib/gitlab.tpl" -o gl-container-scanning-report.json IMAGE`',
  takes:
    'one record per vulnerabilities[] entry (the same CVE in two packages is two records); CVE identifiers, severity (Unknown → info), package name and version, fixed version from the solution text, image (location.image) and operating system, scanner name and version, scan.status',
});
