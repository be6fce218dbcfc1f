import { describe, expect, it } from 'vitest';
import { parseAzureDefender } from '../../../src/parsers/azure_defender/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('azure_defender parser', () => {
  const r = normalizeFixture('azure_defender/recommendations.csv');

  it('keeps Unhealthy rows (any case) only; Healthy and NotApplicable are not findings', () => {
    expect(r.file.format).toBe('azure_defender');
    expect(r.findings.map((x) => x.source_pointer)).toEqual(['row 2', 'row 4']);
    expect(r.file.warnings).toEqual(['row 6: unknown state "Unknown"; not counted as a finding']);
  });

  it('maps subscription, resource id, recommendation and governance owner', () => {
    expect(r.findings[0]).toMatchObject({
      source_tool: 'Microsoft Defender for Cloud',
      category: 'cloud',
      finding_title: 'shopstore - Storage account should use a private link connection',
      rule_id: 'aaaaaaaa-0000-0000-0000-000000000001',
      severity: 'medium',
      severity_source: 'tool',
      state: 'open',
      owner: 'alice@example.com',
      first_seen: '2026-01-24T05:56:30.353Z',
      last_seen: '2026-02-20T17:07:48.646Z',
      location: {
        account: '00000000-1111-2222-3333-444444444444',
        resource:
          '/subscriptions/00000000-1111-2222-3333-444444444444/resourcegroups/shop-rg/providers/microsoft.storage/storageaccounts/shopstore',
      },
    });
    expect(r.findings[1]).toMatchObject({
      severity: 'high',
      owner: null,
      finding_title:
        'Shop Prod - Blocked accounts with read and write permissions on Azure resources should be removed',
    });
  });

  it('throws a UserError naming the missing columns', () => {
    expect(() => parseAzureDefender('a,b\n1,2\n', { file: 'x.csv' })).toThrow(UserError);
    expect(() => parseAzureDefender('a,b\n1,2\n', { file: 'x.csv' })).toThrow(/recommendationDisplayName/);
  });
});
