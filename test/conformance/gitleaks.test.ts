import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Counting convention: one record per leak. DefectDojo merges legacy reports on offender + file + line
// (the commit ignored): version_7.5.0.json 8 -> 4. We keep 8 records; the same leak in two commits has
// the same identity (rule + path + secret hash), so dedup at metrics time gives DefectDojo's 4.
describeCorpus('Gitleaks conformance (../shared/corpus/gitleaks)', () => {
  const entries = oracleFor('gitleaks');
  it('has Gitleaks entries', () => expect(entries.length).toBeGreaterThanOrEqual(6));
  for (const e of entries) {
    it(`${e.file}: one record per leak`, () => {
      // A bare `null` is also what Trivy < 0.20 writes: it needs --format unless the name says gitleaks.
      const r = normalizeCorpus(e.file, { format: 'gitleaks' });
      expect(r.file.error).toBeNull();
      expect(r.findings.length).toBe(e.raw_counts.items);
      expect(r.scans[0]).toMatchObject({ success: true, categories: ['secret'] });
      for (const f of r.findings)
        expect(f).toMatchObject({ category: 'secret', severity: 'critical', severity_source: 'default' });
    });
  }

  it('version_7.5.0: 8 records, 4 identities (DefectDojo 4); fields agree', () => {
    const r = normalizeCorpus('gitleaks/version_7.5.0.json');
    expect(new Set(r.findings.map((f) => f.id)).size).toBe(4);
    expect(r.findings[0]).toMatchObject({
      finding_title: 'Hard Coded AWS Access Key',
      location: {
        file: 'dojo/unittests/scans/gitlab_secret_detection_report/gitlab_secret_detection_report_1_vuln.json',
        start_line: 13,
      },
    });
    expect(r.findings[0]!.tags).toEqual(['AWS', 'key']);
    const key = r.findings.find((f) => f.finding_title === 'Hard Coded Asymmetric Private Key')!;
    expect(key.location).toMatchObject({
      file: expect.stringContaining('gitlab_secret_detection_report_3_vuln'),
      start_line: 13,
    });
    const all = JSON.stringify(r.findings);
    expect(all).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(all).not.toContain('Bhurinat');
  });

  it('legacy fields agree with DefectDojo', () => {
    const one = normalizeCorpus('gitleaks/data_one.json').findings[0]!;
    expect(one).toMatchObject({
      finding_title: 'Hard Coded Asymmetric Private Key',
      location: { file: 'cert-key.pem', start_line: null },
    });
    expect(one.tags).toContain('AsymmetricPrivateKey');
    expect(JSON.stringify(one)).not.toContain('john.doe@mail.com');
    expect(normalizeCorpus('gitleaks/issue4336.json').findings[0]).toMatchObject({
      finding_title: 'Hard Coded Twitter Client ID',
      location: { file: 'README.md', start_line: 23 },
    });
  });
});
