import { describe, expect, it } from 'vitest';
import { assessConfidence } from '../../../src/metrics/confidence.js';
import { counted, openAtEnd, type MetricContext, type TrackedFinding } from '../../../src/metrics/context.js';
import {
  countByApplication,
  countBySeverity,
  countByTier,
  perApplication,
  SEVERITY_LIST,
  UNMAPPED,
} from '../../../src/metrics/definitions/types.js';
import { distortionReview } from '../../../src/metrics/distortion.js';
import { dueDate, slaDays } from '../../../src/metrics/sla.js';
import type { Finding } from '../../../src/schema/finding.js';
import { makeFinding } from '../../helpers/factory.js';
import { contextFor } from '../../helpers/metrics.js';

// The metric code counts each population in one pass (1,000,000 findings: the filters per row and
// per reason were most of the metric time). These tests hold the one-pass code to the filter-per-row
// code it replaced, kept here as the reference, on populations that exercise every branch.

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
const REPOS = ['acme/shop', 'acme/wiki', 'acme/unknown', 'other/thing'];
const CATEGORIES = ['sast', 'iac', 'container', 'secret'] as const;

/** A mixed population: severities, mapped and unmapped repos, inferred severities, owners. */
function population(n: number): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      makeFinding({
        severity: SEVERITIES[i % 5]!,
        severity_source: i % 3 === 0 ? 'level' : i % 7 === 0 ? 'default' : 'tool',
        repo: REPOS[i % 4]!,
        product: null,
        category: CATEGORIES[i % 4]!,
        source_tool: i % 6 === 0 ? 'Semgrep' : 'CodeQL',
        rule_id: i % 6 === 0 ? (i % 12 === 0 ? 'generic.secrets.x' : 'python.flask.y') : 'js/xss',
        owner: i % 5 === 0 ? '@someone' : null,
        owner_source: i % 5 === 0 ? 'record' : null,
        first_seen: '2026-11-02T00:00:00.000Z',
      }),
    );
  return out;
}

function ctxOf(findings: Finding[]): MetricContext {
  return contextFor({
    month: '2026-11',
    manual: [{ at: '2026-11-03T00:00:00.000Z', findings }],
    dict: (d) => ({
      ...d,
      noisy: [
        { tool: 'semgrep', rule: 'GENERIC.*', reason: 'secrets pack is noisy' },
        { tool: 'nosuch', reason: 'never matches' },
      ],
    }),
  });
}

// --- the reference implementations (filter per row) ---

function refByTier(ctx: MetricContext, sel: readonly TrackedFinding[], pop?: readonly TrackedFinding[]) {
  const rows = ctx.dict.tiers.map((t) => {
    const row: { key: string; value: number; detail?: Record<string, number> } = {
      key: t.id,
      value: sel.filter((f) => f.tier === t.id).length,
    };
    if (pop) row.detail = { of: pop.filter((f) => f.tier === t.id).length };
    return row;
  });
  const un = sel.filter((f) => f.tier === null).length;
  if (un > 0 || (pop && pop.some((f) => f.tier === null)))
    rows.push({
      key: UNMAPPED,
      value: un,
      ...(pop ? { detail: { of: pop.filter((f) => f.tier === null).length } } : {}),
    });
  return rows;
}

function refConfidenceReasons(fs: readonly TrackedFinding[], threshold: number): string[] {
  const reasons: string[] = [];
  const inferred = fs.filter(
    (f) => f.finding.severity_source === 'level' || f.finding.severity_source === 'default',
  ).length;
  if (inferred / fs.length > threshold) reasons.push('inferred');
  if (fs.filter((f) => f.mapping.method === 'rule').length > 0) reasons.push('rule');
  const none = fs.filter((f) => f.mapping.method === 'none').length;
  if (none > 0) reasons.push(`${none} none`);
  const owners = fs.filter(
    (f) => f.owner_source && !['inventory', 'custom-property', 'tracker'].includes(f.owner_source),
  ).length;
  if (owners > 0) reasons.push(`${owners} owners`);
  return reasons;
}

