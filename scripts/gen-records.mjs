#!/usr/bin/env node
// Deterministic collected records for the aggregator benchmark (no randomness, no network, no CLI):
//   node scripts/gen-records.mjs --findings 1000000 --repos 2000 --out .bench/records-1000000
// Writes, per repo, two mainline runs (2026-10-15 and 2026-11-20): `run.json` + `findings.jsonl`,
// the shape `collect` writes (schema order, ~1.5 KB per finding, modelled on the demo records).
// Findings are split evenly over the 2 × repos runs. Between the two runs 1 in 10 findings disappear
// (the November run closes them by the closing rule) and as many new ones appear; 1 in 9 SCA findings
// come from a second tool at the same package and target (cross-tool links); 1 in 50 are
// `suppressed`. Also writes `inventory.yml` (one application per 5 repos) beside the records folder
// when `--inventory` is given a path. Prints one JSON line: {"findings", "runs", "bytes"}.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const N = Number(opt('findings', '1000000'));
const REPOS = Number(opt('repos', '2000'));
const OUT = path.resolve(opt('out', `.bench/records-${N}`));
const INVENTORY = opt('inventory', null);

const RUNS = [
  { at: '2026-10-15T09:00:00.000Z', tag: '2026-10-15-push' },
  { at: '2026-11-20T09:00:00.000Z', tag: '2026-11-20-push' },
];
const SEV = ['critical', 'high', 'medium', 'low', 'info'];
const h = (s) => createHash('sha256').update(s).digest('hex');
const TOOLS = {
  sast: ['CodeQL', '2.19.3', 'codeql.sarif'],
  sca: ['Trivy', '0.57.1', 'trivy.sarif'],
  sca2: ['Grype', '0.84.0', 'grype.sarif'],
  secret: ['gitleaks', '8.21.2', 'gitleaks.sarif'],
  iac: ['Checkov', '3.2.0', 'checkov.sarif'],
};

/** Finding k of repo r (k is the finding's number within the repo, stable across runs). */
function finding(r, k, run, fresh) {
  const repo = `acme/repo-${String(r).padStart(4, '0')}`;
  const base = ['sast', 'sca', 'sca', 'secret', 'iac'][k % 5];
  // 1 in 9 SCA findings come from Grype, for the package and CVE of the Trivy finding k - 5.
  const second = base === 'sca' && k % 9 === 1 && k >= 5;
  const kind = second ? 'sca2' : base;
  const v = second ? k - 5 : k;
  const [tool, version, file] = TOOLS[kind];
  const category = kind === 'sca2' ? 'sca' : kind;
  const cve = category === 'sca' ? `CVE-2024-${String(10000 + (v % 7919)).padStart(5, '0')}` : null;
  const pkg = category === 'sca' ? `pkg-${v % 613}` : null;
  const src = category === 'sca' ? 'package-lock.json' : `src/module-${k % 97}/file-${k % 1009}.ts`;
  const line = category === 'sca' ? 1 : 1 + (k % 400);
  const parts =
    category === 'sca'
      ? [cve, pkg, 'package-lock.json']
      : category === 'sast'
        ? [`js/rule-${k % 53}`, src, `ctx-${k}`]
        : [`${category}-rule-${k % 31}`, src, `${line}`];
  const id = `f1-${h(`${category}|${tool}|${parts.join('|')}|${repo}`).slice(0, 24)}`;
  const severity = SEV[(k * 7 + r) % 5];
  const firstSeen = fresh ? run.at : RUNS[0].at;
  const state = k % 50 === 7 ? 'suppressed' : 'open';
  return {
    schema_version: 1,
    id,
    identity: { scheme: `${category}/v1`, parts },
    occurrence_id: `o1-${h(`${id}|${line}|${run.at}`).slice(0, 24)}`,
    source_tool: tool,
    tool_version: version,
    source_format: 'sarif',
    product: `product-${r % 40}`,
    service: null,
    repo,
    ref: 'refs/heads/main',
    commit: h(`${repo}@${run.at}`).slice(0, 40),
    finding_title:
      category === 'sca' ? `${pkg}: vulnerability ${cve}` : `${category} rule ${parts[0]} in ${src}`,
    description: `Generated finding ${k} of ${repo} for the aggregator benchmark. `.repeat(6).trim(),
    category,
    rule_id: category === 'sca' ? cve : parts[0],
    rule_name: category === 'sca' ? 'LanguageSpecificPackageVulnerability' : `Rule ${parts[0]}`,
    severity,
    severity_source: k % 11 === 0 ? 'default' : 'security-severity-rule',
    source_severity: k % 11 === 0 ? null : String(1 + (k % 9)) + '.5',
    confidence: 'A',
    tool_confidence: 'very-high',
    state,
    state_reason: state === 'suppressed' ? 'inSource: generated suppression' : null,
    first_seen: firstSeen,
    last_seen: run.at,
    closed_at: null,
    owner: null,
    owner_source: null,
    exception_id: null,
    release_blocking: severity === 'critical',
    cwe: category === 'sast' ? [`CWE-${79 + (k % 13)}`] : [],
    cve: cve ? [cve] : [],
    cvss: { score: category === 'sca' ? 5 + (k % 5) : null, vector: null, version: null },
    package: pkg
      ? {
          name: pkg,
          version: `1.${k % 17}.0`,
          fixed_version: `1.${(k % 17) + 1}.0`,
          ecosystem: 'npm',
          purl: null,
        }
      : null,
    location: {
      file: src,
      start_line: line,
      end_line: line,
      url: null,
      resource: null,
      image: null,
      account: null,
      region: null,
    },
    fingerprints: category === 'sast' ? { primaryLocationLineHash: h(`${k}`).slice(0, 16) } : {},
    baseline_state: null,
    suppression: null,
    tags: ['security', category],
    help_uri: null,
    source_file: file,
    source_pointer: `/runs/0/results/${k}`,
    source_index: k,
  };
}

