import { describe, expect, it } from 'vitest';
import { parseGcpScc } from '../../../src/parsers/gcp_scc/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

// No real SCC export exists in the corpus (ORACLE.md), so this unit test on a fixture built from
// Google's documented ListFindingsResult format stands in for a conformance test.
describe('gcp_scc parser', () => {
  const r = normalizeFixture('gcp_scc/findings.json');
  const f = r.findings;

  it('reads one cloud record per {finding, resource} result and warns about the odd one', () => {
    expect(r.file.format).toBe('gcp_scc');
    expect(f).toHaveLength(4);
    expect(r.file.warnings).toEqual(['/4: not a {finding, resource} result; skipped']);
  });

  it('maps category, severity, project, resource and dates', () => {
    expect(f[0]).toMatchObject({
      source_tool: 'Google Security Command Center',
      category: 'cloud',
      rule_id: 'PUBLIC_BUCKET_ACL',
      rule_name: 'Security Health Analytics: PUBLIC_BUCKET_ACL',
      finding_title: 'PUBLIC_BUCKET_ACL on shop-logs',
      severity: 'high',
      severity_source: 'tool',
      state: 'open',
      first_seen: '2026-01-03T08:00:00.456Z',
      last_seen: '2026-02-12T08:00:00.123Z',
      location: { account: 'shop-prod', resource: '//storage.googleapis.com/shop-logs' },
      help_uri: 'https://console.cloud.google.com/storage/browser/shop-logs',
    });
  });

  it('maps INACTIVE → fixed and MUTED → suppressed', () => {
    expect(f[1]).toMatchObject({ state: 'fixed', closed_at: '2026-02-12T08:00:00.123Z' });
    expect(f[2]).toMatchObject({ state: 'suppressed', rule_id: 'OPEN_FIREWALL' });
  });

  it('takes the CVE and, without a severity, the CVSS score; region from the zone', () => {
    expect(f[3]).toMatchObject({
      cve: ['CVE-2024-4000'],
      severity: 'critical',
      severity_source: 'cvss',
      location: { region: 'europe-west1' },
    });
  });

  it('throws a UserError for another shape', () => {
    expect(() => parseGcpScc({ foo: [] }, { file: 'x.json' })).toThrow(UserError);
    expect(() => parseGcpScc(3, { file: 'x.json' })).toThrow(/gcloud scc findings list/);
  });
});
