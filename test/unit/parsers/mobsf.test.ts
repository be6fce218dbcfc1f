import { describe, expect, it } from 'vitest';
import { mobsfParser } from '../../../src/parsers/mobsf/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('mobsf parser (report_json)', () => {
  const r = normalizeFixture('mobsf/report.json');
  const bySection = (s: string) => r.findings.filter((f) => f.tags.includes(`section:${s}`));

  it('one record per issue per section; secure/good and binary info are not findings', () => {
    expect(r.file.format).toBe('mobsf');
    expect(r.findings).toHaveLength(9);
    expect(bySection('permissions').map((f) => f.finding_title)).toEqual(['android.permission.CAMERA']);
    expect(bySection('manifest')).toHaveLength(2);
    expect(bySection('certificate').map((f) => f.severity)).toEqual(['medium']);
    expect(bySection('binary_analysis').map((f) => f.severity)).toEqual(['high']);
    expect(bySection('code_analysis').map((f) => f.location.file)).toEqual([
      'test/example/demo/Rand.java',
      'test/example/demo/Other.java',
    ]);
    expect(bySection('firebase')).toHaveLength(1);
  });

  it('same rule on two components: two identities', () => {
    const [a, b] = bySection('manifest');
    expect(a!.id).not.toBe(b!.id);
    expect(a!.finding_title).toBe('Activity (test.example.demo.A) is not Protected. [android:exported=true]');
  });

  it('maps severity words, CWE, lines', () => {
    expect(bySection('code_analysis')[0]).toMatchObject({
      category: 'mobile',
      rule_id: 'android_insecure_random',
      severity: 'medium',
      severity_source: 'tool',
      source_severity: 'warning',
      cwe: ['CWE-330'],
      location: { start_line: 12 },
      tool_version: '4.0.0',
    });
    expect(bySection('network_security')[0]!.severity).toBe('high');
  });

  it('the secrets list is redacted, never a record', () => {
    expect(JSON.stringify(r.findings)).not.toContain('fixture-mobsf-key-0005');
  });
});

describe('mobsf parser (mobsfscan)', () => {
  const r = normalizeFixture('mobsf/mobsfscan.json');
  it('one record per rule per file, one for a rule without files', () => {
    expect(r.findings.map((f) => [f.rule_id, f.location.file, f.severity])).toEqual([
      ['android_kotlin_hardcoded', 'app/src/main/java/Demo.kt', 'medium'],
      ['android_kotlin_hardcoded', 'app/src/main/java/Other.kt', 'medium'],
      ['android_certificate_transparency', null, 'low'],
    ]);
    expect(r.findings[0]!.cwe).toEqual(['CWE-798']);
    expect(r.scans[0]!.tool).toEqual({ name: 'mobsfscan', version: '0.3.0' });
    expect(JSON.stringify(r.findings)).not.toContain('fixture-mobsfscan-pw-06');
  });

  it('throws UserError for a wrong shape', () => {
    expect(() => mobsfParser.parse({ results: [] }, { file: 'm.json' })).toThrow(UserError);
  });
});
