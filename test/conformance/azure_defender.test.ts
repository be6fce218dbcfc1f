import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Same unit as DefectDojo and SecObserve: one record per `state` Unhealthy row.
describeCorpus('Azure Defender conformance (../shared/corpus/azure_defender)', () => {
  const entries = oracleFor('azure_defender');
  it('has Defender entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(3);
  });
  for (const e of entries) {
    it(`${e.file}: one record per Unhealthy row`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('azure_defender');
      expect(r.findings.length).toBe(e.raw_counts.unhealthy);
      for (const x of e.defectdojo_expectations ?? []) {
        const f = r.findings[Number(x.finding_index ?? 0)]!;
        if (x.field === 'severity') expect(f.severity).toBe(String(x.expected).toLowerCase());
        if (x.field === 'title') expect(f.finding_title).toBe(x.expected);
        if (x.field === 'vuln_id_from_tool') expect(f.rule_id).toBe(x.expected);
      }
      for (const f of r.findings) {
        expect(f.location.account).toMatch(/^[0-9a-f-]{36}$/);
        expect(f.location.resource).toMatch(/^\/subscriptions\//);
      }
    });
  }

  it('2023 layout: SecObserve expectations (titles, severities)', () => {
    const r = normalizeCorpus('azure_defender/AzureSecurityCenterRecommendations.csv');
    expect(r.findings.map((f) => [f.rule_name, f.severity])).toEqual([
      ['Storage account should use a private link connection', 'medium'],
      ['Blocked accounts with read and write permissions on Azure resources should be removed', 'high'],
    ]);
  });
});
