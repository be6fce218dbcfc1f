import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CATEGORIES, SEVERITIES, type Finding } from '../schema/finding.js';
import type { CollectInputs } from '../schema/inputs.js';
import {
  RUN_SCHEMA_VERSION,
  type Control,
  type Counts,
  type GatePolicy,
  type RunRecord,
} from '../schema/run.js';
import { loadDictionary } from './aggregate-load.js';
import type { Exception } from '../schema/exception.js';
import { detectContext, type CiContext } from '../platform/context.js';
import { expandGlobs } from '../platform/local/files.js';
import { computeCoverage, type FileScans } from '../gate/coverage.js';
import { evaluateGate } from '../gate/gate.js';
import { parseExceptions } from '../exceptions/load.js';
import { renderCollectSummary } from '../output/summary.js';
import { safeLogText } from '../output/markdown.js';
import { errorMessage, UserError } from '../util/errors.js';
import { hashParts } from '../util/hash.js';
import type { Logger } from '../util/logger.js';
import { VERSION } from '../version.js';
import { normalizeFile, streamThresholdFromEnv, type InputResult } from './read-input.js';

export interface Platform {
  name: 'github' | 'gitlab' | 'local';
  uploadArtifact?(
    name: string,
    files: string[],
    rootDir: string,
  ): Promise<{ id?: number | string; size?: number }>;
  writeSummary?(markdown: string): Promise<void>;
  setOutput?(name: string, value: string): void;
  annotate?(
    level: 'error' | 'warning',
    message: string,
    where: { file?: string; line?: number; title?: string },
  ): void;
}

export interface CollectEnv {
  cwd: string;
  env: Record<string, string | undefined>;
  logger: Logger;
  platform: Platform;
  now?: () => Date;
}

export interface CollectResult {
  exitCode: 0 | 1 | 2;
  run: RunRecord;
  findings: Finding[];
  recordDir: string;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const by_severity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Counts['by_severity'];
  const by_category = Object.fromEntries(CATEGORIES.map((s) => [s, 0])) as Counts['by_category'];
  const by_state: Record<string, number> = {};
  for (const f of findings) {
    by_severity[f.severity]++;
    by_category[f.category]++;
    by_state[f.state] = (by_state[f.state] ?? 0) + 1;
  }
  return { total: findings.length, by_severity, by_category, by_state };
}

/** Run time: SOURCE_DATE_EPOCH (reproducible builds convention) wins over the clock. */
export function runTime(env: Record<string, string | undefined>, now: () => Date = () => new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return now();
}

async function loadExceptions(
  file: string | undefined,
  cwd: string,
): Promise<{ exceptions: Exception[]; errors: string[]; fatal: string | null }> {
  if (!file) return { exceptions: [], errors: [], fatal: null };
  try {
    const text = await fs.readFile(path.resolve(cwd, file), 'utf8');
    const r = parseExceptions(text, file);
    return { ...r, fatal: null };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const msg = code === 'ENOENT' ? `${file}: exception log not found` : errorMessage(e);
    return { exceptions: [], errors: [msg], fatal: msg };
  }
}

async function loadBaseline(file: string | undefined, cwd: string): Promise<Set<string> | undefined> {
  if (!file) return undefined;
  let text: string;
  try {
    text = await fs.readFile(path.resolve(cwd, file), 'utf8');
  } catch {
    throw new UserError('baseline file not found or unreadable', file);
  }
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const o = JSON.parse(line) as { id?: unknown };
      if (typeof o.id === 'string') ids.add(o.id);
    } catch {
      throw new UserError('not a findings.jsonl record (line is not JSON)', file, String(i + 1));
    }
  });
  return ids;
}

function repoName(ctx: CiContext, cwd: string): string {
  return ctx.repo?.split('/').pop() ?? path.basename(cwd);
}

/** Write the record: findings.jsonl, run.json and gate.env (GitLab dotenv report). */
export async function writeRecord(
  dir: string,
  run: RunRecord,
  findings: readonly Finding[],
): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const jsonl = findings.map((f) => JSON.stringify(f)).join('\n') + (findings.length ? '\n' : '');
  const files = [path.join(dir, 'findings.jsonl'), path.join(dir, 'run.json'), path.join(dir, 'gate.env')];
  await fs.writeFile(files[0]!, jsonl);
  await fs.writeFile(files[1]!, JSON.stringify(run, null, 2) + '\n');
  const g = run.gate;
  const env = [
    `SECURITY_GATE=${g?.result ?? 'no_data'}`,
    `SECURITY_BLOCKING_COUNT=${g?.counts.blocking ?? 0}`,
    `SECURITY_FINDINGS_COUNT=${run.counts.total}`,
    `SECURITY_CRITICAL_COUNT=${run.counts.by_severity.critical}`,
    `SECURITY_HIGH_COUNT=${run.counts.by_severity.high}`,
    `SECURITY_EVENT=${run.event.kind}`,
  ];
  await fs.writeFile(files[2]!, env.join('\n') + '\n');
  return files;
}

