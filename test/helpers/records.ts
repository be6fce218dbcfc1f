import type { Finding } from '../../src/schema/finding.js';
import type { ControlCoverage, RunRecord } from '../../src/schema/run.js';
import { CONTROLS } from '../../src/schema/run.js';
import { identityId } from '../../src/normalize/identity.js';
import { countFindings } from '../../src/commands/collect.js';
import { makeFinding as baseFinding } from './factory.js';

/** A minimal valid finding; `key` becomes the identity part so tests can name findings. */
export function makeFinding(o: Partial<Finding> & { key?: string } = {}): Finding {
  const { key = 'f', ...rest } = o;
  const category = rest.category ?? 'sast';
  const scheme = category === 'sca' ? 'sca/v1' : category === 'secret' ? 'secret/v1' : 'sast/v1';
  const id = rest.id ?? identityId(scheme, [key]);
  const base = baseFinding();
  return {
    ...base,
    id,
    identity: { scheme, parts: [key] },
    occurrence_id: `${id}-o`,
    tool_version: null,
    finding_title: `Finding ${key}`,
    category,
    rule_id: `rule/${key}`,
    severity_source: 'tool',
    source_severity: null,
    first_seen: null,
    last_seen: null,
    location: { ...base.location, file: `src/${key}.js` },
    source_file: 'codeql.sarif',
    ...rest,
  };
}

export interface RunSpec {
  at: string;
  repo?: string;
  /** Tools that ran: name → control and success. */
  tools?: Array<{ name: string; control: (typeof CONTROLS)[number]; ok?: boolean }>;
  event?: RunRecord['event']['kind'];
  gate?: 'pass' | 'fail' | 'no_data' | null;
  findings?: Finding[];
}

/** A run record whose coverage/inputs say which tools ran (and whether they succeeded). */
export function makeRun(s: RunSpec): RunRecord {
  const repo = s.repo ?? 'acme/shop';
  const tools = s.tools ?? [{ name: 'CodeQL', control: 'sast' }];
  const coverage = Object.fromEntries(
    CONTROLS.map((c): [string, ControlCoverage] => {
      const ts = tools.filter((t) => t.control === c);
      const status = ts.length === 0 ? 'not_run' : ts.some((t) => t.ok !== false) ? 'ran' : 'failed';
      return [
        c,
        {
          status,
          expected: false,
          tools: ts.map((t) => ({ name: t.name, version: null })),
          evidence: ts.map((t) => ({
            file: `${t.name}.sarif`,
            sha256: null,
            status: t.ok === false ? 'tool_error' : 'ok',
          })),
          findings: 0,
        },
      ];
    }),
  ) as RunRecord['coverage'];
  const findings = s.findings ?? [];
  return {
    schema_version: 1,
    run_id: `r1-${repo}-${s.at}`,
    collector: { name: 'product-security-metrics', version: '0.0.0' },
    platform: 'github',
    started_at: s.at,
    finished_at: s.at,
    repo,
    ref: s.event === 'release' ? 'refs/tags/v1' : 'refs/heads/main',
    commit: null,
    default_branch: 'main',
    run_url: null,
    event: { kind: s.event ?? 'default_branch', name: null, reason: 'test' },
    product: repo.split('/')[1]!,
    service: null,
    globs: [],
    inputs: tools.map((t) => ({
      path: `${t.name}.sarif`,
      sha256: null,
      bytes: 1,
      format: 'sarif',
      detection: 'given',
      tool: t.name,
      tool_version: null,
      status: t.ok === false ? 'tool_error' : 'ok',
      error: null,
      findings: findings.filter((f) => f.source_tool === t.name).length,
      warnings: [],
    })),
    counts: countFindings(findings),
    coverage,
    gate:
      s.gate === undefined || s.gate === null
        ? null
        : {
            result: s.gate,
            policy: {
              fail_on: 'critical',
              category_thresholds: {},
              max_findings: {},
              scope: 'all',
              mode: 'enforce',
              exceptions_file: null,
              baseline: null,
            },
            reasons: [],
            counts: { evaluated: 0, blocking: 0, excepted: 0, by_severity: {} },
            blocking_ids: [],
            exceptions: { active: 0, expired: 0, without_expiry: 0, errors: [] },
          },
    warnings: [],
  };
}
