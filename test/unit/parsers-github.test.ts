import { describe, expect, it } from 'vitest';
import { normalizeFixture } from '../helpers/corpus.js';
import { parseGithubVulnerability } from '../../src/parsers/github_vulnerability/index.js';
import { parseCodeScanning } from '../../src/parsers/github_code_scanning/index.js';
import { parseSecretScanning } from '../../src/parsers/github_secret_scanning/index.js';

describe('GitHub code scanning alerts', () => {
  const r = normalizeFixture('github_code_scanning/code-scanning-alerts.json');
  it('detects and reads every alert with lifecycle dates', () => {
    expect(r.file.format).toBe('github_code_scanning');
    expect(r.findings).toHaveLength(6);
    expect(r.findings[0]).toMatchObject({
      source_tool: 'CodeQL',
      tool_version: '2.19.0',
      rule_id: 'js/sql-injection',
      severity: 'critical',
      severity_source: 'security-severity-rule',
      cwe: ['CWE-89'],
      state: 'open',
      first_seen: '2026-10-01T08:00:00.000Z',
      closed_at: null,
      repo: 'acme/shop',
      location: {
        file: 'src/db1.js',
        start_line: 11,
        url: 'https://github.com/acme/shop/security/code-scanning/1',
      },
    });
  });
  it('maps states per METRICS.md and keeps the reason', () => {
    expect(r.findings.map((f) => [f.state, f.closed_at])).toEqual([
      ['open', null],
      ['fixed', '2026-10-04T10:00:00.000Z'],
      ['false_positive', '2026-10-05T09:00:00.000Z'],
      ['accepted_risk', '2026-10-06T09:00:00.000Z'],
      ['not_applicable', '2026-10-07T09:00:00.000Z'],
      ['open', null],
    ]);
    expect(r.findings[2]!.state_reason).toBe('dismissed: false positive: sanitised upstream');
  });
  it('falls back to the rule severity as a level', () => {
    expect(r.findings[5]).toMatchObject({
      severity: 'low',
      severity_source: 'level',
      source_severity: 'note',
    });
  });
  it('throws a UserError for a non-list and warns for an odd item', () => {
    expect(() => parseCodeScanning({ foo: 1 }, 'x.json')).toThrow(/expected a JSON array of alerts/);
    const out = parseCodeScanning([{ nope: true }], 'x.json');
    expect(out.findings).toHaveLength(0);
    expect(out.warnings[0]).toMatch(/^\/0: not a code scanning alert/);
  });
});

describe('GitHub secret scanning alerts', () => {
  const r = normalizeFixture('github_secret_scanning/secret-scanning-alerts.json');
  it('never copies the secret; critical by default; resolution mapped', () => {
    expect(r.file.format).toBe('github_secret_scanning');
    const out = JSON.stringify(r.findings);
    expect(out).not.toContain('fixture-gh-secret');
    expect(out).not.toContain('someone');
    expect(r.findings.map((f) => f.state)).toEqual([
      'open',
      'fixed',
      'not_applicable',
      'not_applicable',
      'accepted_risk',
    ]);
    expect(r.findings[4]!.state_reason).toBe('resolved: wont_fix: accepted by team');
    expect(r.findings[1]).toMatchObject({
      closed_at: '2026-09-03T00:00:00.000Z',
      category: 'secret',
      severity: 'critical',
      severity_source: 'default',
    });
    expect(r.findings[0]!.identity.parts[2]).toMatch(/^sha256:/);
  });
  it('rejects a non-list', () => {
    expect(() => parseSecretScanning('x', 'x.json')).toThrow(/secret scanning alert list/);
  });
});

