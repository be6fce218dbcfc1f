import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Same unit as DefectDojo: one record per row, RESOLVED and IGNORED rows kept with their state, no
// merge (resolved_findings.csv keeps both rows with the same Issue ID).
describeCorpus('Wiz CSV conformance (../shared/corpus/wiz)', () => {
  const entries = oracleFor('wiz');
  it('has Wiz entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(4);
  });
  for (const e of entries) {
    it(`${e.file}: one record per row`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('wiz');
      expect(r.findings.length).toBe(e.raw_counts.rows);
      expect(r.findings.length).toBe(e.defectdojo_count);
      for (const x of e.defectdojo_expectations ?? []) {
        const f = r.findings[Number(x.finding_index ?? 0)]!;
        if (x.field === 'severity') expect(f.severity).toBe(String(x.expected).toLowerCase());
        if (x.field === 'component_name') expect(f.package?.name).toBe(x.expected);
        if (x.field === 'component_version') expect(f.package?.version).toBe(x.expected);
        if (x.field === 'unique_id_from_tool') expect(f.fingerprints.issueId).toBe(x.expected);
        if (x.field === 'is_mitigated') expect(f.state === 'fixed').toBe(x.expected);
        if (x.field === 'active') expect(f.state === 'open').toBe(x.expected);
      }
      const status = (e.raw_counts.status ?? e.raw_counts.finding_status) as Record<string, number>;
      const open = (status.OPEN ?? 0) + (status.IN_PROGRESS ?? 0) + (status.Open ?? 0);
      expect(r.findings.filter((f) => f.state === 'open').length).toBe(open);
    });
  }

  it('multiple_findings.csv: Resource original JSON is never copied', () => {
    const r = normalizeCorpus('wiz/multiple_findings.csv');
    for (const f of r.findings) expect(f.description ?? '').not.toMatch(/"properties"\s*:/);
  });
});
