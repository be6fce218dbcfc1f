import { expect, it } from 'vitest';
import { describeCorpus, normalizeCorpus, oracleFor } from '../helpers/corpus.js';

// One record per message plus one per suppressed message; fatal parse errors are scan errors.
// eslint-9.39.5_report.json: 5 messages - 1 fatal + 1 suppressed = 5 records, as in the SARIF of the same run.
describeCorpus('ESLint conformance (../shared/corpus/eslint)', () => {
  const entries = oracleFor('eslint');
  it('has ESLint entries', () => expect(entries.length).toBeGreaterThanOrEqual(1));
  for (const e of entries) {
    it(`${e.file}: one record per message and suppressed message`, () => {
      const r = normalizeCorpus(e.file);
      expect(r.file.error).toBeNull();
      expect(r.file.format).toBe('eslint');
      const fatal = e.raw_counts.fatalErrorCount as number;
      expect(r.findings.length).toBe(
        (e.raw_counts.messages as number) - fatal + (e.raw_counts.suppressedMessages as number),
      );
      expect(r.findings.filter((f) => f.state === 'suppressed')).toHaveLength(
        e.raw_counts.suppressedMessages as number,
      );
      expect(r.scans[0]!.errors).toHaveLength(fatal);
    });
  }

  it('gives the same records and identities as the SARIF of the same run', () => {
    const roots = ['/builds/acme/webapp'];
    const json = normalizeCorpus('eslint/eslint-9.39.5_report.json', { roots }).findings;
    const sarif = normalizeCorpus('sarif/eslint-9.39.5_report.sarif', { roots }).findings;
    const key = (f: (typeof json)[number]) =>
      [f.id, f.rule_id, f.severity, f.state, f.location.file, f.location.start_line, f.finding_title].join(
        '|',
      );
    expect(json.map(key).sort()).toEqual(sarif.map(key).sort());
    expect(json[0]!.location.file).toBe('src/app.js');
    expect(normalizeCorpus('eslint/eslint-9.39.5_report.json').scans[0]!.success).toBe(
      normalizeCorpus('sarif/eslint-9.39.5_report.sarif').scans[0]!.success,
    );
  });
});
