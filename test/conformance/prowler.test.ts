import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Counting convention (src/parsers/prowler/README.md): one record per FAIL result, muted ones kept as
// suppressed; PASS, INFO and MANUAL are not findings. Differences from DefectDojo: muted OCSF result
// kept (many_vuln_after_4_5_0 3 vs 2), MANUAL rows dropped (example_output_aws.csv 2 vs 4).
function failCount(raw: Record<string, unknown>): number {
  const statuses = (raw.status_code ?? raw.status) as Record<string, number>;
  return Object.entries(statuses)
    .filter(([k]) => k.toUpperCase() === 'FAIL')
    .reduce((n, [, v]) => n + v, 0);
}

describeCorpus('Prowler conformance (../shared/corpus/prowler)', () => {
  const entries = oracleFor('prowler');
  it('has Prowler entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(6);
  });
  for (const e of entries) {
    it(`${e.file} (${String(e.raw_counts.layout)}): one record per FAIL result`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('prowler');
      expect(r.findings.length).toBe(failCount(e.raw_counts));
      for (const f of r.findings) {
        expect(f.category).toBe('cloud');
        expect(f.source_tool).toBe('Prowler');
        expect(f.rule_id).toBeTruthy();
      }
    });
  }

  it('Prowler 2 CSV and JSON lines: titles and severities as DefectDojo asserts (Informational → info, not Low)', () => {
    for (const file of ['prowler/aws_prowler_many_vuln.csv', 'prowler/aws_prowler_many_vuln.json']) {
      const e = oracleFor('prowler').find((x) => x.file === file)!;
      const r = normalizeCorpus(file);
      for (const x of e.defectdojo_expectations ?? []) {
        const f = r.findings[Number(x.finding_index ?? 0)]!;
        const expected = String(x.expected);
        if (x.field === 'title' && !expected.startsWith('eu-west-2: '))
          expect(f.finding_title).toBe(expected);
        if (x.field === 'severity' && f.source_severity !== 'Informational')
          expect(f.severity).toBe(expected.toLowerCase());
      }
    }
    const csv = normalizeCorpus('prowler/aws_prowler_many_vuln.csv').findings;
    expect(csv[3]).toMatchObject({
      severity: 'info',
      source_severity: 'Informational',
      location: { region: 'eu-west-2' },
    });
  });

  it('Prowler 3 and OCSF: finding uid kept as fingerprint, muted → suppressed', () => {
    for (const file of [
      'prowler/aws_prowler_v3plus_many_vuln.json',
      'prowler/many_vuln_after_4_5_0.ocsf.json',
    ]) {
      const e = oracleFor('prowler').find((x) => x.file === file)!;
      const r = normalizeCorpus(file);
      for (const x of e.defectdojo_expectations ?? [])
        if (x.field === 'unique_id_from_tool')
          expect(r.findings[Number(x.finding_index ?? 0)]!.fingerprints.finding_uid).toBe(x.expected);
    }
    const ocsf = normalizeCorpus('prowler/many_vuln_after_4_5_0.ocsf.json').findings;
    expect(ocsf.map((f) => f.state)).toEqual(['open', 'open', 'suppressed']);
    expect(ocsf[0]).toMatchObject({
      location: { account: '123456789012', region: 'us-east-1' },
      tool_version: '4.2.1',
    });
  });

  it('vendor examples: <placeholder> ids are treated as absent, MANUAL rows are warned about', () => {
    const csv = normalizeCorpus('prowler/example_output_aws.csv');
    expect(csv.findings.map((f) => f.rule_id)).toEqual([
      'accessanalyzer_enabled',
      'account_maintain_different_contact_details_to_security_billing_and_operations',
    ]);
    expect(csv.findings[0]!.location).toMatchObject({ account: null, resource: null });
    expect(csv.file.warnings).toContain('2 MANUAL result(s) need a human check; not counted as findings');
    const az = normalizeCorpus('prowler/example_output_azure.ocsf.json').findings;
    expect(az.map((f) => f.severity)).toEqual(['low', 'medium', 'high']);
  });
});
