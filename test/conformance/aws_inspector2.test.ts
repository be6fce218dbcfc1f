import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Same unit as DefectDojo: one record per `findings[]` entry. States: CLOSED → fixed (DefectDojo:
// mitigated), SUPPRESSED → suppressed (DefectDojo: mitigated too). Severity UNTRIAGED: DefectDojo
// says Info; we use the Inspector score when there is one (README).
describeCorpus('AWS Inspector2 conformance (../shared/corpus/aws_inspector2)', () => {
  const entries = oracleFor('aws_inspector2');
  it('has Inspector2 entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(4);
  });
  for (const e of entries) {
    it(`${e.file}: one record per finding`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('aws_inspector2');
      expect(r.findings.length).toBe(e.raw_counts.findings);
      expect(r.findings.length).toBe(e.defectdojo_count);
      const status = e.raw_counts.status as Record<string, number>;
      expect(r.findings.filter((f) => f.state === 'open').length).toBe(status.ACTIVE ?? 0);
      expect(r.findings.filter((f) => f.state === 'fixed').length).toBe(status.CLOSED ?? 0);
      for (const x of e.defectdojo_expectations ?? []) {
        const f = r.findings[Number(x.finding_index ?? 0)]!;
        if (x.field === 'severity') expect(f.severity).toBe(String(x.expected).toLowerCase());
        if (x.field === 'cvssv3') expect(f.cvss?.vector).toBe(x.expected);
        if (x.field === 'cvssv3_score') expect(f.cvss?.score).toBe(x.expected);
        if (x.field === 'component_name') expect(f.package?.name).toBe(x.expected);
        if (x.field === 'component_version') expect(f.package?.version).toBe(x.expected);
        if (x.field === 'is_mitigated' && x.expected === true) expect(f.state).toBe('fixed');
      }
    });
  }

  it('package_vuln_metadata: Lambda package findings are sca, the code finding is sast with CWE and lines', () => {
    const r = normalizeCorpus('aws_inspector2/aws_inspector2_package_vuln_metadata.json');
    const code = r.findings.filter((f) => f.category === 'sast');
    expect(code).toHaveLength(1);
    expect(code[0]).toMatchObject({
      cwe: ['CWE-117', 'CWE-93'],
      location: { file: 'src/project_api/service/api_client.py', start_line: 268 },
    });
    expect(r.findings.filter((f) => f.category === 'sca')).toHaveLength(27);
  });

  it('many_vul: the CLOSED finding carries its closed date', () => {
    const f = normalizeCorpus('aws_inspector2/aws_inspector2_many_vul.json').findings[0]!;
    expect(f).toMatchObject({ state: 'fixed', closed_at: '2024-06-14T02:03:53.051Z', category: 'container' });
  });
});
