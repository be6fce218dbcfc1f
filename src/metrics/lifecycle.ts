import type { ConfidenceLabel, Finding, State } from '../schema/finding.js';
import type { RunRecord } from '../schema/run.js';
import { controlOf } from '../gate/coverage.js';
import { toTime, type Period } from './period.js';

/**
 * Lifecycle (METRICS.md "Lifecycle states" and "Closing rule"): first_seen, last_seen, closed date and
 * state of every finding at the period end, from the runs that observed it. A finding is fixed only when
 * the same tool ran successfully on the same scope and did not report it; a failed, partial or missing
 * run closes nothing; a reopened finding keeps its first_seen. Pure: the same inputs give the same result.
 */

export type Origin = 'collected' | 'platform' | 'manual';

/** One observation of a set of findings: a collected run, or a manual export. */
export interface Observation {
  /** When it was observed, ISO 8601. */
  at: string;
  origin: Origin;
  /** Human name for traces: `acme/shop run r1-…`, `manual/pentest.sarif`. */
  name: string;
  /** Scopes (`repo|tool|control`) that ran successfully: the only scopes this observation can close. */
  successScopes: string[];
  findings: Finding[];
}

export interface LifecycleEntry {
  /** `repo-or-product|identity id`: one entry per finding per repo. */
  key: string;
  id: string;
  repo: string | null;
  first_seen: string;
  /** First time a collected run, export or alert was observed by us (ignores platform created dates). */
  first_observed: string;
  last_seen: string;
  closed_at: string | null;
  state: State;
  state_reason: string | null;
  reopened: number;
  /** Scope → last time the finding was reported in that scope. */
  scopes: Record<string, string>;
  /** Distinct `origin:tool` pairs that reported it (more than one = merged across sources or tools). */
  reporters: string[];
  origin: Origin;
  confidence: ConfidenceLabel;
  /** The latest record that reported it. */
  finding: Finding;
}

export interface LifecycleStats {
  /** Records read in the observations of this period (scanner events). */
  records: number;
  /** Records folded into an entry already reported by the same observation (same identity twice). */
  mergedWithinObservation: number;
  /** Observations applied (runs in the period after the prior snapshot). */
  observations: number;
  /** Entries reopened during the period. */
  reopened: number;
  /** Entries closed by the closing rule during the period. */
  closedByRule: number;
}

const CLOSED: ReadonlySet<State> = new Set(['fixed', 'false_positive', 'not_applicable']);

export function isClosedState(s: State): boolean {
  return CLOSED.has(s);
}

export function entryKey(f: Pick<Finding, 'repo' | 'product' | 'id'>): string {
  // join, not a template literal: V8 builds a template's result as a cons string, which keeps a
  // 32-byte wrapper alive beside the flattened text for every entry held (half a million at scale);
  // join writes one flat string.
  return [(f.repo ?? f.product ?? '').toLowerCase(), f.id].join('|');
}

export function scopeKey(repo: string | null, tool: string, control: string): string {
  return `${(repo ?? '').toLowerCase()}|${tool.trim().toLowerCase()}|${control}`;
}

export function findingScope(f: Finding): string {
  return scopeKey(f.repo ?? f.product, f.source_tool, controlOf(f.category) ?? 'other');
}

/**
 * Scopes a collected run covered successfully: a control whose evidence file was read (`ok`) and whose
 * tool reported success. Files with `tool_error`, `error` or `skipped` give no scope.
 */
export function runScopes(run: RunRecord): string[] {
  const repo = run.repo ?? run.product;
  const toolsByFile = new Map(run.inputs.map((i) => [i.path, (i.tool ?? '').split(', ').filter(Boolean)]));
  const out = new Set<string>();
  for (const [control, cov] of Object.entries(run.coverage)) {
    for (const ev of cov.evidence) {
      if (ev.status !== 'ok') continue;
      const tools = toolsByFile.get(ev.file) ?? cov.tools.map((t) => t.name);
      for (const tool of tools) out.add(scopeKey(repo, tool, control));
    }
  }
  return [...out].sort();
}

