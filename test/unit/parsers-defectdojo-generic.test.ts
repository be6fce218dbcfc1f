import { describe, expect, it } from 'vitest';
import { normalizeFixture } from '../helpers/corpus.js';
import { parseDefectdojoGeneric } from '../../src/parsers/defectdojo_generic/index.js';

describe('DefectDojo Generic Findings Import', () => {
  it('JSON: state from the booleans, dates, package, category only when clear', () => {
    const r = normalizeFixture('defectdojo_generic/generic-findings.json');
    expect(r.file.format).toBe('defectdojo_generic');
    expect(r.findings).toHaveLength(6);
    expect(r.file.warnings).toEqual([
      '/findings/5: severity "Spicy" not recognised; medium assumed',
      '/findings/6: finding has no title (required by the Generic Findings Import); skipped',
    ]);
    expect(r.findings[0]).toMatchObject({
      category: 'sca',
      severity: 'high',
      cve: ['CVE-2025-12345'],
      cwe: ['CWE-502'],
      package: { name: 'spring-core', version: '6.1.0', fixed_version: '6.1.14' },
      first_seen: '2026-07-01T00:00:00.000Z',
      fingerprints: { unique_id_from_tool: 'u-1' },
      state: 'open',
    });
    expect(r.findings.map((f) => f.state)).toEqual([
      'open',
      'false_positive',
      'accepted_risk',
      'fixed',
      'not_applicable',
      'open',
    ]);
    expect(r.findings[1]!.category).toBe('other');
    expect(r.findings[3]!.closed_at).toBe('2026-07-20T10:00:00.000Z');
    expect(r.findings[5]).toMatchObject({
      category: 'dast',
      severity: 'medium',
      severity_source: 'default',
      location: { url: 'https://shop.example.com:8443/login' },
    });
  });

  it('CSV: columns mapped, US dates, multi-line cells, Active/Duplicate', () => {
    const r = normalizeFixture('defectdojo_generic/generic-findings.csv');
    expect(r.file.error).toBeNull();
    expect(r.file.format).toBe('defectdojo_generic');
    expect(r.findings).toHaveLength(3);
    expect(r.findings[0]).toMatchObject({
      finding_title: 'Missing HSTS header',
      severity: 'low',
      cwe: ['CWE-523'],
      first_seen: '2026-01-15T00:00:00.000Z',
      location: { url: 'https://shop.example.com' },
      source_pointer: 'row 2',
      state: 'open',
    });
    expect(r.findings[1]!.state).toBe('fixed');
    expect(r.findings[2]!.state).toBe('duplicate');
    expect(r.findings[2]!.source_pointer).toBe('row 5');
  });

  it('wrong shapes are UserErrors naming what was expected', () => {
    expect(() => parseDefectdojoGeneric({ results: [] }, 'x.json')).toThrow(/"findings" array/);
    expect(() => parseDefectdojoGeneric('{"findings": [', 'x.json')).toThrow(/not valid JSON/);
    expect(() => parseDefectdojoGeneric('Name,Value\na,b\n', 'x.csv')).toThrow(/no "Title" column/);
  });
});
