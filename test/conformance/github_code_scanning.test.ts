import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

describeCorpus('GitHub code scanning conformance (../shared/corpus/github_code_scanning)', () => {
  const entries = oracleFor('github_code_scanning');
  it('has entries', () => expect(entries.length).toBe(2));
  for (const e of entries) {
    it(`${e.file}: one record per alert`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('github_code_scanning');
      expect(r.findings.length).toBe(e.raw_counts.items);
      expect(r.findings.length).toBe(e.defectdojo_count);
    });
  }
  it('fields ("None" strings read as null)', () => {
    const r = normalizeCorpus('github_code_scanning/github_sast_many_vul.json');
    expect(r.findings[0]).toMatchObject({
      rule_id: 'py/clear-text-storage-sensitive-data',
      severity: 'high',
      source_tool: 'CodeQL',
      tool_version: '2.16.2',
      state: 'open',
      closed_at: null,
      first_seen: '2024-01-19T14:11:18.000Z',
      repo: 'OWASP/test-repository',
      cwe: ['CWE-312', 'CWE-315', 'CWE-359'],
      location: {
        file: 'src/file.py',
        start_line: 42,
        url: 'https://github.com/OWASP/test-repository/security/code-scanning/35',
      },
    });
    expect(r.findings[1]!.location.file).toBe('src/file2.py');
  });
});
