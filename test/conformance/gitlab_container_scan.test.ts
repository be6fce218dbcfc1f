import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

describeCorpus('GitLab Container Scanning conformance (../shared/corpus/gitlab_container_scan)', () => {
  const entries = oracleFor('gitlab_container_scan');
  it('has entries', () => expect(entries.length).toBe(4));
  for (const e of entries) {
    it(`${e.file}: one record per entry`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('gitlab_container_scan');
      expect(r.findings.length).toBe(e.raw_counts.vulnerabilities);
      expect(r.findings.every((f) => f.category === 'container' && f.location.image)).toBe(true);
    });
  }
  it('asserted fields (gl-container-scanning-report-1-vuln_v15.json)', () => {
    const f = normalizeCorpus('gitlab_container_scan/gl-container-scanning-report-1-vuln_v15.json')
      .findings[0]!;
    expect(f).toMatchObject({
      finding_title: 'CVE-2019-3462 in apt@1.4.8',
      severity: 'high',
      cve: ['CVE-2019-3462'],
      package: { name: 'apt', version: '1.4.8', fixed_version: '1.4.9', ecosystem: 'debian' },
      source_tool: 'Trivy',
      tool_version: '0.16.0',
    });
  });
  it('alpine-310.gitlab.golden: the repeated `id` (CVE) gives two records, one per package', () => {
    const r = normalizeCorpus('gitlab_container_scan/alpine-310.gitlab.golden');
    expect(r.findings.map((f) => [f.cve[0], f.package?.name, f.package?.version, f.severity])).toEqual([
      ['CVE-2019-1549', 'libcrypto1.1', '1.1.1c-r0', 'medium'],
      ['CVE-2019-1551', 'libcrypto1.1', '1.1.1c-r0', 'medium'],
      ['CVE-2019-1549', 'libssl1.1', '1.1.1c-r0', 'medium'],
      ['CVE-2019-1551', 'libssl1.1', '1.1.1c-r0', 'medium'],
    ]);
    expect(new Set(r.findings.map((f) => f.id)).size).toBe(4);
  });
});
