import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';
import { expectDefectDojoFields } from '../helpers/dd-fields.js';

// Counting convention: one record per vulnerability, FAIL misconfiguration, secret and license item,
// no merge: the oracle's `total_items` (DefectDojo agrees on every file here). Fields checked against
// DefectDojo where we agree; file_path differs on purpose (README: we keep the image/manifest, not
// DefectDojo's synthesised "<target>/<pkg>-<version>").
const FIELDS = [
  'severity',
  'title',
  'unsaved_vulnerability_ids',
  'cwe',
  'component_name',
  'component_version',
  'line',
  'cvssv3',
];

describeCorpus('Trivy conformance (../shared/corpus/trivy)', () => {
  const entries = oracleFor('trivy');
  it('has Trivy entries in the oracle', () => {
    expect(entries.length).toBeGreaterThanOrEqual(10);
  });
  for (const e of entries) {
    it(`${e.file}: one record per item`, () => {
      const raw = e.raw_counts;
      // A literal `null` is ambiguous (Gitleaks writes it too): auto-detected as Trivy only by file name.
      const r = normalizeCorpus(e.file, raw.layout === 'legacy-null' ? { format: 'trivy' } : {});
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('trivy');
      const expected =
        (raw.total_items as number | undefined) ??
        (raw.vulnerabilities as number) + ((raw.misconf_status_FAIL as number | undefined) ?? 0);
      expect(r.findings.length).toBe(expected);
      if (typeof e.defectdojo_count === 'number') expect(r.findings.length).toBe(e.defectdojo_count);
      const sev = raw.severities as Record<string, number> | undefined;
      if (sev) {
        const ours: Record<string, number> = {};
        for (const f of r.findings) ours[f.source_severity ?? ''] = (ours[f.source_severity ?? ''] ?? 0) + 1;
        expect(ours).toEqual(sev);
      }
      expectDefectDojoFields(e, r.findings, FIELDS);
    });
  }

  it('all_statuses.json: vendor statuses map to our states', () => {
    const r = normalizeCorpus('trivy/all_statuses.json');
    expect(r.findings.map((f) => f.state)).toEqual([
      'open', // unknown
      'not_applicable', // not_affected
      'open', // affected
      'open', // fixed: a fixed version exists, the installed one is still vulnerable
      'open', // under_investigation
      'open', // will_not_fix: the vendor's decision, not an accepted risk
      'open', // fix_deferred
      'open', // end_of_life
    ]);
  });

  it('misconfigurations_and_secrets.json: categories, no secret text', () => {
    const r = normalizeCorpus('trivy/misconfigurations_and_secrets.json');
    expect(r.findings.map((f) => f.category)).toEqual(['sca', 'sca', 'iac', 'secret', 'secret']);
    expect(JSON.stringify(r.findings)).not.toContain('GITHUB_PAT=');
    expect(r.scans[0]!.categories).toEqual(['iac', 'sca', 'secret']);
  });

  it('scheme_2_no_vuln.json: an os-pkgs target with no vulnerabilities still evidences container', () => {
    const r = normalizeCorpus('trivy/scheme_2_no_vuln.json');
    expect(r.findings).toHaveLength(0);
    expect(r.scans[0]!.categories).toEqual(['container']);
  });
});
