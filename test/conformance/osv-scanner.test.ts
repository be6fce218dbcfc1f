import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';
import { expectDefectDojoFields } from '../helpers/dd-fields.js';

// Counting convention: one record per packages[].vulnerabilities[] entry, alias groups not merged
// (like DefectDojo). A 0-byte file is "skipped: empty file" for every format (read-input), 0 records.
describeCorpus('OSV-Scanner conformance (../shared/corpus/osv_scanner)', () => {
  const entries = oracleFor('osv_scanner');
  it('has OSV-Scanner entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(2);
  });
  for (const e of entries) {
    it(`${e.file}`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.findings.length).toBe(e.raw_counts.vulnerabilities);
      expect(r.findings.length).toBe(e.defectdojo_count);
      if (e.raw_counts.note === 'empty file') {
        expect(r.file.status).toBe('skipped');
        return;
      }
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('osv_scanner');
      // DefectDojo: severity Low when the advisory gives none; we use medium with severity_source default.
      expectDefectDojoFields(e, r.findings, ['cwe', 'unsaved_vulnerability_ids']);
    });
  }
  it('some_findings.json: malicious-package advisory without severity → default', () => {
    const f = normalizeCorpus('osv_scanner/some_findings.json').findings[0]!;
    expect(f).toMatchObject({
      severity: 'medium',
      severity_source: 'default',
      tags: ['malicious'],
      cwe: ['CWE-506'],
    });
    expect(f.cve).toEqual(['MAL-2023-1035', 'GHSA-8348-2q94-ffjx']);
  });
});
