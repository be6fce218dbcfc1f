import type { ConfidenceLabel } from '../schema/finding.js';
import type { Confidence } from '../schema/metrics.js';
import type { MetricContext, TrackedFinding } from './context.js';
import { toTime } from './period.js';

/**
 * Confidence labels (METRICS.md): A every input system-generated and trusted; B partly normalized by
 * hand (manual mapping, inferred severities above a threshold, some repos missing); C manually
 * assembled exports. Computed per metric from the inputs that fed it; every lowering names its reason.
 */
export interface Feed {
  /** Findings the metric was computed over (its population, not only the ones it counted). */
  findings?: readonly TrackedFinding[];
  /** The metric depends on severities (SLA, by severity). */
  severity?: boolean;
  /** The metric is broken down or defined by application/tier (needs the inventory and a complete mapping). */
  inventory?: boolean;
  /** The metric depends on which repos reported (findings are missing for silent repos). */
  repoCompleteness?: boolean;
  /** The metric reads the exception log. */
  exceptions?: boolean;
  /** The metric reads collected runs (release gate, coverage, adoption). */
  runs?: boolean;
  /** Owners other than these sources are inferred (ownership metric). */
  ownerSources?: boolean;
  /** Dictionary sections the metric's definition uses. */
  dictionary?: string[];
  /** Manual evidence the metric used outside findings (coverage from manual exports). */
  manualEvidence?: string[];
}

const ORDER: ConfidenceLabel[] = ['A', 'B', 'C'];
const worse = (a: ConfidenceLabel, b: ConfidenceLabel): ConfidenceLabel =>
  ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;

const TRUSTED_OWNER_SOURCES = new Set(['inventory', 'custom-property', 'tracker']);

function pct(n: number, d: number): string {
  return `${Math.round((100 * n) / d)}%`;
}

export function assessConfidence(ctx: MetricContext, feed: Feed, noData: boolean): Confidence {
  if (noData) return { label: 'C', reasons: ['no data for this period: nothing to trust'] };
  let label: ConfidenceLabel = 'A';
  const reasons: string[] = [];
  const lower = (to: ConfidenceLabel, why: string) => {
    label = worse(label, to);
    reasons.push(`${to}: ${why}`);
  };
  const p = ctx.provenance;
  const fs = feed.findings ?? [];
  const t = fs.length > 0 ? tally(fs) : null;
  if (t) {
    const { c, b } = t;
    if (c.length > 0 && c.length * 2 >= fs.length)
      lower(
        'C',
        `${c.length} of ${fs.length} findings come from manually assembled exports (${sourcesOf(c)})`,
      );
    else if (c.length + b.length > 0)
      lower(
        'B',
        `${c.length + b.length} of ${fs.length} findings come from manual or hand-normalized exports (${sourcesOf([...c, ...b])})`,
      );
    if (feed.severity) {
      if (t.inferredSeverity / fs.length > ctx.dict.inferred_severity_threshold)
        lower(
          'B',
          `${pct(t.inferredSeverity, fs.length)} of severities were inferred from SARIF level or a default (threshold ${pct(ctx.dict.inferred_severity_threshold, 1)})`,
        );
    }
    if (feed.inventory) {
      if (t.rule > 0) lower('B', `${t.rule} finding(s) mapped to applications by manual mapping rules`);
      if (t.none > 0)
        lower('B', `${t.none} finding(s) could not be mapped to an application (shown under "(unmapped)")`);
    }
  }
  if (feed.inventory) {
    if (!p.inventoryProvided) lower('B', 'no inventory: tiers, applications and owners are unknown');
    else if (p.inventoryErrors.length > 0)
      lower('B', `${p.inventoryErrors.length} inventory row problem(s) (see "Input problems")`);
  }
  if (feed.repoCompleteness) {
    const window = ctx.dict.adoption_window_days * 86_400_000;
    const silent = ctx.repos.filter(
      (r) => !r.last_run || ctx.period.end.getTime() - toTime(r.last_run) > window,
    );
    if (silent.length > 0)
      lower(
        'B',
        `${silent.length} of ${ctx.repos.length} inventory repo(s) sent no data in ${ctx.dict.adoption_window_days} days: their findings are missing`,
      );
    const bad = p.sourceProblems.filter((s) => s.affects === 'records' || s.affects === 'alerts');
    if (bad.length > 0)
      lower(
        'B',
        `${bad.length} source(s) could not be read (${bad
          .slice(0, 3)
          .map((s) => s.source)
          .join(', ')}${bad.length > 3 ? ', …' : ''})`,
      );
    if (p.recordProblems.length > 0)
      lower('B', `${p.recordProblems.length} record file problem(s) (see "Input problems")`);
  }
  if (feed.runs) {
    const bad = p.sourceProblems.filter((s) => s.affects === 'records');
    if (bad.length > 0 && !feed.repoCompleteness)
      lower('B', `${bad.length} repo(s) whose records could not be read`);
  }
  if (feed.exceptions) {
    if (p.exceptionErrors.length > 0)
      lower(
        'B',
        `${p.exceptionErrors.length} exception log row problem(s): those exceptions are not counted`,
      );
    if (p.sourceProblems.some((s) => s.affects === 'exceptions'))
      lower('B', 'an exception source could not be read');
  }
  if (feed.ownerSources && t) {
    const inferred = t.inferredOwner;
    if (inferred > 0)
      lower(
        'B',
        `${inferred} owner(s) inferred (CODEOWNERS, topics or the record itself) rather than from the inventory`,
      );
  }
  for (const s of feed.dictionary ?? []) {
    const probs = p.dictionaryProblems[s];
    if (probs?.length) lower('B', `dictionary section "${s}" was invalid; the default was used`);
  }
  if (feed.manualEvidence && feed.manualEvidence.length > 0)
    lower(
      'B',
      `coverage evidence from manual exports (${[...new Set(feed.manualEvidence)].slice(0, 3).join(', ')})`,
    );
  return { label, reasons };
}

