import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';
import { expectDefectDojoFields } from '../helpers/dd-fields.js';

// Counting convention: one record per vulnerability per dependency, suppressed vulnerabilities kept
// as `suppressed` — like DefectDojo (7 + 2 suppressed = 9). location.file is the dependency's
// filePath (DefectDojo: fileName), so file_path is not compared.
describeCorpus('Dependency-Check conformance (../shared/corpus/dependency_check)', () => {
  const entries = oracleFor('dependency_check');
  it('has Dependency-Check entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(4);
  });
  for (const e of entries) {
    it(`${e.file}: one record per vulnerability per dependency`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('dependency_check');
      const suppressed =
        (e.raw_counts['suppressedVulnerabilities(in vulnerabilities)'] as number | undefined) ?? 0;
      expect(r.findings.length).toBe((e.raw_counts.vulnerabilities as number) + suppressed);
      expect(r.findings.filter((f) => f.state === 'suppressed').length).toBe(suppressed);
      if (typeof e.defectdojo_count === 'number') expect(r.findings.length).toBe(e.defectdojo_count);
      expectDefectDojoFields(e, r.findings, [
        'severity',
        'component_name',
        'component_version',
        'cvssv3_score',
      ]);
    });
  }
});