function runRecord(r, run, counts, total) {
  const repo = `acme/repo-${String(r).padStart(4, '0')}`;
  const ev = (f) => ({ file: f, sha256: h(f), status: 'ok' });
  const cov = (tools, files, n) => ({
    status: 'ran',
    expected: false,
    tools: tools.map(([name, version]) => ({ name, version })),
    evidence: files.map(ev),
    findings: n,
  });
  const none = { status: 'not_run', expected: false, tools: [], evidence: [], findings: 0 };
  const inputs = Object.values(TOOLS).map(([tool, version, file]) => ({
    path: file,
    sha256: h(file),
    bytes: 1000,
    format: 'sarif',
    detection: 'auto',
    tool,
    tool_version: version,
    status: 'ok',
    error: null,
    findings: 0,
    warnings: [],
  }));
  return {
    schema_version: 1,
    run_id: `r1-${h(`${repo}@${run.at}`).slice(0, 20)}`,
    collector: { name: 'product-security-metrics', version: '0.1.0' },
    platform: 'github',
    started_at: run.at,
    finished_at: run.at,
    repo,
    ref: 'refs/heads/main',
    commit: h(`${repo}@${run.at}`).slice(0, 40),
    default_branch: 'main',
    run_url: `https://github.com/${repo}/actions/runs/1`,
    event: { kind: 'default_branch', name: 'push', reason: 'push to default branch main' },
    product: `product-${r % 40}`,
    service: null,
    globs: [{ pattern: '*.sarif', matched: inputs.length }],
    inputs,
    counts: { total, ...counts },
    coverage: {
      sast: cov([TOOLS.sast], [TOOLS.sast[2]], 0),
      sca: cov([TOOLS.sca, TOOLS.sca2], [TOOLS.sca[2], TOOLS.sca2[2]], 0),
      secret: cov([TOOLS.secret], [TOOLS.secret[2]], 0),
      iac: cov([TOOLS.iac], [TOOLS.iac[2]], 0),
      container: none,
      dast: none,
      mobile: none,
      cloud: none,
    },
    gate: {
      result: 'pass',
      policy: {
        fail_on: 'critical',
        category_thresholds: {},
        max_findings: {},
        scope: 'all',
        mode: 'report',
        exceptions_file: null,
        baseline: null,
      },
      reasons: [],
      counts: { evaluated: total, blocking: 0, excepted: 0, by_severity: {} },
      blocking_ids: [],
      exceptions: { active: 0, expired: 0, without_expiry: 0, errors: [] },
    },
    warnings: [],
  };
}

fs.rmSync(OUT, { recursive: true, force: true });
const perRun = Math.floor(N / (REPOS * RUNS.length));
let extra = N - perRun * REPOS * RUNS.length;
let total = 0;
let bytes = 0;
let runs = 0;
for (let r = 0; r < REPOS; r++) {
  RUNS.forEach((run, ri) => {
    const n = perRun + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    const dir = path.join(OUT, run.at.slice(0, 7), `repo-${String(r).padStart(4, '0')}`, run.tag);
    fs.mkdirSync(dir, { recursive: true });
    const bySev = Object.fromEntries(SEV.map((s) => [s, 0]));
    const byCat = Object.fromEntries(
      ['sast', 'sca', 'secret', 'iac', 'container', 'dast', 'mobile', 'cloud', 'license', 'other'].map(
        (c) => [c, 0],
      ),
    );
    const byState = {};
    const fd = fs.openSync(path.join(dir, 'findings.jsonl'), 'w');
    let chunk = '';
    let written = 0;
    // The November run drops every 10th finding of October (closed by the rule) and adds new ones.
    for (let i = 0, k = 0; written < n; i++) {
      k = ri === 1 && i % 10 === 3 ? n * 4 + i : i;
      const f = finding(r, k, run, k !== i);
      bySev[f.severity]++;
      byCat[f.category]++;
      byState[f.state] = (byState[f.state] ?? 0) + 1;
      chunk += JSON.stringify(f) + '\n';
      written++;
      if (chunk.length > 1 << 20) {
        bytes += fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    bytes += fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    fs.writeFileSync(
      path.join(dir, 'run.json'),
      JSON.stringify(
        runRecord(r, run, { by_severity: bySev, by_category: byCat, by_state: byState }, n),
        null,
        2,
      ) + '\n',
    );
    total += n;
    runs++;
  });
}
if (INVENTORY) {
  let y = 'application,owner,tier,repos\n';
  for (let a = 0; a < Math.ceil(REPOS / 5); a++) {
    const repos = [];
    for (let r = a * 5; r < Math.min(REPOS, a * 5 + 5); r++)
      repos.push(`acme/repo-${String(r).padStart(4, '0')}`);
    y += `app-${a},team-${a % 60},tier-${1 + (a % 3)},${repos.join(' ')}\n`;
  }
  fs.writeFileSync(path.resolve(INVENTORY), y);
}
fs.writeFileSync(path.join(OUT, '.done'), '');
console.log(JSON.stringify({ findings: total, runs, bytes }));