/** Runs on pull requests and feature branches preview code that is not the product: they do not feed the lifecycle. */
export function isMainlineRun(run: RunRecord): boolean {
  const k = run.event.kind;
  if (k === 'pull_request') return false;
  if (k === 'other' && run.ref?.startsWith('refs/heads/') && run.default_branch)
    return run.ref === `refs/heads/${run.default_branch}`;
  return true;
}

function earliest(a: string, b: string | null | undefined): string {
  if (!b) return a;
  const tb = toTime(b);
  return Number.isFinite(tb) && tb < toTime(a) ? new Date(tb).toISOString() : a;
}

function reporterOf(origin: Origin, f: Finding): string {
  return `${origin}:${f.source_tool}`;
}

/** Copy entries so the prior snapshot is never mutated. */
function cloneEntries(entries: readonly LifecycleEntry[], scopes: ScopeMaps): Map<string, LifecycleEntry> {
  const m = new Map<string, LifecycleEntry>();
  for (const e of entries)
    m.set(e.key, { ...e, scopes: scopes.with(e.scopes, null, null), reporters: [...e.reporters] });
  return m;
}

/**
 * Scope maps (`LifecycleEntry.scopes`) shared by the entries that have the same one, in the same
 * key order: the findings one run of one tool reported in a repo all have `{ scope: at }`. Shared
 * objects are frozen and never written into: a change gives another one (copy on write). Objects of
 * their own cost more than their values: past ~1,500 distinct scope keys V8 gives each object that
 * gets a new key its own hidden class (~150 bytes per entry). Bounded: past `MAX` distinct maps,
 * new ones are not shared.
 */
export class ScopeMaps {
  static readonly MAX = 1 << 16;
  private readonly known = new Map<string, Record<string, string>>();

  /**
   * `scopes` with `scope` set to `at` (where it is, or added last), or removed when `at` is null;
   * `scope` null: `scopes` as it is. Equal to what writing into a copy of `scopes` would give.
   */
  with(
    scopes: Readonly<Record<string, string>>,
    scope: string | null,
    at: string | null,
  ): Record<string, string> {
    const keys = Object.keys(scopes);
    let id = '';
    let found = false;
    for (const k of keys) {
      if (k === scope) {
        found = true;
        if (at === null) continue;
        id += `${k}\u0000${at}\u0000`;
      } else id += `${k}\u0000${scopes[k]}\u0000`;
    }
    if (scope !== null && at !== null && !found) id += `${scope}\u0000${at}\u0000`;
    const known = this.known.get(id);
    if (known !== undefined) return known;
    const next: Record<string, string> = {};
    for (const k of keys) if (k !== scope || at !== null) next[k] = k === scope ? at! : scopes[k]!;
    if (scope !== null && at !== null && !found) next[scope] = at;
    if (this.known.size < ScopeMaps.MAX) this.known.set(id, Object.freeze(next));
    return next;
  }
}

/**
 * Reporter lists shared by the entries that have the same one (a few distinct lists for hundreds of
 * thousands of entries). Lists are never written into: `observe` replaces an entry's list.
 */
type ReporterLists = Map<string, string[]>;

function withReporter(lists: ReporterLists, reporters: readonly string[], rep: string): string[] {
  const next = [...reporters, rep].sort();
  const k = next.join('\n');
  const known = lists.get(k);
  if (known) return known;
  if (lists.size < 4096) lists.set(k, next);
  return next;
}

/** Scopes of an entry no run reported yet (shared, frozen). */
const NO_SCOPES: Readonly<Record<string, string>> = Object.freeze({});

