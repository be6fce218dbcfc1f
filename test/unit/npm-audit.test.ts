import { describe, expect, it } from 'vitest';
import { npmAuditParser } from '../../src/parsers/npm_audit/index.js';
import { UserError } from '../../src/util/errors.js';
import { normalizeFixture } from '../helpers/corpus.js';

describe('npm_audit parser', () => {
  it('npm 6: one record per advisory with CVE/GHSA, CWE, versions, paths', () => {
    const r = normalizeFixture('npm_audit/v6.json');
    expect(r.file.format).toBe('npm_audit');
    expect(r.file.warnings).toEqual([
      '/advisories/9: advisory without module_name; skipped',
      '/advisories/10: not an object; skipped',
    ]);
    expect(r.findings).toHaveLength(2);
    const [mime, lodash] = r.findings; // object keys: integer-like keys come first, ascending
    expect(lodash).toMatchObject({
      finding_title: 'lodash 4.17.19, 4.17.15: Command Injection in lodash',
      rule_id: 'GHSA-35jh-r3h4-6jhm',
      severity: 'high',
      severity_source: 'tool',
      cve: ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'],
      cwe: ['CWE-77', 'CWE-94'],
      cvss: { score: 7.2, version: '3.1' },
      package: { name: 'lodash', version: '4.17.19, 4.17.15', fixed_version: '4.17.21', ecosystem: 'npm' },
      tags: [],
    });
    expect(lodash!.description).toContain('express-validator>lodash');
    expect(lodash!.identity.parts).toEqual(['CVE-2021-23337', 'lodash', '']);
    expect(mime).toMatchObject({
      rule_id: 'npm-advisory-535',
      severity: 'medium',
      source_severity: 'moderate',
      cwe: [],
      package: { fixed_version: null },
      tags: ['dev'],
    });
    expect(mime!.description).toContain('>= 1.4.1 < 2.0.0 || >= 2.0.3');
  });

  it('npm 7+: one record per vulnerable package, transitive-only packages included', () => {
    const r = normalizeFixture('npm_audit/v7.json');
    expect(r.file.warnings).toEqual(['/vulnerabilities/odd: not an object; skipped']);
    expect(r.findings).toHaveLength(2);
    const [minimist, mkdirp] = r.findings;
    expect(minimist).toMatchObject({
      rule_id: 'GHSA-xvch-5gv4-984h',
      severity: 'critical',
      cve: ['GHSA-xvch-5gv4-984h', 'GHSA-vh95-rmgr-6w4m'],
      cwe: ['CWE-1321'],
      cvss: { score: 9.8 },
      package: { name: 'minimist', version: null, fixed_version: '0.2.4' },
      tags: ['transitive'],
    });
    expect(mkdirp).toMatchObject({
      finding_title: 'mkdirp: vulnerable through minimist',
      rule_id: 'npm-audit-transitive',
      severity: 'critical',
      cve: [],
      package: { name: 'mkdirp', fixed_version: null },
      tags: ['direct', 'via-dependency-only'],
    });
  });

  it('an npm error report is a failed run, not a parse error', () => {
    const r = normalizeFixture('npm_audit/error.json');
    expect(r.file.format).toBe('npm_audit');
    expect(r.file.status).toBe('tool_error');
    expect(r.findings).toEqual([]);
    expect(r.scans[0]).toMatchObject({
      success: false,
      errors: ['ENOLOCK: This command requires an existing lockfile.'],
    });
  });

  it('rejects other shapes and detects only npm audit', () => {
    expect(() => npmAuditParser.parse({ vulnerabilities: [] }, { file: 'x.json' })).toThrow(UserError);
    expect(() =>
      npmAuditParser.parse({ auditReportVersion: 2, vulnerabilities: [] }, { file: 'x.json' }),
    ).toThrow(/vulnerabilities/);
    expect(
      npmAuditParser.detect({ name: 'x', head: '', doc: { vulnerabilities: [], packageManager: 'npm' } }),
    ).toBe(0);
    expect(
      npmAuditParser.detect({ name: 'x', head: '', doc: { auditReportVersion: 2, vulnerabilities: {} } }),
    ).toBe(1);
  });
});
