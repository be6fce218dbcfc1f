import type { InventoryEntry, SourceProblem } from '../commands/aggregate-api.js';
import type { Dictionary, MetricId, NoisyRule } from '../schema/dictionary.js';
import type { Exception } from '../schema/exception.js';
import type { Finding, Severity } from '../schema/finding.js';
import type { Control, RunRecord } from '../schema/run.js';
import { exceptionStatus, type ExceptionStatus } from '../exceptions/load.js';
import { ExceptionIndex } from '../exceptions/match.js';
import {
  buildApplications,
  makeMapper,
  resolveOwner,
  type Application,
  type Mapper,
  type Mapping,
  normRepo,
} from '../inventory/mapping.js';
import picomatch from 'picomatch';
import { addTo } from '../util/group.js';
import { linkDuplicates, type DuplicateLink } from './dedup.js';
import { isClosedState, isMainlineRun, type LifecycleEntry, type LifecycleStats } from './lifecycle.js';
import { daysBetween, toTime, type Period } from './period.js';
import { dueDate, slaDays, type KevCatalog } from './sla.js';

/** A finding as the metrics see it: lifecycle + mapping + owner + SLA + exception + dedup link. */
export interface TrackedFinding {
  entry: LifecycleEntry;
  finding: Finding;
  key: string;
  severity: Severity;
  application: string | null;
  mapping: Mapping;
  tier: string | null;
  owner: string | null;
  owner_source: string | null;
  clock_start: string;
  sla_days: number | null;
  due: string | null;
  due_basis: 'sla' | 'kev' | null;
  exception: Exception | null;
  duplicate_of: string | null;
  duplicate_reason: string | null;
  noisy: NoisyRule | null;
  /** false for linked duplicates and records whose own state is duplicate: they are never counted twice. */
  counted: boolean;
  /** Open at the period end (state open). */
  open: boolean;
  /** Days from clock start to the period end (open) or to the closed date. */
  age_days: number;
  /** Open at the period end and past its due date. */
  overdue: boolean;
}

const COUNTED = 1;
const OPEN = 2;
const OVERDUE = 4;
const DUE_SLA = 8;
const DUE_KEV = 16;

/**
 * The `TrackedFinding` the context builds: what can be read off the entry, the record, the mapping
 * and the duplicate link is a getter, and the four flags share one number, so each of the half a
 * million findings held at scale costs 14 fields instead of 21 (the interface is unchanged; tests
 * may still pass plain objects).
 */
class Tracked implements TrackedFinding {
  constructor(
    readonly entry: LifecycleEntry,
    public finding: Finding,
    readonly mapping: Mapping,
    readonly tier: string | null,
    readonly owner: string | null,
    readonly owner_source: string | null,
    readonly clock_start: string,
    readonly sla_days: number | null,
    readonly due: string | null,
    readonly exception: Exception | null,
    private readonly link: DuplicateLink | null,
    readonly noisy: NoisyRule | null,
    readonly age_days: number,
    private readonly flags: number,
  ) {}
  get key(): string {
    return this.entry.key;
  }
  get severity(): Severity {
    return this.finding.severity;
  }
  get application(): string | null {
    return this.mapping.application;
  }
  get due_basis(): 'sla' | 'kev' | null {
    return this.flags & DUE_SLA ? 'sla' : this.flags & DUE_KEV ? 'kev' : null;
  }
  get duplicate_of(): string | null {
    return this.link?.duplicate_of ?? null;
  }
  get duplicate_reason(): string | null {
    return this.link?.reason ?? null;
  }
  get counted(): boolean {
    return (this.flags & COUNTED) !== 0;
  }
  get open(): boolean {
    return (this.flags & OPEN) !== 0;
  }
  get overdue(): boolean {
    return (this.flags & OVERDUE) !== 0;
  }
  /** The same tracked finding with another copy of its record (e.g. the full one behind a lean copy). */
  withFinding(finding: Finding): Tracked {
    return new Tracked(
      this.entry,
      finding,
      this.mapping,
      this.tier,
      this.owner,
      this.owner_source,
      this.clock_start,
      this.sla_days,
      this.due,
      this.exception,
      this.link,
      this.noisy,
      this.age_days,
      this.flags,
    );
  }
}

/** `t` with `finding` in place of its record; every other field as it was. */
export function withRecord(t: TrackedFinding, finding: Finding): TrackedFinding {
  return t instanceof Tracked ? t.withFinding(finding) : { ...t, finding };
}

export interface RunInfo {
  run: RunRecord;
  origin: string;
  at: string;
  mainline: boolean;
  application: string | null;
}

/** Evidence that a control ran for an application outside collected runs (manual exports). */
export interface ManualCoverage {
  application: string;
  control: Control;
  at: string;
  file: string;
}

