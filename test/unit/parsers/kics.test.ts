import { describe, expect, it } from 'vitest';
import { kicsParser } from '../../../src/parsers/kics/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('kics parser', () => {
  const r = normalizeFixture('kics/results.json');

  it('one record per file hit', () => {
    expect(r.file.format).toBe('kics');
    expect(r.findings).toHaveLength(3);
    expect(r.file.warnings.some((w) => w.startsWith('/queries/1/files/1:'))).toBe(true);
  });

  it('maps query, severity, CWE, location, resource, similarity id', () => {
    expect(r.findings[0]).toMatchObject({
      category: 'iac',
      rule_id: '568a4d22-3517-44a6-a7ad-6a7eed88722c',
      finding_title: 'S3 Bucket Without Versioning',
      severity: 'medium',
      severity_source: 'tool',
      cwe: ['CWE-710'],
      location: { file: 'infra/s3.tf', start_line: 3, resource: 'aws_s3_bucket.logs' },
      fingerprints: { similarity_id: 'aaaa1111' },
      tool_version: 'v2.1.3',
    });
    expect(r.findings[1]!.location.resource).toBe('aws_s3_bucket[data]');
    expect(r.findings[0]!.id).not.toBe(r.findings[1]!.id);
    expect(r.findings[2]).toMatchObject({ severity: 'info', source_severity: 'TRACE' });
  });

  it('files that failed to scan are scan errors; the run still counts', () => {
    expect(r.scans[0]).toMatchObject({
      success: true,
      categories: ['iac'],
      errors: ['1 files failed to scan'],
    });
  });

  it('throws UserError for a wrong shape', () => {
    expect(() => kicsParser.parse({ queries: {} }, { file: 'k.json' })).toThrow(UserError);
  });
});
