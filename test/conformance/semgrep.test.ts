import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CORPUS, describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// Counting convention: one record per results[] entry, no merging. DefectDojo merges results with the same
// check_id + path + start line (repeated_findings.json 2 -> 1), so we assert raw_counts.results. The
// Supply Chain export has no raw count in the oracle: one record per vulns[] entry (22; DefectDojo 18,
// merging entries of the same rule at the same manifest line).
describeCorpus('Semgrep conformance (../shared/corpus/semgrep)', () => {
  const entries = oracleFor('semgrep');
  it('has Semgrep entries', () => expect(entries.length).toBeGreaterThanOrEqual(6));
  for (const e of entries) {
    it(`${e.file}: one record per result / vuln`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('semgrep');
      const raw = JSON.parse(readFileSync(path.join(CORPUS, e.file), 'utf8')) as { vulns?: unknown[] };
      const expected = Array.isArray(raw.vulns) ? raw.vulns.length : (e.raw_counts.results as number);
      expect(r.findings.length).toBe(expected);
      if (e.raw_counts.results === e.raw_counts.unique_rule_path_line && !raw.vulns)
        expect(r.findings.length).toBe(e.defectdojo_count);
      const sevCounts: Record<string, number> = {};
      for (const f of r.findings)
        if (f.source_severity) sevCounts[f.source_severity] = (sevCounts[f.source_severity] ?? 0) + 1;
      if (!raw.vulns) expect(sevCounts).toEqual(e.raw_counts.severities);
    });
  }

  it('fields agree with DefectDojo (severity, path, line, CWE, rule)', () => {
    const one = normalizeCorpus('semgrep/one_finding.json').findings[0]!;
    expect(one).toMatchObject({
      severity: 'medium',
      location: {
        file: 'src/main/java/org/owasp/benchmark/testcode/BenchmarkTest02194.java',
        start_line: 64,
      },
      cwe: ['CWE-696'],
      rule_id: 'java.lang.security.audit.cbc-padding-oracle.cbc-padding-oracle',
    });
    // extra.lines (source code) is what DefectDojo puts in the description; we never copy it.
    expect(one.description).not.toContain('javax.crypto.Cipher c =');
    const many = normalizeCorpus('semgrep/many_findings.json').findings;
    expect(many[2]).toMatchObject({ severity: 'low', location: { start_line: 66 } });
    const cwe = normalizeCorpus('semgrep/cwe_list.json').findings[0]!;
    expect(cwe).toMatchObject({
      severity: 'low',
      cwe: ['CWE-352'],
      location: { file: 'index.js', start_line: 12 },
    });
    const rep = normalizeCorpus('semgrep/repeated_findings.json').findings;
    expect(rep[0]!.id).toBe(rep[1]!.id);
    expect(rep[0]!.occurrence_id).not.toBe(rep[1]!.occurrence_id);
    const sca = normalizeCorpus('semgrep/sca-deployments-vulns.json').findings;
    expect(sca[0]).toMatchObject({
      category: 'sca',
      severity: 'high',
      cwe: ['CWE-617'],
      location: { file: 'requirements3.txt', start_line: 222 },
    });
    expect(sca.filter((f) => f.state === 'fixed')).toHaveLength(1);
  });
});
