import { describe, expect, it } from 'vitest';
import { parseWizcli } from '../../../src/parsers/wizcli/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('wizcli parser', () => {
  it('image scan: one record per package vulnerability and per secret', () => {
    const r = normalizeFixture('wizcli/img.json');
    expect(r.file.format).toBe('wizcli');
    expect(r.findings.map((f) => [f.category, f.rule_id])).toEqual([
      ['container', 'CVE-2024-5535'],
      ['container', 'CVE-2023-44487'],
      ['container', 'CVE-2023-39325'],
      ['secret', 'PASSWORD'],
    ]);
    expect(r.file.warnings).toEqual(['/result/libraries/0/vulnerabilities/2: not an object; skipped']);
    expect(r.findings[1]).toMatchObject({
      source_tool: 'wizcli',
      severity: 'medium',
      severity_source: 'tool',
      package: { name: 'golang.org/x/net', version: '0.14.0', fixed_version: '0.17.0' },
      cvss: { score: 7.5 },
      location: { image: 'registry.example.com/shop/checkout:1.2.3', file: '/app/go.mod' },
      tags: ['LIBRARY', 'cisa-kev', 'exploit-available'],
    });
    expect(r.findings[2]).toMatchObject({ severity: 'high', severity_source: 'cvss' });
    expect(r.scans[0]).toMatchObject({ success: true, categories: ['container', 'secret'] });
  });

  it('secrets: default critical, file and line, the matched text never copied and the snippet redacted', () => {
    const r = normalizeFixture('wizcli/img.json');
    const s = r.findings[3]!;
    expect(s).toMatchObject({
      finding_title: 'Secret (PASSWORD) in /app/config.go',
      severity: 'critical',
      severity_source: 'default',
      location: { file: '/app/config.go', start_line: 12 },
    });
    const text = JSON.stringify(r.findings);
    expect(text).not.toContain('not-a-real-pass');
    expect(text).not.toContain('postgresql://');
  });

  it('IaC scan: one record per match location', () => {
    const r = normalizeFixture('wizcli/iac.json');
    expect(
      r.findings.map((f) => [f.category, f.rule_id, f.location.file, f.location.start_line, f.severity]),
    ).toEqual([
      ['iac', 'rule-uuid-1', 'Dockerfile', 1, 'low'],
      ['iac', 'rule-uuid-1', 'web/Dockerfile', 1, 'low'],
      ['iac', 'rule-uuid-2', 'infra/main.tf', 10, 'high'],
    ]);
    expect(r.findings[2]).toMatchObject({
      rule_name: 'S3 Bucket Without Encryption',
      location: { resource: 'aws_s3_bucket[logs]' },
    });
    expect(JSON.stringify(r.findings)).not.toContain('resource \\"aws_s3_bucket\\"');
  });

  it('directory scan: paths relative to the scanned directory; a failed scan is not successful', () => {
    const r = normalizeFixture('wizcli/dir.json');
    expect(r.findings[0]).toMatchObject({
      category: 'sca',
      location: { file: 'services/api/requirements.txt' },
    });
    expect(r.file.status).toBe('tool_error');
    expect(r.scans[0]).toMatchObject({ success: false, errors: ['wizcli scan state FAILED'] });
  });

  it('throws a UserError for another shape', () => {
    expect(() => parseWizcli({ results: [] }, { file: 'x.json' })).toThrow(UserError);
    expect(() => parseWizcli([], { file: 'x.json' })).toThrow(/"result" object/);
  });
});
