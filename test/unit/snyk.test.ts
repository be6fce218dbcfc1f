import { describe, expect, it } from 'vitest';
import { snykParser } from '../../src/parsers/snyk/index.js';
import { UserError } from '../../src/util/errors.js';
import { normalizeFixture } from '../helpers/corpus.js';

describe('snyk parser', () => {
  it('one record per vulnerabilities[] entry (per dependency path), license and ignored issues kept', () => {
    const r = normalizeFixture('snyk/project.json');
    expect(r.file.format).toBe('snyk');
    expect(r.file.warnings).toEqual(['/vulnerabilities/4: vulnerability without id or packageName; skipped']);
    expect(r.findings).toHaveLength(5);
    const [a, b, jackson, lic, ignored] = r.findings;
    expect(a).toMatchObject({
      finding_title: 'lodash@4.17.19: Command Injection',
      category: 'sca',
      rule_id: 'SNYK-JS-LODASH-1040724',
      severity: 'high',
      severity_source: 'tool',
      cve: ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'],
      cwe: ['CWE-78'],
      cvss: { score: 7.2, version: '3.1' },
      package: { name: 'lodash', version: '4.17.19', fixed_version: '4.17.21', ecosystem: 'npm' },
      location: { file: 'web/package-lock.json' },
      tags: ['exploit:Proof of Concept', 'upgradable'],
    });
    expect(a!.description).toContain('Upgrade path: lodash@4.17.21');
    expect(b!.description).toContain('express-validator@6.0.0');
    expect(b!.id).toBe(a!.id);
    expect(b!.occurrence_id).not.toBe(a!.occurrence_id);
    expect(jackson).toMatchObject({ cve: [], package: { fixed_version: '2.10.5.1' } });
    expect(lic).toMatchObject({ category: 'license', rule_id: 'snyk:lic:npm:node-forge:GPL-2.0', cve: [] });
    expect(ignored).toMatchObject({ state: 'suppressed', source_pointer: '/filtered/ignore/0' });
    expect(ignored!.state_reason).toContain('SEC-9');
    expect(r.scans[0]!.categories).toEqual(['license', 'sca']);
  });

  it('snyk container test: image from the dependency root, applications included', () => {
    const r = normalizeFixture('snyk/container.json');
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]).toMatchObject({
      category: 'container',
      severity: 'critical',
      location: { image: 'registry.example.com/shop/api:1.4.2', file: null },
      package: { ecosystem: 'debian:12', fixed_version: null },
    });
    expect(r.findings[1]).toMatchObject({
      category: 'container',
      source_pointer: '/applications/0/vulnerabilities/0',
      location: { image: 'registry.example.com/shop/api:1.4.2', file: '/srv/api/package.json' },
    });
    expect(r.scans[0]!.categories).toEqual(['container']);
  });

  it('--all-projects with a failed project: the run is marked failed', () => {
    const r = normalizeFixture('snyk/all-projects-with-error.json');
    expect(r.file.format).toBe('snyk');
    expect(r.file.status).toBe('tool_error');
    expect(r.scans[0]).toMatchObject({ success: false, errors: ['Could not find a valid pom.xml'] });
  });

  it('rejects other shapes; detection does not claim npm audit, Grype or OSV', () => {
    expect(() => snykParser.parse({ results: [] }, { file: 'x.json' })).toThrow(UserError);
    expect(() => snykParser.parse({ results: [] }, { file: 'x.json' })).toThrow(/vulnerabilities/);
    for (const doc of [
      { auditReportVersion: 2, vulnerabilities: {} },
      { matches: [], descriptor: { name: 'grype' } },
      { results: [] },
      { imageDigest: 'sha256:x', vulnerabilities: [] },
    ])
      expect(snykParser.detect({ name: 'x', head: '', doc })).toBe(0);
  });
});
