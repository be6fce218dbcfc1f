import { describe, expect, it } from 'vitest';
import { gitleaksParser } from '../../../src/parsers/gitleaks/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('gitleaks parser', () => {
  const v8 = normalizeFixture('gitleaks/v8.json');

  it('v8: one record per leak, secret category, critical by default', () => {
    expect(v8.file.format).toBe('gitleaks');
    expect(v8.findings).toHaveLength(3);
    expect(v8.file.warnings.some((w) => w.startsWith('/3:'))).toBe(true);
    expect(v8.findings[0]).toMatchObject({
      category: 'secret',
      severity: 'critical',
      severity_source: 'default',
      rule_id: 'generic-api-key',
      location: { file: 'src/config.js', start_line: 7, end_line: 7 },
    });
  });

  it('the same leak in two commits: two records, one identity, two occurrences', () => {
    const [a, b] = v8.findings;
    expect(a!.id).toBe(b!.id);
    expect(a!.occurrence_id).not.toBe(b!.occurrence_id);
    expect(a!.fingerprints.commit).toBe('1111111111111111111111111111111111111111');
    expect(b!.fingerprints.commit).toBe('2222222222222222222222222222222222222222');
  });

  it('never copies Secret, Match, author, e-mail or commit message', () => {
    const all = JSON.stringify(v8.findings);
    for (const s of [
      'fixture-ABCDEF0123456789-gl8',
      'tok-fixture-in-fingerprint-9',
      'Jane',
      'jane@example.invalid',
      'add config',
    ])
      expect(all).not.toContain(s);
    expect(v8.findings[0]!.identity.parts.join(' ')).toMatch(/sha256:[0-9a-f]{64}/);
  });

  it('drops a Fingerprint that embeds the secret, keeps one that does not', () => {
    expect(v8.findings[0]!.fingerprints.fingerprint).toBe(
      '1111111111111111111111111111111111111111:src/config.js:generic-api-key:7',
    );
    expect(v8.findings[2]!.fingerprints.fingerprint).toBeUndefined();
  });

  it('v7: offender and line never copied; --redact output is not hashed as a secret', () => {
    const v7 = normalizeFixture('gitleaks/v7.json');
    expect(v7.findings).toHaveLength(2);
    expect(JSON.stringify(v7.findings)).not.toContain('fixture-v7-secret-value');
    expect(v7.findings[0]).toMatchObject({
      finding_title: 'Hard Coded Generic Credential',
      location: { file: 'settings.ini', start_line: 4 },
    });
    expect(v7.findings[0]!.tags).toEqual(['generic', 'key']);
    // No secret to hash: identity falls back to the commit fingerprint.
    expect(v7.findings[1]!.identity.parts).toContain('commit=4444444444444444444444444444444444444444');
  });

  it('null and [] are valid clean reports', () => {
    const n = normalizeFixture('gitleaks/gitleaks-null.json');
    expect(n.file.format).toBe('gitleaks');
    expect(n.findings).toHaveLength(0);
    expect(n.scans[0]).toMatchObject({ success: true, categories: ['secret'] });
    expect(gitleaksParser.parse([], { file: 'x' }).findings).toHaveLength(0);
  });

  it('throws UserError for a wrong shape', () => {
    expect(() => gitleaksParser.parse({ leaks: [] }, { file: 'g.json' })).toThrow(UserError);
  });
});
