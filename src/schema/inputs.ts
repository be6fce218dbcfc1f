import { z } from 'zod';
import { VERSION } from '../version.js';

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
  /**
   * Interfaces that have this input: `github` (action.yml), `gitlab` (the components flagged above),
   * `cli` (a `--kebab-case` flag). Absent = all of them. GitLab-only inputs (stage, job_name, ...) say `['gitlab']`.
   */
  platforms?: Array<'github' | 'gitlab' | 'cli'>;
  /** The GitLab components' default, when it differs from the action's. */
  gitlabDefault?: string;
  /** The aggregate component's default, when it differs from the collect component's. */
  gitlabAggregateDefault?: string;
  /** Allowed values; the GitLab components declare them as `options:` so GitLab rejects others. */
  options?: string[];
  /** Regular expression a GitLab input value must match (`regex:`). */
  regex?: string;
}

/** Whether an input exists on an interface (see `InputSpec.platforms`). */
export function onPlatform(spec: InputSpec, platform: 'github' | 'gitlab' | 'cli'): boolean {
  return !spec.platforms || spec.platforms.includes(platform);
}

/** The inputs of a GitLab component, in table order. */
export function gitlabInputs(component: 'collect' | 'aggregate'): InputSpec[] {
  return INPUTS.filter(
    (i) => (component === 'collect' ? i.gitlabCollect : i.gitlabAggregate) && onPlatform(i, 'gitlab'),
  );
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
    // GitLab's own scanners write gl-<type>-report.json at the project root; one pattern (not two)
    // so a project without them gets no "matched no file" warning.
    gitlabDefault: '**/@(*.sarif|gl-*-report.json)',
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
    options: ['critical', 'high', 'medium', 'low', 'none'],
  },
  {
    name: 'mode',
    description:
      '`enforce` fails the step when the gate fails or has no data; `report` records the verdict and never fails the step on it.',
    default: 'enforce',
    command: 'collect',
    gitlabCollect: true,
    options: ['enforce', 'report'],
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
    options: ['all', 'new'],
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
    options: ['none', 'all-failed', 'any'],
  },
  {
    name: 'max_file_mb',
    description: 'Largest report file read, in MiB. Larger files are skipped and recorded.',
    default: '1024',
    command: 'collect',
    gitlabCollect: true,
    regex: '^[0-9]+(\\.[0-9]+)?$',
  },
  {
    name: 'config',
    description: 'Data dictionary (`security-metrics.yml`); the built-in default is used when absent.',
    command: 'all',
    gitlabCollect: true,
    gitlabAggregate: true,
  },
  // Aggregate inputs shared by the GitHub action and the GitLab component.
  {
    name: 'inventory',
    description:
      'Inventory file (YAML or CSV: application, service, owner, tier, repos); merged with platform sources (GitLab project topics).',
    command: 'aggregate',
    gitlabAggregate: true,
    // Not in action.yml until the GitHub action runs `aggregate`; then drop `platforms`.
    platforms: ['gitlab', 'cli'],
  },
  {
    name: 'month',
    description: 'Reporting month `YYYY-MM` (UTC); default: the previous full month.',
    command: 'aggregate',
    gitlabAggregate: true,
    // Not in action.yml until the GitHub action runs `aggregate`; then drop `platforms`.
    platforms: ['gitlab', 'cli'],
    regex: '^([0-9]{4}-(0[1-9]|1[0-2]))?$',
  },
  {
    name: 'history_dir',
    description:
      'Folder of the central repository/project where the monthly history snapshots are kept and committed.',
    default: 'security-metrics-history',
    command: 'aggregate',
    gitlabAggregate: true,
    // Not in action.yml until the GitHub action runs `aggregate`; then drop `platforms`.
    platforms: ['gitlab', 'cli'],
  },
  {
    name: 'report_dir',
    description:
      "Where the aggregate outputs (report.md, metrics.json, findings.csv, gitlab-sources.json, ...) are written; kept as the job's artifacts.",
    default: 'security-metrics-report',
    command: 'aggregate',
    gitlabAggregate: true,
    platforms: ['gitlab', 'cli'],
  },
  // GitLab-only inputs (spec:inputs of the components; not in action.yml, not CLI flags).
  {
    name: 'stage',
    description:
      'Stage of the job. The collect job must run after the scanner jobs (default `.post`) so their reports are in its workspace.',
    default: '.post',
    command: 'all',
    gitlabCollect: true,
    gitlabAggregate: true,
    platforms: ['gitlab'],
  },
  {
    name: 'job_name',
    description:
      "Name of the job. The aggregator downloads the collect job's artifacts by this name (its `collect_job_name`).",
    default: 'security-metrics',
    gitlabAggregateDefault: 'security-metrics-aggregate',
    command: 'all',
    gitlabCollect: true,
    gitlabAggregate: true,
    platforms: ['gitlab'],
  },
  {
    name: 'image',
    description:
      'Container image the job runs in; it needs Node.js 20.19+ and npm (npx) unless `tool_command` says otherwise.',
    default: 'node:24-alpine',
    command: 'all',
    gitlabCollect: true,
    gitlabAggregate: true,
    platforms: ['gitlab'],
  },
  {
    name: 'tool_version',
    description:
      "Version of the `product-security-metrics` npm package the job runs; defaults to this component's own version.",
    default: VERSION,
    command: 'all',
    gitlabCollect: true,
    gitlabAggregate: true,
    platforms: ['gitlab'],
    regex: '^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$',
  },
  {
    name: 'npm_registry',
    description:
      "npm registry (mirror) `npx` installs the tool from, for self-managed and air-gapped instances; empty: the image's npm configuration.",
    command: 'all',
    gitlabCollect: true,
    gitlabAggregate: true,
    platforms: ['gitlab'],
  },
  {
    name: 'tool_command',
    description:
      'Command that runs the tool instead of `npx`, e.g. `node $CI_PROJECT_DIR/vendor/security-metrics/cli.js` or `security-metrics` in a prepared image; `tool_version` and `npm_registry` are then ignored.',
    command: 'all',
    gitlabCollect: true,
    gitlabAggregate: true,
    platforms: ['gitlab'],
  },
  {
    name: 'group',
    description:
      "Full path of the group whose projects are aggregated (subgroups included, archived projects excluded); default: this project's top-level group.",
    command: 'aggregate',
    gitlabAggregate: true,
    platforms: ['gitlab'],
  },
  {
    name: 'api_url',
    description: 'GitLab REST API URL; default `$CI_API_V4_URL` (this instance).',
    command: 'aggregate',
    gitlabAggregate: true,
    platforms: ['gitlab'],
  },
  {
    name: 'token_variable',
    description:
      'Name of the masked CI/CD variable that holds the group access token (scope `api`, role Developer or higher). The token itself is never an input.',
    default: 'SECURITY_METRICS_TOKEN',
    command: 'aggregate',
    gitlabAggregate: true,
    platforms: ['gitlab'],
    regex: '^[A-Za-z_][A-Za-z0-9_]*$',
  },
  {
    name: 'collect_job_name',
    description:
      "Name of the collect job in the group's projects, whose latest successful artifacts are read.",
    default: 'security-metrics',
    command: 'aggregate',
    gitlabAggregate: true,
    platforms: ['gitlab'],
  },
  {
    name: 'collect_ref',
    description:
      "Branch or tag whose latest collect artifacts are read; empty: each project's default branch.",
    command: 'aggregate',
    gitlabAggregate: true,
    platforms: ['gitlab'],
  },
  {
    name: 'gitlab_vulnerabilities',
    description:
      "Also read the group's vulnerability report (GitLab Ultimate, GraphQL) as a source: `true` or `false`.",
    default: 'false',
    command: 'aggregate',
    gitlabAggregate: true,
    platforms: ['gitlab'],
    options: ['true', 'false'],
  },
  {
    name: 'exception_label',
    description: 'Open issues of this project with this label are read as exceptions (one per issue).',
    default: 'security-exception',
    command: 'aggregate',
    gitlabAggregate: true,
    platforms: ['gitlab'],
  },
  {
    name: 'report_label',
    description:
      'Label of the monthly issue; a rerun for the same month updates the issue with this label and title.',
    default: 'security-metrics',
    command: 'aggregate',
    gitlabAggregate: true,
    platforms: ['gitlab'],
  },
  {
    name: 'history_branch',
    description: "Branch the history snapshot is committed to; empty: this project's default branch.",
    command: 'aggregate',
    gitlabAggregate: true,
    platforms: ['gitlab'],
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