/** What the confidence reads of a population, counted in one pass (and once per population). */
interface Tally {
  /** Findings from manually assembled (C) and hand-normalized (B) inputs, in the population's order. */
  c: TrackedFinding[];
  b: TrackedFinding[];
  /** Severities taken from the SARIF level or a default. */
  inferredSeverity: number;
  /** Mapped to an application by a manual rule; not mapped at all. */
  rule: number;
  none: number;
  /** Owners from a source other than the trusted ones. */
  inferredOwner: number;
}

const TALLIES = new WeakMap<readonly TrackedFinding[], Tally>();

/**
 * Metrics pass the same population (every counted finding, the open ones) to several assessments:
 * one pass over it instead of six filters per metric (1,000,000 findings: ~1 s less). The arrays are
 * the context's frozen lists or a metric's own, never changed after they are built.
 */
function tally(fs: readonly TrackedFinding[]): Tally {
  const known = TALLIES.get(fs);
  if (known) return known;
  const t: Tally = { c: [], b: [], inferredSeverity: 0, rule: 0, none: 0, inferredOwner: 0 };
  for (const f of fs) {
    const conf = f.entry.confidence;
    if (conf === 'C') t.c.push(f);
    else if (conf === 'B') t.b.push(f);
    const src = f.finding.severity_source;
    if (src === 'level' || src === 'default') t.inferredSeverity++;
    const method = f.mapping.method;
    if (method === 'rule') t.rule++;
    else if (method === 'none') t.none++;
    if (f.owner_source && !TRUSTED_OWNER_SOURCES.has(f.owner_source)) t.inferredOwner++;
  }
  TALLIES.set(fs, t);
  return t;
}

function sourcesOf(fs: readonly TrackedFinding[]): string {
  const names = [...new Set(fs.map((f) => f.finding.source_file))].sort();
  return names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
}
