import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// generic_empty.json ({"findings": [{}]}): DefectDojo raises (title is required); we skip the item
// with a warning and keep reading, like every other parser does with one bad item.
describeCorpus('DefectDojo generic import conformance (../shared/corpus/defectdojo_generic)', () => {
  const entries = oracleFor('defectdojo_generic');
  it('has entries', () => expect(entries.length).toBe(3));
  it('generic_empty.json: item without title skipped with a warning', () => {
    const r = normalizeCorpus('defectdojo_generic/generic_empty.json');
    expect(r.file.error).toBeNull();
    expect(r.findings).toHaveLength(0);
    expect(r.file.warnings).toHaveLength(1);
  });
  for (const e of entries.filter((x) => typeof x.defectdojo_count === 'number')) {
    it(`${e.file}: one record per finding`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('defectdojo_generic');
      expect(r.findings.length).toBe(e.defectdojo_count);
    });
  }
  it('asserted fields', () => {
    const r3 = normalizeCorpus('defectdojo_generic/generic_report3.json').findings;
    expect(r3.map((f) => f.finding_title)).toEqual([
      'test title with endpoints as dict',
      'test title with endpoints as strings',
      'test title mitigated',
      'test title mitigated ISO',
    ]);
    expect(r3[0]).toMatchObject({
      cve: ['CVE-2020-36234'],
      cwe: ['CWE-261'],
      severity: 'medium',
      category: 'other',
    });
    expect(r3[0]!.cvss?.vector).toBe('CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:N');
    expect(r3[1]!.location.url).toBe('http://urlfiltering.paloaltonetworks.com/test-command-and-control');
    expect(r3.map((f) => f.state)).toEqual(['open', 'open', 'fixed', 'fixed']);
    expect(r3[2]!.closed_at).toBe('2021-01-16T00:00:00.000Z');
    expect(r3[3]).toMatchObject({
      first_seen: '2024-01-04T11:02:11.000Z',
      closed_at: '2024-01-24T11:02:11.000Z',
    });
    const fv = normalizeCorpus('defectdojo_generic/generic_report_fix_version.json').findings;
    expect(fv[0]).toMatchObject({
      category: 'sca',
      package: { name: 'spring-core', version: '6.1.0', fixed_version: '2.1.3' },
    });
    expect(fv[1]!.package).toBeNull();
  });
});
