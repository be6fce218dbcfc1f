import { describe, expect, it } from 'vitest';
import { parseGcloudArtifactScan } from '../../../src/parsers/gcloud_artifact_scan/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('gcloud_artifact_scan parser', () => {
  const r = normalizeFixture('gcloud_artifact_scan/describe.json');
  const f = r.findings;

  it('reads one container record per occurrence in every severity group', () => {
    expect(r.file.format).toBe('gcloud_artifact_scan');
    expect(f.map((x) => x.source_pointer)).toEqual([
      '/package_vulnerability_summary/vulnerabilities/CRITICAL/0',
      '/package_vulnerability_summary/vulnerabilities/HIGH/0',
      '/package_vulnerability_summary/vulnerabilities/MINIMAL/0',
      '/package_vulnerability_summary/vulnerabilities/None/0',
    ]);
    expect(r.scans[0]).toMatchObject({
      tool: { name: 'Google Artifact Analysis' },
      categories: ['container'],
      success: true,
    });
  });

  it('maps CVE, package, fixed version, CVSS, image, project and dates', () => {
    expect(f[0]).toMatchObject({
      category: 'container',
      rule_id: 'CVE-2023-45853',
      cve: ['CVE-2023-45853'],
      severity: 'critical',
      severity_source: 'tool',
      package: { name: 'zlib', version: '1:1.2.13.dfsg-1', fixed_version: null },
      cvss: { score: 8.1, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H' },
      first_seen: '2026-01-10T10:00:00.123Z',
      last_seen: '2026-02-10T10:00:00.123Z',
      location: {
        image: 'europe-west1-docker.pkg.dev/shop-prod/containers/checkout',
        account: 'shop-prod',
        region: 'europe-west1',
      },
    });
    expect(f[0]!.location.resource).toMatch(/checkout@sha256:ef/);
    expect(f[1]).toMatchObject({ package: { name: 'lodash', fixed_version: '4.17.21', ecosystem: 'npm' } });
    expect(r.file.warnings).toEqual([
      '/package_vulnerability_summary/vulnerabilities/HIGH/0: 2 package issues; the record names the first',
    ]);
  });

  it("maps MINIMAL to info (the tool's word) and no severity to info with source default", () => {
    expect(f[2]).toMatchObject({ severity: 'info', severity_source: 'tool', source_severity: 'MINIMAL' });
    expect(f[3]).toMatchObject({ severity: 'info', severity_source: 'default', source_severity: null });
  });

  it('reads a bare list of occurrences', () => {
    const l = normalizeFixture('gcloud_artifact_scan/occurrences-list.json');
    expect(l.file.format).toBe('gcloud_artifact_scan');
    expect(l.findings.map((x) => x.severity)).toEqual(['high', 'low']);
  });

  it('throws a UserError for another shape', () => {
    expect(() => parseGcloudArtifactScan({ foo: 1 }, { file: 'x.json' })).toThrow(UserError);
    expect(() => parseGcloudArtifactScan('x', { file: 'x.json' })).toThrow(/package_vulnerability_summary/);
  });
});
