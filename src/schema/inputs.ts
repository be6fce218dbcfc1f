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
  /** The GitLab components' description, when the action's names GitHub things. */
  gitlabDescription?: string;
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
    description:
      'Where `findings.jsonl` and `run.json` (collect) or the report files (aggregate) are written.',
    default: 'security-metrics',
    command: 'all',
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
    description:
      'Upload the record (collect) or the report files (aggregate) as a workflow artifact (GitHub). GitLab uses job `artifacts:` instead.',
    default: 'true',
    command: 'all',
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
      "Regular expression: a ref that matches it counts as a release event (tags and `release` events always do). The aggregator downloads the month's artifacts of refs that match it (default: version tags and `release/*` branches) to compute the release pass rate.",
    command: 'all',
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
  {
    name: 'tier',
    description:
      "Business tier of this repo (e.g. `tier-1`): when `expected_controls` is empty, the tier's required controls in the data dictionary (`config`, or the built-in default) are expected.",
    command: 'collect',
    gitlabCollect: true,
  },
  // --- aggregate (GitHub org job) ---
  {
    name: 'github_token',
    description:
      "Token that can read every repo of the org (fine-grained or classic PAT). Not the job's `GITHUB_TOKEN`, which cannot read other repos. Alternative: `app_id` + `app_private_key`.",
    command: 'aggregate',
  },
  {
    name: 'app_id',
    description: 'GitHub App id: the job mints an installation token for the org.',
    command: 'aggregate',
  },
  {
    name: 'app_private_key',
    description: 'GitHub App private key (PEM), from a secret.',
    command: 'aggregate',
  },
  {
    name: 'app_installation_id',
    description: 'GitHub App installation id; looked up from the org when empty.',
    command: 'aggregate',
  },
  {
    name: 'api_url',
    description:
      'REST API base URL; defaults to `GITHUB_API_URL` (set on GitHub Enterprise Server runners), then https://api.github.com.',
    command: 'aggregate',
    gitlabAggregate: true,
    gitlabDescription:
      'GitLab REST API URL; default `$CI_API_V4_URL` (this instance; set it for another instance or a test server).',
  },
  {
    name: 'github_org',
    description: 'Organization to aggregate; defaults to the owner of this repository.',
    command: 'aggregate',
  },
  {
    name: 'central_repo',
    description:
      '`owner/repo` that holds the monthly issue, exception issues and history; defaults to this repository.',
    command: 'aggregate',
  },
  {
    name: 'repos',
    description: 'Only these repos (names or `owner/name`, comma- or newline-separated).',
    command: 'aggregate',
  },
  {
    name: 'repo_topics',
    description: 'Only repos that carry at least one of these topics.',
    command: 'aggregate',
  },
  {
    name: 'include_repos',
    description: 'Glob patterns of repo names to include (default: all).',
    command: 'aggregate',
  },
  { name: 'exclude_repos', description: 'Glob patterns of repo names to leave out.', command: 'aggregate' },
  {
    name: 'include_archived',
    description: 'Include archived repos.',
    default: 'false',
    command: 'aggregate',
  },
  { name: 'include_forks', description: 'Include forks.', default: 'false', command: 'aggregate' },
  {
    name: 'month',
    description: 'Reporting month `YYYY-MM` (UTC); default: the previous full month.',
    command: 'aggregate',
    gitlabAggregate: true,
    regex: '^([0-9]{4}-(0[1-9]|1[0-2]))?$',
  },
  {
    name: 'inventory',
    description: 'Inventory file (applications, owners, tiers, repos) in the checked-out central repo.',
    command: 'aggregate',
    gitlabAggregate: true,
  },
  {
    name: 'platform_alerts',
    description:
      '`auto`: read org code scanning, secret scanning and Dependabot alerts when the token allows (a 403 is a note); `true`: a 403 is a reported problem; `false`: skip.',
    default: 'auto',
    command: 'aggregate',
  },
  {
    name: 'custom_properties',
    description:
      'Repository custom properties that fill the inventory, as `field=property` (fields: application, service, owner, tier, environment).',
    default: 'owner=owner,tier=business-tier,application=application',
    command: 'aggregate',
  },
  {
    name: 'topic_prefixes',
    description:
      'Topics that fill the inventory, as `field=prefix`, e.g. `owner=team-` reads topic `team-payments` as owner `payments`; add `tier=<prefix>` when the rest of such a topic names a tier of the dictionary.',
    default: 'owner=team-',
    command: 'aggregate',
  },
  {
    name: 'codeowners_fallback',
    description:
      'Use the `*` owner in CODEOWNERS for repos without an owner from the other sources (one GraphQL call per 50 such repos).',
    default: 'true',
    command: 'aggregate',
  },
  {
    name: 'exception_label',
    description:
      'Open issues in the central repo with this label are read as exceptions (issue form in templates/github/).',
    default: 'security-exception',
    command: 'aggregate',
    gitlabAggregate: true,
    gitlabDescription:
      'Open issues of the central project with this label are read as exceptions (one per issue).',
  },
  {
    name: 'tracker_label',
    description:
      "Issues in the org's repositories with this label are read as remediation tickets (GitHub Issues as a tracker: one search call per 100 issues); empty = off.",
    command: 'aggregate',
  },
  {
    name: 'tickets',
    description:
      'Issue-tracker exports in the central repo (Jira, GitHub Issues, Linear, ServiceNow; JSON or CSV), files or folders, comma- or newline-separated.',
    command: 'aggregate',
  },
  {
    name: 'report_label',
    description: 'Label of the monthly metrics issue (it is created when missing).',
    default: 'security-metrics',
    command: 'aggregate',
    gitlabAggregate: true,
    gitlabDescription:
      'Label of the monthly issue; a rerun for the same month updates the issue with this label and title.',
  },
  {
    name: 'history_branch',
    description:
      'Branch of the central repo where the monthly history snapshot is committed (created when missing).',
    default: 'security-metrics-data',
    command: 'aggregate',
    gitlabAggregate: true,
    gitlabDescription:
      'Branch of the central project where the monthly history snapshot is committed (created from the default branch when missing).',
  },
  {
    name: 'history_path',
    description: 'Folder on `history_branch` that holds the snapshots.',
    default: 'history',
    command: 'aggregate',
    gitlabAggregate: true,
  },
  {
    name: 'shard',
    description:
      '`i/n`: collect only the i-th of n slices of the repos (matrix job) and upload a shard artifact; a later job with `shards_dir` merges and publishes.',
    command: 'aggregate',
  },
  {
    name: 'shards_dir',
    description: 'Folder with the downloaded shard artifacts: merge them and publish (no per-repo calls).',
    command: 'aggregate',
  },
  {
    name: 'max_artifact_mb',
    description: 'Largest artifact zip downloaded, in MiB.',
    default: '100',
    command: 'aggregate',
  },
  {
    name: 'max_extracted_mb',
    description: 'Largest total size of one extracted artifact, in MiB.',
    default: '512',
    command: 'aggregate',
  },
  {
    name: 'concurrency',
    description: 'Repos read in parallel (above ~4 buys nothing: secondary rate limits).',
    default: '4',
    command: 'aggregate',
  },
  {
    name: 'dry_run',
    description: 'Read everything and write the report files, but create no issue, commit and artifact.',
    default: 'false',
    command: 'aggregate',
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
    name: 'report_dir',
    description:
      "Where the aggregate outputs (report.md, metrics.json, findings.csv, gitlab-sources.json, ...) are written; kept as the job's artifacts.",
    default: 'security-metrics-report',
    command: 'aggregate',
    gitlabAggregate: true,
    platforms: ['gitlab', 'cli'],
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
  tier: z.string().trim().optional(),
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
  for (const k of ['product', 'service', 'exceptions', 'baseline', 'release_ref_pattern', 'config', 'tier'])
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

const optionalText = z.string().trim().optional();
const regexText = optionalText.refine(
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
);

const AGG_FIELDS = ['application', 'service', 'owner', 'tier', 'environment'] as const;

function fieldMap() {
  return z.string().transform((s, ctx) => {
    const out: Partial<Record<(typeof AGG_FIELDS)[number], string>> = {};
    for (const item of splitList(s)) {
      const m = /^([a-z_]+)\s*=\s*(.+)$/i.exec(item);
      const field = m?.[1]!.toLowerCase() as (typeof AGG_FIELDS)[number] | undefined;
      if (!m || !field || !AGG_FIELDS.includes(field)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item}" is not field=name with field one of ${AGG_FIELDS.join(', ')}`,
        });
        return z.NEVER;
      }
      out[field] = m[2]!.trim();
    }
    return out;
  });
}

