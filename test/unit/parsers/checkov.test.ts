import { describe, expect, it } from 'vitest';
import { checkovParser } from '../../../src/parsers/checkov/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('checkov parser', () => {
  const r = normalizeFixture('checkov/reports.json');

  it('failed and skipped checks are records, passed checks are not', () => {
    expect(r.file.format).toBe('checkov');
    expect(r.findings.map((f) => f.rule_id)).toEqual([
      'CKV_AWS_18',
      'CKV_AWS_21',
      'CKV_AWS_144',
      'CKV_SECRET_6',
      'CKV_CVE_2021_44906',
    ]);
    expect(r.file.warnings.some((w) => w.startsWith('/0/results/failed_checks/2:'))).toBe(true);
  });

  it('severity: the tool word, else medium with source default', () => {
    expect(r.findings[0]).toMatchObject({
      severity: 'high',
      severity_source: 'tool',
      source_severity: 'HIGH',
    });
    expect(r.findings[1]).toMatchObject({
      severity: 'medium',
      severity_source: 'default',
      source_severity: null,
    });
  });

  it('location: scan-relative file, line range, resource; guideline as help', () => {
    expect(r.findings[0]).toMatchObject({
      category: 'iac',
      location: { file: 's3.tf', start_line: 1, end_line: 8, resource: 'aws_s3_bucket.logs' },
      help_uri: expect.stringContaining('s3-13-enable-logging'),
      tool_version: '3.2.0',
    });
  });

  it('skipped checks are in-source suppressions with their comment', () => {
    expect(r.findings[2]).toMatchObject({
      state: 'suppressed',
      state_reason: 'single-region by design',
      suppression: { kind: 'inSource', status: 'accepted', justification: 'single-region by design' },
    });
  });

  it('secrets checks are secrets; code lines never copied', () => {
    expect(r.findings[3]!.category).toBe('secret');
    expect(JSON.stringify(r.findings)).not.toContain('fixture-ckv-secret-line-0003');
  });

  it('SCA checks carry CVE and package', () => {
    expect(r.findings[4]).toMatchObject({
      category: 'sca',
      severity: 'critical',
      cve: ['CVE-2021-44906'],
      package: { name: 'minimist', version: '1.2.5', fixed_version: '1.2.6' },
      location: { start_line: null },
    });
  });

  it('one scan per check_type; parsing errors recorded', () => {
    expect(r.scans.map((s) => s.categories)).toEqual([['iac'], ['secret'], ['sca']]);
    expect(r.scans[0]!.errors).toEqual(['could not parse /broken.tf']);
  });

  it('a summary-only report is a clean run', () => {
    const s = normalizeFixture('checkov/summary-only.json');
    expect(s.file.format).toBe('checkov');
    expect(s.findings).toHaveLength(0);
    expect(s.scans[0]).toMatchObject({ success: true, tool: { name: 'Checkov', version: '3.2.0' } });
  });

  it('throws UserError for a wrong shape', () => {
    expect(() => checkovParser.parse({ results: {} }, { file: 'c.json' })).toThrow(UserError);
    expect(() => checkovParser.parse([], { file: 'c.json' })).toThrow(/check_type/);
  });
});