/** What lowered confidence, per input. The engine turns this into a label per metric. */
export interface Provenance {
  /** Dictionary sections replaced by their defaults because they were invalid, with the messages. */
  dictionaryProblems: Record<string, string[]>;
  inventoryProvided: boolean;
  inventoryErrors: string[];
  exceptionsProvided: boolean;
  exceptionErrors: string[];
  recordProblems: string[];
  sourceProblems: SourceProblem[];
  /** Manual export files used this period. */
  manualFiles: string[];
}

export interface MetricContext {
  period: Period;
  dict: Dictionary;
  findings: TrackedFinding[];
  links: DuplicateLink[];
  /** The entries of the links (each link's and its primary's), by key. */
  linkEntries: ReadonlyMap<string, LifecycleEntry>;
  runs: RunInfo[];
  apps: Application[];
  mapper: Mapper;
  exceptions: Array<{ exception: Exception; status: ExceptionStatus }>;
  manualCoverage: ManualCoverage[];
  provenance: Provenance;
  lifecycle: LifecycleStats;
  /** Any input observed in the period (a run, an export, a platform alert)? Without, metrics say no data. */
  hasInputs: boolean;
  /** Inventory repos and whether/when they last reported. */
  repos: Array<{ repo: string; application: string; last_run: string | null }>;
}

export interface ContextInput {
  period: Period;
  dict: Dictionary;
  entries: LifecycleEntry[];
  lifecycle: LifecycleStats;
  runs: Array<{ run: RunRecord; origin: string }>;
  inventory: InventoryEntry[];
  exceptions: Exception[];
  manualCoverage: Array<{
    product: string | null;
    repo: string | null;
    control: Control;
    at: string;
    file: string;
  }>;
  provenance: Provenance;
  kev?: KevCatalog;
  /** Platform findings or manual exports observed in the period. */
  otherInputsInPeriod: number;
  /** Owner per finding id from linked tickets. */
  ticketOwners?: Map<string, { owner: string; owner_source: string }>;
}

const SEV_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export function severityAtLeast(s: Severity, min: Severity): boolean {
  return SEV_ORDER.indexOf(s) <= SEV_ORDER.indexOf(min);
}

/** Compiled rule globs of the dictionary's noisy rules (compiled once, not once per finding). */
const NOISY_MATCHERS = new WeakMap<NoisyRule, (ruleId: string) => boolean>();

function noisyRule(rules: readonly NoisyRule[], f: Finding): NoisyRule | null {
  for (const r of rules) {
    if (r.tool.toLowerCase() !== f.source_tool.toLowerCase()) continue;
    if (!r.rule) return r;
    if (f.rule_id === null) continue;
    let match = NOISY_MATCHERS.get(r);
    if (!match) NOISY_MATCHERS.set(r, (match = picomatch(r.rule, { nocase: true })));
    if (match(f.rule_id)) return r;
  }
  return null;
}

