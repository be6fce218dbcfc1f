import { gitlabParser } from '../gitlab-common.js';

export const gitlabDepScanParser = gitlabParser('dependency_scanning', {
  title: 'GitLab Dependency Scanning report (gl-dependency-scanning-report.json)',
  produce:
    'GitLab CI: `include: - template: Jobs/Dependency-Scanning.gitlab-ci.yml` (or the dependency-scanning component); the job artifact `gl-dependency-scanning-report.json`',
  takes:
    'one record per vulnerabilities[] entry; CVE/GHSA/CWE identifiers, severity (Unknown → info), package name and version from location.dependency, fixed version from the solution text, manifest file, ecosystem from dependency_files[].package_manager, scanner name and version, scan.status',
});
