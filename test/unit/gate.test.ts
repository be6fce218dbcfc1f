import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../src/gate/gate.js';
import { parseExceptions, exceptionStatus } from '../../src/exceptions/load.js';
import type { UserError } from '../../src/util/errors.js';
import type { GatePolicy } from '../../src/schema/run.js';
import { makeFinding } from '../helpers/factory.js';

const policy = (over: Partial<GatePolicy> = {}): GatePolicy => ({
  fail_on: 'critical',
  category_thresholds: {},
  max_findings: {},
  scope: 'all',
  mode: 'enforce',
  exceptions_file: null,
  baseline: null,
  ...over,
});
const asOf = new Date('2026-12-03T12:00:00Z');

const exceptionsYaml = `
exceptions:
  - id: EX-1
    scope: cve:CVE-2021-44228
    owner: team-payments
    reason: not reachable
    approver: ciso
    created: 2026-11-01
    expires: 2027-01-31
  - id: EX-2
    scope: rule:py/sql-injection
    expires: 2026-12-02
  - id: EX-3
    scope: path:legacy/**
`;

describe('release gate', () => {
  it('criticals present → fail, and the finding is marked blocking', () => {
    const f = makeFinding({ severity: 'critical' });
    const g = evaluateGate({
      findings: [f],
      policy: policy(),
      exceptions: [],
      exceptionErrors: [],
      hasData: true,
      asOf,
    });
    expect(g.result).toBe('fail');
    expect(g.blocking_ids).toEqual([f.id]);
    expect(f.release_blocking).toBe(true);
  });

  it('the same with a matching active exception → pass, and the exception id is recorded', () => {
    const { exceptions, errors } = parseExceptions(exceptionsYaml, 'exceptions.yml');
    expect(errors).toEqual([]);
    const f = makeFinding({ severity: 'critical', category: 'sca', cve: ['CVE-2021-44228'] });
    const g = evaluateGate({
      findings: [f],
      policy: policy(),
      exceptions,
      exceptionErrors: [],
      hasData: true,
      asOf,
    });
    expect(g.result).toBe('pass');
    expect(f.exception_id).toBe('EX-1');
    expect(f.release_blocking).toBe(false);
    expect(g.counts.excepted).toBe(1);
  });

  it('an expired exception does not count → fail', () => {
    const { exceptions } = parseExceptions(exceptionsYaml, 'exceptions.yml');
    expect(exceptionStatus(exceptions[1]!, asOf)).toBe('expired');
    const f = makeFinding({ severity: 'critical', rule_id: 'py/sql-injection' });
    const g = evaluateGate({
      findings: [f],
      policy: policy(),
      exceptions,
      exceptionErrors: [],
      hasData: true,
      asOf,
    });
    expect(g.result).toBe('fail');
    expect(g.exceptions.expired).toBe(1);
  });

  it('an exception expires at the end of its expiry day (UTC)', () => {
    const { exceptions } = parseExceptions(exceptionsYaml, 'exceptions.yml');
    expect(exceptionStatus(exceptions[1]!, new Date('2026-12-02T23:59:59Z'))).toBe('active');
    expect(exceptionStatus(exceptions[1]!, new Date('2026-12-03T00:00:00Z'))).toBe('expired');
  });

  it('an exception without expiry counts but is reported', () => {
    const { exceptions } = parseExceptions(exceptionsYaml, 'exceptions.yml');
    const f = makeFinding({
      severity: 'critical',
      location: { ...makeFinding().location, file: 'legacy/old.py' },
    });
    const g = evaluateGate({
      findings: [f],
      policy: policy(),
      exceptions,
      exceptionErrors: [],
      hasData: true,
      asOf,
    });
    expect(g.result).toBe('pass');
    expect(g.exceptions.without_expiry).toBe(1);
  });

  it('no readable input → no_data, never pass', () => {
    const g = evaluateGate({
      findings: [],
      policy: policy(),
      exceptions: [],
      exceptionErrors: [],
      hasData: false,
      asOf,
    });
    expect(g.result).toBe('no_data');
  });

  it('below the threshold passes; suppressed and fixed findings never block', () => {
    const g = evaluateGate({
      findings: [
        makeFinding({ severity: 'high' }),
        makeFinding({ severity: 'critical', state: 'suppressed' }),
        makeFinding({ severity: 'critical', state: 'fixed' }),
      ],
      policy: policy(),
      exceptions: [],
      exceptionErrors: [],
      hasData: true,
      asOf,
    });
    expect(g.result).toBe('pass');
  });

  it('per-category thresholds and count limits', () => {
    const secret = makeFinding({ severity: 'low', category: 'secret' });
    const g = evaluateGate({
      findings: [secret, makeFinding({ severity: 'medium' }), makeFinding({ severity: 'medium' })],
      policy: policy({ category_thresholds: { secret: 'low' }, max_findings: { medium: 1 } }),
      exceptions: [],
      exceptionErrors: [],
      hasData: true,
      asOf,
    });
    expect(g.result).toBe('fail');
    expect(g.counts.blocking).toBe(3);
    expect(g.reasons.join(' ')).toMatch(/above the limit of 1/);
  });

  it('scope new: only findings absent from the baseline (or SARIF baselineState new) are evaluated', () => {
    const old = makeFinding({ severity: 'critical' });
    const fresh = makeFinding({ severity: 'critical' });
    const g = evaluateGate({
      findings: [old, fresh],
      policy: policy({ scope: 'new' }),
      exceptions: [],
      exceptionErrors: [],
      hasData: true,
      baselineIds: new Set([old.id]),
      asOf,
    });
    expect(g.blocking_ids).toEqual([fresh.id]);
    const unchanged = makeFinding({ severity: 'critical', baseline_state: 'unchanged' });
    const g2 = evaluateGate({
      findings: [unchanged],
      policy: policy({ scope: 'new' }),
      exceptions: [],
      exceptionErrors: [],
      hasData: true,
      asOf,
    });
    expect(g2.result).toBe('pass');
  });
});

