import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { decodeInput } from '../../src/commands/read-input.js';
import { detectFormat } from '../../src/parsers/registry.js';
import { CORPUS, describeCorpus, oracle } from '../helpers/corpus.js';

const MINE = ['semgrep', 'bandit', 'gitleaks', 'checkov', 'kics', 'tfsec', 'zap', 'mobsf', 'eslint'];
/** Files that cannot be told apart by content: gitleaks 7 and Trivy < 0.20 both write a bare `null`. */
const AMBIGUOUS = new Set(['gitleaks/no_findings.json']);

function detect(rel: string): string | undefined {
  const decoded = decodeInput(readFileSync(path.join(CORPUS, rel)), rel);
  return detectFormat({ name: path.basename(rel), head: decoded.text.slice(0, 65536), doc: decoded.doc })
    .parser?.id;
}

describeCorpus('detection of semgrep, bandit, gitleaks, checkov, kics, tfsec, zap, mobsf, eslint', () => {
  for (const e of oracle()) {
    const folder = e.file.split('/')[0]!;
    if (MINE.includes(folder) && !AMBIGUOUS.has(e.file)) {
      it(`${e.file} is ${folder}`, () => expect(detect(e.file)).toBe(folder));
    } else if (AMBIGUOUS.has(e.file)) {
      it(`${e.file} is not claimed by content alone`, () => expect(detect(e.file)).toBeUndefined());
    } else {
      it(`${e.file} is not claimed by these parsers`, () => {
        let id: string | undefined;
        try {
          id = detect(e.file);
        } catch {
          id = undefined; // undecodable on purpose (edge-case files): not ours either
        }
        expect(MINE).not.toContain(id);
      });
    }
  }
});
