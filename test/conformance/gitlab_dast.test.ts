import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// DefectDojo merges entries with equal severity + title + description; none are equal in these files,
// so its counts equal ours (one record per entry).
describeCorpus('GitLab DAST conformance (../shared/corpus/gitlab_dast)', () => {
  const entries = oracleFor('gitlab_dast');
  it('has entries', () => expect(entries.length).toBe(3));
  for (const e of entries) {
    it(`${e.file}: one record per entry`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('gitlab_dast');
      expect(r.findings.length).toBe(e.raw_counts.vulnerabilities);
      expect(r.findings.length).toBe(e.defectdojo_count);
      expect(JSON.stringify(r.findings)).not.toContain('Authorization');
    });
  }
  it('asserted fields', () => {
    const one = normalizeCorpus('gitlab_dast/gitlab_dast_one_vul_v15.json').findings[0]!;
    expect(one).toMatchObject({
      finding_title: 'PII Disclosure',
      rule_id: '10062',
      severity: 'high',
      cwe: ['CWE-359'],
      location: { url: 'http://api-server/v1/trees' },
      tags: ['method:GET'],
    });
    const many = normalizeCorpus('gitlab_dast/gitlab_dast_many_vul_v15.json');
    expect(many.findings[1]).toMatchObject({ cwe: ['CWE-16'], severity: 'medium', rule_id: '10038' });
    expect(many.findings[1]!.description).toMatch(/^Content Security Policy \(CSP\)/);
    expect(many.scans[0]!.tool).toEqual({ name: 'OWASP Zed Attack Proxy (ZAP)', version: 'D-2020-08-26' });
  });
});
