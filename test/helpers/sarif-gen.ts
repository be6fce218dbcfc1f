/**
 * Small deterministic SARIF logs for the streaming tests, written by hand from the SARIF 2.1.0
 * spec: several runs, rules in tool.extensions (toolComponent index), results before tool in key
 * order, artifacts by index, escapes and non-ASCII text, suppressions, a secret-scanner run whose
 * secrets must be redacted everywhere, a result that is not an object, and kind pass.
 */
export interface GenOptions {
  results?: number;
  indent?: number;
  /** Put `results` before `tool` in every run. */
  resultsFirst?: boolean;
  /** Include a gitleaks-like run (secrets; redaction across results). */
  secrets?: boolean;
  /** Every n-th CodeQL result is a copy of an earlier one (the same finding at the same place again). */
  repeatEvery?: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function genSarif(o: GenOptions = {}): string {
  const n = o.results ?? 40;
  const r = rng(7);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)]!;
  const odd = [
    '"quoted"',
    'C:\\path\\x',
    'naïve café',
    '中文',
    'tab\tsep',
    'a\nb',
    '<script>',
    '\u2028',
    '😀',
  ];
  const extRules = Array.from({ length: 5 }, (_, i) => ({
    id: `js/ext-rule-${i}`,
    shortDescription: { text: `Extension rule ${i} ${pick(odd)}` },
    defaultConfiguration: { level: pick(['error', 'warning', 'note']) },
    properties: {
      tags: ['security', `external/cwe/cwe-${79 + i}`],
      'security-severity': pick(['9.8', '7.5', '4.3']),
    },
  }));
  const codeqlResults: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const ri = Math.floor(r() * extRules.length);
    const res: Record<string, unknown> = {
      ruleId: extRules[ri]!.id,
      rule: { id: extRules[ri]!.id, index: ri, toolComponent: { index: 0 } },
      message: { text: `Value flows to ${pick(odd)} sink ${i}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation:
              r() < 0.3 ? { index: i % 3 } : { uri: `src/f${i % 7}.js`, uriBaseId: '%SRCROOT%' },
            region: { startLine: 1 + (i % 5), startColumn: 2 },
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `${(i * 2654435761) % 99991}:1` },
    };
    if (i % 11 === 3) res.suppressions = [{ kind: 'inSource', justification: `ok ${pick(odd)}` }];
    if (i % 13 === 5) res.kind = 'pass';
    if (i % 17 === 9) res.baselineState = 'absent';
    codeqlResults.push(res);
    if (o.repeatEvery && i % o.repeatEvery === o.repeatEvery - 1)
      codeqlResults.push(codeqlResults[Math.floor(r() * codeqlResults.length)]);
  }
  codeqlResults.splice(2, 0, 'not an object');
  const codeql: Record<string, unknown> = {
    tool: {
      driver: { name: 'CodeQL', semanticVersion: '2.19.3', rules: [] },
      extensions: [{ name: 'codeql/js-queries', rules: extRules }],
    },
    artifacts: [
      { location: { uri: 'src/a.js', uriBaseId: '%SRCROOT%' } },
      { location: { uri: 'src/b c.js' } },
      { location: { uri: 'lib/ü.js' } },
    ],
    originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///home/runner/work/repo/repo/' } },
    results: codeqlResults,
    invocations: [{ executionSuccessful: true }],
  };
  const semgrep: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'Semgrep OSS',
        version: '1.95.0',
        rules: [{ id: 'py.sqli', properties: { tags: ['CWE-89'] } }],
      },
    },
    results: Array.from({ length: Math.ceil(n / 4) }, (_, i) => ({
      ruleId: i % 5 === 4 ? 'py.unknown' : 'py.sqli',
      level: pick(['error', 'warning', 'note', 'none']),
      message: { text: `SQL built from input ${i}\n${pick(odd)}` },
      locations: [
        { physicalLocation: { artifactLocation: { uri: `app/db${i % 3}.py` }, region: { startLine: 10 } } },
      ],
      fingerprints: { 'matchBasedId/v1': `mb${i}` },
    })),
  };
  const runs: Record<string, unknown>[] = [codeql, semgrep];
  if (o.secrets) {
    const secrets = ['AKIAZZZZZZZZZZZZZZZZ', 'hunter2-password-value', 's3cr3t-t0ken-abcdef'];
    runs.push({
      tool: {
        driver: {
          name: 'gitleaks',
          version: '8.18.0',
          rules: [{ id: 'generic-api-key', shortDescription: { text: 'Generic API Key' } }],
        },
      },
      // the first result's message names the secret that only the last result reports
      results: secrets.map((s, i) => ({
        ruleId: 'generic-api-key',
        message: { text: `leak in config ${i}: also see ${secrets[(i + 2) % 3]}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: `conf/${i}.env` },
              region: { startLine: 3, snippet: { text: s } },
            },
          },
        ],
        partialFingerprints: { commitSha: `c${i}`, fp: `${s}:conf/${i}.env` },
        properties: { commit: `c${i}` },
      })),
    });
  }
  if (o.resultsFirst) {
    for (const run of runs) {
      const { results, ...rest } = run;
      for (const k of Object.keys(run)) delete run[k];
      Object.assign(run, { results }, rest);
    }
  }
  return JSON.stringify(
    { version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs },
    null,
    o.indent,
  );
}
