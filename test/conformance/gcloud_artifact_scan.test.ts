import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Same unit as DefectDojo: one record per occurrence. Severity from effectiveSeverity; MINIMAL and no
// severity → info (DefectDojo too). Title differs (we write "CVE - package", DefectDojo the note name).
describeCorpus('Google Artifact Analysis conformance (../shared/corpus/gcloud_artifact_scan)', () => {
  const entries = oracleFor('gcloud_artifact_scan');
  it('has Artifact Analysis entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(2);
  });
  for (const e of entries) {
    it(`${e.file}: one record per occurrence`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('gcloud_artifact_scan');
      expect(r.findings.length).toBe(e.raw_counts.occurrences);
      expect(r.findings.length).toBe(e.defectdojo_count);
      for (const x of e.defectdojo_expectations ?? []) {
        const f = r.findings[Number(x.finding_index ?? 0)]!;
        if (x.field === 'severity') expect(f.severity).toBe(String(x.expected).toLowerCase());
        if (x.field === 'title') expect(f.rule_name).toBe(x.expected);
        if (x.field === 'unsaved_vulnerability_ids') expect(f.cve).toContain(x.expected);
      }
      const bySeverity: Record<string, number> = {};
      for (const f of r.findings)
        bySeverity[f.source_severity ?? 'null'] = (bySeverity[f.source_severity ?? 'null'] ?? 0) + 1;
      expect(bySeverity).toEqual(e.raw_counts.effective_severity);
      for (const f of r.findings) {
        expect(f.category).toBe('container');
        expect(f.package?.name).toBeTruthy();
        expect(f.location.image).not.toMatch(/@sha256/);
      }
    });
  }
});
