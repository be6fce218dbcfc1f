import { describe, expect, it } from 'vitest';
import { withRecord, type TrackedFinding } from '../../../src/metrics/context.js';
import type { Finding } from '../../../src/schema/finding.js';
import { contextFor, withFindings } from '../../helpers/metrics.js';
import { makeFinding, makeRun } from '../../helpers/records.js';

// The TrackedFinding the context builds (a class: what can be read off the entry, the record, the
// mapping and the duplicate link are getters, the flags share one number) reads the same as the
// plain object it replaced, and `withRecord` keeps every field but the record.

const FIELDS = [
  'entry',
  'finding',
  'key',
  'severity',
  'application',
  'mapping',
  'tier',
  'owner',
  'owner_source',
  'clock_start',
  'sla_days',
  'due',
  'due_basis',
  'exception',
  'duplicate_of',
  'duplicate_reason',
  'noisy',
  'counted',
  'open',
  'age_days',
  'overdue',
] as const satisfies ReadonlyArray<keyof TrackedFinding>;

const plain = (t: TrackedFinding) => Object.fromEntries(FIELDS.map((k) => [k, t[k]]));

function context() {
  const crit = (key: string, o: Partial<Finding> = {}) => makeFinding({ key, severity: 'critical', ...o });
  return contextFor({
    month: '2026-11',
    runs: [
      withFindings(makeRun({ at: '2026-10-01T00:00:00Z' }), [crit('late'), crit('fixed'), crit('dup')]),
      withFindings(makeRun({ at: '2026-11-20T00:00:00Z' }), [
        crit('late'),
        crit('dup', { state: 'duplicate', state_reason: 'same as late' }),
        makeFinding({ key: 'fresh', severity: 'low' }),
      ]),
    ],
  });
}

describe('TrackedFinding from the context', () => {
  it('reads its derived fields off the entry, the record and the mapping', () => {
    const ctx = context();
    const by = (key: string) => ctx.findings.find((t) => t.finding.rule_id === `rule/${key}`)!;
    for (const t of ctx.findings) {
      expect(t.key).toBe(t.entry.key);
      expect(t.severity).toBe(t.finding.severity);
      expect(t.application).toBe(t.mapping.application);
      expect(t.duplicate_of).toBeNull();
      expect(t.duplicate_reason).toBeNull();
    }
    expect(by('late')).toMatchObject({ open: true, overdue: true, counted: true, due_basis: 'sla' });
    expect(by('late').application).toBe('shop');
    expect(by('fixed')).toMatchObject({ open: false, overdue: false, counted: true });
    expect(by('fixed').entry.state).toBe('fixed');
    expect(by('dup')).toMatchObject({ counted: false });
    expect(by('fresh')).toMatchObject({ open: true, overdue: false, counted: true, severity: 'low' });
  });

  it('withRecord: another copy of the record, every other field as it was', () => {
    const ctx = context();
    for (const t of ctx.findings) {
      const copy = { ...t.finding };
      const w = withRecord(t, copy);
      expect(w.finding).toBe(copy);
      expect({ ...plain(w), finding: null }).toEqual({ ...plain(t), finding: null });
      expect(t.finding).not.toBe(copy); // the original is unchanged
    }
    // A plain object (as tests and other callers build them) works the same way.
    const t = plain(ctx.findings[0]!) as unknown as TrackedFinding;
    const copy = { ...t.finding };
    expect(plain(withRecord(t, copy))).toEqual({ ...plain(t), finding: copy });
  });
});
