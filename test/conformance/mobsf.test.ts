import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// mobsfscan: one record per rule per file occurrence (a rule without files: one record) = DefectDojo's 8.
// MobSF report_json: one record per issue per static-analysis section (README); DefectDojo synthesises
// and merges its own set (report1 68, damnvulnrablebank 80, mobsf_3_7_9 2), so these are our own counts,
// broken down per section below.
const REPORT_COUNTS: Record<string, Record<string, number>> = {
  'mobsf/report1.json': { permissions: 2, manifest: 5, code_analysis: 12, binary_analysis: 32 },
  'mobsf/damnvulnrablebank.json': {
    manifest: 6,
    network_security: 3,
    certificate: 1,
    code_analysis: 89,
    binary_analysis: 10,
  },
  'mobsf/mobsf_3_7_9.json': { binary_analysis: 4 },
};

describeCorpus('MobSF conformance (../shared/corpus/mobsf)', () => {
  const entries = oracleFor('mobsf');
  it('has MobSF entries', () => expect(entries.length).toBeGreaterThanOrEqual(4));
  for (const e of entries) {
    it(`${e.file}: one record per issue`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('mobsf');
      for (const f of r.findings) expect(f.category).toBe('mobile');
      if (e.raw_counts.layout === 'mobsfscan') {
        expect(r.findings.length).toBe(e.raw_counts.file_occurrences);
        expect(r.findings.length).toBe(e.defectdojo_count);
        return;
      }
      const bySection: Record<string, number> = {};
      for (const f of r.findings) {
        const s = f.tags.find((t) => t.startsWith('section:'))!.slice(8);
        bySection[s] = (bySection[s] ?? 0) + 1;
      }
      expect(bySection).toEqual(REPORT_COUNTS[e.file]);
    });
  }

  it('fields agree with DefectDojo where the unit is the same', () => {
    const scan = normalizeCorpus('mobsf/many_findings.json').findings;
    expect(scan[0]).toMatchObject({
      finding_title: 'android_certificate_transparency',
      severity: 'low',
      cwe: ['CWE-295'],
    });
    expect(scan[1]).toMatchObject({
      finding_title: 'android_kotlin_hardcoded',
      severity: 'medium',
      cwe: ['CWE-798'],
      location: { file: 'app/src/main/java/com/routes/domain/analytics/event/Signatures.kt', start_line: 10 },
    });
    const ios = normalizeCorpus('mobsf/mobsf_3_7_9.json').findings;
    expect(ios.slice(0, 2).map((f) => f.severity)).toEqual(['high', 'high']);
    expect(ios[0]!.finding_title).toMatch(/^The binary may contain the following insecure API\(s\) _memcpy/);
    const r1 = normalizeCorpus('mobsf/report1.json').findings;
    expect(r1[0]).toMatchObject({ finding_title: 'android.permission.WRITE_EXTERNAL_STORAGE' });
    const relro = r1.find((f) => f.finding_title === 'This shared object does not have RELRO enabled.')!;
    expect(relro).toMatchObject({ severity: 'high', location: { file: 'lib/armeabi-v7a/libdivajni.so' } });
  });

  it('MobSF secrets never reach a record', () => {
    const all = JSON.stringify(normalizeCorpus('mobsf/damnvulnrablebank.json').findings);
    expect(all).not.toContain('AIzaSyBbOHG6DDa6DOcRGEg57mw9nXYXcw6la3c');
  });
});