function observe(
  entries: Map<string, LifecycleEntry>,
  f: Finding,
  at: string,
  origin: Origin,
  stats: LifecycleStats,
  lists: ReporterLists = new Map(),
  scopeMaps: ScopeMaps = new ScopeMaps(),
): LifecycleEntry {
  const key = entryKey(f);
  let e = entries.get(key);
  const scope = findingScope(f);
  if (!e) {
    e = {
      key,
      id: f.id,
      repo: f.repo ?? f.product,
      first_seen: earliest(at, f.first_seen),
      first_observed: at,
      last_seen: at,
      closed_at: null,
      state: 'open',
      state_reason: null,
      reopened: 0,
      scopes: NO_SCOPES,
      reporters: [],
      origin,
      confidence: f.confidence,
      finding: f,
    };
    entries.set(key, e);
  }
  // Same value; the entry shares the latest record's string instead of keeping the first one's.
  if (e.id === f.id) e.id = f.id;
  e.first_seen = earliest(e.first_seen, f.first_seen);
  e.last_seen = toTime(at) > toTime(e.last_seen) ? at : e.last_seen;
  if (e.scopes[scope] !== at) e.scopes = scopeMaps.with(e.scopes, scope, at);
  const rep = reporterOf(origin, f);
  if (!e.reporters.includes(rep)) e.reporters = withReporter(lists, e.reporters, rep);
  e.finding = f;
  e.origin = origin;
  e.confidence = f.confidence;
  if (f.state === 'open' || f.state === 'suppressed' || f.state === 'accepted_risk') {
    if (isClosedState(e.state)) {
      e.reopened++;
      stats.reopened++;
      e.closed_at = null;
    }
    e.state = f.state;
    e.state_reason = f.state_reason;
  } else if (f.state !== 'duplicate') {
    if (!isClosedState(e.state)) e.closed_at = f.closed_at ?? at;
    e.state = f.state;
    e.state_reason = f.state_reason;
  }
  return e;
}

export interface LifecycleInput {
  /** Entries of the last snapshot before this period (null: start from nothing). */
  prior: { as_of: string; entries: readonly LifecycleEntry[] } | null;
  observations: readonly Observation[];
  /** Platform alerts: they carry their own state and dates. */
  platform: readonly Finding[];
  period: Period;
}

export function advanceLifecycle(input: LifecycleInput): {
  entries: LifecycleEntry[];
  stats: LifecycleStats;
} {
  const lc = createLifecycle(input.prior, input.period);
  const obs = input.observations.filter((o) => lc.accepts(o.at)).sort(observationOrder);
  for (const o of obs) lc.observe(o);
  return lc.finish(input.platform);
}

/** The order observations are applied in: time, then name (stable for equal keys). */
export function observationOrder(
  a: Pick<Observation, 'at' | 'name'>,
  b: Pick<Observation, 'at' | 'name'>,
): number {
  return toTime(a.at) - toTime(b.at) || a.name.localeCompare(b.name);
}

export interface Lifecycle {
  /** Does an observation at `at` feed this period (after the prior snapshot, before the period end)? */
  accepts(at: string): boolean;
  /** The latest record of the entry `f` belongs to, if there is one yet. */
  latest(f: Pick<Finding, 'repo' | 'product' | 'id'>): Finding | undefined;
  /** Apply one observation; call in `observationOrder`, only for accepted ones. */
  observe(o: Observation): void;
  /** Apply the platform alerts and return the entries (sorted by key) and the stats. */
  finish(platform: readonly Finding[]): { entries: LifecycleEntry[]; stats: LifecycleStats };
}

/**
 * The lifecycle as a fold over observations, so a caller can feed one run at a time and let its
 * records go (memory does not grow with the number of runs). `advanceLifecycle` is this, all at once.
 */
