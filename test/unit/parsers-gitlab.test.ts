import { describe, expect, it } from 'vitest';
import { normalizeFixture } from '../helpers/corpus.js';
import { parseGitlabReport } from '../../src/parsers/gitlab-common.js';
import { UserError } from '../../src/util/errors.js';

describe('GitLab security reports', () => {
  it('SAST: one record per entry (repeated ids kept), CWE, Unknown → info, bad item warned', () => {
    const r = normalizeFixture('gitlab_sast/gl-sast-report.json');
    expect(r.file.error).toBeNull();
    expect(r.file.format).toBe('gitlab_sast');
    expect(r.findings).toHaveLength(3);
    expect(r.file.warnings).toEqual(['/vulnerabilities/3: not an object; skipped']);
    const [sqli, weak1, weak2] = r.findings;
    expect(sqli).toMatchObject({
      category: 'sast',
      rule_id: 'python.sql-injection',
      severity: 'high',
      severity_source: 'tool',
      cwe: ['CWE-89'],
      source_tool: 'Semgrep',
      tool_version: '1.90.0',
      location: { file: 'app/db.py', start_line: 12, end_line: 14 },
    });
    expect(weak1).toMatchObject({ severity: 'info', source_severity: 'Unknown' });
    expect(weak1!.id).toBe(weak2!.id);
    expect(weak1!.occurrence_id).not.toBe(weak2!.occurrence_id);
    expect(JSON.stringify(r.findings)).not.toContain('fixture_extract_marker');
    expect(r.scans).toEqual([
      { tool: { name: 'Semgrep', version: '1.90.0' }, categories: ['sast'], success: true, errors: [] },
    ]);
  });

  it('scan.status failure → unsuccessful scan evidence', () => {
    const r = normalizeFixture('gitlab_sast/gl-sast-report-failed.json');
    expect(r.file.status).toBe('tool_error');
    expect(r.scans[0]).toMatchObject({ success: false, errors: ['analyzer crashed'], categories: ['sast'] });
  });

  it('dependency scanning: package, fixed version, ecosystem from dependency_files, CVE before GHSA', () => {
    const r = normalizeFixture('gitlab_dep_scan/gl-dependency-scanning-report.json');
    expect(r.file.format).toBe('gitlab_dep_scan');
    expect(r.findings[0]).toMatchObject({
      category: 'sca',
      severity: 'critical',
      cve: ['CVE-2020-8203', 'GHSA-p6mc-m468-83gw'],
      package: { name: 'lodash', version: '4.17.15', fixed_version: '4.17.21', ecosystem: 'npm' },
      location: { file: 'web/package-lock.json' },
    });
    expect(r.findings[0]!.identity.parts).toEqual(['CVE-2020-8203', 'lodash', 'web/package-lock.json']);
    expect(r.findings[1]!.package).toBeNull();
  });

  it('container scanning: image and OS ecosystem', () => {
    const r = normalizeFixture('gitlab_container_scan/gl-container-scanning-report.json');
    expect(r.findings[0]).toMatchObject({
      category: 'container',
      package: { name: 'libssl1.1', version: '1.1.1c-r0', fixed_version: '1.1.1d-r0', ecosystem: 'alpine' },
      location: { image: 'registry.example.com/shop/api:1.2.3', file: null },
    });
    expect(r.findings[0]!.identity.parts).toEqual([
      'CVE-2019-1549',
      'libssl1.1',
      'registry.example.com/shop/api:1.2.3',
    ]);
  });

  it('secret detection: secret hashed and never copied; history commit distinguishes occurrences', () => {
    const r = normalizeFixture('gitlab_secret_detection/gl-secret-detection-report.json');
    expect(r.findings).toHaveLength(2);
    const out = JSON.stringify(r.findings);
    expect(out).not.toContain('fixture-secret-value-0001');
    expect(out).not.toContain('A Person');
    expect(r.findings[0]).toMatchObject({
      category: 'secret',
      rule_id: 'generic-api-key',
      severity: 'critical',
    });
    expect(r.findings[0]!.identity.parts[2]).toMatch(/^sha256:/);
    expect(r.findings[0]!.identity.parts).toHaveLength(3); // 0000000 = not a history scan
    expect(r.findings[1]!.identity.parts[3]).toBe('9f1c2d3e');
  });

  it('DAST: url from hostname + path, method tag, title from the plugin identifier, headers redacted', () => {
    const r = normalizeFixture('gitlab_dast/gl-dast-report.json');
    expect(r.findings[0]).toMatchObject({
      category: 'dast',
      finding_title: 'X-Content-Type-Options Header Missing',
      rule_id: '10021',
      cwe: ['CWE-693'],
      location: { url: 'https://shop.example.com/login' },
      tags: ['method:GET'],
    });
    expect(JSON.stringify(r.findings)).not.toContain('fixture-dast-token-77');
  });

  it('wrong overall shape and wrong report type are UserErrors naming what was expected', () => {
    expect(() => parseGitlabReport([], 'x.json', 'sast')).toThrow(
      /expected an object with a "vulnerabilities" array, found an array/,
    );
    const dast = { version: '15.0.0', vulnerabilities: [], scan: { type: 'dast' } };
    expect(() => parseGitlabReport(dast, 'x.json', 'sast')).toThrow(UserError);
    expect(() => parseGitlabReport(dast, 'x.json', 'sast')).toThrow(/--format gitlab_dast/);
  });

  it('old reports without scan: type from item shape; missing severity → medium default', () => {
    const doc = {
      version: '2.3',
      vulnerabilities: [
        {
          name: 'x',
          location: { file: 'a.py', start_line: 1 },
          identifiers: [{ type: 'bandit_test_id', name: 'B101', value: 'B101' }],
        },
      ],
    };
    const out = parseGitlabReport(doc, 'x.json', 'sast');
    expect(out.findings[0]).toMatchObject({
      severity: 'medium',
      severity_source: 'default',
      tool: 'GitLab SAST',
    });
  });
});
