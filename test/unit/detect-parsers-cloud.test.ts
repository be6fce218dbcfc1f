import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/commands/read-input.js';
import { PARSERS } from '../../src/parsers/registry.js';
import type { Sniff } from '../../src/parsers/types.js';
import { CORPUS, describeCorpus, oracle } from '../helpers/corpus.js';

const MINE = [
  'aws_securityhub',
  'prowler',
  'azure_defender',
  'gcloud_artifact_scan',
  'aws_inspector2',
  'gcp_scc',
];
const here = path.dirname(fileURLToPath(import.meta.url));

function sniff(buf: Buffer, name: string): Sniff {
  const d = decodeInput(buf, name);
  return { name: path.basename(name), head: d.text.slice(0, 65536), doc: d.doc };
}

/** Scores of the cloud parsers for a file; never throws. */
function scores(s: Sniff): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of PARSERS.filter((x) => MINE.includes(x.id))) out[p.id] = p.detect(s);
  return out;
}

function best(s: Sniff): string | undefined {
  const ranked = PARSERS.map((p) => ({ id: p.id, score: p.detect(s) }))
    .filter((x) => x.score >= 0.5)
    .sort((a, b) => b.score - a.score);
  return ranked[0]?.id;
}

describe('cloud parser detection on own fixtures', () => {
  const fixtures: Array<[string, string]> = [
    ['aws_securityhub/mixed.json', 'aws_securityhub'],
    ['aws_securityhub/bare-list.json', 'aws_securityhub'],
    ['aws_inspector2/findings.json', 'aws_inspector2'],
    ['prowler/v2.csv', 'prowler'],
    ['prowler/v2-lines.json', 'prowler'],
    ['prowler/v3.json', 'prowler'],
    ['prowler/ocsf.json', 'prowler'],
    ['prowler/v5.csv', 'prowler'],
    ['azure_defender/recommendations.csv', 'azure_defender'],
    ['gcloud_artifact_scan/describe.json', 'gcloud_artifact_scan'],
    ['gcloud_artifact_scan/occurrences-list.json', 'gcloud_artifact_scan'],
    ['gcp_scc/findings.json', 'gcp_scc'],
    ['wiz/issues.csv', 'wiz'],
    ['wiz/vulnerability-findings.csv', 'wiz'],
    ['wizcli/img.json', 'wizcli'],
    ['wizcli/iac.json', 'wizcli'],
    ['wizcli/dir.json', 'wizcli'],
  ];
  for (const [rel, id] of fixtures) {
    it(`${rel} → ${id}, and no other cloud parser claims it`, () => {
      const s = sniff(readFileSync(path.resolve(here, '../fixtures', rel)), rel);
      expect(best(s)).toBe(id);
      const others = Object.entries(scores(s)).filter(([k, v]) => k !== id && v >= 0.5);
      expect(others).toEqual([]);
    });
  }

  it('empty exports go to the right format', () => {
    const empty = (text: string) => best(sniff(Buffer.from(text), 'x.json'));
    expect(empty('{"findings": []}')).toBeUndefined(); // ambiguous with DefectDojo generic: by name only
    expect(best(sniff(Buffer.from('{"findings": []}'), 'inspector2-findings.json'))).toBe('aws_inspector2');
    expect(empty('{"Findings": []}')).toBe('aws_securityhub');
    expect(empty('{"listFindingsResults": []}')).toBe('gcp_scc');
    expect(empty('[]')).toBeUndefined();
  });

  it('detect never throws on odd input', () => {
    for (const doc of [
      null,
      1,
      'x',
      [],
      [null],
      [1, 2],
      { Findings: [null] },
      { findings: 'x' },
      { package_vulnerability_summary: 3 },
    ])
      for (const p of PARSERS) expect(() => p.detect({ name: 'x', head: '', doc })).not.toThrow();
    for (const p of PARSERS.filter((x) => x.input === 'text'))
      expect(() => p.detect({ name: 'x.csv', head: '' })).not.toThrow();
  });
});

describeCorpus('cloud parser detection over the whole corpus', () => {
  for (const e of oracle()) {
    const folder = e.file.split('/')[0]!;
    const mine = MINE.includes(folder);
    it(`${e.file}: ${mine ? `detected as ${folder}` : 'not claimed by a cloud parser'}`, () => {
      const s = sniff(readFileSync(path.join(CORPUS, e.file)), e.file);
      if (mine) expect(best(s)).toBe(folder);
      else expect(Object.entries(scores(s)).filter(([, v]) => v >= 0.5)).toEqual([]);
    });
  }
});
