import { describe, expect, it } from 'vitest';
import { normalizeFixture } from '../helpers/corpus.js';
import { normalizeBuffer } from '../../src/commands/read-input.js';
import { TEST_READ_OPTIONS } from '../helpers/corpus.js';

describe('SARIF parser (fixtures/sarif/codeql-mini.sarif)', () => {
  const r = normalizeFixture('sarif/codeql-mini.sarif');
  const byLine = (file: string, line: number) =>
    r.findings.find((f) => f.location.file === file && f.location.start_line === line)!;

  it('reads every fail result and skips kind pass', () => {
    expect(r.file.status).toBe('ok');
    expect(r.file.tool).toBe('CodeQL');
    expect(r.file.tool_version).toBe('2.19.3');
    expect(r.findings).toHaveLength(4);
  });

  it('resolves rules in tool.extensions by toolComponent index; security-severity on the rule wins over level', () => {
    const f = byLine('app/db.py', 42);
    expect(f.rule_id).toBe('py/sql-injection');
    expect(f.severity).toBe('high');
    expect(f.severity_source).toBe('security-severity-rule');
    expect(f.source_severity).toBe('8.8');
    expect(f.cwe).toEqual(['CWE-89']);
    expect(f.category).toBe('sast');
    expect(f.help_uri).toContain('py-sql-injection');
  });

  it('an empty suppressions array is not a suppression', () => {
    expect(byLine('app/db.py', 42).state).toBe('open');
    expect(byLine('app/db.py', 42).suppression).toBeNull();
  });

  it('keeps fingerprints and uses primaryLocationLineHash in the identity', () => {
    const f = byLine('app/db.py', 42);
    expect(f.fingerprints).toEqual({ primaryLocationLineHash: 'a1b2c3d4e5f60718:1' });
    expect(f.identity.scheme).toBe('sast/v1');
    expect(f.identity.parts).toContain('primaryLocationLineHash=a1b2c3d4e5f60718:1');
  });

  it('builds the message from messageStrings and arguments; 9.0 is critical; file:// under the base is repo-relative', () => {
    const f = byLine('app/hash.py', 7);
    expect(f.finding_title).toBe('Algorithm MD5 is weak; use SHA-256.');
    expect(f.severity).toBe('critical');
    expect(f.cwe).toEqual(['CWE-327']);
  });

  it('the rule index wins over a disagreeing ruleId, with a warning; Windows separators are cleaned', () => {
    const f = byLine('app/util/helpers.py', 1);
    expect(f.rule_id).toBe('py/unused-import');
    expect(f.severity).toBe('low');
    expect(f.severity_source).toBe('level');
    expect(f.state).toBe('suppressed');
    expect(f.suppression).toEqual({
      kind: 'inSource',
      status: 'accepted',
      justification: 'kept for side effects',
    });
    expect(r.file.warnings.some((w) => /disagrees with rule index 2/.test(w))).toBe(true);
  });

  it('security-severity on the result (a word) wins over the rule and the level; baselineState kept', () => {
    const f = byLine('app/views.py', 10);
    expect(f.severity).toBe('critical');
    expect(f.severity_source).toBe('security-severity-result');
    expect(f.baseline_state).toBe('new');
  });

  it('never copies snippets into the record', () => {
    const text = JSON.stringify(r.findings);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('context lines');
  });

  it('is deterministic: the same input gives byte-identical records', () => {
    const again = normalizeFixture('sarif/codeql-mini.sarif');
    expect(JSON.stringify(again.findings)).toBe(JSON.stringify(r.findings));
  });
});

describe('SARIF secrets (fixtures/sarif/gitleaks-mini.sarif)', () => {
  it('classifies as secret, hashes the secret into the identity, and the value appears nowhere', () => {
    const r = normalizeFixture('sarif/gitleaks-mini.sarif');
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.category).toBe('secret');
    expect(f.identity.scheme).toBe('secret/v1');
    expect(JSON.stringify(r)).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(f.fingerprints.gitleaksFingerprint).toBeUndefined();
    expect(f.fingerprints.commitSha).toBe('0123456789abcdef0123456789abcdef01234567');
  });
});

describe('bad SARIF input gives one clear message naming the file', () => {
  it.each([
    ['sarif/sarif-v1.sarif', /sarif-v1\.sarif: SARIF 1\.0\.0 is not supported/],
    ['sarif/truncated.sarif', /truncated\.sarif:1:\d+: not valid JSON/],
    ['sarif/not-sarif.json', /not-sarif\.json: format not recognized/],
  ])('%s', (file, message) => {
    const r = normalizeFixture(file);
    expect(r.file.status).toBe('error');
    expect(r.file.error).toMatch(message);
    expect(r.file.error).not.toMatch(/\n\s+at /);
  });

  it('a 0-byte file is skipped with a reason', () => {
    const r = normalizeFixture('sarif/empty.sarif');
    expect(r.file.status).toBe('skipped');
    expect(r.file.error).toMatch(/empty file/);
  });

  it('non-UTF-8 bytes are refused with the byte offset', () => {
    const buf = Buffer.concat([
      Buffer.from('{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}}}]}'),
    ]);
    const r = normalizeBuffer(buf, 'latin1.sarif', TEST_READ_OPTIONS);
    expect(r.file.error).toBe(
      `latin1.sarif: not valid UTF-8 (byte offset ${buf.indexOf(0xe9)}); scanner reports must be UTF-8`,
    );
  });

  it('a result pointing at a rule that does not exist is kept, with a warning', () => {
    const doc = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'T', rules: [{ id: 'a' }] } },
          results: [{ ruleId: 'zzz', ruleIndex: 9, message: { text: 'm' } }],
        },
      ],
    };
    const r = normalizeBuffer(Buffer.from(JSON.stringify(doc)), 'x.sarif', TEST_READ_OPTIONS);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.rule_id).toBe('zzz');
    expect(r.file.warnings.join('\n')).toMatch(/rule index 9 does not exist/);
  });

  it('a BOM is accepted', () => {
    const doc =
      '\ufeff' +
      JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'T' } }, results: [] }] });
    expect(normalizeBuffer(Buffer.from(doc), 'bom.sarif', TEST_READ_OPTIONS).file.status).toBe('ok');
  });

  it('executionSuccessful false marks the file tool_error (coverage must not count it)', () => {
    const doc = {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'T' } }, invocations: [{ executionSuccessful: false }], results: [] }],
    };
    const r = normalizeBuffer(Buffer.from(JSON.stringify(doc)), 'f.sarif', TEST_READ_OPTIONS);
    expect(r.file.status).toBe('tool_error');
    expect(r.scans[0]!.success).toBe(false);
  });
});
