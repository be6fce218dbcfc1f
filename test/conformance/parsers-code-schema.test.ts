import { expect, it } from 'vitest';
import { Finding } from '../../src/schema/finding.js';
import { describeCorpus, normalizeCorpus, oracle } from '../helpers/corpus.js';

const MINE = ['semgrep', 'bandit', 'gitleaks', 'checkov', 'kics', 'tfsec', 'zap', 'mobsf', 'eslint'];

// Every record these parsers produce from the corpus is a valid normalized finding.
describeCorpus('records of the code/IaC/DAST/mobile parsers match the Finding schema', () => {
  for (const e of oracle().filter((x) => MINE.includes(x.file.split('/')[0]!))) {
    it(e.file, () => {
      const r = normalizeCorpus(e.file, { format: e.file.split('/')[0]! });
      for (const f of r.findings) {
        const v = Finding.safeParse(f);
        expect(v.success, v.success ? '' : `${f.source_pointer}: ${v.error.message}`).toBe(true);
      }
      expect(new Set(r.findings.map((f) => f.occurrence_id)).size).toBe(r.findings.length);
    });
  }
});
