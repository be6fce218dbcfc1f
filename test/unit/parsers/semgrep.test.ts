import { describe, expect, it } from 'vitest';
import { semgrepParser } from '../../../src/parsers/semgrep/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('semgrep parser', () => {
  const r = normalizeFixture('semgrep/results.json');
  const [evalR, ignored, secret, info] = r.findings;

  it('one record per object result, a warning for the odd one', () => {
    expect(r.file.format).toBe('semgrep');
    expect(r.findings).toHaveLength(4);
    expect(r.file.warnings.some((w) => w.startsWith('/results/3:'))).toBe(true);
  });

  it('maps severity, CWE, OWASP, confidence/impact tags; "requires login" is no fingerprint', () => {
    expect(evalR).toMatchObject({
      severity: 'medium',
      severity_source: 'tool',
      source_severity: 'WARNING',
      cwe: ['CWE-95'],
      tool_confidence: 'LOW',
      fingerprints: {},
      finding_title: 'Detected the use of eval().',
      location: { file: 'app/views.py', start_line: 12, end_line: 12 },
      category: 'sast',
      tool_version: '1.90.0',
    });
    expect(evalR!.tags).toEqual(
      expect.arrayContaining(['owasp:A03:2021 - Injection', 'impact:high', 'confidence:low']),
    );
    expect(info).toMatchObject({ severity: 'low', source_severity: 'INFO' });
  });

  it('nosemgrep results stay as suppressed records; the fingerprint feeds identity', () => {
    expect(ignored).toMatchObject({
      state: 'suppressed',
      severity: 'high',
      fingerprints: { fingerprint: '0f1e2d3c4b5a69788796a5b4c3d2e1f0_0' },
    });
    expect(ignored!.identity.parts).toContain('fingerprint=0f1e2d3c4b5a69788796a5b4c3d2e1f0_0');
  });

  it('secret rules are secrets; matched lines and metavariable values never leave the parser', () => {
    expect(secret!.category).toBe('secret');
    expect(JSON.stringify(r.findings)).not.toContain('fixture-s3cr3t-VALUE-0001');
    expect(secret!.description).toContain('[REDACTED]');
    expect(JSON.stringify(r.findings)).not.toContain('os.system(cmd)');
  });

  it('warn-level errors are scan errors but the run succeeded', () => {
    expect(r.scans[0]).toMatchObject({ success: true, categories: ['sast', 'secret'] });
    expect(r.scans[0]!.errors[0]).toMatch(/^PartialParsing in web\/broken\.js/);
    expect(r.file.status).toBe('ok');
  });

  it('a level "error" error fails the run', () => {
    const f = normalizeFixture('semgrep/fatal-error.json');
    expect(f.file.format).toBe('semgrep');
    expect(f.findings).toHaveLength(0);
    expect(f.scans[0]!.success).toBe(false);
    expect(f.file.status).toBe('tool_error');
  });

  it('reads the Semgrep App Supply Chain export', () => {
    const v = normalizeFixture('semgrep/vulns.json');
    expect(v.file.format).toBe('semgrep');
    expect(v.findings.map((f) => f.state)).toEqual(['open', 'false_positive', 'fixed']);
    expect(v.findings[0]).toMatchObject({
      category: 'sca',
      severity: 'critical',
      cve: ['CVE-2021-44906', 'GHSA-xvch-5gv4-984h'],
      cwe: ['CWE-1321'],
      package: { name: 'minimist', version: '1.2.5', fixed_version: '1.2.6' },
      location: { file: 'package-lock.json', start_line: 120 },
      first_seen: '2024-01-02T03:04:05Z',
      repo: 'acme/web',
    });
    expect(v.findings[2]!.location.start_line).toBeNull();
    expect(v.scans[0]!.categories).toEqual(['sca']);
  });

  it('CLI supply-chain results (extra.sca_info) are SCA records with the found dependency', () => {
    const c = normalizeFixture('semgrep/supply-chain-ci.json');
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0]).toMatchObject({
      category: 'sca',
      severity: 'high',
      cve: ['CVE-2021-44906', 'GHSA-xvch-5gv4-984h'],
      package: { name: 'minimist', version: '1.2.5', ecosystem: 'npm' },
      location: { file: 'package-lock.json', start_line: 120 },
    });
    expect(c.findings[0]!.tags).toContain('unreachable');
    expect(c.scans[0]!.categories).toEqual(['sast', 'sca']);
  });

  it('throws UserError for a wrong shape, naming what was expected', () => {
    expect(() => semgrepParser.parse({ foo: 1 }, { file: 'x.json' })).toThrow(UserError);
    expect(() => semgrepParser.parse([], { file: 'x.json' })).toThrow(
      /expected an object with a "results" array/,
    );
  });
});
