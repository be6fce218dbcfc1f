import { describe, expect, it } from 'vitest';
import { parseInspector2 } from '../../../src/parsers/aws_inspector2/index.js';
import { UserError } from '../../../src/util/errors.js';
import { normalizeFixture } from '../../helpers/corpus.js';

describe('aws_inspector2 parser', () => {
  const r = normalizeFixture('aws_inspector2/findings.json');
  const f = r.findings;

  it('reads one record per finding and warns about the odd one', () => {
    expect(r.file.format).toBe('aws_inspector2');
    expect(f).toHaveLength(6);
    expect(r.file.warnings).toContain('/findings/6: finding is not an object; skipped');
  });

  it('maps an ECR package finding to a container record', () => {
    expect(f[0]).toMatchObject({
      source_tool: 'Amazon Inspector',
      category: 'container',
      rule_id: 'CVE-2024-1000',
      cve: ['CVE-2024-1000', 'GHSA-aaaa-bbbb-cccc'],
      severity: 'high',
      severity_source: 'tool',
      state: 'open',
      package: { name: 'libxml2', version: '2.9.14-1', fixed_version: '2.9.14-2', ecosystem: null },
      cvss: { score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
      first_seen: '2026-01-02T09:00:00.000Z',
      last_seen: '2026-02-02T09:00:00.000Z',
      location: {
        image: '111122223333.dkr.ecr.us-east-1.amazonaws.com/billing',
        account: '111122223333',
        region: 'us-east-1',
      },
    });
  });

  it('maps SUPPRESSED → suppressed and CLOSED → fixed with a closed date', () => {
    expect(f[1]).toMatchObject({
      state: 'suppressed',
      category: 'sca',
      location: { file: 'i-0123456789abcdef0' },
    });
    expect(f[2]).toMatchObject({
      state: 'fixed',
      closed_at: '2026-02-02T09:00:00.000Z',
      package: { name: 'requests', ecosystem: 'pip' },
    });
  });

  it('takes UNTRIAGED severity from the Inspector score and says so', () => {
    expect(f[3]).toMatchObject({
      severity: 'critical',
      severity_source: 'cvss',
      source_severity: 'UNTRIAGED (inspectorScore 9.8)',
    });
  });

  it('maps code findings to sast with CWE, file and lines', () => {
    expect(f[4]).toMatchObject({
      category: 'sast',
      rule_id: 'python-log-injection',
      cwe: ['CWE-117'],
      location: { file: 'src/handler.py', start_line: 12, end_line: 13 },
    });
  });

  it('keeps network reachability as a cloud finding on the resource', () => {
    expect(f[5]).toMatchObject({ category: 'cloud', location: { resource: 'i-0123456789abcdef0' } });
  });

  it('throws a UserError for another shape', () => {
    expect(() => parseInspector2([], { file: 'x.json' })).toThrow(UserError);
    expect(() => parseInspector2({ Findings: [] }, { file: 'x.json' })).toThrow(/"findings" array/);
  });
});
