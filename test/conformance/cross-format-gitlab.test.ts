import { expect, it } from 'vitest';
import { formatIds } from '../../src/parsers/registry.js';
import { describeCorpus, normalizeCorpus } from '../helpers/corpus.js';

// ORACLE.md "Cross-format pairs": the same Trivy scan of alpine 3.10 as GitLab container scanning,
// SARIF and Trivy JSON must give the same identity set (sca/v1: CVE + package + image/target).
describeCorpus('cross-format: alpine-310 as GitLab / SARIF / Trivy', () => {
  const ids = (rel: string) => {
    const r = normalizeCorpus(rel);
    expect(r.file.error).toBeNull();
    return [...new Set(r.findings.map((f) => f.id))].sort();
  };
  it('GitLab container scanning and SARIF give the same 4 ids', () => {
    const gitlab = ids('gitlab_container_scan/alpine-310.gitlab.golden');
    expect(gitlab).toHaveLength(4);
    expect(gitlab).toEqual(ids('sarif/alpine-310.sarif.golden'));
  });
  it.skipIf(!formatIds().includes('trivy'))(
    'GitLab container scanning and Trivy JSON give the same ids',
    () => {
      expect(ids('gitlab_container_scan/alpine-310.gitlab.golden')).toEqual(
        ids('trivy/alpine-310.json.golden'),
      );
    },
  );
});