/** Inputs of `command: aggregate` (GitHub org job) and `security-metrics aggregate --github-org`. */
export const AggregateInputs = z
  .object({
    github_token: optionalText,
    app_id: optionalText,
    app_private_key: optionalText,
    app_installation_id: optionalText,
    api_url: optionalText.pipe(
      z.url({ error: 'must be a URL such as https://ghe.example.com/api/v3' }).optional(),
    ),
    github_org: z.string().trim().min(1, 'is required (the org to aggregate)'),
    central_repo: z
      .string()
      .trim()
      .regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/repo'),
    repos: z.string().transform(splitList),
    repo_topics: z.string().transform(splitList),
    include_repos: z.string().transform(splitList),
    exclude_repos: z.string().transform(splitList),
    include_archived: bool,
    include_forks: bool,
    artifact_name: z.string().trim().min(1),
    release_ref_pattern: regexText,
    month: optionalText.pipe(
      z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
        .optional(),
    ),
    config: optionalText,
    inventory: optionalText,
    exceptions: optionalText,
    platform_alerts: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['auto', 'true', 'false'], { error: () => 'must be auto, true or false' })),
    custom_properties: fieldMap(),
    topic_prefixes: fieldMap(),
    codeowners_fallback: bool,
    exception_label: z.string().trim(),
    tracker_label: optionalText,
    tickets: z.string().transform(splitList),
    report_label: z.string().trim().min(1),
    history_branch: z.string().trim(),
    history_path: z.string().trim(),
    shard: optionalText.pipe(
      z
        .string()
        .regex(/^\d+\/\d+$/, 'must be i/n, e.g. 2/8')
        .transform((s) => {
          const [i, n] = s.split('/').map(Number) as [number, number];
          return { index: i, count: n };
        })
        .refine((s) => s.count >= 1 && s.index >= 1 && s.index <= s.count, 'must be i/n with 1 ≤ i ≤ n')
        .optional(),
    ),
    shards_dir: optionalText,
    output_dir: z.string().trim().min(1),
    upload_artifact: bool,
    max_artifact_mb: z.coerce.number().positive(),
    max_extracted_mb: z.coerce.number().positive(),
    concurrency: z.coerce.number().int().min(1).max(20),
    dry_run: bool,
  })
  .refine((v) => !!v.github_token || (!!v.app_id && !!v.app_private_key), {
    message: 'give github_token, or app_id and app_private_key',
    path: ['github_token'],
  })
  .refine((v) => !(v.shard && v.shards_dir), {
    message: 'shard and shards_dir cannot be used together',
    path: ['shard'],
  });
