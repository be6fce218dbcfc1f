import { describe, expect, it } from 'vitest';
import { tfsecParser } from '../../../src/parsers/tfsec/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('tfsec parser', () => {
  const r = normalizeFixture('tfsec/current.json', { roots: ['/src'] });

  it('passed results are not records; ignored ones are suppressed', () => {
    expect(r.file.format).toBe('tfsec');
    expect(r.findings.map((f) => [f.rule_id, f.state])).toEqual([
      ['aws-s3-block-public-acls', 'open'],
      ['aws-s3-enable-versioning', 'suppressed'],
      ['aws-s3-block-public-acls', 'open'],
    ]);
    expect(r.file.warnings.some((w) => w.startsWith('/results/4:'))).toBe(true);
  });

  it('maps long id, AVD id, severity, location, resource', () => {
    expect(r.findings[0]).toMatchObject({
      category: 'iac',
      rule_name: 'AVD-AWS-0086',
      severity: 'high',
      severity_source: 'tool',
      location: { file: 'infra/s3.tf', start_line: 1, end_line: 8, resource: 'aws_s3_bucket.logs' },
      help_uri: 'https://aquasecurity.github.io/tfsec/v1.28.1/checks/aws/s3/block-public-acls/',
    });
    expect(r.findings[2]).toMatchObject({
      severity: 'medium',
      severity_source: 'default',
      source_severity: 'SEVERE',
    });
    expect(r.findings[0]!.id).not.toBe(r.findings[2]!.id);
  });

  it('reads the legacy layout', () => {
    const l = normalizeFixture('tfsec/legacy.json');
    expect(l.findings).toHaveLength(1);
    expect(l.findings[0]).toMatchObject({
      rule_id: 'AWS002',
      severity: 'high',
      help_uri: 'https://tfsec.dev/docs/aws/AWS002/',
    });
  });

  it('{"results": null} is a clean run; wrong shapes throw UserError', () => {
    expect(tfsecParser.parse({ results: null }, { file: 't' }).findings).toHaveLength(0);
    expect(() => tfsecParser.parse({ results: 3 }, { file: 't' })).toThrow(UserError);
    expect(() => tfsecParser.parse([], { file: 't' })).toThrow(/expected an object with a "results" array/);
  });
});
