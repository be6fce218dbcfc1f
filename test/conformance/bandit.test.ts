import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Counting convention and DefectDojo agree: one record per results[] entry.
describeCorpus('Bandit conformance (../shared/corpus/bandit)', () => {
  const entries = oracleFor('bandit');
  it('has Bandit entries', () => expect(entries.length).toBeGreaterThanOrEqual(3));
  for (const e of entries) {
    it(`${e.file}: one record per result`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('bandit');
      expect(r.findings.length).toBe(e.raw_counts.results);
      expect(r.findings.length).toBe(e.defectdojo_count);
      const sev: Record<string, number> = {};
      const conf: Record<string, number> = {};
      for (const f of r.findings) {
        sev[f.source_severity!] = (sev[f.source_severity!] ?? 0) + 1;
        conf[f.tool_confidence!] = (conf[f.tool_confidence!] ?? 0) + 1;
      }
      expect(sev).toEqual(e.raw_counts.severities);
      expect(conf).toEqual(e.raw_counts.confidences);
    });
  }
  it('fields agree with DefectDojo', () => {
    expect(normalizeCorpus('bandit/one_vuln.json').findings[0]).toMatchObject({
      finding_title: expect.stringMatching(/^Use of assert detected/),
      severity: 'low',
      location: { file: 'one/one.py' },
      rule_id: 'B101',
      rule_name: 'assert_used',
    });
    const many = normalizeCorpus('bandit/many_vulns.json').findings[0]!;
    // DefectDojo keeps the Windows separator; we normalize paths to forward slashes.
    expect(many).toMatchObject({
      finding_title: 'Try, Except, Pass detected.',
      severity: 'low',
      location: { file: 'dojo/benchmark/views.py' },
      rule_id: 'B110',
    });
  });
});
