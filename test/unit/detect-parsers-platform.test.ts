import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/commands/read-input.js';
import { detectFormat, PARSERS } from '../../src/parsers/registry.js';
import { CORPUS, describeCorpus, oracle } from '../helpers/corpus.js';

const MINE = [
  'gitlab_sast',
  'gitlab_dep_scan',
  'gitlab_container_scan',
  'gitlab_secret_detection',
  'gitlab_dast',
  'github_code_scanning',
  'github_secret_scanning',
  'github_vulnerability',
  'defectdojo_generic',
];
const mine = PARSERS.filter((p) => MINE.includes(p.id));

function sniff(file: string, name = path.basename(file)) {
  const buf = readFileSync(file);
  try {
    const d = decodeInput(buf, file);
    return { name, head: d.text.slice(0, 65536), doc: d.doc };
  } catch {
    // JSON Lines and the like: text parsers still get the head.
    return { name, head: buf.toString('utf8').slice(0, 65536), doc: undefined };
  }
}

/** Files whose oracle folder is not what they are (see the parser READMEs). */
const ACTUAL: Record<string, string> = { 'github_vulnerability/issue_9582.json': 'github_code_scanning' };

describeCorpus('detection of the platform formats over the whole corpus', () => {
  for (const e of oracle()) {
    const expected = ACTUAL[e.file] ?? e.format;
    if (MINE.includes(expected)) {
      it(`${e.file} is detected as ${expected}`, () => {
        expect(detectFormat(sniff(path.join(CORPUS, e.file))).parser?.id).toBe(expected);
      });
    } else {
      it(`${e.file} (${e.format}) is not claimed by a platform parser`, () => {
        const s = sniff(path.join(CORPUS, e.file));
        for (const p of mine)
          expect([p.id, p.detect(s)]).toEqual([p.id, expect.toSatisfy((n: number) => n < 0.5)]);
      });
    }
  }
});

describe('detection between the platform formats (fixtures)', () => {
  const fixtures: Array<[string, string]> = [
    ['gitlab_sast/gl-sast-report.json', 'gitlab_sast'],
    ['gitlab_dep_scan/gl-dependency-scanning-report.json', 'gitlab_dep_scan'],
    ['gitlab_container_scan/gl-container-scanning-report.json', 'gitlab_container_scan'],
    ['gitlab_secret_detection/gl-secret-detection-report.json', 'gitlab_secret_detection'],
    ['gitlab_dast/gl-dast-report.json', 'gitlab_dast'],
    ['github_code_scanning/code-scanning-alerts.json', 'github_code_scanning'],
    ['github_secret_scanning/secret-scanning-alerts.json', 'github_secret_scanning'],
    ['github_vulnerability/dependabot-alerts.json', 'github_vulnerability'],
    ['defectdojo_generic/generic-findings.json', 'defectdojo_generic'],
    ['defectdojo_generic/generic-findings.csv', 'defectdojo_generic'],
  ];
  const dir = path.resolve(import.meta.dirname, '../fixtures');
  for (const [rel, id] of fixtures) {
    it(`${rel} → ${id}, and only ${id} scores`, () => {
      const s = sniff(path.join(dir, rel), 'report.json');
      const det = detectFormat(s);
      expect(det.parser?.id).toBe(id);
      expect(det.candidates.filter((c) => c.score >= 0.5).map((c) => c.id)).toEqual([id]);
    });
  }

  it('an empty list or report is only claimed when its file name says which one it is', () => {
    const empty = (name: string, doc: unknown) =>
      detectFormat({ name, head: JSON.stringify(doc), doc }).parser?.id;
    expect(empty('alerts.json', [])).toBeUndefined();
    expect(empty('code-scanning-alerts.json', [])).toBe('github_code_scanning');
    expect(empty('secret-scanning-alerts.json', [])).toBe('github_secret_scanning');
    expect(empty('dependabot-alerts.json', [])).toBe('github_vulnerability');
    expect(empty('report.json', { version: '2.3', vulnerabilities: [], remediations: [] })).toBeUndefined();
    expect(empty('gl-dast-report.json', { vulnerabilities: [] })).toBe('gitlab_dast');
    expect(empty('gl-sast-report.json', { version: '2.3', vulnerabilities: [] })).toBe('gitlab_sast');
    expect(empty('findings.json', { findings: [] })).toBeUndefined();
  });

  it('never throws on odd input', () => {
    for (const doc of [
      null,
      1,
      'x',
      [],
      [null],
      {},
      { vulnerabilities: null },
      { data: null },
      { findings: [1] },
    ])
      for (const p of mine) expect(() => p.detect({ name: 'x', head: '', doc })).not.toThrow();
  });
});

describe('parse never throws a plain error on odd items', () => {
  const odd: unknown[] = [
    null,
    1,
    'x',
    [],
    {},
    { rule: null, most_recent_instance: 5, tool: [] },
    {
      rule: { tags: 'x', security_severity_level: 9 },
      most_recent_instance: { location: { start_line: 'a' } },
      number: 1,
    },
    { secret_type: 5, secret: 7, first_location_detected: 'x', number: 2 },
    {
      security_advisory: { identifiers: [null, 1, { value: 2 }], cwes: 'x', cvss: { score: 'high' } },
      dependency: 4,
    },
    {
      title: { a: 1 },
      severity: 3,
      endpoints: [null, 5, { host: 1 }],
      cwe: 'abc',
      date: 'yesterday',
      tags: 'x',
    },
  ];
  const wrap = (items: unknown[]) => [
    items,
    { vulnerabilities: items },
    { findings: items },
    { data: { repository: { vulnerabilityAlerts: { nodes: items } } } },
  ];
  for (const p of mine) {
    it(p.id, () => {
      for (const doc of wrap(odd)) {
        try {
          p.parse(p.input === 'text' ? JSON.stringify(doc) : doc, { file: 'odd.json' });
        } catch (e) {
          expect((e as Error).name).toBe('UserError');
        }
      }
    });
  }
});
