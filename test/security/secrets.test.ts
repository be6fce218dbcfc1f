import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBuffer } from '../../src/commands/read-input.js';
import { renderCollectSummary } from '../../src/output/summary.js';
import { countFindings } from '../../src/commands/collect.js';
import { computeCoverage } from '../../src/gate/coverage.js';
import { CORPUS, describeCorpus, oracle, TEST_READ_OPTIONS } from '../helpers/corpus.js';
import type { RunRecord } from '../../src/schema/run.js';

/**
 * Secrets never leave the scanner output. Independently of the parsers, this walks every corpus file and
 * collects the values of every field that can carry a secret (by field name, across all formats), then
 * asserts none of them appears in any record or in the job summary produced from that file.
 */
const SECRET_KEYS = new Set(
  [
    'secret',
    'match',
    'offender',
    'raw_source_code_extract',
    'snippet',
    'code',
    'lines',
    'content',
    'secretvalue',
    'matchcontent',
    'found',
    'commitmessage',
  ].map((k) => k.toLowerCase()),
);

/** Values that are not secrets even in a secret field (placeholders, masks, booleans). */
function plausibleSecret(v: string): boolean {
  const t = v.trim();
  if (t.length < 12) return false;
  if (/^\*+$/.test(t) || /REDACTED|\*{4,}/.test(t)) return false;
  return /[A-Za-z]/.test(t) && /[0-9]/.test(t) && !/\s{2,}/.test(t) && !t.includes('\n');
}

/** Secret-field values in `out`; every other string in `plain` (a value also written there is not secret). */
function collectSecrets(
  v: unknown,
  inSecretField: boolean,
  out: Set<string>,
  plain: string[],
  depth = 0,
): void {
  if (depth > 60) return;
  if (typeof v === 'string') {
    if (inSecretField && plausibleSecret(v)) out.add(v.trim());
    else if (!inSecretField) plain.push(v);
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v) collectSecrets(x, inSecretField, out, plain, depth + 1);
    return;
  }
  if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v))
      collectSecrets(x, inSecretField || SECRET_KEYS.has(k.toLowerCase()), out, plain, depth + 1);
}

const SECRET_FORMATS = [
  'gitleaks',
  'trivy',
  'github_secret_scanning',
  'gitlab_secret_detection',
  'sarif',
  'mobsf',
  'wizcli',
  'semgrep',
  'bandit',
  'kics',
];

describeCorpus('no secret value from the corpus reaches any output', () => {
  const files = oracle().filter((e) => SECRET_FORMATS.includes(e.format));
  it('covers the secret-bearing formats', () => {
    expect(files.length).toBeGreaterThan(30);
  });
  let checked = 0;
  for (const e of files) {
    it(e.file, () => {
      const buf = readFileSync(path.join(CORPUS, e.file));
      let doc: unknown;
      try {
        doc = JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, ''));
      } catch {
        return; // not JSON (XML/CSV): covered by the parsers' own tests
      }
      const secrets = new Set<string>();
      const plain: string[] = [];
      collectSecrets(doc, false, secrets, plain);
      const plainText = plain.join('\n');
      const r = normalizeBuffer(buf, e.file, TEST_READ_OPTIONS);
      const records = JSON.stringify(r.findings) + JSON.stringify(r.file);
      const { coverage } = computeCoverage([{ file: r.file, scans: r.scans }], r.findings, []);
      const run = {
        product: 'p',
        repo: null,
        event: { kind: 'other', name: null, reason: 'test' },
        inputs: [r.file],
        counts: countFindings(r.findings),
        coverage,
        gate: null,
        globs: [],
        warnings: r.file.warnings,
      } as unknown as RunRecord;
      const summary = renderCollectSummary(
        run,
        r.findings.map((f) => ({ ...f, release_blocking: true })),
        1000,
      );
      for (const s of secrets) {
        // A value the input also writes in a non-secret field (a path, a rule's expectation) is not a leak.
        if (plainText.includes(s)) continue;
        if (/^[\w./-]+\.(py|js|ts|go|java|rb|yml|yaml|json|tf|xml|env|cfg|ini|txt)$/.test(s)) continue;
        expect(
          records.includes(s),
          `${e.file}: secret-field value leaked into a record: ${s.slice(0, 6)}…`,
        ).toBe(false);
        expect(summary.includes(s), `${e.file}: secret-field value leaked into the summary`).toBe(false);
        checked++;
      }
    });
  }
  it('checked a meaningful number of secret values', () => {
    expect(checked).toBeGreaterThan(10);
  });
});

