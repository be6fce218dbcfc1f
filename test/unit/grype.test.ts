import { describe, expect, it } from 'vitest';
import { grypeParser } from '../../src/parsers/grype/index.js';
import { UserError } from '../../src/util/errors.js';
import { normalizeFixture } from '../helpers/corpus.js';

describe('grype parser', () => {
  it('reads an image scan: one record per match, aliases, CVSS, fix versions, ignored matches', () => {
    const r = normalizeFixture('grype/image.json');
    expect(r.file.format).toBe('grype');
    expect(r.file.warnings).toEqual(['/matches/3: match without vulnerability.id or artifact; skipped']);
    expect(r.findings).toHaveLength(4);
    const [log4j, libc, zlib, ignored] = r.findings;
    expect(log4j).toMatchObject({
      finding_title: 'GHSA-jfh8-c2jp-5v3q log4j-core 2.14.1',
      category: 'container',
      severity: 'critical',
      severity_source: 'tool',
      cve: ['CVE-2021-44228', 'GHSA-jfh8-c2jp-5v3q'],
      cvss: { score: 10, version: '3.1' },
      package: {
        name: 'log4j-core',
        version: '2.14.1',
        fixed_version: '2.15.0',
        ecosystem: 'java-archive',
        purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      },
      location: { file: '/app/lib/log4j-core-2.14.1.jar', image: 'registry.example.com/shop/api:1.4.2' },
      tool_version: '0.84.0',
    });
    expect(log4j!.identity.parts).toEqual([
      'CVE-2021-44228',
      'log4j-core',
      'registry.example.com/shop/api:1.4.2',
    ]);
    expect(libc).toMatchObject({ severity: 'info', source_severity: 'Negligible', state: 'open' });
    expect(libc!.cvss).toMatchObject({ score: 7.8 });
    expect(zlib).toMatchObject({ severity: 'info', state: 'open', package: { fixed_version: null } });
    expect(zlib!.location.file).toBeNull();
    expect(ignored).toMatchObject({ state: 'suppressed', source_pointer: '/ignoredMatches/0' });
    expect(ignored!.state_reason).toContain('not reachable, SEC-7');
    expect(r.scans[0]).toMatchObject({
      tool: { name: 'Grype', version: '0.84.0' },
      categories: ['container'],
    });
  });

  it('directory scans are sca with the lock file as location', () => {
    const r = normalizeFixture('grype/dir.json');
    expect(r.findings[0]).toMatchObject({
      category: 'sca',
      location: { file: '/web/package-lock.json', image: null },
    });
    expect(r.scans[0]!.categories).toEqual(['sca']);
  });

  it('rejects a wrong shape and detects only Grype', () => {
    expect(() => grypeParser.parse({ results: [] }, { file: 'x.json' })).toThrow(UserError);
    expect(() => grypeParser.parse({ results: [] }, { file: 'x.json' })).toThrow(/matches/);
    expect(grypeParser.detect({ name: 'x', head: '', doc: { vulnerabilities: [] } })).toBe(0);
    expect(
      grypeParser.detect({ name: 'x', head: '', doc: { matches: [], descriptor: { name: 'grype' } } }),
    ).toBe(1);
  });
});
