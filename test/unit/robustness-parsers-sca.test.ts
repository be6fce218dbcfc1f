import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/commands/read-input.js';
import { anchoreEngineParser } from '../../src/parsers/anchore_engine/index.js';
import {
  dependencyCheckJsonParser,
  dependencyCheckParser,
} from '../../src/parsers/dependency_check/index.js';
import { grypeParser } from '../../src/parsers/grype/index.js';
import { npmAuditParser } from '../../src/parsers/npm_audit/index.js';
import { osvScannerParser } from '../../src/parsers/osv_scanner/index.js';
import { snykParser } from '../../src/parsers/snyk/index.js';
import { trivyParser } from '../../src/parsers/trivy/index.js';
import type { Parser } from '../../src/parsers/types.js';
import { isUserError } from '../../src/util/errors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CASES: Array<[Parser, string]> = [
  [trivyParser, 'trivy/image.json'],
  [trivyParser, 'trivy/fs-mixed.json'],
  [trivyParser, 'trivy/k8s.json'],
  [grypeParser, 'grype/image.json'],
  [npmAuditParser, 'npm_audit/v6.json'],
  [npmAuditParser, 'npm_audit/v7.json'],
  [snykParser, 'snyk/project.json'],
  [snykParser, 'snyk/container.json'],
  [osvScannerParser, 'osv_scanner/results.json'],
  [anchoreEngineParser, 'anchore_engine/vulns.json'],
  [dependencyCheckParser, 'dependency_check/report.xml'],
  [dependencyCheckJsonParser, 'dependency_check/report.json'],
];
const ODD: unknown[] = [null, 42, 'x', [], {}, true];

/** Every container node's path in the document (objects and arrays). */
function paths(v: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  if (typeof v === 'object' && v !== null) {
    for (const [k, c] of Object.entries(v)) {
      const p = [...at, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(c, p, out);
    }
  }
  return out;
}

function setAt(doc: unknown, p: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of p.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[p[p.length - 1]!] = value;
  return copy;
}

// Odd values anywhere must give findings + warnings or a UserError, never another exception.
describe('SCA parsers survive odd values at every node of their fixtures', () => {
  for (const [parser, rel] of CASES) {
    it(`${parser.id}: ${rel}`, () => {
      const doc = decodeInput(readFileSync(path.resolve(here, '../fixtures', rel)), rel).doc;
      let runs = 0;
      for (const p of paths(doc)) {
        for (const odd of ODD) {
          runs++;
          try {
            parser.parse(setAt(doc, p, odd), { file: rel });
          } catch (e) {
            expect(isUserError(e), `${rel} ${p.join('/')} = ${JSON.stringify(odd)}: ${String(e)}`).toBe(true);
          }
        }
      }
      expect(runs).toBeGreaterThan(20);
    });
  }
});
