import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// One record per vulnerabilities[] entry. DefectDojo keys a map by `id` (legacy: the `cve` compare key)
// and so collapses repeats (many-vuln_v15: 467 → 219); we count raw_counts.vulnerabilities.
describeCorpus('GitLab SAST conformance (../shared/corpus/gitlab_sast)', () => {
  const entries = oracleFor('gitlab_sast');
  it('has entries', () => expect(entries.length).toBe(5));
  for (const e of entries) {
    it(`${e.file}: one record per entry, source severities as in the file`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('gitlab_sast');
      expect(r.findings.length).toBe(e.raw_counts.vulnerabilities);
      const counts: Record<string, number> = {};
      for (const f of r.findings)
        counts[f.source_severity ?? 'null'] = (counts[f.source_severity ?? 'null'] ?? 0) + 1;
      expect(counts).toEqual(e.raw_counts.severities);
    });
  }
  it('asserted fields', () => {
    const one = normalizeCorpus('gitlab_sast/gl-sast-report-1-vuln_v14.json').findings[0]!;
    expect(one).toMatchObject({
      finding_title: 'Password in URL',
      severity: 'critical',
      source_tool: 'TruffleHog',
    });
    // Secrets analyzers ran inside SAST in schema 2.x reports.
    expect(one.category).toBe('secret');
    const cwe = normalizeCorpus('gitlab_sast/gl-sast-report-cwe_v15.json').findings;
    expect(cwe.map((f) => f.cwe)).toEqual([['CWE-79'], ['CWE-89'], ['CWE-943']]);
    const many = normalizeCorpus('gitlab_sast/gl-sast-report-many-vuln_v15.json').findings;
    expect(many.slice(0, 3).map((f) => [f.finding_title, f.severity])).toEqual([
      ['Password in URL', 'critical'],
      ['Password in URL', 'critical'],
      ['PKCS8 key', 'critical'],
    ]);
    expect(many.filter((f) => f.source_severity === 'Unknown').every((f) => f.severity === 'info')).toBe(
      true,
    );
    const none = normalizeCorpus('gitlab_sast/gl-sast-report_issue4344_v15.json').findings[0]!;
    expect(none).toMatchObject({
      finding_title: 'Potential XSS vulnerability',
      severity: 'medium',
      severity_source: 'default',
      source_tool: 'Security Code Scan',
      tool_version: '3.5.3',
    });
  });
});
