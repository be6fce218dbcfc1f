import type { Exception } from '../schema/exception.js';
import type { Finding, Severity } from '../schema/finding.js';
import type { GatePolicy, GateResult } from '../schema/run.js';
import { exceptionStatus } from '../exceptions/load.js';
import { ExceptionIndex } from '../exceptions/match.js';
import { SEVERITY_RANK } from '../normalize/severity.js';

const OPEN_STATES = new Set(['open']);

function threshold(policy: GatePolicy, f: Finding): Severity | 'none' {
  return policy.category_thresholds[f.category] ?? policy.fail_on;
}

function meets(sev: Severity, t: Severity | 'none'): boolean {
  return t !== 'none' && SEVERITY_RANK[sev] >= SEVERITY_RANK[t];
}

export interface GateInput {
  findings: Finding[];
  policy: GatePolicy;
  exceptions: Exception[];
  exceptionErrors: string[];
  /** false when no scanner output could be read at all. */
  hasData: boolean;
  /** ids present in the baseline record, for scope "new". */
  baselineIds?: Set<string>;
  asOf: Date;
}

/**
 * Evaluate the release gate. Mutates each finding's `release_blocking` and `exception_id` (the record
 * carries the verdict per finding). Returns no_data — never pass — when nothing was read.
 */
export function evaluateGate(input: GateInput): GateResult {
  const { policy, asOf } = input;
  const active: Exception[] = [];
  let expired = 0;
  let withoutExpiry = 0;
  for (const e of input.exceptions) {
    const st = exceptionStatus(e, asOf);
    if (st === 'expired') expired++;
    if (st !== 'active') continue;
    active.push(e);
    if (!e.expires) withoutExpiry++;
  }
  const bySeverity: Record<string, number> = {};
  const blocking: Finding[] = [];
  let excepted = 0;
  let evaluated = 0;
  const reasons: string[] = [];
  // Scope "new": absent from the baseline record, or (without one) SARIF baselineState new/absent.
  const inScope = (f: Finding): boolean =>
    policy.scope === 'all' ||
    (input.baselineIds
      ? !input.baselineIds.has(f.id)
      : f.baseline_state === null || f.baseline_state === 'new');
  const exceptionIndex = new ExceptionIndex(active);
  for (const f of input.findings) {
    f.release_blocking = false;
    const exc = exceptionIndex.first(f);
    f.exception_id = exc?.id ?? null;
    if (!OPEN_STATES.has(f.state)) continue;
    if (!inScope(f)) continue;
    evaluated++;
    if (!meets(f.severity, threshold(policy, f))) continue;
    if (exc) {
      excepted++;
      continue;
    }
    f.release_blocking = true;
    blocking.push(f);
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  }
  if (blocking.length > 0) {
    const parts = Object.entries(bySeverity)
      .sort((a, b) => SEVERITY_RANK[b[0] as Severity] - SEVERITY_RANK[a[0] as Severity])
      .map(([s, n]) => `${n} ${s}`);
    reasons.push(
      `${blocking.length} open finding(s) at or above the threshold without an active exception (${parts.join(', ')})`,
    );
  }
  // Count limits: over open, in-scope findings not covered by an exception.
  const counted = input.findings.filter(
    (f) => OPEN_STATES.has(f.state) && f.exception_id === null && inScope(f),
  );
  for (const [key, limit] of Object.entries(policy.max_findings)) {
    const n =
      key === 'total'
        ? counted.length
        : counted.filter((f) => f.severity === key || f.category === key).length;
    if (n > limit) {
      reasons.push(
        `${n} ${key === 'total' ? '' : key + ' '}finding(s), above the limit of ${limit} (max_findings ${key}=${limit})`,
      );
      if (key !== 'total')
        for (const f of counted)
          if ((f.severity === key || f.category === key) && !f.release_blocking) {
            f.release_blocking = true;
            blocking.push(f);
          }
    }
  }
  let result: GateResult['result'];
  if (!input.hasData) {
    result = 'no_data';
    reasons.unshift('no scanner output could be read: the gate cannot pass without evidence');
  } else result = reasons.length > 0 ? 'fail' : 'pass';
  if (result === 'pass')
    reasons.push(`no open finding at or above "${policy.fail_on}" without an active exception`);
  const ids = [...new Set(blocking.map((f) => f.id))].sort();
  return {
    result,
    policy,
    reasons,
    counts: { evaluated, blocking: ids.length, excepted, by_severity: bySeverity },
    blocking_ids: ids.slice(0, 200),
    exceptions: {
      active: active.length,
      expired,
      without_expiry: withoutExpiry,
      errors: input.exceptionErrors,
    },
  };
}
