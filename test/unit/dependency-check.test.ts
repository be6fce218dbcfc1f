import { describe, expect, it } from 'vitest';
import {
  dependencyCheckJsonParser,
  dependencyCheckParser,
} from '../../src/parsers/dependency_check/index.js';
import { UserError } from '../../src/util/errors.js';
import { normalizeFixture } from '../helpers/corpus.js';

describe('dependency_check parser', () => {
  it('XML: one record per vulnerability per dependency, suppressed kept', () => {
    const r = normalizeFixture('dependency_check/report.xml', { roots: ['/builds/acme/shop'] });
    expect(r.file.format).toBe('dependency_check');
    expect(r.file.tool_version).toBe('9.0.9');
    expect(r.file.warnings).toEqual([
      '/analysis/dependencies/dependency[2]/vulnerabilities/vulnerability[2]: vulnerability without a name; skipped',
    ]);
    expect(r.findings).toHaveLength(4);
    const [log4j, suppressed, npm, dll] = r.findings;
    expect(log4j).toMatchObject({
      finding_title: 'CVE-2021-44228 org.apache.logging.log4j:log4j-core 2.14.1',
      rule_id: 'CVE-2021-44228',
      severity: 'critical',
      severity_source: 'tool',
      cve: ['CVE-2021-44228'],
      cwe: ['CWE-502', 'CWE-400'],
      cvss: { score: 10, version: '3.1' },
      package: {
        name: 'org.apache.logging.log4j:log4j-core',
        version: '2.14.1',
        ecosystem: 'maven',
        purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      },
      location: { file: 'lib/log4j-core-2.14.1.jar' },
      state: 'open',
      help_uri: 'https://logging.apache.org/log4j/2.x/security.html',
    });
    expect(log4j!.description).toContain('tools/lib/log4j-core-2.14.1.jar');
    expect(suppressed).toMatchObject({
      rule_id: 'CVE-2021-45046',
      state: 'suppressed',
      severity: 'critical',
      severity_source: 'cvss',
      source_pointer:
        '/analysis/dependencies/dependency[1]/suppressedVulnerabilities/suppressedVulnerability[1]',
    });
    expect(suppressed!.state_reason).toContain('SEC-11');
    expect(npm).toMatchObject({
      rule_id: 'NPM-1179',
      severity: 'medium',
      cve: [],
      cwe: ['CWE-471'],
      package: { name: 'minimist', version: '0.0.8', ecosystem: 'npm' },
      location: { file: 'web/package-lock.json' },
    });
    expect(dll).toMatchObject({
      severity: 'medium',
      severity_source: 'cvss',
      cvss: { score: 5, version: '2.0' },
      package: { name: 'native.dll', version: null, purl: null },
      location: { file: 'C:/build/shop/bin/native.dll' },
    });
  });

  it('JSON report gives the same records for the same dependency', () => {
    const x = normalizeFixture('dependency_check/report.xml');
    const j = normalizeFixture('dependency_check/report.json');
    expect(j.file.format).toBe('dependency_check_json');
    expect(j.findings).toHaveLength(2);
    expect(j.findings.map((f) => [f.id, f.state, f.severity])).toEqual(
      x.findings.slice(0, 2).map((f) => [f.id, f.state, f.severity]),
    );
    expect(j.findings[0]!.cwe).toEqual(['CWE-502', 'CWE-400']);
  });

  it('rejects other shapes; detection is specific', () => {
    expect(() => dependencyCheckParser.parse({ foo: {} }, { file: 'x.xml' })).toThrow(UserError);
    expect(() => dependencyCheckParser.parse({ foo: {} }, { file: 'x.xml' })).toThrow(/analysis/);
    expect(dependencyCheckParser.detect({ name: 'x', head: '', doc: { OWASPZAPReport: {} } })).toBe(0);
    expect(dependencyCheckJsonParser.detect({ name: 'x', head: '', doc: { dependencies: [] } })).toBe(0);
  });
});
