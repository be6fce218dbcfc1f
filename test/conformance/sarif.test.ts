import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Counting convention (README): one record per SARIF result whose kind is fail/open/review (absent =
// fail), suppressed results included. The oracle's raw count `results_kind_fail` is exactly that;
// DefectDojo counts one finding per *location* instead (njsscan 2 → 3, mobsfscan 9 → 18).
describeCorpus('SARIF conformance (../shared/corpus/sarif)', () => {
  const entries = oracleFor('sarif');
  it('has SARIF entries in the oracle', () => {
    expect(entries.length).toBeGreaterThan(20);
  });
  for (const e of entries) {
    it(`${e.file}: one record per fail result`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('sarif');
      expect(r.findings.length).toBe(e.raw_counts.results_kind_fail);
    });
  }
});