export function buildContext(input: ContextInput, inventoryErrors: string[]): MetricContext {
  const { period, dict } = input;
  const end = period.end.getTime();
  const apps = buildApplications(input.inventory, dict, inventoryErrors);
  const mapper = makeMapper(apps, dict.mapping);
  const exceptions = input.exceptions.map((e) => ({ exception: e, status: exceptionStatus(e, period.end) }));
  const active = new ExceptionIndex(exceptions.filter((x) => x.status === 'active').map((x) => x.exception));
  const linkBy = new Map<LifecycleEntry, DuplicateLink>();
  const linkEntries = new Map<string, LifecycleEntry>();
  const links = linkDuplicates(input.entries, linkBy, linkEntries);

  // Equal mappings and due dates are shared (a few distinct values for hundreds of thousands of
  // findings); nothing writes into them.
  const mappings = new Map<string, Mapping>();
  const dues = new Map<string, string>();
  // Memo tables looked up by strings the findings already hold (pooled, hashed once), so the
  // lookups build no key: a mapping per (repo, account, product) when the dictionary has no mapping
  // rules (the mapper then reads nothing else), a due date per (clock start, SLA days) when no KEV
  // entry can apply (`dueDate` then reads nothing else). Bounded: past MEMO entries, computed.
  const MEMO = 65_536;
  let memoSize = 0;
  const memo2 = <A, B, V>(m: Map<A, Map<B, V>>, a: A, b: B, make: () => V): V => {
    const inner = m.get(a);
    const known = inner?.get(b);
    if (known !== undefined) return known;
    const v = make();
    if (memoSize < MEMO) {
      memoSize++;
      if (inner) inner.set(b, v);
      else m.set(a, new Map([[b, v]]));
    }
    return v;
  };
  const ruleless = dict.mapping.length === 0;
  const mappingsBySource = new Map<string | null, Map<string | null, Map<string | null, Mapping>>>();
  const plainDues = new Map<string, Map<number | null, ReturnType<typeof dueDate>>>();
  const sharedMapping = (mapped: Mapping): Mapping =>
    shared(mappings, `${mapped.application ?? '\u0000'}\u0000${mapped.method}\u0000${mapped.reason}`, mapped);
  const mapFinding = (f: Finding): Mapping => {
    if (!ruleless) return sharedMapping(mapper.map(f));
    const byAccount = memo2(
      mappingsBySource,
      f.repo,
      f.location.account,
      () => new Map<string | null, Mapping>(),
    );
    let m = byAccount.get(f.product);
    if (m === undefined) {
      m = sharedMapping(mapper.map(f));
      if (memoSize < MEMO) {
        memoSize++;
        byAccount.set(f.product, m);
      }
    }
    return m;
  };
  const shared = <T>(m: Map<string, T>, k: string, v: T): T => {
    const known = m.get(k);
    if (known !== undefined) return known;
    if (m.size < 65_536) m.set(k, v);
    return v;
  };
  const findings = input.entries.map((entry): TrackedFinding => {
    const f = entry.finding;
    const mapping = mapFinding(f);
    const app = mapping.application ? mapper.byName(mapping.application) : undefined;
    const tier = app ? app.tier : null;
    const owner = resolveOwner(app, f, input.ticketOwners?.get(f.id));
    const clock_start = dict.remediation_clock === 'first_observed' ? entry.first_observed : entry.first_seen;
    const days = slaDays(dict, f.severity, tier ?? dict.default_tier);
    // Without a KEV entry to consider, the due date depends on the clock start and the days only
    // (a few thousand distinct pairs for hundreds of thousands of findings): computed once per pair.
    const due =
      !input.kev?.size || f.cve.length === 0
        ? memo2(plainDues, clock_start, days, () => dueDate(clock_start, days, f.cve, input.kev))
        : dueDate(clock_start, days, f.cve, input.kev);
    const exception = active.first(f) ?? null;
    const link = linkBy.size ? linkBy.get(entry) : undefined;
    const open = entry.state === 'open';
    const closedAt = toTime(entry.closed_at);
    const ageEnd = open || !Number.isFinite(closedAt) ? end : closedAt;
    const overdue = open && due.due !== null && toTime(due.due) < end;
    const flags =
      (!link && f.state !== 'duplicate' ? COUNTED : 0) |
      (open ? OPEN : 0) |
      (overdue ? OVERDUE : 0) |
      (due.basis === 'sla' ? DUE_SLA : due.basis === 'kev' ? DUE_KEV : 0);
    return new Tracked(
      entry,
      f,
      mapping,
      tier,
      owner.owner,
      owner.owner_source,
      clock_start,
      days,
      due.due === null ? null : shared(dues, due.due, due.due),
      exception,
      link ?? null,
      noisyRule(dict.noisy, f),
      daysBetween(clock_start, ageEnd),
      flags,
    );
  });

  const runs: RunInfo[] = input.runs
    .filter((r) => toTime(r.run.finished_at || r.run.started_at) < end)
    .map((r) => ({
      run: r.run,
      origin: r.origin,
      at: r.run.finished_at || r.run.started_at,
      mainline: isMainlineRun(r.run),
      application:
        mapper.mapRepo(r.run.repo)?.name ??
        (r.run.product ? (mapper.byName(r.run.product)?.name ?? null) : null),
    }))
    .sort((a, b) => toTime(a.at) - toTime(b.at) || a.origin.localeCompare(b.origin));

  const manualCoverage: ManualCoverage[] = [];
  for (const m of input.manualCoverage) {
    if (toTime(m.at) >= end) continue;
    const app = mapper.mapRepo(m.repo) ?? (m.product ? mapper.byName(m.product) : undefined);
    if (app) manualCoverage.push({ application: app.name, control: m.control, at: m.at, file: m.file });
  }

  const lastRunByRepo = new Map<string, string>();
  for (const r of runs) if (r.run.repo) lastRunByRepo.set(r.run.repo.toLowerCase(), r.at);
  // Runs' repos grouped by the application they map to (one mapRepo per repo, not per repo × app).
  const runReposByApp = new Map<string, Array<{ norm: string; at: string }>>();
  for (const [k, at] of lastRunByRepo) {
    const name = mapper.mapRepo(k)?.name;
    if (name === undefined) continue;
    let list = runReposByApp.get(name);
    if (!list) runReposByApp.set(name, (list = []));
    list.push({ norm: normRepo(k), at });
  }
  const repos = apps.flatMap((a) =>
    a.repos.map((repo) => {
      const want = normRepo(repo);
      const hit = (runReposByApp.get(a.name) ?? [])
        .filter(({ norm }) => norm === want || norm.endsWith(`/${want}`) || /[*?[]/.test(want))
        .map(({ norm, at }): [string, string] => [norm, at]);
      const last = hit.map(([, at]) => at).sort((x, y) => toTime(y) - toTime(x))[0] ?? null;
      return { repo, application: a.name, last_run: last };
    }),
  );

  const runsInPeriod = runs.filter((r) => toTime(r.at) >= period.start.getTime()).length;
  return {
    period,
    dict,
    findings,
    links,
    linkEntries,
    runs,
    apps,
    mapper,
    exceptions,
    manualCoverage,
    provenance: { ...input.provenance, inventoryErrors },
    lifecycle: input.lifecycle,
    hasInputs: runsInPeriod + input.otherInputsInPeriod > 0,
    repos,
  };
}

/**
 * The lists several metrics read (`counted`, `openAtEnd`, `periodLists`), each built once per
 * context: every metric asks, and at a million findings each list is megabytes that only a full GC
 * frees. Frozen (shared by every caller).
 */
interface Lists {
  counted?: TrackedFinding[];
  open?: TrackedFinding[];
  period?: PeriodLists;
  exceptionIndex?: ExceptionIndex;
  exceptionCounts?: readonly number[];
}

const LISTS = new WeakMap<MetricContext, Lists & { of: readonly TrackedFinding[] }>();

function lists(ctx: MetricContext): Lists {
  let l = LISTS.get(ctx);
  if (!l || l.of !== ctx.findings) LISTS.set(ctx, (l = { of: ctx.findings }));
  return l;
}

/** Findings that count: not linked duplicates. */
export function counted(ctx: MetricContext): TrackedFinding[] {
  const l = lists(ctx);
  return (l.counted ??= Object.freeze(ctx.findings.filter((f) => f.counted)) as TrackedFinding[]);
}

export function openAtEnd(ctx: MetricContext): TrackedFinding[] {
  const l = lists(ctx);
  return (l.open ??= Object.freeze(counted(ctx).filter((f) => f.open)) as TrackedFinding[]);
}

/** Counted findings by what happened to them in the period, in `counted` order. */
export interface PeriodLists {
  /** Closed (fixed, false positive, not applicable) with a closed date in the period. */
  closed: readonly TrackedFinding[];
  /** First seen in the period. */
  fresh: readonly TrackedFinding[];
  /** By lifecycle state (any date). */
  byState: ReadonlyMap<string, readonly TrackedFinding[]>;
}

/**
 * One pass over the counted findings for the lists the closed, fixed, new and exception metrics
 * and the distortion review each filtered out of every counted finding (1,000,000 findings: a pass
 * costs ~0.1 s, mostly reaching each entry's state and dates).
 */
export function periodLists(ctx: MetricContext): PeriodLists {
  const l = lists(ctx);
  if (l.period) return l.period;
  const start = ctx.period.start.getTime();
  const end = ctx.period.end.getTime();
  const inPeriod = (s: string | null): boolean => {
    const t = toTime(s);
    return Number.isFinite(t) && t >= start && t < end;
  };
  const closed: TrackedFinding[] = [];
  const fresh: TrackedFinding[] = [];
  const byState = new Map<string, TrackedFinding[]>();
  for (const f of counted(ctx)) {
    const e = f.entry;
    if (isClosedState(e.state) && inPeriod(e.closed_at)) closed.push(f);
    if (inPeriod(e.first_seen)) fresh.push(f);
    addTo(byState, e.state, f);
  }
  for (const list of byState.values()) Object.freeze(list);
  return (l.period = { closed: Object.freeze(closed), fresh: Object.freeze(fresh), byState });
}

const NONE: readonly TrackedFinding[] = Object.freeze([]);

/** Every exception of the context (`ctx.exceptions` order, any status), indexed once. */
export function exceptionIndex(ctx: MetricContext): ExceptionIndex {
  const l = lists(ctx);
  return (l.exceptionIndex ??= new ExceptionIndex(ctx.exceptions.map((x) => x.exception)));
}

/**
 * For each exception of the context (in `ctx.exceptions` order, any status), how many findings open
 * at the end of the period it covers: the exception metric and the distortion review both ask.
 */
export function openExceptionCounts(ctx: MetricContext): readonly number[] {
  const l = lists(ctx);
  return (l.exceptionCounts ??= Object.freeze(
    exceptionIndex(ctx).countMatches(openAtEnd(ctx), (f) => f.finding),
  ));
}

/** Counted findings in a lifecycle state (any date), in `counted` order. */
export function inState(ctx: MetricContext, state: string): readonly TrackedFinding[] {
  return periodLists(ctx).byState.get(state) ?? NONE;
}

export type { MetricId };
