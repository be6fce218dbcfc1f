import { describe, expect, it } from 'vitest';
import { eslintParser } from '../../../src/parsers/eslint/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('eslint parser', () => {
  const r = normalizeFixture('eslint/report.json', { roots: ['/builds/acme/web'] });

  it('one record per message and per suppressed message; fatal errors are scan errors', () => {
    expect(r.file.format).toBe('eslint');
    expect(r.findings.map((f) => [f.rule_id, f.severity, f.state])).toEqual([
      ['no-eval', 'high', 'open'],
      ['eqeqeq', 'medium', 'open'],
      ['no-eval', 'high', 'suppressed'],
    ]);
    expect(r.file.warnings.some((w) => w.startsWith('/0/messages/2:'))).toBe(true);
    expect(r.scans[0]).toMatchObject({ success: false, categories: ['sast'] });
    expect(r.scans[0]!.errors[0]).toMatch(/b\.js:2: Parsing error/);
  });

  it('maps level, location, suppression', () => {
    expect(r.findings[0]).toMatchObject({
      category: 'sast',
      severity_source: 'level',
      source_severity: 'error',
      location: { file: 'src/a.js', start_line: 3, end_line: 3 },
    });
    expect(r.findings[2]!.suppression).toEqual({
      kind: 'inSource',
      status: 'accepted',
      justification: 'constant input',
    });
    expect(JSON.stringify(r.findings)).not.toContain('fixture-eslint-source-07');
  });

  it('throws UserError for a wrong shape', () => {
    expect(() => eslintParser.parse({ messages: [] }, { file: 'e.json' })).toThrow(UserError);
  });
});
