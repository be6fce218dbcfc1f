import { describe, expect, it } from 'vitest';
import { trivyParser } from '../../src/parsers/trivy/index.js';
import { UserError } from '../../src/util/errors.js';
import { normalizeFixture } from '../helpers/corpus.js';

describe('trivy parser', () => {
  it('reads an image scan: container category, image location, package, CVSS, states', () => {
    const r = normalizeFixture('trivy/image.json');
    expect(r.file.format).toBe('trivy');
    expect(r.file.error).toBeNull();
    expect(r.file.tool_version).toBe('0.57.1');
    expect(r.file.warnings).toEqual([
      '/Results/0/Vulnerabilities/4: not an object; skipped',
      '/Results/0/Vulnerabilities/5: vulnerability without VulnerabilityID; skipped',
    ]);
    expect(r.findings).toHaveLength(7);
    const [ssl, na, wnf, cvssOnly, braces, vex, ignored] = r.findings;
    expect(ssl).toMatchObject({
      finding_title: 'CVE-2023-5678 libssl3 3.1.3-r0',
      category: 'container',
      severity: 'medium',
      severity_source: 'tool',
      state: 'open',
      cve: ['CVE-2023-5678'],
      cwe: ['CWE-606', 'CWE-754'],
      cvss: { score: 5.3, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', version: '3.1' },
      package: {
        name: 'libssl3',
        version: '3.1.3-r0',
        fixed_version: '3.1.4-r1',
        ecosystem: 'alpine',
        purl: 'pkg:apk/alpine/libssl3@3.1.3-r0?arch=x86_64&distro=3.18.4',
      },
      source_pointer: '/Results/0/Vulnerabilities/0',
    });
    expect(ssl!.location.image).toBe('registry.example.com/shop/api:1.4.2');
    expect(ssl!.location.file).toBeNull();
    expect(na!.state).toBe('not_applicable');
    expect(wnf).toMatchObject({ state: 'open', severity: 'info', source_severity: 'UNKNOWN' });
    expect(wnf!.state_reason).toMatch(/will_not_fix/);
    expect(cvssOnly).toMatchObject({ severity: 'critical', severity_source: 'cvss', state: 'open' });
    expect(braces).toMatchObject({
      category: 'container',
      cve: ['GHSA-grv7-fg5c-xmjg', 'CVE-2024-4068'],
      package: { name: 'braces', ecosystem: 'npm', purl: 'pkg:npm/braces@3.0.2' },
    });
    expect(braces!.location).toMatchObject({
      file: 'app/package-lock.json',
      image: 'registry.example.com/shop/api:1.4.2',
    });
    expect(vex).toMatchObject({
      state: 'not_applicable',
      source_pointer: '/Results/1/ModifiedFindings/0/Finding',
    });
    expect(vex!.state_reason).toContain('vulnerable_code_not_in_execute_path');
    expect(ignored).toMatchObject({ state: 'accepted_risk' });
    expect(ignored!.state_reason).toContain('SEC-42');
    expect(r.scans).toEqual([
      { tool: { name: 'Trivy', version: '0.57.1' }, categories: ['container'], success: true, errors: [] },
    ]);
  });

  it('keeps failed misconfigurations only, never copies secrets, reads licenses', () => {
    const r = normalizeFixture('trivy/fs-mixed.json');
    expect(r.findings.map((f) => f.category)).toEqual(['iac', 'secret', 'license']);
    const [mis, sec, lic] = r.findings;
    expect(mis).toMatchObject({
      rule_id: 'AVD-AWS-0086',
      severity: 'high',
      location: { file: 'deploy/main.tf', start_line: 12, end_line: 18, resource: 'aws_s3_bucket.logs' },
    });
    expect(sec).toMatchObject({
      rule_id: 'github-pat',
      severity: 'critical',
      finding_title: 'Secret detected in scripts/deploy.sh - GitHub Personal Access Token',
      location: { file: 'scripts/deploy.sh', start_line: 7 },
    });
    expect(lic).toMatchObject({
      rule_id: 'GPL-3.0',
      severity: 'high',
      location: { file: 'vendor/lib/COPYING' },
    });
    const text = JSON.stringify(r.findings);
    expect(text).not.toContain('ghp_');
    expect(text).not.toContain('hunter2');
    expect(r.scans[0]!.categories).toEqual(['iac', 'license', 'secret']);
  });

  it('reads trivy k8s reports: workload as service and resource', () => {
    const r = normalizeFixture('trivy/k8s.json');
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]).toMatchObject({
      category: 'container',
      service: 'shop/Deployment/api',
      location: {
        resource: 'shop/Deployment/api',
        image: 'registry.example.com/shop/api:1.4.2 (alpine 3.18.4)',
      },
    });
    expect(r.findings[1]).toMatchObject({
      category: 'iac',
      rule_id: 'KSV012',
      location: { resource: 'shop/Deployment/api' },
    });
  });

  it('reads the legacy list layout and the same image gives the same identity as schema 2', () => {
    const r = normalizeFixture('trivy/legacy-list.json');
    expect(r.file.format).toBe('trivy');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      category: 'container',
      severity: 'low',
      location: { image: 'node:18 (debian 12.2)' },
    });
    expect(r.findings[0]!.identity.parts).toEqual(['CVE-2011-3374', 'apt', 'node:18']);
  });

  it('accepts the legacy null report as a scan with no findings', () => {
    const out = trivyParser.parse(null, { file: 'x.json' });
    expect(out.findings).toEqual([]);
    expect(out.scans).toHaveLength(1);
    expect(trivyParser.detect({ name: 'trivy.json', head: 'null', doc: null })).toBe(0.9);
    expect(trivyParser.detect({ name: 'report.json', head: 'null', doc: null })).toBeLessThan(0.5);
  });

  it('rejects a wrong overall shape with a UserError naming the expected shape', () => {
    expect(() => trivyParser.parse({ foo: 1 }, { file: 'x.json' })).toThrow(UserError);
    expect(() => trivyParser.parse({ foo: 1 }, { file: 'x.json' })).toThrow(/Results/);
    expect(() => trivyParser.parse({ SchemaVersion: 2, Results: 'x' }, { file: 'x.json' })).toThrow(
      /Results/,
    );
  });

  it('detects its shapes only', () => {
    expect(trivyParser.detect({ name: 'a', head: '', doc: { SchemaVersion: 2, Results: [] } })).toBe(1);
    expect(trivyParser.detect({ name: 'a', head: '', doc: { runs: [] } })).toBe(0);
    expect(trivyParser.detect({ name: 'a', head: '', doc: { matches: [] } })).toBe(0);
    expect(trivyParser.detect({ name: 'a', head: '', doc: [{ projectName: 'x' }] })).toBe(0);
  });
});
