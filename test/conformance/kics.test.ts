import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Counting convention and DefectDojo agree here: one record per queries[].files[] hit (DefectDojo merges
// identical platform/category/issue/file/expected/line hits; there are none in the corpus).
describeCorpus('KICS conformance (../shared/corpus/kics)', () => {
  const entries = oracleFor('kics');
  it('has KICS entries', () => expect(entries.length).toBeGreaterThanOrEqual(2));
  for (const e of entries) {
    it(`${e.file}: one record per file hit`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('kics');
      expect(r.findings.length).toBe(e.raw_counts.file_hits);
      expect(r.findings.length).toBe(e.defectdojo_count);
    });
  }
  it('fields agree with DefectDojo', () => {
    const r = normalizeCorpus('kics/many_findings.json').findings;
    // DefectDojo's title is "<category>: <query_name>"; ours is the query name (category is a tag).
    expect(r[0]).toMatchObject({
      finding_title: 'Passwords And Secrets In Infrastructure Code',
      severity: 'high',
      location: { file: 'test/charts/example/terraform/main.tf', start_line: 25 },
      help_uri: 'https://kics.io/',
    });
    expect(r[0]!.tags).toEqual(expect.arrayContaining(['platform:Common', 'kics:Secret Management']));
    expect(r[1]).toMatchObject({
      finding_title: 'S3 Bucket Access to Any Principal',
      severity: 'high',
      location: { file: 'test/charts/example/terraform/s3.tf', start_line: 36 },
    });
  });
});
