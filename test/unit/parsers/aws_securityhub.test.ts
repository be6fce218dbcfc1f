import { describe, expect, it } from 'vitest';
import { parseSecurityHub } from '../../../src/parsers/aws_securityhub/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('aws_securityhub parser', () => {
  const r = normalizeFixture('aws_securityhub/mixed.json');
  const f = r.findings;

  it('reads every finding entry, warns about the odd one and keeps going', () => {
    expect(r.file.error).toBeNull();
    expect(r.file.format).toBe('aws_securityhub');
    expect(f).toHaveLength(8);
    expect(r.file.warnings).toContain('/Findings/7: finding is not an object; skipped');
    expect(f.map((x) => x.source_pointer)).toEqual([
      '/Findings/0',
      '/Findings/1',
      '/Findings/2',
      '/Findings/3',
      '/Findings/4',
      '/Findings/5',
      '/Findings/6',
      '/Findings/8',
    ]);
  });

  it('maps a failed control to an open cloud record with account, region and resource', () => {
    expect(f[0]).toMatchObject({
      source_tool: 'AWS Security Hub',
      category: 'cloud',
      rule_id: 'S3.8',
      severity: 'high',
      severity_source: 'tool',
      source_severity: 'HIGH',
      state: 'open',
      first_seen: '2026-01-05T10:00:00.000Z',
      last_seen: '2026-02-01T10:00:00.000Z',
      location: { account: '111122223333', region: 'us-east-1', resource: 'arn:aws:s3:::demo-bucket-0' },
    });
    expect(f[0]!.identity).toEqual({
      scheme: 'cloud/v1',
      parts: ['S3.8', '111122223333', 'arn:aws:s3:::demo-bucket-0'],
    });
  });

  it('maps PASSED, SUPPRESSED, ARCHIVED and NOT_AVAILABLE to states', () => {
    expect(f[1]).toMatchObject({ state: 'fixed', severity: 'info', closed_at: '2026-02-01T10:00:00.000Z' });
    expect(f[2]).toMatchObject({ state: 'suppressed', state_reason: 'Workflow.Status SUPPRESSED' });
    expect(f[3]).toMatchObject({ state: 'fixed', state_reason: 'RecordState ARCHIVED' });
    expect(f[7]).toMatchObject({ state: 'not_applicable' });
  });

  it("derives severity from Normalized when Label is missing, as the tool's own value", () => {
    expect(f[7]).toMatchObject({
      severity: 'high',
      severity_source: 'tool',
      source_severity: 'Normalized 75',
    });
  });

  it('keeps GuardDuty as cloud with the finding type as rule', () => {
    expect(f[4]).toMatchObject({
      source_tool: 'Amazon GuardDuty',
      category: 'cloud',
      rule_id: 'TTPs/Discovery/Recon:EC2-Portscan',
      severity: 'medium',
      location: { region: 'eu-west-1', resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc' },
    });
  });

  it('turns Inspector ECR findings into container records with CVE, package, CVSS and image repository', () => {
    expect(f[5]).toMatchObject({
      source_tool: 'Amazon Inspector',
      category: 'container',
      rule_id: 'CVE-2024-0001',
      cve: ['CVE-2024-0001'],
      package: { name: 'openssl', version: '3.0.11-1~deb12u1', fixed_version: '3.0.13-1~deb12u1' },
      cvss: { score: 7.5, version: '3.1' },
      location: { image: '111122223333.dkr.ecr.eu-central-1.amazonaws.com/web-api', account: '111122223333' },
    });
    expect(f[5]!.location.resource).toMatch(/repository\/web-api\/sha256:/);
    expect(f[5]!.identity.scheme).toBe('sca/v1');
  });

  it('turns Inspector EC2 findings into sca records keyed on the instance, CLOSED → fixed', () => {
    expect(f[6]).toMatchObject({
      category: 'sca',
      state: 'fixed',
      state_reason: 'Inspector FindingStatus CLOSED',
      package: { name: 'kernel' },
      location: { file: 'arn:aws:ec2:eu-central-1:111122223333:instance/i-0def' },
    });
  });

  it('reports one scan per product', () => {
    expect(r.scans.map((s) => [s.tool.name, s.categories])).toEqual([
      ['AWS Security Hub', ['cloud']],
      ['Amazon GuardDuty', ['cloud']],
      ['Amazon Inspector', ['container', 'sca']],
    ]);
  });

  it('reads a bare JSON array of ASFF findings', () => {
    const b = normalizeFixture('aws_securityhub/bare-list.json');
    expect(b.file.format).toBe('aws_securityhub');
    expect(b.findings).toHaveLength(1);
    expect(b.findings[0]!.source_pointer).toBe('/0');
  });

  it('throws a UserError naming the expected shape', () => {
    expect(() => parseSecurityHub({ Results: [] }, { file: 'x.json' })).toThrow(UserError);
    expect(() => parseSecurityHub('text', { file: 'x.json' })).toThrow(/"Findings" array/);
  });
});