describe('GitHub Dependabot alerts', () => {
  it('REST: advisory ids, CVSS, package, manifest, every dismissal reason', () => {
    const r = normalizeFixture('github_vulnerability/dependabot-alerts.json');
    expect(r.file.format).toBe('github_vulnerability');
    expect(r.findings[0]).toMatchObject({
      source_tool: 'Dependabot',
      category: 'sca',
      rule_id: 'GHSA-p6mc-m468-83gw',
      cve: ['CVE-2020-8203', 'GHSA-p6mc-m468-83gw'],
      cwe: ['CWE-1321'],
      severity: 'high',
      cvss: { score: 7.4, version: '3.1' },
      package: { name: 'lodash', fixed_version: '4.17.19', ecosystem: 'npm' },
      location: { file: 'web/package-lock.json' },
      repo: 'acme/shop',
      first_seen: '2026-08-01T00:00:00.000Z',
    });
    expect(r.findings.map((f) => [f.state, f.state_reason])).toEqual([
      ['open', null],
      ['fixed', 'fixed'],
      ['accepted_risk', 'dismissed: tolerable_risk: internal only'],
      ['not_applicable', 'dismissed: not_used'],
      ['not_applicable', 'auto_dismissed (Dependabot auto-triage rule)'],
      ['false_positive', 'dismissed: inaccurate'],
      ['accepted_risk', 'dismissed: fix_started'],
      ['accepted_risk', 'dismissed: no_bandwidth'],
    ]);
    expect(r.findings[4]!.closed_at).toBe('2026-08-13T00:00:00.000Z');
  });

  it('GraphQL vulnerabilityAlerts: states, sentences as dismiss reasons, repo and alert URL', () => {
    const node = (state: string, extra: Record<string, unknown> = {}) => ({
      number: 7,
      createdAt: '2026-01-02T03:04:05Z',
      state,
      vulnerableManifestPath: 'go.sum',
      vulnerableRequirements: '= 0.1.0',
      securityVulnerability: {
        severity: 'MODERATE',
        package: { name: 'golang.org/x/net', ecosystem: 'GO' },
        firstPatchedVersion: { identifier: '0.7.0' },
        advisory: {
          ghsaId: 'GHSA-vvpx-j8f3-3w6h',
          summary: 'x/net issue',
          identifiers: [{ type: 'CVE', value: 'CVE-2022-41723' }],
        },
      },
      ...extra,
    });
    const doc = {
      data: {
        repository: {
          nameWithOwner: 'acme/api',
          url: 'https://github.com/acme/api',
          vulnerabilityAlerts: {
            nodes: [
              node('OPEN'),
              node('DISMISSED', {
                dismissedAt: '2026-02-01T00:00:00Z',
                dismissReason: 'Risk is tolerable to this project',
              }),
              null,
            ],
          },
        },
      },
    };
    const out = parseGithubVulnerability(doc, 'x.json');
    expect(out.findings).toHaveLength(2);
    expect(out.warnings).toEqual([
      '/data/repository/vulnerabilityAlerts/nodes/2: not a vulnerability alert (no securityVulnerability); skipped',
    ]);
    expect(out.findings[0]).toMatchObject({
      severity: 'medium',
      cve: ['CVE-2022-41723', 'GHSA-vvpx-j8f3-3w6h'],
      repo: 'acme/api',
      package: { name: 'golang.org/x/net', version: '0.1.0', fixed_version: '0.7.0', ecosystem: 'go' },
      location: { file: 'go.sum', url: 'https://github.com/acme/api/security/dependabot/7' },
      first_seen: '2026-01-02T03:04:05.000Z',
    });
    expect(out.findings[1]).toMatchObject({ state: 'accepted_risk', closed_at: '2026-02-01T00:00:00.000Z' });
  });

  it('a code scanning list given as github_vulnerability is read as code scanning, with a warning', () => {
    const doc = [
      {
        number: 1,
        rule: { id: 'r', security_severity_level: 'low' },
        tool: { name: 'CodeQL' },
        most_recent_instance: { location: { path: 'a.js' } },
      },
    ];
    const out = parseGithubVulnerability(doc, 'x.json');
    expect(out.findings[0]).toMatchObject({ category: 'sast', rule_id: 'r', severity: 'low' });
    expect(out.warnings[0]).toMatch(/code scanning alert list/);
  });

  it('GraphQL error responses and other shapes are UserErrors', () => {
    expect(() => parseGithubVulnerability({ errors: [{ message: 'Bad credentials' }] }, 'x.json')).toThrow(
      /Bad credentials/,
    );
    expect(() => parseGithubVulnerability({ a: 1 }, 'x.json')).toThrow(/vulnerabilityAlerts/);
  });
});
