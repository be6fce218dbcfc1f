import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Counting convention (src/parsers/aws_securityhub/README.md): one record per ASFF entry, a repeated
// `Id` included (the aggregator links it), PASSED controls kept as `fixed` records. That is the raw
// count `findings`; DefectDojo keys a map on `Id` (config_repeated_findings 2 -> 1).
describeCorpus('AWS Security Hub conformance (../shared/corpus/aws_securityhub)', () => {
  const entries = oracleFor('aws_securityhub');
  it('has Security Hub entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(6);
  });
  for (const e of entries) {
    it(`${e.file}: one record per finding entry, fields as DefectDojo asserts`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('aws_securityhub');
      expect(r.findings.length).toBe(e.raw_counts.findings);
      const passed = (e.raw_counts.compliance_status as Record<string, number>).PASSED ?? 0;
      expect(r.findings.filter((f) => f.state === 'fixed').length).toBe(passed);
      for (const x of e.defectdojo_expectations ?? []) {
        const f = r.findings[Number(x.finding_index ?? 0)]!;
        if (x.field === 'severity') expect(f.severity).toBe(String(x.expected).toLowerCase());
        if (x.field === 'unsaved_vulnerability_ids') expect(f.cve).toContain(x.expected);
        if (x.field === 'cvssv3') expect(f.cvss?.vector).toBe(x.expected);
      }
      for (const f of r.findings) {
        expect(f.location.account).toMatch(/^[0-9X]{12}$/);
        expect(f.location.region).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
        expect(f.location.resource).toBeTruthy();
      }
    });
  }

  it('config_repeated_findings: the repeated Id gives two records with the same identity', () => {
    const r = normalizeCorpus('aws_securityhub/config_repeated_findings.json');
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]!.id).toBe(r.findings[1]!.id);
    expect(r.findings[0]!.occurrence_id).not.toBe(r.findings[1]!.occurrence_id);
  });

  it('config_many_findings vs config_one_finding_active: same control, PASSED → fixed, FAILED → open', () => {
    const passed = normalizeCorpus('aws_securityhub/config_many_findings.json').findings[0]!;
    const failed = normalizeCorpus('aws_securityhub/config_one_finding_active.json').findings[0]!;
    expect(passed.id).toBe(failed.id);
    expect([passed.state, passed.severity]).toEqual(['fixed', 'info']);
    expect([failed.state, failed.severity]).toEqual(['open', 'medium']);
    expect(failed.rule_id).toBe('IAM.5');
  });

  it('Inspector findings: EC2 → sca per instance, ECR → container with the repository as image', () => {
    const ec2 = normalizeCorpus('aws_securityhub/inspector_ec2_cve.json').findings;
    expect(new Set(ec2.map((f) => f.category))).toEqual(new Set(['sca']));
    // The sample's instance ARNs were sanitised to two distinct values, so 5 records share 2 identities.
    expect(new Set(ec2.map((f) => f.location.resource)).size).toBe(2);
    expect(new Set(ec2.map((f) => f.id)).size).toBe(2);
    expect(ec2[0]).toMatchObject({
      package: { name: 'kernel' },
      cve: ['CVE-2022-3643'],
      severity: 'critical',
    });
    const ecr = normalizeCorpus('aws_securityhub/inspector_ecr.json').findings;
    expect(new Set(ecr.map((f) => f.category))).toEqual(new Set(['container']));
    expect(ecr[0]).toMatchObject({
      package: { name: 'openssl', fixed_version: '0:1.1.1n-0+deb11u5' },
      location: { image: '123456789012.dkr.ecr.eu-central-1.amazonaws.com/repo-os' },
    });
  });

  it('GuardDuty findings stay cloud, open, from Amazon GuardDuty', () => {
    const g = normalizeCorpus('aws_securityhub/guardduty.json').findings;
    expect(g.map((f) => [f.category, f.state, f.source_tool])).toEqual(
      Array(4).fill(['cloud', 'open', 'Amazon GuardDuty']),
    );
    expect(g[3]!.finding_title).toMatch(/^User AssumedRole : 123123123 is anomalously/);
  });
});
