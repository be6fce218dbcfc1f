import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { normalizeBuffer, type InputResult, type ReadOptions } from '../../src/commands/read-input.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** ../shared/corpus beside the checkout (read-only, not part of the repo). */
export const CORPUS = process.env.SECURITY_METRICS_CORPUS ?? path.resolve(here, '../../../shared/corpus');
export const HAS_CORPUS = existsSync(path.join(CORPUS, 'oracle.json'));

if (!HAS_CORPUS) {
  console.warn(
    `[conformance] skipped: no scanner corpus at ${CORPUS} (it lives in ../shared/corpus beside the checkout; set SECURITY_METRICS_CORPUS to point elsewhere)`,
  );
}

/** `describe` that skips, with the message above, when the corpus is absent. */
export const describeCorpus = HAS_CORPUS ? describe : describe.skip;

export interface OracleEntry {
  file: string;
  format: string;
  tool: string;
  raw_counts: Record<string, unknown>;
  defectdojo_count?: number | string | null;
  defectdojo_expectations?: Array<Record<string, unknown>>;
  third_party_oracle?: unknown;
  note?: string;
}

let oracleCache: OracleEntry[] | undefined;
export function oracle(): OracleEntry[] {
  oracleCache ??= (
    JSON.parse(readFileSync(path.join(CORPUS, 'oracle.json'), 'utf8')) as { files: OracleEntry[] }
  ).files;
  return oracleCache;
}

export function oracleFor(format: string): OracleEntry[] {
  return oracle().filter((e) => e.format === format || e.file.startsWith(`${format}/`));
}

export const TEST_READ_OPTIONS: ReadOptions = {
  format: 'auto',
  product: 'demo',
  service: null,
  repo: 'acme/demo',
  ref: 'refs/heads/main',
  commit: null,
  observedAt: null,
  confidence: 'A',
  roots: [],
  maxBytes: 512 * 1024 * 1024,
};

/** Normalize one corpus file (path relative to the corpus) exactly as the CLI would. */
export function normalizeCorpus(rel: string, opts: Partial<ReadOptions> = {}): InputResult {
  const buf = readFileSync(path.join(CORPUS, rel));
  return normalizeBuffer(buf, rel, { ...TEST_READ_OPTIONS, ...opts });
}

/** Normalize a fixture file from test/fixtures. */
export function normalizeFixture(rel: string, opts: Partial<ReadOptions> = {}): InputResult {
  const p = path.resolve(here, '../fixtures', rel);
  return normalizeBuffer(readFileSync(p), rel, { ...TEST_READ_OPTIONS, ...opts });
}
