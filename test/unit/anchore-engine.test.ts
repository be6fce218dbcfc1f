import { describe, expect, it } from 'vitest';
import { anchoreEngineParser } from '../../src/parsers/anchore_engine/index.js';
import { UserError } from '../../src/util/errors.js';
import { normalizeFixture } from '../helpers/corpus.js';

describe('anchore_engine parser', () => {
  it('one record per vulnerabilities[] entry', () => {
    const r = normalizeFixture('anchore_engine/vulns.json');
    expect(r.file.format).toBe('anchore_engine');
    expect(r.file.warnings).toEqual([
      '/vulnerabilities/2: not a vulnerability with "vuln" and a package name; skipped',
    ]);
    expect(r.findings).toHaveLength(2);
    const digest = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
    expect(r.findings[0]).toMatchObject({
      finding_title: 'CVE-2018-25032 zlib1g 1:1.2.11.dfsg-2',
      category: 'container',
      severity: 'high',
      severity_source: 'tool',
      cvss: { score: 7.5 },
      package: {
        name: 'zlib1g',
        version: '1:1.2.11.dfsg-2',
        fixed_version: '1:1.2.11.dfsg-2+deb11u2',
        ecosystem: 'dpkg',
      },
      location: { image: digest, file: null },
    });
    expect(r.findings[1]).toMatchObject({
      severity: 'info',
      state: 'open',
      cve: ['GHSA-5949-rw7g-wx7w'],
      package: { fixed_version: null },
      location: { file: '/app/lib/jackson-databind-2.9.8.jar' },
    });
  });

  it('rejects other shapes; detection is specific', () => {
    expect(() => anchoreEngineParser.parse({ matches: [] }, { file: 'x.json' })).toThrow(UserError);
    expect(
      anchoreEngineParser.detect({
        name: 'x',
        head: '',
        doc: { vulnerabilities: [], packageManager: 'npm' },
      }),
    ).toBe(0);
    expect(
      anchoreEngineParser.detect({ name: 'x', head: '', doc: { vulnerabilities: [], imageDigest: 'x' } }),
    ).toBe(1);
  });
});
