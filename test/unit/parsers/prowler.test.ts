import { describe, expect, it } from 'vitest';
import { parseProwler } from '../../../src/parsers/prowler/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('prowler parser', () => {
  it('Prowler 2 CSV: FAIL rows only, check id from the title, Informational → info', () => {
    const r = normalizeFixture('prowler/v2.csv');
    expect(r.file.format).toBe('prowler');
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]).toMatchObject({
      source_tool: 'Prowler',
      category: 'cloud',
      rule_id: 'check11',
      rule_name: 'Avoid the use of the root account (Scored)',
      finding_title: 'Root user in the account was accessed in the last 1 days',
      severity: 'high',
      state: 'open',
      source_pointer: 'row 2',
      location: { account: '111122223333', region: 'us-east-1', resource: null },
    });
    expect(r.findings[1]).toMatchObject({ rule_id: 'extra7100', severity: 'info', severity_source: 'tool' });
  });

  it('Prowler 2 JSON lines: one object per line, Status FAIL in any case', () => {
    const r = normalizeFixture('prowler/v2-lines.json');
    expect(r.file.error).toBeNull();
    expect(r.file.format).toBe('prowler');
    expect(r.findings.map((x) => x.rule_id)).toEqual(['check11', 'extra796']);
    expect(r.findings[1]).toMatchObject({
      location: { resource: 'prod', region: 'eu-central-1' },
      first_seen: '2026-02-03T07:06:12.000Z',
    });
  });

  it('Prowler 3 JSON: FAIL only, ARN as resource, Muted → suppressed, Azure subscription as account', () => {
    const r = normalizeFixture('prowler/v3.json');
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]).toMatchObject({
      rule_id: 's3_bucket_public_access',
      severity: 'critical',
      location: { resource: 'arn:aws:s3:::shop-logs', account: '111122223333' },
      fingerprints: { finding_uid: 'prowler-aws-s3_bucket_public_access-111122223333-us-east-1-shop-logs' },
    });
    expect(r.findings[1]).toMatchObject({
      state: 'suppressed',
      location: { account: 'sub-0001', region: 'westeurope' },
      tags: ['provider:azure'],
    });
  });

  it('OCSF: status_code FAIL, status Suppressed → suppressed, PASS and MANUAL not findings', () => {
    const r = normalizeFixture('prowler/ocsf.json');
    expect(r.findings.map((x) => [x.location.resource, x.state, x.severity])).toEqual([
      ['arn:aws:iam::111122223333:role/RoleA', 'open', 'high'],
      ['arn:aws:iam::111122223333:role/RoleB', 'suppressed', 'high'],
      ['arn:aws:iam::111122223333:role/RoleE', 'open', 'info'],
    ]);
    expect(r.findings[0]).toMatchObject({
      tool_version: '5.4.0',
      rule_id: 'iam_role_permissive_trust_relationship',
      first_seen: '2026-02-02T02:40:00.123Z',
      location: { account: '111122223333', region: 'us-east-1' },
    });
    expect(r.file.warnings).toEqual(['1 MANUAL result(s) need a human check; not counted as findings']);
  });

  it('Prowler 4/5 CSV (semicolons): FAIL kept, MUTED True → suppressed, MANUAL and PASS not findings', () => {
    const r = normalizeFixture('prowler/v5.csv');
    expect(r.findings.map((x) => [x.rule_id, x.state])).toEqual([
      ['accessanalyzer_enabled', 'open'],
      ['s3_bucket_default_encryption', 'suppressed'],
    ]);
    expect(r.findings[1]).toMatchObject({
      location: { resource: 'arn:aws:s3:::shop-logs', region: 'eu-west-1', account: '111122223333' },
      tool_version: '5.4.0',
    });
  });

  it('throws a UserError for CSV or JSON of another shape', () => {
    expect(() => parseProwler('a,b,c\n1,2,3\n', { file: 'x.csv' })).toThrow(UserError);
    expect(() => parseProwler('{"x": 1}', { file: 'x.json' })).toThrow(/array of results/);
    expect(() => parseProwler('[{"x": 1}]', { file: 'x.json' })).toThrow(/first result/);
  });
});
