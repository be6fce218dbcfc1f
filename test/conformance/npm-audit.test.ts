import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';
import { expectDefectDojoFields } from '../helpers/dd-fields.js';

// Counting convention: npm 6 one record per advisory (paths folded, like DefectDojo); npm 7+ one record
// per vulnerable package incl. transitive-only ones (like DefectDojo, = metadata.vulnerabilities.total).
// DefectDojo raises on the `error` report; we record it as a failed run (README).
describeCorpus('npm audit conformance (../shared/corpus/npm_audit, npm_audit_7_plus)', () => {
  const entries = [...oracleFor('npm_audit'), ...oracleFor('npm_audit_7_plus')];
  it('has npm audit entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(7);
  });
  for (const e of entries) {
    it(`${e.file}`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.format).toBe('npm_audit');
      if (e.raw_counts.error) {
        expect(r.file.status).toBe('tool_error');
        expect(r.findings).toHaveLength(0);
        expect(r.scans[0]!.errors[0]).toContain(String(e.raw_counts.error));
        return;
      }
      expect(r.file.error).toBeNull();
      const expected = e.raw_counts.auditReportVersion
        ? e.raw_counts.vulnerable_packages
        : e.raw_counts.advisories;
      expect(r.findings.length).toBe(expected);
      expect(r.findings.length).toBe(e.defectdojo_count);
      // DefectDojo picks the first advisory's CWE and writes CWE-1035 for transitive-only packages; we keep
      // every advisory CWE and none for transitive-only packages, so `cwe` is checked only on npm 6.
      const fields = e.raw_counts.auditReportVersion
        ? ['severity']
        : ['severity', 'cwe', 'unsaved_cwes', 'component_name', 'component_version'];
      expectDefectDojoFields(e, r.findings, fields);
    });
  }
});
