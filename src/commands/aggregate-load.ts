import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { DEFAULT_DICTIONARY_YAML } from '../schema/default-dictionary.js';
import { Dictionary } from '../schema/dictionary.js';
import { ConfidenceLabel, Finding } from '../schema/finding.js';
import { RunRecord } from '../schema/run.js';
import { errorMessage } from '../util/errors.js';
import { sha256 } from '../util/hash.js';
import type { CollectedRecord } from './aggregate-api.js';

export interface DictionaryLoad {
  dict: Dictionary;
  source: string;
  sha256: string;
  /** file:line: field "x": problem — one per invalid field; the section's default is used instead. */
  problems: string[];
  /** Top-level section → problems, for the confidence of the metrics that use it. */
  sections: Record<string, string[]>;
}

const DEFAULT_RAW = parseDocument(DEFAULT_DICTIONARY_YAML).toJS() as Record<string, unknown>;

export function defaultDictionary(): Dictionary {
  return Dictionary.parse(DEFAULT_RAW);
}

function zodPath(p: readonly PropertyKey[]): string {
  return p.map(String).join('.') || '(root)';
}

/**
 * Parse a dictionary. A user file may be partial: its top-level sections replace the default's. An
 * invalid section is reported (file, line, field) and replaced by the default's, so one typo does not
 * stop the report; the metrics that use that section drop to confidence B.
 */
export function parseDictionary(text: string, file: string): DictionaryLoad {
  const base = path.basename(file);
  const problems: string[] = [];
  const sections: Record<string, string[]> = {};
  const note = (section: string, msg: string) => {
    problems.push(msg);
    (sections[section] ??= []).push(msg);
  };
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    const msg = `${base}${pos ? `:${pos.line}` : ''}: invalid YAML (${e.message.split('\n')[0]}); the default dictionary is used`;
    for (const k of Object.keys(DEFAULT_RAW)) (sections[k] ??= []).push(msg);
    return { dict: defaultDictionary(), source: file, sha256: sha256(text), problems: [msg], sections };
  }
  const user = doc.toJS() as unknown;
  if (user !== null && user !== undefined && !isMap(doc.contents)) {
    const msg = `${base}:1: expected a mapping of sections (tiers, sla, metrics, ...); the default dictionary is used`;
    for (const k of Object.keys(DEFAULT_RAW)) (sections[k] ??= []).push(msg);
    return { dict: defaultDictionary(), source: file, sha256: sha256(text), problems: [msg], sections };
  }
  const raw: Record<string, unknown> = {
    ...DEFAULT_RAW,
    ...((user as Record<string, unknown> | null) ?? {}),
  };
  const lineOf = (p: readonly PropertyKey[]): string => {
    for (let n = p.length; n > 0; n--) {
      const node = doc.getIn(
        p.slice(0, n).map((x) => (typeof x === 'number' ? x : String(x))),
        true,
      ) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return `:${lc.linePos(node.range[0]).line}`;
    }
    return '';
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    const r = Dictionary.safeParse(raw);
    if (r.success) return { dict: r.data, source: file, sha256: sha256(text), problems, sections };
    const fixed = new Set<string>();
    for (const issue of r.error.issues) {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        for (const k of issue.keys) {
          note(
            k,
            `${base}${lineOf([k])}: field "${k}": unknown section (valid: ${Object.keys(DEFAULT_RAW).join(', ')}); ignored`,
          );
          delete raw[k];
          fixed.add(k);
        }
        continue;
      }
      const section = String(issue.path[0] ?? '');
      if (fixed.has(section)) continue;
      note(
        section,
        `${base}${lineOf(issue.path)}: field "${zodPath(issue.path)}": ${issue.message}; the default "${section}" section is used`,
      );
      if (section in DEFAULT_RAW) raw[section] = DEFAULT_RAW[section];
      else delete raw[section];
      fixed.add(section);
    }
    if (fixed.size === 0) break;
  }
  const msg = `${base}: the dictionary could not be repaired; the default dictionary is used`;
  problems.push(msg);
  return { dict: defaultDictionary(), source: file, sha256: sha256(text), problems, sections };
}

export async function loadDictionary(configPath: string | undefined): Promise<DictionaryLoad> {
  if (!configPath)
    return {
      dict: defaultDictionary(),
      source: 'built-in default (security-metrics.default.yml)',
      sha256: sha256(DEFAULT_DICTIONARY_YAML),
      problems: [],
      sections: {},
    };
  let text: string;
  try {
    text = await fs.readFile(configPath, 'utf8');
  } catch (e) {
    const msg = `${configPath}: cannot read the dictionary (${(e as NodeJS.ErrnoException).code ?? errorMessage(e)}); the default dictionary is used`;
    const sections = Object.fromEntries(Object.keys(DEFAULT_RAW).map((k) => [k, [msg]]));
    return {
      dict: defaultDictionary(),
      source: `built-in default (${configPath} unreadable)`,
      sha256: sha256(DEFAULT_DICTIONARY_YAML),
      problems: [msg],
      sections,
    };
  }
  const r = parseDictionary(text, configPath);
  return { ...r, source: path.basename(configPath) };
}

