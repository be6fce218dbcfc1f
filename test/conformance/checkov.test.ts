import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Counting convention: failed checks + skipped checks (in-source suppressions, state suppressed).
// DefectDojo reads failed checks only; the corpus has no skipped checks, so the counts agree here.
describeCorpus('Checkov conformance (../shared/corpus/checkov)', () => {
  const entries = oracleFor('checkov');
  it('has Checkov entries', () => expect(entries.length).toBeGreaterThanOrEqual(4));
  for (const e of entries) {
    it(`${e.file}: one record per failed or skipped check`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('checkov');
      expect(r.findings.length).toBe(
        (e.raw_counts.failed_checks as number) + (e.raw_counts.skipped_checks as number),
      );
      expect(r.scans.length).toBe(e.raw_counts.reports);
    });
  }
  it('fields agree with DefectDojo (severity, path, line, resource, guideline)', () => {
    const r = normalizeCorpus('checkov/checkov-report-multiple-check_type.json').findings;
    // DefectDojo keeps Checkov's leading slash ("/aws/db-app.tf"); ours is scan-relative without it.
    expect(r[0]).toMatchObject({
      severity: 'medium',
      severity_source: 'default',
      rule_id: 'CKV_AWS_161',
      location: { file: 'aws/db-app.tf', start_line: 1, resource: 'aws_db_instance.default' },
      category: 'iac',
    });
    expect(r[11]).toMatchObject({
      severity: 'medium',
      rule_id: 'CKV_DOCKER_3',
      location: {
        file: 'aws/resources/Dockerfile',
        start_line: null,
        resource: '/aws/resources/Dockerfile.',
      },
      help_uri: 'https://docs.bridgecrew.io/docs/ensure-that-a-user-for-the-container-has-been-created',
    });
    expect(JSON.stringify(r)).not.toContain('nimrodkor@gmail.com');
  });
});
