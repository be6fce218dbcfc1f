import { expect, it } from 'vitest';
import { formatIds } from '../../src/parsers/registry.js';
import { describeCorpus, normalizeCorpus } from '../helpers/corpus.js';

// The same Trivy image scan of alpine 3.10 in three formats (ORACLE.md "Cross-format pairs"): the
// sca/v1 identity (CVE + package + image with Trivy's " (alpine 3.10.2)" suffix stripped) must agree.
const ids = (rel: string) => new Set(normalizeCorpus(rel).findings.map((f) => f.id));

describeCorpus('cross-format identity: Trivy alpine-310', () => {
  it('Trivy JSON and SARIF give the same 4 identities', () => {
    const json = ids('trivy/alpine-310.json.golden');
    expect(json.size).toBe(4);
    expect(ids('sarif/alpine-310.sarif.golden')).toEqual(json);
  });

  it.skipIf(!formatIds().includes('gitlab_container_scan'))(
    'Trivy JSON and GitLab container scanning agree',
    () => {
      expect(ids('gitlab_container_scan/alpine-310.gitlab.golden')).toEqual(
        ids('trivy/alpine-310.json.golden'),
      );
    },
  );
});
