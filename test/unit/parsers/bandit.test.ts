import { describe, expect, it } from 'vitest';
import { banditParser } from '../../../src/parsers/bandit/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('bandit parser', () => {
  const r = normalizeFixture('bandit/results.json');

  it('one record per object result; odd items warn', () => {
    expect(r.file.format).toBe('bandit');
    expect(r.findings).toHaveLength(3);
    expect(r.file.warnings.some((w) => w.startsWith('/results/2:'))).toBe(true);
  });

  it('maps severity, confidence, CWE, lines and rule', () => {
    expect(r.findings[1]).toMatchObject({
      rule_id: 'B602',
      rule_name: 'subprocess_popen_with_shell_equals_true',
      severity: 'high',
      severity_source: 'tool',
      tool_confidence: 'HIGH',
      cwe: ['CWE-78'],
      location: { file: 'pkg/run.py', start_line: 10, end_line: 11 },
      category: 'sast',
    });
    expect(r.findings[2]).toMatchObject({
      severity: 'medium',
      severity_source: 'default',
      source_severity: 'UNDEFINED',
    });
  });

  it('never copies code; hard-coded passwords are redacted everywhere', () => {
    const all = JSON.stringify(r.findings);
    expect(all).not.toContain('fixture-pa55word-0002');
    expect(all).not.toContain('DB_USER');
    expect(r.findings[0]!.finding_title).toBe("Possible hardcoded password: '[REDACTED]'");
  });

  it('errors[] are scan errors; the run still counts', () => {
    expect(r.scans[0]).toMatchObject({ success: true, categories: ['sast'] });
    expect(r.scans[0]!.errors).toEqual(['pkg/broken.py: syntax error while parsing AST from file']);
  });

  it('throws UserError for a wrong shape', () => {
    expect(() => banditParser.parse({ results: 'x' }, { file: 'b.json' })).toThrow(UserError);
  });
});
