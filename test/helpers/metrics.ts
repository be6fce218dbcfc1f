import type { InventoryEntry } from '../../src/commands/aggregate-api.js';
import { defaultDictionary } from '../../src/commands/aggregate-load.js';
import type { Dictionary } from '../../src/schema/dictionary.js';
import type { Exception } from '../../src/schema/exception.js';
import type { Finding } from '../../src/schema/finding.js';
import type { RunRecord } from '../../src/schema/run.js';
import { buildContext, type MetricContext } from '../../src/metrics/context.js';
import { advanceLifecycle, isMainlineRun, runScopes, type Observation } from '../../src/metrics/lifecycle.js';
import { periodOf } from '../../src/metrics/period.js';
import { countFindings } from '../../src/commands/collect.js';

export const INVENTORY: InventoryEntry[] = [
  {
    application: 'shop',
    owner: '@acme/shop',
    owner_source: 'inventory',
    tier: 'tier-1',
    repos: ['acme/shop'],
    cloud_accounts: ['111'],
    source: 'inv.csv:2',
  },
  { application: 'wiki', tier: 'tier-3', repos: ['acme/wiki'], source: 'inv.csv:3' },
];

export interface Scenario {
  month: string;
  runs?: RunRecord[];
  manual?: Array<{ at: string; findings: Finding[] }>;
  platform?: Finding[];
  inventory?: InventoryEntry[];
  exceptions?: Exception[];
  dict?: (d: Dictionary) => Dictionary;
}

/** The pure pipeline of runAggregate (lifecycle → context), without files. */
export function contextFor(s: Scenario): MetricContext {
  const period = periodOf(s.month);
  const dict = s.dict ? s.dict(defaultDictionary()) : defaultDictionary();
  const runs = s.runs ?? [];
  const observations: Observation[] = [
    ...runs.filter(isMainlineRun).map((r) => ({
      at: r.finished_at,
      origin: 'collected' as const,
      name: `${r.repo} ${r.finished_at}`,
      successScopes: runScopes(r),
      findings: findingsOf(r),
    })),
    ...(s.manual ?? []).map((m) => ({
      at: m.at,
      origin: 'manual' as const,
      name: 'manual',
      successScopes: [],
      findings: m.findings,
    })),
  ];
  const { entries, stats } = advanceLifecycle({
    prior: null,
    observations,
    platform: s.platform ?? [],
    period,
  });
  const errors: string[] = [];
  return buildContext(
    {
      period,
      dict,
      entries,
      lifecycle: stats,
      runs: runs.map((r) => ({ run: r, origin: r.run_id })),
      inventory: s.inventory ?? INVENTORY,
      exceptions: s.exceptions ?? [],
      manualCoverage: [],
      provenance: {
        dictionaryProblems: {},
        inventoryProvided: true,
        inventoryErrors: [],
        exceptionsProvided: (s.exceptions ?? []).length > 0,
        exceptionErrors: [],
        recordProblems: [],
        sourceProblems: [],
        manualFiles: [],
      },
      otherInputsInPeriod: (s.platform ?? []).length + (s.manual ?? []).length,
    },
    errors,
  );
}

const RUN_FINDINGS = new WeakMap<RunRecord, Finding[]>();
/** Attach findings to a run (run records do not carry them; findings.jsonl does). */
export function withFindings(run: RunRecord, findings: Finding[]): RunRecord {
  RUN_FINDINGS.set(run, findings);
  run.counts = countFindings(findings);
  return run;
}
function findingsOf(r: RunRecord): Finding[] {
  return RUN_FINDINGS.get(r) ?? [];
}