export interface RecordsLoad {
  records: Array<CollectedRecord & { partial: boolean }>;
  problems: string[];
  /** Every file read, for the manifest. */
  files: string[];
}

async function walk(dir: string, out: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else out.push(p);
  }
  return out;
}

function issues(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `field "${zodPath(i.path)}": ${i.message}`)
    .join('; ');
}

/** Find every run.json (+ findings.jsonl beside it) under `dir`. Bad files are listed; the rest load. */
export async function loadRecordsDir(dir: string, display = dir): Promise<RecordsLoad> {
  const problems: string[] = [];
  const files: string[] = [];
  const records: RecordsLoad['records'] = [];
  const all = await walk(dir);
  if (all.length === 0) problems.push(`${display}: no files found`);
  for (const runPath of all.filter((f) => path.basename(f) === 'run.json')) {
    const rel = path.join(display, path.relative(dir, runPath));
    files.push(runPath);
    let run: RunRecord;
    try {
      const parsed = RunRecord.safeParse(JSON.parse(await fs.readFile(runPath, 'utf8')));
      if (!parsed.success) {
        problems.push(`${rel}: not a run record (${issues(parsed.error)}); its findings are not used`);
        continue;
      }
      run = parsed.data;
    } catch (e) {
      problems.push(`${rel}: ${errorMessage(e)}; its findings are not used`);
      continue;
    }
    const fPath = path.join(path.dirname(runPath), 'findings.jsonl');
    const findings: Finding[] = [];
    let partial = false;
    let text = '';
    try {
      text = await fs.readFile(fPath, 'utf8');
      files.push(fPath);
    } catch {
      if (run.counts.total > 0) {
        problems.push(
          `${path.join(path.dirname(rel), 'findings.jsonl')}: missing, but run.json counts ${run.counts.total} finding(s); the run closes nothing`,
        );
        partial = true;
      }
    }
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${path.join(path.dirname(rel), 'findings.jsonl')}:${i + 1}`;
      try {
        const r = Finding.safeParse(JSON.parse(line));
        if (r.success) findings.push(r.data);
        else {
          problems.push(`${where}: ${issues(r.error)}; line skipped, the run closes nothing`);
          partial = true;
        }
      } catch {
        problems.push(`${where}: not JSON; line skipped, the run closes nothing`);
        partial = true;
      }
    });
    if (!partial && findings.length !== run.counts.total) {
      problems.push(
        `${rel}: run.json counts ${run.counts.total} finding(s) but findings.jsonl has ${findings.length}; the run closes nothing`,
      );
      partial = true;
    }
    records.push({ run, findings, origin: path.dirname(rel), partial });
  }
  return { records, problems, files };
}

/** Sidecar `<export>.meta.yml` of a manual export. */
export const ManualSidecar = z
  .object({
    product: z.string().trim().min(1),
    owner: z.string().trim().optional(),
    confidence: ConfidenceLabel.default('C'),
    /** Date the export was taken (YYYY-MM-DD or ISO). */
    observed_at: z
      .union([z.string(), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString() : v.trim()))
      .refine(
        (s) => Number.isFinite(Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s)),
        'must be a date like 2026-11-15',
      )
      .optional(),
    repo: z.string().trim().optional(),
    service: z.string().trim().optional(),
    format: z.string().trim().default('auto'),
    /** Who assembled it and how, printed in the data sources. */
    note: z.string().optional(),
  })
  .strict();
export type ManualSidecar = z.infer<typeof ManualSidecar>;

export function parseSidecar(text: string, file: string): { sidecar?: ManualSidecar; problems: string[] } {
  const base = path.basename(file);
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length)
    return { problems: [`${base}: invalid YAML (${doc.errors[0]!.message.split('\n')[0]})`] };
  const r = ManualSidecar.safeParse(doc.toJS());
  if (r.success) return { sidecar: r.data, problems: [] };
  return {
    problems: r.error.issues.map((i) => {
      const node = i.path.length
        ? (doc.getIn(i.path.map(String), true) as { range?: [number, number, number] } | undefined)
        : undefined;
      const line = node?.range ? `:${lc.linePos(node.range[0]).line}` : '';
      return `${base}${line}: field "${zodPath(i.path)}": ${i.message}`;
    }),
  };
}
