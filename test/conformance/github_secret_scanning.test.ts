import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CORPUS, describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// DefectDojo derives severity from state/validity (resolved → Info); we keep secrets critical
// (METRICS.md) and let the state say it was resolved as a false positive.
describeCorpus('GitHub secret scanning conformance (../shared/corpus/github_secret_scanning)', () => {
  const entries = oracleFor('github_secret_scanning');
  it('has entries', () => expect(entries.length).toBe(2));
  for (const e of entries) {
    it(`${e.file}: one record per alert`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('github_secret_scanning');
      expect(r.findings.length).toBe(e.raw_counts.items);
    });
  }
  it('fields; the secret value is never copied', () => {
    const rel = 'github_secret_scanning/github_secrets_detection_report_one_vul.json';
    const r = normalizeCorpus(rel);
    const f = r.findings[0]!;
    expect(f).toMatchObject({
      category: 'secret',
      rule_id: 'adafruit_io_key',
      severity: 'critical',
      state: 'false_positive',
      closed_at: '2020-11-07T02:47:13.000Z',
      first_seen: '2020-11-06T18:48:51.000Z',
      repo: 'octocat/Hello-World',
      location: {
        file: '/example/secrets.txt',
        start_line: 1,
        url: 'https://github.com/owner/private-repo/security/secret-scanning/2',
      },
    });
    const raw = JSON.parse(readFileSync(path.join(CORPUS, rel), 'utf8')) as Array<{ secret: string }>;
    const out = JSON.stringify(r.findings);
    expect(out).not.toContain(raw[0]!.secret);
    expect(out).not.toContain('monalisa');
  });
});
