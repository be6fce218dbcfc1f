import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

describeCorpus('GitLab Dependency Scanning conformance (../shared/corpus/gitlab_dep_scan)', () => {
  const entries = oracleFor('gitlab_dep_scan');
  it('has entries', () => expect(entries.length).toBe(4));
  for (const e of entries) {
    it(`${e.file}: one record per entry`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('gitlab_dep_scan');
      expect(r.findings.length).toBe(e.raw_counts.vulnerabilities);
      expect(r.findings.every((f) => f.category === 'sca')).toBe(true);
      expect(r.scans[0]).toMatchObject({ tool: { name: 'Gemnasium' }, categories: ['sca'], success: true });
    });
  }
  it('asserted fields', () => {
    const missing = normalizeCorpus(
      'gitlab_dep_scan/gl-dependency-scanning-report-2-vuln-missing-component_v15.json',
    ).findings;
    expect(missing[0]!.package).toBeNull();
    expect(missing[0]!.severity).toBe('info');
    expect(missing[1]!.package).toMatchObject({
      name: 'golang.org/x/crypto',
      version: 'v0.0.0-20190308221718-c2843e01d9a2',
      ecosystem: 'go',
    });
    const many = normalizeCorpus('gitlab_dep_scan/gl-dependency-scanning-report-many-vuln_v15.json').findings;
    expect(many[0]!.cve).toEqual(['CVE-2020-29652']);
    expect(many[0]!.location.file).toBe('service/go.sum');
  });
});