describe('planted secrets in every secret-bearing field', () => {
  const KEY = 'AKIAIOSFODNN7EXAMPLE';
  const GH = 'ghp_' + 'x1Y2z3'.repeat(6);
  const PLANTS: Array<[string, unknown]> = [
    [
      'gitleaks v8',
      [
        {
          RuleID: 'aws-access-token',
          Description: 'AWS',
          StartLine: 3,
          EndLine: 3,
          Match: `key=${KEY}`,
          Secret: KEY,
          File: 'a.py',
          Commit: 'c1',
          Fingerprint: `c1:a.py:aws-access-token:3`,
          Entropy: 3.5,
        },
      ],
    ],
    [
      'gitleaks v7',
      [
        {
          line: `aws_key = ${KEY}`,
          lineNumber: 3,
          offender: KEY,
          commit: 'c1',
          repo: 'r',
          rule: 'AWS Access Key',
          commitMessage: 'm',
          author: 'a',
          email: 'e',
          file: 'a.py',
          date: '2021-01-01T00:00:00Z',
          tags: 'key, AWS',
        },
      ],
    ],
    [
      'trivy secret',
      {
        SchemaVersion: 2,
        ArtifactName: '.',
        ArtifactType: 'filesystem',
        Results: [
          {
            Target: 'a.py',
            Class: 'secret',
            Secrets: [
              {
                RuleID: 'github-pat',
                Category: 'GitHub',
                Severity: 'CRITICAL',
                Title: 'GitHub PAT',
                StartLine: 1,
                EndLine: 1,
                Match: `token = ${GH}`,
                Code: { Lines: [{ Number: 1, Content: `token = ${GH}` }] },
              },
            ],
          },
        ],
      },
    ],
    [
      'github secret scanning',
      [
        {
          number: 1,
          created_at: '2024-01-01T00:00:00Z',
          url: 'https://api.github.com/repos/o/r/secret-scanning/alerts/1',
          html_url: 'https://github.com/o/r/security/secret-scanning/1',
          locations_url: 'x',
          state: 'open',
          secret_type: 'github_personal_access_token',
          secret_type_display_name: 'GitHub PAT',
          secret: GH,
          repository: { full_name: 'o/r' },
        },
      ],
    ],
    [
      'gitlab secret detection',
      {
        version: '15.0.0',
        scan: {
          type: 'secret_detection',
          status: 'success',
          analyzer: { id: 'secrets', name: 'secrets', version: '1', vendor: { name: 'GitLab' } },
          scanner: { id: 'gitleaks', name: 'Gitleaks', version: '8', vendor: { name: 'GitLab' } },
          start_time: '2024-01-01T00:00:00',
          end_time: '2024-01-01T00:00:00',
        },
        vulnerabilities: [
          {
            id: '1',
            category: 'secret_detection',
            name: 'AWS key',
            description: 'AWS key',
            severity: 'Critical',
            raw_source_code_extract: KEY,
            location: { file: 'a.py', start_line: 3, commit: { sha: 'c1' } },
            identifiers: [{ type: 'gitleaks_rule_id', name: 'AWS', value: 'AWS' }],
          },
        ],
      },
    ],
    [
      'sarif secret',
      {
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'Gitleaks' } },
            results: [
              {
                ruleId: 'aws',
                message: { text: 'secret found' },
                properties: { offender: KEY },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: 'a.py' },
                      region: { startLine: 3, snippet: { text: KEY } },
                    },
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  ];
  it.each(PLANTS)('%s', (name, doc) => {
    const r = normalizeBuffer(
      Buffer.from(JSON.stringify(doc)),
      `${name.replace(/\s/g, '-')}.json`,
      TEST_READ_OPTIONS,
    );
    expect(r.file.status, r.file.error ?? '').toBe('ok');
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings[0]!.category).toBe('secret');
    const all = JSON.stringify(r);
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(GH);
  });
});