describe('exception log formats and errors', () => {
  it('CSV and Markdown tables load with the same schema', () => {
    const csv =
      'id,scope,owner,reason,approver,created,expires,ticket\nEX-9,package:lodash@4.17.20,web,vendored,ciso,2026-10-01,2027-01-01,SEC-1\n';
    const md =
      '# Exceptions\n\n| id | scope | owner | expires |\n|---|---|---|---|\n| EX-7 | `path:docs/**` | docs | 2027-02-01 |\n';
    expect(parseExceptions(csv, 'e.csv').exceptions[0]).toMatchObject({
      id: 'EX-9',
      scope: { type: 'package', value: 'lodash@4.17.20' },
      ticket: 'SEC-1',
    });
    expect(parseExceptions(md, 'e.md').exceptions[0]).toMatchObject({
      id: 'EX-7',
      scope: { type: 'path', value: 'docs/**' },
    });
  });

  it('bad rows are named by file, row and field; good rows still load', () => {
    const csv =
      'id,scope,expires\n,cve:CVE-1,2027-01-01\nEX-2,bogus,2027-01-01\nEX-3,cve:CVE-3,31/12/2026\nEX-4,cve:CVE-4,\n';
    const r = parseExceptions(csv, 'e.csv');
    expect(r.exceptions.map((e) => e.id)).toEqual(['EX-4']);
    expect(r.errors).toEqual([
      expect.stringMatching(/^e\.csv:2: field "id": is required/),
      expect.stringMatching(/^e\.csv:3: field "scope": scope "bogus" must be "type:value"/),
      expect.stringMatching(/^e\.csv:4: field "expires": must be a date like 2026-12-31/),
    ]);
  });

  it('malformed YAML throws with line and column', () => {
    let message = '';
    try {
      parseExceptions('exceptions:\n  - id: [unclosed\n', 'e.yml');
    } catch (e) {
      message = (e as UserError).format();
    }
    expect(message).toMatch(/^e\.yml:\d+:\d+: invalid YAML/);
  });
});
