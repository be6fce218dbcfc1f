import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Counting convention and DefectDojo agree: one record per alert per site; instances are locations.
// The JSON reports have no DefectDojo test; their oracle is ZAP's own Markdown summary (riskcodes).
const RISK: Record<string, string> = { '3': 'high', '2': 'medium', '1': 'low', '0': 'info' };

describeCorpus('ZAP conformance (../shared/corpus/zap)', () => {
  const entries = oracleFor('zap');
  it('has ZAP entries', () => expect(entries.length).toBeGreaterThanOrEqual(8));
  for (const e of entries) {
    it(`${e.file}: one record per alert per site`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('zap');
      expect(r.findings.length).toBe(e.raw_counts.alertitems ?? e.raw_counts.alerts ?? 0);
      if (typeof e.defectdojo_count === 'number') expect(r.findings.length).toBe(e.defectdojo_count);
      const want: Record<string, number> = {};
      for (const [code, n] of Object.entries(e.raw_counts.riskcodes as Record<string, number>))
        want[RISK[code]!] = n;
      const got: Record<string, number> = {};
      for (const f of r.findings) got[f.severity] = (got[f.severity] ?? 0) + 1;
      expect(got).toEqual(want);
      const instances = r.findings.reduce(
        (n, f) => n + Number(f.tags.find((t) => t.startsWith('instances:'))!.slice(10)),
        0,
      );
      // ZAP lists at most N instances per alert but `count` is the real number: never fewer than listed.
      if (e.raw_counts.instances !== undefined)
        expect(instances).toBeGreaterThanOrEqual(e.raw_counts.instances as number);
    });
  }

  it('fields agree with DefectDojo', () => {
    const dvwa = normalizeCorpus('zap/dvwa_baseline_dojo.xml').findings;
    expect(dvwa[0]).toMatchObject({ finding_title: 'X-Frame-Options Header Not Set', severity: 'medium' });
    expect(dvwa[0]!.tags).toContain('pluginid:10020');
    expect(dvwa[18]).toMatchObject({ finding_title: 'Private IP Disclosure', severity: 'low' });
    expect(dvwa[18]!.tags).toContain('pluginid:2');
    const juicy = normalizeCorpus('zap/juicy2.xml').findings;
    expect(juicy[0]).toMatchObject({
      finding_title: 'Incomplete or No Cache-control Header Set',
      severity: 'low',
    });
    expect(juicy[5]).toMatchObject({
      finding_title: 'CSP: Wildcard Directive',
      severity: 'medium',
      cwe: ['CWE-693'],
    });
    expect(juicy[5]!.tags).toContain('pluginid:10055');
  });

  it('consecutive scans: 1 new alert, 0 closed, 12 unchanged (keyed on alertRef + name + site)', () => {
    const a = new Set(
      normalizeCorpus('zap/bcgov-vhers-scan_scan1_report_json.json').findings.map((f) => f.id),
    );
    const b = normalizeCorpus('zap/bcgov-vhers-scan_scan2_report_json.json').findings;
    expect(a.size).toBe(12);
    expect(new Set(b.map((f) => f.id)).size).toBe(13);
    const added = b.filter((f) => !a.has(f.id));
    expect(added.map((f) => f.finding_title)).toEqual(['Storable and Cacheable Content']);
    expect([...a].filter((id) => !b.some((f) => f.id === id))).toEqual([]);
  });
});
