import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';
import { expectDefectDojoFields } from '../helpers/dd-fields.js';

// Counting convention: one record per Grype match, no merge: the oracle's `matches`. DefectDojo's
// default mode merges on vulnerability + package + version (same_cve_different_paths 2 -> 1); its
// "detailed" mode agrees with us (2). Our identity links the two records at metrics time.
describeCorpus('Grype conformance (../shared/corpus/grype)', () => {
  const entries = oracleFor('grype');
  it('has Grype entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(5);
  });
  for (const e of entries) {
    it(`${e.file}: one record per match`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('grype');
      expect(r.findings.length).toBe(e.raw_counts.matches);
      const ours: Record<string, number> = {};
      for (const f of r.findings) ours[f.source_severity ?? ''] = (ours[f.source_severity ?? ''] ?? 0) + 1;
      expect(ours).toEqual(e.raw_counts.severities);
      expectDefectDojoFields(e, r.findings, ['fix_available']);
    });
  }
  it('same_cve_different_paths.json: two records, one identity', () => {
    const r = normalizeCorpus('grype/same_cve_different_paths.json');
    expect(r.findings).toHaveLength(2);
    expect(new Set(r.findings.map((f) => f.id)).size).toBe(1);
    expect(r.findings.map((f) => f.location.file)).toEqual([
      '/usr/lib/x86_64-linux-gnu/libc.so.6',
      '/lib/x86_64-linux-gnu/libc.so.6',
    ]);
  });
});
