import { describe, expect, it } from 'vitest';
import { osvScannerParser } from '../../src/parsers/osv_scanner/index.js';
import { UserError } from '../../src/util/errors.js';
import { normalizeFixture } from '../helpers/corpus.js';

describe('osv_scanner parser', () => {
  it('one record per vulnerability entry per package; aliases, severities, fixed version', () => {
    const r = normalizeFixture('osv_scanner/results.json', { roots: ['/builds/acme/shop'] });
    expect(r.file.format).toBe('osv_scanner');
    expect(r.file.warnings).toEqual([
      '/results/0/packages/1/vulnerabilities/1: vulnerability without an id; skipped',
      '/results/0/packages/2: package without a name; skipped',
    ]);
    expect(r.findings).toHaveLength(3);
    const [ghsa, pysec, jinja] = r.findings;
    expect(ghsa).toMatchObject({
      finding_title: 'GHSA-j8r2-6x86-q33q requests 2.25.0',
      rule_id: 'GHSA-j8r2-6x86-q33q',
      severity: 'medium',
      severity_source: 'tool',
      source_severity: 'MODERATE',
      cve: ['CVE-2023-32681', 'GHSA-j8r2-6x86-q33q', 'PYSEC-2023-74'],
      cwe: ['CWE-200'],
      cvss: { score: 6.1, version: '3.1' },
      package: {
        name: 'requests',
        version: '2.25.0',
        fixed_version: '2.31.0',
        ecosystem: 'pypi',
        purl: 'pkg:pypi/requests@2.25.0',
      },
      location: { file: 'api/requirements.txt' },
    });
    expect(pysec).toMatchObject({
      severity: 'medium',
      severity_source: 'cvss',
      source_severity: '6.1',
      package: { fixed_version: '2.31.0' },
    });
    expect(pysec!.id).toBe(ghsa!.id);
    expect(jinja).toMatchObject({
      severity: 'high',
      severity_source: 'cvss',
      cvss: { score: 8.6 },
      package: { fixed_version: '2.10.1' },
      cve: ['CVE-2019-10906', 'PYSEC-2019-217'],
    });
  });

  it('rejects other shapes; detection is specific', () => {
    expect(() => osvScannerParser.parse({ matches: [] }, { file: 'x.json' })).toThrow(UserError);
    expect(() => osvScannerParser.parse({ matches: [] }, { file: 'x.json' })).toThrow(/results/);
    expect(
      osvScannerParser.detect({ name: 'x', head: '', doc: { results: [{ source: {}, packages: [] }] } }),
    ).toBe(1);
    expect(osvScannerParser.detect({ name: 'x', head: '', doc: { results: [] } })).toBe(0);
    expect(osvScannerParser.detect({ name: 'x', head: '', doc: { results: [{ check_id: 'x' }] } })).toBe(0);
  });
});
