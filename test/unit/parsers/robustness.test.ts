import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../src/commands/read-input.js';
import { getParser } from '../../../src/parsers/registry.js';
import { isUserError } from '../../../src/util/errors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES: Array<[string, string]> = [
  ['semgrep', 'semgrep/results.json'],
  ['semgrep', 'semgrep/vulns.json'],
  ['semgrep', 'semgrep/supply-chain-ci.json'],
  ['checkov', 'checkov/summary-only.json'],
  ['bandit', 'bandit/results.json'],
  ['gitleaks', 'gitleaks/v8.json'],
  ['gitleaks', 'gitleaks/v7.json'],
  ['checkov', 'checkov/reports.json'],
  ['kics', 'kics/results.json'],
  ['tfsec', 'tfsec/current.json'],
  ['zap', 'zap/report.json'],
  ['zap', 'zap/report.xml'],
  ['mobsf', 'mobsf/report.json'],
  ['mobsf', 'mobsf/mobsfscan.json'],
  ['eslint', 'eslint/report.json'],
];
const ODD: unknown[] = [null, 0, -1, 'x', '', true, [], {}, [null], { a: 1 }];

/** Every document obtained by replacing one value (at any depth) with an odd one. */
function* mutations(doc: unknown): Generator<unknown> {
  const paths: Array<Array<string | number>> = [];
  const walk = (v: unknown, p: Array<string | number>) => {
    paths.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(doc, []);
  for (const [i, p] of paths.entries()) {
    if (p.length === 0) continue;
    const copy = structuredClone(doc) as Record<string | number, unknown>;
    let o: Record<string | number, unknown> = copy;
    for (const k of p.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
    o[p[p.length - 1]!] = ODD[i % ODD.length];
    yield copy;
  }
}

describe('parsers never throw anything but UserError on odd input', () => {
  for (const [id, rel] of FIXTURES) {
    it(`${id}: every one-value mutation of ${rel}`, () => {
      const doc = decodeInput(readFileSync(path.resolve(here, '../../fixtures', rel)), rel).doc;
      const parser = getParser(id);
      let n = 0;
      for (const m of mutations(doc)) {
        n++;
        try {
          parser.parse(m, { file: rel });
        } catch (e) {
          if (!isUserError(e)) throw new Error(`mutation ${n} of ${rel}: ${String(e)}`);
        }
      }
      expect(n).toBeGreaterThan(5);
      for (const odd of ODD) {
        try {
          parser.parse(odd, { file: rel });
        } catch (e) {
          expect(isUserError(e)).toBe(true);
        }
      }
    });
  }
});
