import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';
import { expectDefectDojoFields } from '../helpers/dd-fields.js';

// Counting convention: one record per vulnerabilities[] entry (DefectDojo agrees: 23).
describeCorpus('Anchore Engine conformance (../shared/corpus/anchore_engine)', () => {
  const entries = oracleFor('anchore_engine');
  it('has Anchore Engine entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(2);
  });
  for (const e of entries) {
    it(`${e.file}: one record per vulnerability`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('anchore_engine');
      expect(r.findings.length).toBe(e.raw_counts.vulnerabilities);
      expect(r.findings.length).toBe(e.defectdojo_count);
      expectDefectDojoFields(e, r.findings, ['fix_available']);
    });
  }
  it('many_vulns.json: Negligible/Unknown are info', () => {
    const r = normalizeCorpus('anchore_engine/many_vulns.json');
    const counts: Record<string, number> = {};
    for (const f of r.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
    expect(counts).toEqual({ critical: 1, high: 5, medium: 11, low: 1, info: 5 });
  });
});
