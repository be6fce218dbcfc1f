import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CORPUS, describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

describeCorpus('GitLab Secret Detection conformance (../shared/corpus/gitlab_secret_detection)', () => {
  const entries = oracleFor('gitlab_secret_detection');
  it('has entries', () => expect(entries.length).toBe(3));
  for (const e of entries) {
    it(`${e.file}: one record per entry; raw_source_code_extract never copied`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('gitlab_secret_detection');
      expect(r.findings.length).toBe(e.raw_counts.vulnerabilities);
      const raw = JSON.parse(readFileSync(path.join(CORPUS, e.file), 'utf8')) as {
        vulnerabilities: Array<{ raw_source_code_extract?: string }>;
      };
      const out = JSON.stringify(r.findings);
      for (const v of raw.vulnerabilities)
        if (v.raw_source_code_extract) expect(out).not.toContain(v.raw_source_code_extract);
      for (const f of r.findings) {
        expect(f).toMatchObject({ category: 'secret', severity: 'critical', source_tool: 'Gitleaks' });
        expect(f.identity.parts[2]).toMatch(/^sha256:/);
        expect(f.location.file).toBe('README.md');
      }
    });
  }
});