export type AggregateInputs = z.infer<typeof AggregateInputs>;

/**
 * `raw` are the action inputs; `env` fills what a runner knows (org and central repo from
 * GITHUB_REPOSITORY). The API URL is not resolved here: it is read from GITHUB_API_URL at call time.
 */
export function parseAggregateInputs(
  raw: Record<string, string | undefined>,
  env: Record<string, string | undefined> = {},
): AggregateInputs {
  const values: Record<string, string | undefined> = { ...withDefaults(raw, 'aggregate') };
  const here = env.GITHUB_REPOSITORY;
  if (!values.github_org && here) values.github_org = here.split('/')[0];
  if (!values.central_repo && here) values.central_repo = here;
  if (!values.central_repo && values.github_org) values.central_repo = `${values.github_org}/.github`;
  for (const [k, v] of Object.entries(values)) if (v === '') values[k] = undefined;
  for (const k of [
    'repos',
    'repo_topics',
    'include_repos',
    'exclude_repos',
    'custom_properties',
    'topic_prefixes',
    'exception_label',
    'tickets',
    'history_branch',
    'history_path',
  ])
    values[k] ??= '';
  const r = AggregateInputs.safeParse(values);
  if (!r.success) throw new InputsError(r.error);
  return r.data;
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
  { name: 'month', description: 'Reporting month `YYYY-MM` of the aggregate run.', command: 'aggregate' },
  {
    name: 'issue_url',
    description: 'URL of the monthly metrics issue (created or updated).',
    command: 'aggregate',
  },
  {
    name: 'failed_repos',
    description: 'Repos whose records could not be read (listed in the report).',
    command: 'aggregate',
  },
  {
    name: 'report_dir',
    description: 'Absolute path of the folder with the report files.',
    command: 'aggregate',
  },
];
