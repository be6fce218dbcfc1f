import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';
import { expectDefectDojoFields } from '../helpers/dd-fields.js';

// Counting convention: one record per `vulnerabilities[]` entry of every project (Snyk writes one per
// dependency path), like DefectDojo — plus, unlike DefectDojo, the `applications[]` of `snyk container
// test` (snykcontainer_issue_epss.json: 1 OS + 12 application entries = 13, Snyk's own uniqueCount).
describeCorpus('Snyk conformance (../shared/corpus/snyk)', () => {
  const entries = oracleFor('snyk');
  it('has Snyk entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(6);
  });
  for (const e of entries) {
    it(`${e.file}: one record per vulnerabilities[] entry`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('snyk');
      if (e.file.endsWith('snykcontainer_issue_epss.json')) {
        expect(r.findings.length).toBe(e.raw_counts.uniqueCount_field);
        expect(r.findings.filter((f) => !f.source_pointer.startsWith('/applications')).length).toBe(
          e.raw_counts.vulnerabilities_entries,
        );
      } else {
        expect(r.findings.length).toBe(e.raw_counts.vulnerabilities_entries);
        expect(r.findings.length).toBe(e.defectdojo_count);
      }
      expectDefectDojoFields(e, r.findings, [
        'severity',
        'unsaved_vulnerability_ids',
        'cwe',
        'vuln_id_from_tool',
      ]);
    });
  }
});
