import { describe, expect, it } from 'vitest';
import { parseWiz } from '../../../src/parsers/wiz/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('wiz parser', () => {
  it('Issues report: one record per row, every status kept with its state', () => {
    const r = normalizeFixture('wiz/issues.csv');
    expect(r.file.format).toBe('wiz');
    expect(r.findings.map((f) => [f.state, f.state_reason])).toEqual([
      ['open', null],
      ['fixed', 'Wiz RESOLVED (ISSUE_FIXED)'],
      ['false_positive', 'Wiz IGNORED (FALSE_POSITIVE)'],
      ['accepted_risk', 'Wiz IGNORED (WONT_FIX)'],
      ['open', null],
      ['fixed', 'Wiz RESOLVED'],
    ]);
    expect(r.findings[0]).toMatchObject({
      source_tool: 'Wiz',
      category: 'cloud',
      finding_title: 'Publicly exposed bucket',
      rule_id: 'wc-id-1',
      severity: 'high',
      severity_source: 'tool',
      first_seen: '2026-01-10T09:00:00.000Z',
      location: { account: '111122223333', region: 'us-east-1', resource: 'arn:aws:s3:::shop-logs' },
      fingerprints: { issueId: 'issue-1' },
    });
    expect(r.findings[1]).toMatchObject({ severity: 'info', closed_at: '2026-02-01T10:00:00.500Z' });
    expect(r.findings[4]!.tags).toEqual(['Pod', 'k8s-cluster:shop-aks', 'k8s-namespace:payments']);
    expect(r.findings[5]!.closed_at).toBeNull();
    expect(r.file.warnings).toEqual([
      'row 12: unreadable Resolved Time "2026-02-03 10:00:00 +0000 CET"; closed date left empty',
    ]);
  });

  it('never copies Resource original JSON', () => {
    const r = normalizeFixture('wiz/issues.csv');
    expect(JSON.stringify(r.findings)).not.toContain('hunter2-not-real');
  });

  it('vulnerability findings report: package records on the asset, image assets as container', () => {
    const r = normalizeFixture('wiz/vulnerability-findings.csv');
    expect(r.findings.map((f) => [f.category, f.state, f.severity, f.severity_source])).toEqual([
      ['sca', 'open', 'medium', 'tool'],
      ['sca', 'fixed', 'critical', 'tool'],
      ['container', 'open', 'medium', 'tool'],
    ]);
    expect(r.findings[0]).toMatchObject({
      rule_id: 'CVE-2024-5000',
      cve: ['CVE-2024-5000'],
      package: { name: 'openssl', version: '3.0.11', fixed_version: '3.0.13' },
      first_seen: '2026-01-05T03:02:01.000Z',
      last_seen: '2026-02-05T03:02:01.000Z',
      location: { account: 'shop-prod', region: 'europe-west1' },
      tags: ['OS', 'cisa-kev'],
    });
    expect(r.findings[1]).toMatchObject({
      closed_at: '2026-02-10T00:00:00.000Z',
      state_reason: 'Wiz RESOLVED (PATCHED)',
    });
    expect(r.findings[2]!.location.image).toBe('europe-west1-docker.pkg.dev/shop-prod/containers/checkout');
  });

  it('throws a UserError for another CSV', () => {
    expect(() => parseWiz('a,b\n1,2\n', { file: 'x.csv' })).toThrow(UserError);
    expect(() => parseWiz('a,b\n1,2\n', { file: 'x.csv' })).toThrow(/Issue ID/);
  });
});