export function createLifecycle(prior: LifecycleInput['prior'], period: Period): Lifecycle {
  const end = period.end.getTime();
  const after = prior ? toTime(prior.as_of) : -Infinity;
  const scopeMaps = new ScopeMaps();
  const entries = cloneEntries(prior?.entries ?? [], scopeMaps);
  const stats: LifecycleStats = {
    records: 0,
    mergedWithinObservation: 0,
    observations: 0,
    reopened: 0,
    closedByRule: 0,
  };
  const byScope = new Map<string, Set<string>>();
  const lists: ReporterLists = new Map();
  for (const e of entries.values()) for (const s of Object.keys(e.scopes)) addScope(byScope, s, e.key);

  return {
    latest(f) {
      return entries.get(entryKey(f))?.finding;
    },
    accepts(at) {
      const t = toTime(at);
      return Number.isFinite(t) && t > after && t < end;
    },
    observe(o) {
      stats.observations++;
      const at = new Date(toTime(o.at)).toISOString();
      const seen = new Set<string>();
      for (const f of o.findings) {
        stats.records++;
        const key = entryKey(f);
        if (seen.has(key)) stats.mergedWithinObservation++;
        seen.add(key);
        const e = observe(entries, f, at, o.origin, stats, lists, scopeMaps);
        addScope(byScope, findingScope(f), e.key);
      }
      // Closing rule: only scopes this run covered successfully.
      for (const scope of o.successScopes) {
        for (const key of byScope.get(scope) ?? []) {
          if (seen.has(key)) continue;
          const e = entries.get(key)!;
          if (isClosedState(e.state) || e.state === 'accepted_risk') continue;
          const lastHere = e.scopes[scope];
          if (!lastHere || toTime(lastHere) >= toTime(at)) continue;
          // Absent here; fixed only when every scope that ever reported it has since run without it.
          e.scopes = scopeMaps.with(e.scopes, scope, null);
          byScope.get(scope)?.delete(key);
          if (Object.keys(e.scopes).length === 0) {
            e.state = 'fixed';
            e.closed_at = at;
            e.state_reason = `not reported by the successful ${scope.split('|')[1]} run of ${o.name}`;
            stats.closedByRule++;
          }
        }
      }
    },
    finish(platform) {
      for (const f of platform) applyPlatform(entries, f, end, stats, lists, scopeMaps);
      const out = [...entries.values()].sort((a, b) => a.key.localeCompare(b.key));
      // The caller keeps the result, not the fold: let the maps go.
      entries.clear();
      byScope.clear();
      return { entries: out, stats };
    },
  };
}

function addScope(byScope: Map<string, Set<string>>, scope: string, key: string): void {
  let s = byScope.get(scope);
  if (!s) byScope.set(scope, (s = new Set()));
  s.add(key);
}

/** A platform alert says its own state and dates; we read them as of the period end. */
function applyPlatform(
  entries: Map<string, LifecycleEntry>,
  f: Finding,
  end: number,
  stats: LifecycleStats,
  lists: ReporterLists,
  scopeMaps: ScopeMaps,
): void {
  const created = toTime(f.first_seen);
  if (Number.isFinite(created) && created >= end) return;
  stats.records++;
  const closed = toTime(f.closed_at);
  const closedBeforeEnd = Number.isFinite(closed) && closed < end;
  const seenAt = new Date(
    Math.min(end - 1, Number.isFinite(toTime(f.last_seen)) ? toTime(f.last_seen) : end - 1),
  ).toISOString();
  const asOfEnd: Finding =
    f.state !== 'open' && Number.isFinite(closed) && !closedBeforeEnd
      ? { ...f, state: 'open', closed_at: null }
      : f;
  const prev = entries.get(entryKey(f));
  // A collected run newer than the alert's closing wins: it still saw the finding.
  if (
    prev &&
    isClosedState(asOfEnd.state) &&
    closedBeforeEnd &&
    toTime(prev.last_seen) > closed &&
    prev.state === 'open'
  )
    return;
  const e = observe(entries, asOfEnd, seenAt, 'platform', stats, lists, scopeMaps);
  if (isClosedState(asOfEnd.state) && asOfEnd.closed_at) e.closed_at = new Date(closed).toISOString();
}
