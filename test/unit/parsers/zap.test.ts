import { describe, expect, it } from 'vitest';
import { zapParser } from '../../../src/parsers/zap/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('zap parser (traditional-json)', () => {
  const r = normalizeFixture('zap/report.json');

  it('one record per alert per site; odd alerts warn', () => {
    expect(r.file.format).toBe('zap');
    expect(r.findings).toHaveLength(3);
    expect(r.file.warnings.some((w) => w.startsWith('/site/0/alerts/2:'))).toBe(true);
  });

  it('identity on alertRef + name + site: the same alert on two sites differs, pluginid alone does not merge', () => {
    const [dest, mode, destApi] = r.findings;
    expect(dest!.identity.parts).toEqual([
      '90005-1',
      'Sec-Fetch-Dest Header is Missing',
      'https://app.example.test',
    ]);
    expect(dest!.id).not.toBe(destApi!.id);
    expect(dest!.id).not.toBe(mode!.id);
  });

  it('maps risk, confidence, CWE; instances are a count, the first URL without its query', () => {
    const [dest, mode, destApi] = r.findings;
    expect(dest).toMatchObject({
      category: 'dast',
      severity: 'info',
      severity_source: 'tool',
      source_severity: 'Informational (High)',
      tool_confidence: 'high',
      cwe: ['CWE-352'],
      location: { url: 'https://app.example.test/login' },
      help_uri: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Sec-Fetch-Dest',
      tool_version: '2.15.0',
    });
    expect(dest!.tags).toContain('instances:2');
    expect(dest!.description).toContain('Instances: 2');
    expect(JSON.stringify(r.findings)).not.toContain('fixture-zap-token-0004');
    expect(JSON.stringify(r.findings)).not.toContain('sid=abc');
    expect(mode).toMatchObject({ state: 'false_positive', tool_confidence: 'false positive', cwe: [] });
    expect(destApi).toMatchObject({ severity: 'medium', severity_source: 'default' });
  });
});

describe('zap parser (traditional-xml)', () => {
  const r = normalizeFixture('zap/report.xml');

  it('normalizes single children and empty alert lists', () => {
    expect(r.file.format).toBe('zap');
    expect(r.file.error).toBeNull();
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      rule_id: '10020-1',
      finding_title: 'Missing Anti-clickjacking Header',
      severity: 'medium',
      cwe: ['CWE-1021'],
      location: { url: 'https://app.example.test/' },
      source_pointer: '/OWASPZAPReport/site/0/alerts/alertitem/0',
      description: expect.stringMatching(/^The response does not protect against ClickJacking attacks\./),
    });
    expect(r.scans[0]).toMatchObject({
      tool: { name: 'ZAP', version: '2.15.0' },
      categories: ['dast'],
      success: true,
    });
  });

  it('throws UserError for a wrong shape', () => {
    expect(() => zapParser.parse({ alerts: [] }, { file: 'z.json' })).toThrow(UserError);
  });
});