/**
 * Controls this repo must show evidence for: the `expected_controls` input, or else the required
 * controls of its `tier` in the data dictionary (`config`, or the built-in default).
 */
async function expectedControls(inputs: CollectInputs, cwd: string, warnings: string[]): Promise<Control[]> {
  if (inputs.expected_controls.length > 0 || !inputs.tier) return inputs.expected_controls;
  const dl = await loadDictionary(inputs.config ? path.resolve(cwd, inputs.config) : undefined);
  warnings.push(...dl.problems);
  const tier = dl.dict.tiers.find((t) => t.id === inputs.tier);
  if (!tier) {
    warnings.push(
      `tier "${inputs.tier}" is not in the data dictionary (${dl.dict.tiers.map((t) => t.id).join(', ')}): no controls expected`,
    );
    return [];
  }
  return [...tier.required_controls];
}

export async function runCollect(inputs: CollectInputs, cenv: CollectEnv): Promise<CollectResult> {
  const { logger, platform, cwd, env } = cenv;
  const started = runTime(env, cenv.now);
  const ctx = detectContext(env, inputs.release_ref_pattern);
  const warnings: string[] = [];
  const roots = [ctx.workspace, cwd].filter((r): r is string => !!r).map((r) => path.resolve(r));
  const product = inputs.product ?? repoName(ctx, cwd);

  const { matches, files } = await expandGlobs(inputs.reports, cwd);
  for (const m of matches)
    if (m.files.length === 0) warnings.push(`reports glob "${m.pattern}" matched no file`);

  const results: InputResult[] = [];
  const opts = {
    format: inputs.format,
    product,
    service: inputs.service ?? null,
    repo: ctx.repo,
    ref: ctx.ref,
    commit: ctx.commit,
    observedAt: started.toISOString(),
    confidence: 'A' as const,
    roots,
    maxBytes: Math.floor(inputs.max_file_mb * 1024 * 1024),
    streamThreshold: streamThresholdFromEnv(env),
  };
  const outDirAbs = path.resolve(cwd, inputs.output_dir);
  for (const f of files) {
    // Never read our own previous output as a scanner report.
    if (path.resolve(cwd, f).startsWith(outDirAbs + path.sep)) continue;
    const r = await normalizeFile(path.resolve(cwd, f), f, opts);
    results.push(r);
    if (r.file.status === 'error' || r.file.status === 'skipped')
      logger.warning(safeLogText(r.file.error ?? `${f}: not read`), { file: f });
    else
      logger.info(
        safeLogText(
          `${f}: ${r.file.format} (${r.file.tool ?? 'unknown tool'}), ${r.findings.length} record(s)`,
        ),
      );
    for (const w of r.file.warnings) logger.debug(safeLogText(`${f}: ${w}`));
  }
  const findings = results.flatMap((r) => r.findings);
  const readable = results.filter((r) => r.file.status === 'ok' || r.file.status === 'tool_error');

  const expected = await expectedControls(inputs, cwd, warnings);
  const { coverage, warnings: covWarnings } = computeCoverage(
    results.map((r): FileScans => ({ file: r.file, scans: r.scans })),
    findings,
    expected,
  );
  warnings.push(...covWarnings);

  const exc = await loadExceptions(inputs.exceptions, cwd);
  let exitCode: 0 | 1 | 2 = 0;
  if (exc.errors.length > 0) {
    const msg = `exception log ${inputs.exceptions}: ${exc.errors.length} problem(s): ${exc.errors.slice(0, 5).join('; ')}`;
    warnings.push(msg);
    if (inputs.mode === 'enforce') {
      logger.error(safeLogText(`${msg}. A gate in enforce mode does not run with a broken exception log.`));
      exitCode = 2;
    } else logger.warning(safeLogText(msg));
  }
  const baselineIds = inputs.gate_scope === 'new' ? await loadBaseline(inputs.baseline, cwd) : undefined;
  const policy: GatePolicy = {
    fail_on: inputs.fail_on,
    category_thresholds: inputs.category_thresholds,
    max_findings: inputs.max_findings,
    scope: inputs.gate_scope,
    mode: inputs.mode,
    exceptions_file: inputs.exceptions ?? null,
    baseline: inputs.baseline ?? null,
  };
  const gate = evaluateGate({
    findings,
    policy,
    exceptions: exc.exceptions,
    exceptionErrors: exc.errors,
    hasData: readable.length > 0,
    baselineIds,
    asOf: started,
  });
  for (const e of exc.exceptions)
    if (!e.expires) warnings.push(`exception ${e.id} (${e.source}) has no expiry date`);

  const finished = runTime(env, cenv.now);
  const run: RunRecord = {
    schema_version: RUN_SCHEMA_VERSION,
    run_id: `r1-${hashParts([ctx.repo ?? '', ctx.commit ?? '', started.toISOString(), env.GITHUB_RUN_ID ?? env.CI_JOB_ID ?? '', env.GITHUB_RUN_ATTEMPT ?? ''], 20)}`,
    collector: { name: 'product-security-metrics', version: VERSION },
    platform: ctx.platform,
    started_at: started.toISOString(),
    finished_at: finished.toISOString(),
    repo: ctx.repo,
    ref: ctx.ref,
    commit: ctx.commit,
    default_branch: ctx.defaultBranch,
    run_url: ctx.runUrl,
    event: ctx.event,
    product,
    service: inputs.service ?? null,
    globs: matches.map((m) => ({ pattern: m.pattern, matched: m.files.length })),
    inputs: results.map((r) => r.file),
    counts: countFindings(findings),
    coverage,
    gate,
    warnings,
  };

  const recordFiles = await writeRecord(outDirAbs, run, findings);
  const summary = renderCollectSummary(run, findings);
  if (platform.writeSummary) await platform.writeSummary(summary);
  for (const w of warnings) logger.warning(safeLogText(w));

  // Annotations for blocking findings: at most 50, one per file:line.
  if (platform.annotate) {
    const seen = new Set<string>();
    for (const f of findings) {
      if (!f.release_blocking || seen.size >= 50) continue;
      const key = `${f.location.file ?? ''}:${f.location.start_line ?? ''}:${f.rule_id ?? f.finding_title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      platform.annotate('error', `${f.severity}: ${f.finding_title}`, {
        file: f.location.file ?? undefined,
        line: f.location.start_line ?? undefined,
        title: `${f.source_tool} ${f.rule_id ?? ''}`.trim(),
      });
    }
  }
  if (platform.setOutput) {
    platform.setOutput('gate', gate.result);
    platform.setOutput('blocking_count', String(gate.counts.blocking));
    platform.setOutput('findings_count', String(findings.length));
    platform.setOutput('critical_count', String(run.counts.by_severity.critical));
    platform.setOutput('high_count', String(run.counts.by_severity.high));
    platform.setOutput('files_read', String(readable.length));
    platform.setOutput('files_failed', String(results.length - readable.length));
    platform.setOutput('record_dir', outDirAbs);
    platform.setOutput('run_path', recordFiles[1]!);
    platform.setOutput('findings_path', recordFiles[0]!);
  }
  if (platform.uploadArtifact && inputs.upload_artifact) {
    try {
      const up = await platform.uploadArtifact(inputs.artifact_name, recordFiles, outDirAbs);
      logger.info(`uploaded artifact ${inputs.artifact_name}${up.id ? ` (id ${up.id})` : ''}`);
    } catch (e) {
      logger.warning(
        `artifact upload failed: ${errorMessage(e)}; the record is still in ${inputs.output_dir}`,
      );
    }
  }

  const failedFiles = results.length - readable.length;
  if (inputs.fail_on_parse_error === 'any' && failedFiles > 0) exitCode = 2;
  if (inputs.fail_on_parse_error === 'all-failed' && results.length > 0 && readable.length === 0) {
    logger.error(`none of the ${results.length} report file(s) could be read`);
    exitCode = 2;
  }
  if (exitCode === 0 && inputs.mode === 'enforce' && gate.result !== 'pass') {
    logger.error(
      gate.result === 'no_data'
        ? 'release gate: no data (no scanner output was read); enforce mode does not pass without evidence'
        : `release gate failed: ${gate.reasons.join('; ')}`,
    );
    exitCode = 1;
  }
  logger.info(
    `gate: ${gate.result} · ${findings.length} record(s) · ${readable.length}/${results.length} file(s) read · record in ${inputs.output_dir}`,
  );
  return { exitCode, run, findings, recordDir: outDirAbs };
}
