import { z } from 'zod';

/**
 * The one source of truth for the action inputs (action.yml), the GitLab components' `spec:inputs`
 * and the README tables. `test/contract.test.ts` keeps them in sync.
 */
export interface InputSpec {
  name: string;
  description: string;
  /** Default as the user would write it; undefined = no default (optional, empty). */
  default?: string;
  required?: boolean;
  /** Which command reads it. */
  command: 'collect' | 'aggregate' | 'all';
  /** Part of the GitLab collect component's spec:inputs. */
  gitlabCollect?: boolean;
  /** Part of the GitLab aggregate component's spec:inputs. */
  gitlabAggregate?: boolean;
  /** Platforms that expose it; absent = both (GitLab-only inputs such as `stage` say ['gitlab']). */
  platforms?: Array<'github' | 'gitlab'>;
}

export const INPUTS: InputSpec[] = [
  {
    name: 'command',
    description:
      "What to run: `collect` (normalize this repo's scanner outputs) or `aggregate` (org-wide monthly report).",
    default: 'collect',
    command: 'all',
  },
  {
    name: 'reports',
    description:
      'Globs of scanner output files, comma- or newline-separated (`!` excludes). A glob that matches nothing is a warning, recorded in run.json.',
    default: '**/*.sarif',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'format',
    description: 'Format id of every file, or `auto` to detect each file by content.',
    default: 'auto',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'product',
    description: 'Product (application) the findings belong to; defaults to the repository name.',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'service',
    description: 'Service or component inside the product.',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'output_dir',
    description: 'Where `findings.jsonl` and `run.json` are written.',
    default: 'security-metrics',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'artifact_name',
    description: 'Name of the uploaded artifact (the aggregator looks for this name).',
    default: 'security-metrics',
    command: 'all',
    gitlabCollect: true,
    gitlabAggregate: true,
  },
  {
    name: 'upload_artifact',
    description: 'Upload the record as a workflow artifact (GitHub). GitLab uses job `artifacts:` instead.',
    default: 'true',
    command: 'collect',
  },
  {
    name: 'fail_on',
    description:
      'Lowest severity that fails the release gate: `critical`, `high`, `medium`, `low` or `none`.',
    default: 'critical',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'mode',
    description:
      '`enforce` fails the step when the gate fails or has no data; `report` records the verdict and never fails the step on it.',
    default: 'enforce',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'exceptions',
    description:
      "Exception log (YAML, CSV or Markdown table) that the gate honours; same schema as the aggregator's.",
    command: 'all',
    gitlabCollect: true,
    gitlabAggregate: true,
  },
  {
    name: 'expected_controls',
    description:
      'Controls this repo is expected to run (comma-separated: sast, sca, secret, iac, container, dast, mobile, cloud); missing ones are flagged.',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'gate_scope',
    description: '`all` open findings, or only `new` ones (against `baseline`, or SARIF baselineState).',
    default: 'all',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'baseline',
    description: 'A previous `findings.jsonl` to compare with when `gate_scope` is `new`.',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'category_thresholds',
    description: 'Per-category `fail_on` overrides, e.g. `secret=low,sca=high`.',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'max_findings',
    description: 'Count limits that fail the gate, e.g. `high=10,medium=100,total=500`.',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'release_ref_pattern',
    description:
      'Regular expression: a ref that matches it counts as a release event (tags and `release` events always do).',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'fail_on_parse_error',
    description:
      '`none`: unreadable files are only recorded; `all-failed` (default): exit 2 when no file could be read; `any`: exit 2 when any file could not be read.',
    default: 'all-failed',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'max_file_mb',
    description: 'Largest report file read, in MiB. Larger files are skipped and recorded.',
    default: '1024',
    command: 'collect',
    gitlabCollect: true,
  },
  {
    name: 'config',
    description: 'Data dictionary (`security-metrics.yml`); the built-in default is used when absent.',
    command: 'all',
    gitlabCollect: true,
    gitlabAggregate: true,
  },
];

const bool = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(['true', 'false', '']))
  .transform((s) => s === 'true');

const severityOrNone = z.enum(['critical', 'high', 'medium', 'low', 'none'], {
  error: () => 'must be one of critical, high, medium, low, none',
});

