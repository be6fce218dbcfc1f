import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Counting convention: one record per result that did not pass, no merging. DefectDojo merges results of
// the same provider + rule + file + lines (many_findings_current 19 -> 13), so we assert raw_counts.results
// (every corpus result failed). Same-rule same-place results get one identity, so dedup gives 13 ids.
describeCorpus('tfsec conformance (../shared/corpus/tfsec)', () => {
  const entries = oracleFor('tfsec');
  it('has tfsec entries', () => expect(entries.length).toBeGreaterThanOrEqual(3));
  for (const e of entries) {
    it(`${e.file}: one record per failed result`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('tfsec');
      expect(r.findings.length).toBe(e.raw_counts.results);
    });
  }
  it('fields agree with DefectDojo', () => {
    const legacy = normalizeCorpus('tfsec/one_finding_legacy.json').findings[0]!;
    expect(legacy).toMatchObject({
      finding_title: 'Potentially sensitive data stored in block attribute.',
      severity: 'medium',
      location: { file: 'tfsec-test/identity.tf', start_line: 226 },
      rule_id: 'GEN003',
    });
    const cur = normalizeCorpus('tfsec/many_findings_current.json').findings;
    expect(cur[0]).toMatchObject({
      finding_title: 'An ingress Network ACL rule allows ALL ports.',
      severity: 'critical',
      location: { file: '/tmp/aws-eks/modules/vpc-subnets/resources.tf', start_line: 155 },
      rule_id: 'aws-vpc-no-excessive-port-access',
    });
    expect(new Set(cur.map((f) => `${f.id}|${f.location.start_line}|${f.location.end_line}`)).size).toBe(13);
  });
});