describe('metrics counted in one pass agree with the filter-per-row code', () => {
  const ctx = ctxOf(population(240));
  const all = counted(ctx);
  const open = openAtEnd(ctx);

  it('by tier (with and without a population), by severity, by application', () => {
    expect(all.length).toBe(240);
    const some = all.filter((_, i) => i % 3 === 0);
    expect(countByTier(ctx, some).rows).toEqual(refByTier(ctx, some));
    expect(countByTier(ctx, some, all).rows).toEqual(refByTier(ctx, some, all));
    // The unmapped row is kept when only the population has unmapped findings.
    const mappedOnly = all.filter((f) => f.tier !== null);
    expect(countByTier(ctx, mappedOnly, all).rows.at(-1)).toEqual({
      key: UNMAPPED,
      value: 0,
      detail: { of: all.filter((f) => f.tier === null).length },
    });
    expect(countBySeverity(some).rows).toEqual(
      SEVERITY_LIST.map((s) => ({ key: s, value: some.filter((f) => f.severity === s).length })),
    );
    const apps = countByApplication(all, true).rows;
    for (const row of apps) {
      const group = all.filter((f) => (f.application ?? UNMAPPED) === row.key);
      expect(row.value).toBe(group.length);
      expect(row.detail).toEqual(
        Object.fromEntries(SEVERITY_LIST.map((s) => [s, group.filter((f) => f.severity === s).length])),
      );
    }
    expect(apps.at(-1)!.key).toBe(UNMAPPED);
  });

  it('perApplication groups in first-seen order within each application, unmapped last', () => {
    const rows = perApplication(all, (g) => ({ value: g.length, detail: { first: g[0]!.severity.length } }));
    expect(rows.map((r) => r.key)).toEqual(['shop', 'wiki', UNMAPPED]);
    for (const r of rows) {
      const group = all.filter((f) => (f.application ?? UNMAPPED) === r.key);
      expect(r.value).toBe(group.length);
      expect(r.detail).toEqual({ first: group[0]!.severity.length });
    }
  });

  it('confidence: the same reasons and counts as six filters', () => {
    for (const fs of [all, open, all.slice(0, 7), all.filter((f) => f.severity === 'info')]) {
      const c = assessConfidence(
        ctx,
        { findings: fs, severity: true, inventory: true, ownerSources: true },
        false,
      );
      const ref = refConfidenceReasons(fs, ctx.dict.inferred_severity_threshold);
      expect(c.reasons.some((r) => r.includes('severities were inferred'))).toBe(ref.includes('inferred'));
      const none = ref.find((r) => r.endsWith(' none'));
      expect(c.reasons.find((r) => r.includes('could not be mapped'))?.split(' ')[1]).toBe(
        none ? `${none.split(' ')[0]}` : undefined,
      );
      const owners = ref.find((r) => r.endsWith(' owners'));
      expect(c.reasons.find((r) => r.includes('owner(s) inferred'))?.split(' ')[1]).toBe(
        owners ? owners.split(' ')[0] : undefined,
      );
      // Asked again for the same population: the same answer (the tally is kept per array).
      expect(
        assessConfidence(ctx, { findings: fs, severity: true, inventory: true, ownerSources: true }, false),
      ).toEqual(c);
    }
  });

  it('noisy rules: globs match case-insensitively per tool; a rule-less entry matches the whole tool', () => {
    const noisy = all.filter((f) => f.noisy);
    expect(noisy.length).toBeGreaterThan(0);
    expect(noisy.every((f) => f.finding.rule_id === 'generic.secrets.x')).toBe(true);
    expect(all.filter((f) => f.finding.rule_id === 'generic.secrets.x').length).toBe(noisy.length);
  });

  it('distortion review: counts per reason in first-seen order, details clipped to 20 lines', () => {
    const review = distortionReview(ctx);
    const unmapped = all.filter((f) => f.mapping.method === 'none');
    const reasons = [...new Set(unmapped.map((f) => f.mapping.reason))];
    expect(review.find((d) => d.id === 'unmapped')!.detail).toEqual(
      reasons.map((r) => `${unmapped.filter((f) => f.mapping.reason === r).length} finding(s): ${r}`),
    );
    const infra = review.find((d) => d.id === 'infra_unmapped')!;
    const infraList = unmapped.filter((f) => ['cloud', 'iac', 'container'].includes(f.finding.category));
    expect(infra.count).toBe(infraList.length);
    expect(infraList.length).toBeGreaterThan(21);
    expect(infra.detail).toHaveLength(21);
    expect(infra.detail[0]).toContain(infraList[0]!.finding.finding_title);
    expect(infra.detail[19]).toContain(infraList[19]!.finding.finding_title);
    expect(infra.detail[20]).toBe(`… and ${infraList.length - 20} more`);
    const noisy = review.find((d) => d.id === 'noisy_rules')!;
    const noisyOpen = open.filter((f) => f.noisy);
    expect(noisy.count).toBe(noisyOpen.length);
    expect(noisy.detail).toEqual([
      `semgrep GENERIC.*: ${noisyOpen.length} of ${open.length} open finding(s) (${Math.round((100 * noisyOpen.length) / open.length)}%) — secrets pack is noisy`,
    ]);
  });

  it('memoized mappings and due dates equal what the mapper and dueDate give for each finding', () => {
    for (const f of ctx.findings) {
      expect(f.mapping).toEqual(ctx.mapper.map(f.finding));
      const days = slaDays(ctx.dict, f.severity, f.tier ?? ctx.dict.default_tier);
      expect(f.sla_days).toBe(days);
      expect(f.due).toBe(dueDate(f.clock_start, days, f.finding.cve, undefined).due);
    }
    // With a mapping rule the mapper reads more than repo, account and product: no memo by those.
    const ruled = contextFor({
      month: '2026-11',
      manual: [
        {
          at: '2026-11-03T00:00:00.000Z',
          findings: [
            makeFinding({ repo: 'acme/unknown', product: null, rule_id: 'a' }),
            makeFinding({ repo: 'acme/unknown', product: null, rule_id: 'b', source_tool: 'Semgrep' }),
          ],
        },
      ],
      dict: (d) => ({ ...d, mapping: [{ application: 'wiki', tool: 'Semgrep', reason: 'infra' }] }),
    });
    expect(ruled.findings.map((f) => f.mapping.method).sort()).toEqual(['none', 'rule']);
  });
});
