import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFinalizer, finalizeDrafts, type FinalizeContext } from '../../src/normalize/finalize.js';
import type { Draft, ParseOutput, ScanEvidence } from '../../src/parsers/types.js';
import { bigArrayPlanner, jsonKeyOrder, type BigArrayStreaming } from '../../src/stream/big-array.js';

// A toy parser shaped like Trivy JSON (Results[].Vulnerabilities[] / Misconfigurations[] / Secrets[]),
// written as item-level functions the way a parser opts into streaming, and its whole-file parse.
interface Ctx {
  tool: { name: string; version: string | null };
  warnings: string[];
  n: number;
}
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
function item(ctx: Ctx, v: unknown, pointer: string, secrets: string[]): Draft | undefined {
  ctx.n++;
  if (!isObj(v)) {
    ctx.warnings.push(`${pointer}: not an object`);
    return undefined;
  }
  const kind = /Secrets/.test(pointer) ? 'secret' : /Misconf/.test(pointer) ? 'iac' : 'sca';
  if (kind === 'secret' && typeof v.Match === 'string') secrets.push(v.Match);
  return {
    title: String(v.Title ?? v.VulnerabilityID ?? v.ID ?? 'x'),
    description: typeof v.Description === 'string' ? v.Description : null,
    category: kind,
    rule_id: String(v.VulnerabilityID ?? v.ID ?? v.RuleID ?? ''),
    severity: 'high',
    severity_source: 'tool',
    pointer,
    secret: kind === 'secret' && typeof v.Match === 'string' ? v.Match : null,
  };
}
const def: BigArrayStreaming<Ctx> = {
  spec: {
    type: 'object',
    members: {
      Results: {
        type: 'array',
        each: {
          type: 'object',
          members: {
            Vulnerabilities: { type: 'items' },
            Misconfigurations: { type: 'items' },
            Secrets: { type: 'items' },
          },
        },
      },
    },
  },
  secretWords: ['match'],
  begin: (doc) => ({
    tool: { name: 'Trivy', version: String((doc as Record<string, unknown>).SchemaVersion ?? '') || null },
    warnings: [],
    n: 0,
  }),
  item,
  finish: (ctx): { scans: ScanEvidence[]; warnings: string[] } => ({
    scans: [{ tool: ctx.tool, categories: ['sca'], success: true, errors: [] }],
    warnings: [...ctx.warnings, `${ctx.n} items`],
  }),
  tool: (ctx) => ctx.tool,
};
function parseWhole(doc: Record<string, unknown>): ParseOutput {
  const ctx = def.begin(doc, 'f');
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const results = Array.isArray(doc.Results) ? doc.Results : [];
  results.forEach((r, i) => {
    if (!isObj(r)) return;
    for (const key of ['Vulnerabilities', 'Misconfigurations', 'Secrets']) {
      const list = r[key];
      if (!Array.isArray(list)) continue;
      list.forEach((v, j) => {
        const d = item(ctx, v, `/Results/${i}/${key}/${j}`, out.secrets);
        if (d) out.findings.push(d);
      });
    }
  });
  const f = def.finish(ctx);
  out.scans = f.scans;
  out.warnings = f.warnings;
  return out;
}

const fctx = (secrets: string[]): FinalizeContext => ({
  sourceFile: 'f',
  sourceFormat: 'toy',
  tool: { name: 'Trivy', version: null },
  product: null,
  service: null,
  repo: null,
  ref: null,
  commit: null,
  observedAt: null,
  confidence: 'A',
  roots: [],
  secrets,
});

const dir = mkdtempSync(path.join(tmpdir(), 'sm-big-'));
async function compare(text: string, chunkSize?: number) {
  const p = path.join(dir, 'f.json');
  writeFileSync(p, text);
  const doc = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
  const whole = parseWhole(doc);
  const expected = finalizeDrafts(whole.findings, fctx(whole.secrets));
  const fh = await open(p);
  try {
    const plan = await bigArrayPlanner(def)(fh, Buffer.byteLength(text), 'f', { chunkSize });
    const fin = createFinalizer(fctx(plan.secrets));
    const got: unknown[] = [];
    const outcome = await plan.run((d) => void got.push(fin.push(d)));
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
    expect(outcome.warnings).toEqual(whole.warnings);
    return expected;
  } finally {
    await fh.close();
  }
}

const SAMPLE = {
  SchemaVersion: 2,
  ArtifactName: 'img',
  Results: [
    {
      // members in another order than the parser visits them: the spec order wins
      Secrets: [{ RuleID: 'aws', Title: 'AWS key', Match: 'AKIAXXXXXXXXXXXXXXXX' }],
      Target: 'app',
      Vulnerabilities: [
        { VulnerabilityID: 'CVE-2024-1', Description: 'mentions AKIAXXXXXXXXXXXXXXXX in text' },
        'not an object',
        { VulnerabilityID: 'CVE-2024-2', Title: 'naïve "quoted" \\ 中文' },
      ],
    },
    { Target: 'none', Vulnerabilities: null },
    { Target: 'map', Vulnerabilities: { a: { VulnerabilityID: 'CVE-X' } } },
    {
      Target: 'iac',
      Misconfigurations: [{ ID: 'KSV001', Title: 'priv' }],
      Vulnerabilities: [{ VulnerabilityID: 'CVE-3' }],
    },
  ],
};

describe('generic big-array streaming', () => {
  it('gives the whole-file output, in the parser order, with secrets from later items redacted', async () => {
    const found = await compare(JSON.stringify(SAMPLE, null, 2));
    expect(found.map((f) => f.rule_id)).toEqual(['CVE-2024-1', 'CVE-2024-2', 'aws', 'CVE-3', 'KSV001']);
    expect(JSON.stringify(found)).not.toContain('AKIAXXXXXXXXXXXXXXXX');
  });
  it('at every chunk size up to 40', async () => {
    for (let c = 1; c <= 40; c++) await compare(JSON.stringify(SAMPLE), c);
  });
  it('keeps the last of duplicate keys', async () => {
    await compare(
      '{"Results":[{"Vulnerabilities":[{"VulnerabilityID":"A"}],"Vulnerabilities":[{"VulnerabilityID":"B"}]}]}',
    );
    await compare('{"Results":[{"Vulnerabilities":[{"VulnerabilityID":"A"}],"Vulnerabilities":null}]}');
  });
});

describe('map items are visited in the order JSON.parse gives their keys', () => {
  it('array-index keys first, ascending; the last of duplicate keys, at the place of the first', () => {
    const pool = ['b', '2', 'a', '10', '01', '4294967295', '4294967294', '-1', '1.5', '0', '__proto__', ''];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 300; n++) {
      const keys = Array.from(
        { length: 1 + Math.floor(rnd() * 8) },
        () => pool[Math.floor(rnd() * pool.length)]!,
      );
      const text = `{${keys.map((k, i) => `${JSON.stringify(k)}:${i}`).join(',')}}`;
      const parsed = JSON.parse(text) as Record<string, number>;
      const want = Object.keys(parsed).map((k) => parsed[k]);
      expect(jsonKeyOrder(keys), text).toEqual(want);
    }
  });
});

describe('DigestCounter', () => {
  it('counts each key in order of arrival, across growth', async () => {
    const { DigestCounter } = await import('../../src/util/hash.js');
    const c = new DigestCounter();
    const seen = new Map<string, number>();
    for (let i = 0; i < 20000; i++) {
      const key = `k${(i * 7919) % 5003}\u0000file${i % 7}`;
      const want = seen.get(key) ?? 0;
      seen.set(key, want + 1);
      expect(c.next(key)).toBe(want);
    }
  });
});
