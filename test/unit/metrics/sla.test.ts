import { describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../../src/commands/aggregate-load.js';
import { dueDate, parseKev, slaDays } from '../../../src/metrics/sla.js';
import type { Dictionary } from '../../../src/schema/dictionary.js';

const d = defaultDictionary();
const withSla = (sla: Partial<Dictionary['sla']>): Dictionary => ({ ...d, sla: { ...d.sla, ...sla } });

describe('SLA days (METRICS.md presets, overrides, per tier)', () => {
  it.each([
    ['default', 'critical', 7],
    ['default', 'high', 30],
    ['default', 'medium', 90],
    ['default', 'low', 120],
    ['default', 'info', null],
    ['fedramp', 'critical', 30],
    ['fedramp', 'low', 180],
    ['pci', 'critical', 30],
    ['pci', 'high', 30],
  ] as const)('%s %s → %s', (preset, sev, days) =>
    expect(slaDays(withSla({ preset }), sev, null)).toBe(days),
  );

  it('per-severity and per-tier overrides, tier first', () => {
    const dict = withSla({ days: { critical: 5 }, tiers: { 'tier-1': { critical: 3 } } });
    expect(slaDays(dict, 'critical', 'tier-1')).toBe(3);
    expect(slaDays(dict, 'critical', 'tier-2')).toBe(5);
    expect(slaDays(dict, 'high', 'tier-1')).toBe(30);
  });

  it('a CISA KEV due date earlier than the SLA caps it (end of that day, UTC)', () => {
    const kev = parseKev({
      vulnerabilities: [{ cveID: 'CVE-2021-44228', dueDate: '2021-12-24' }, { cveID: 'bad' }],
    });
    expect(kev.size).toBe(1);
    expect(dueDate('2021-12-10T00:00:00Z', 30, ['cve-2021-44228'], kev)).toEqual({
      days: 30,
      due: '2021-12-25T00:00:00.000Z',
      basis: 'kev',
    });
    expect(dueDate('2021-12-10T00:00:00Z', 7, ['CVE-2021-44228'], kev)).toEqual({
      days: 7,
      due: '2021-12-17T00:00:00.000Z',
      basis: 'sla',
    });
    expect(dueDate('2021-12-10T00:00:00Z', null, [], kev)).toEqual({ days: null, due: null, basis: null });
  });
});
