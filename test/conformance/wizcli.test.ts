import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Same unit as DefectDojo: one record per package vulnerability, per secret, per IaC match location
// (img 2 + 6 + 1, dir 6 + 1, iac 9 + 16). The policy verdict is the scan's gate result, not a finding.
describeCorpus('wizcli conformance (../shared/corpus/wizcli)', () => {
  const entries = oracleFor('wizcli');
  it('has wizcli entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(3);
  });
  for (const e of entries) {
    it(`${e.file}: one record per vulnerability, secret and IaC match`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('wizcli');
      const raw = e.raw_counts;
      const expected =
        Number(raw.osPackages_vulnerabilities ?? 0) +
        Number(raw.libraries_vulnerabilities ?? 0) +
        Number(raw.secrets ?? 0) +
        Number(raw.rule_match_locations ?? 0);
      expect(r.findings.length).toBe(expected);
      expect(r.findings.length).toBe(e.defectdojo_count);
      const vulns = r.findings.filter((f) => f.category !== 'secret' && f.category !== 'iac');
      for (const x of e.defectdojo_expectations ?? []) {
        const i = Number(x.finding_index ?? 0);
        // DefectDojo lists package vulnerabilities first (same order as ours) in img/dir reports.
        if (x.field === 'severity' && /img|dir/.test(e.file) && i < vulns.length)
          expect(vulns[i]!.severity).toBe(String(x.expected).toLowerCase());
      }
      expect(JSON.stringify(r.findings)).not.toMatch(/---REDACTED---/);
    });
  }

  it('iac report: 9 IaC locations and 16 secrets; Informational → info', () => {
    const r = normalizeCorpus('wizcli/wizcli_iac_many_vul.json');
    expect(r.findings.filter((f) => f.category === 'iac')).toHaveLength(9);
    expect(r.findings.filter((f) => f.category === 'secret')).toHaveLength(16);
    const first = r.findings.find((f) => f.category === 'iac')!;
    expect(first).toMatchObject({ severity: 'info', location: { file: 'Dockerfile', start_line: 8 } });
  });

  it('dir report: library paths relative to the scanned directory', () => {
    const r = normalizeCorpus('wizcli/wizcli_dir_many_vul.json');
    expect(r.findings[0]).toMatchObject({ category: 'sca', location: { file: 'grpc/proto/go.mod' } });
  });
});