/** Split "a, b\nc" into items. */
export function splitList(s: string | undefined): string[] {
  return (s ?? '')
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function keyValues<T extends z.ZodType>(value: T) {
  return z.string().transform((s, ctx) => {
    const out: Record<string, z.infer<T>> = {};
    for (const item of splitList(s)) {
      const m = /^([a-z_]+)\s*[=:]\s*(.+)$/i.exec(item);
      const parsed = m ? value.safeParse(m[2]!.trim()) : undefined;
      if (!m || !parsed?.success) {
        ctx.addIssue({ code: 'custom', message: `"${item}" is not key=value with a valid value` });
        return z.NEVER;
      }
      out[m[1]!.toLowerCase()] = parsed.data as z.infer<T>;
    }
    return out;
  });
}

export const CollectInputs = z.object({
  reports: z.string().transform(splitList).pipe(z.array(z.string()).min(1, 'at least one glob is needed')),
  format: z.string().trim().default('auto'),
  product: z.string().trim().optional(),
  service: z.string().trim().optional(),
  output_dir: z.string().trim().min(1),
  artifact_name: z.string().trim().min(1),
  upload_artifact: bool,
  fail_on: z.string().trim().toLowerCase().pipe(severityOrNone),
  mode: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['enforce', 'report'], { error: () => 'must be enforce or report' })),
  exceptions: z.string().trim().optional(),
  expected_controls: z
    .string()
    .transform(splitList)
    .pipe(
      z.array(
        z.enum(['sast', 'sca', 'secret', 'iac', 'container', 'dast', 'mobile', 'cloud'], {
          error: (i) =>
            `unknown control "${String(i.input)}" (valid: sast, sca, secret, iac, container, dast, mobile, cloud)`,
        }),
      ),
    ),
  gate_scope: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['all', 'new'], { error: () => 'must be all or new' })),
  baseline: z.string().trim().optional(),
  category_thresholds: keyValues(severityOrNone),
  max_findings: keyValues(z.coerce.number().int().min(0)),
  release_ref_pattern: z
    .string()
    .trim()
    .optional()
    .refine(
      (s) => {
        if (!s) return true;
        try {
          new RegExp(s);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'is not a valid regular expression' },
    ),
  fail_on_parse_error: z
    .string()
    .trim()
    .pipe(z.enum(['none', 'all-failed', 'any'], { error: () => 'must be none, all-failed or any' })),
  max_file_mb: z.coerce.number().positive(),
  config: z.string().trim().optional(),
});
export type CollectInputs = z.infer<typeof CollectInputs>;

/** Raw values by input name (strings as the runner gives them); defaults applied from INPUTS. */
export function withDefaults(
  raw: Record<string, string | undefined>,
  command: 'collect' | 'aggregate',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of INPUTS) {
    if (spec.command !== 'all' && spec.command !== command) continue;
    const v = raw[spec.name];
    out[spec.name] = v !== undefined && v !== '' ? v : (spec.default ?? '');
  }
  for (const [k, v] of Object.entries(raw)) if (!(k in out) && v !== undefined) out[k] = v;
  return out;
}

export function parseCollectInputs(raw: Record<string, string | undefined>): CollectInputs {
  const values = withDefaults(raw, 'collect');
  const clean: Record<string, string | undefined> = { ...values };
  for (const k of ['product', 'service', 'exceptions', 'baseline', 'release_ref_pattern', 'config'])
    if (clean[k] === '') clean[k] = undefined;
  const r = CollectInputs.safeParse(clean);
  if (!r.success) throw new InputsError(r.error);
  return r.data;
}

export class InputsError extends Error {
  override readonly name = 'InputsError';
  constructor(readonly zodError: z.ZodError) {
    super(
      'invalid inputs:\n' +
        zodError.issues.map((i) => `  - input "${i.path.join('.')}": ${i.message}`).join('\n'),
    );
  }
}

export interface OutputSpec {
  name: string;
  description: string;
  command: 'collect' | 'aggregate';
}

/** Step outputs (action.yml `outputs:`); GitLab gets the collect ones as the gate dotenv report. */
export const OUTPUTS: OutputSpec[] = [
  { name: 'gate', description: 'Release gate verdict: `pass`, `fail` or `no_data`.', command: 'collect' },
  { name: 'blocking_count', description: 'Number of findings that block the release.', command: 'collect' },
  { name: 'findings_count', description: 'Number of finding records written.', command: 'collect' },
  { name: 'critical_count', description: 'Critical findings in the record.', command: 'collect' },
  { name: 'high_count', description: 'High findings in the record.', command: 'collect' },
  { name: 'files_read', description: 'Report files read successfully.', command: 'collect' },
  {
    name: 'files_failed',
    description: 'Report files that could not be read (see run.json).',
    command: 'collect',
  },
  { name: 'record_dir', description: 'Absolute path of the folder with the record.', command: 'collect' },
  { name: 'run_path', description: 'Path of run.json.', command: 'collect' },
  { name: 'findings_path', description: 'Path of findings.jsonl.', command: 'collect' },
];
