import { expect } from 'vitest';
import type { Finding } from '../../src/schema/finding.js';
import type { OracleEntry } from './corpus.js';

/**
 * Compare DefectDojo field assertions from oracle.json with our records, for the fields where our
 * convention agrees with DefectDojo's. `fields` names the DefectDojo attributes to check; `order`
 * maps DefectDojo's finding index to ours when the orders differ. Returns how many were checked.
 */
export function expectDefectDojoFields(
  e: OracleEntry,
  findings: Finding[],
  fields: readonly string[],
  order: (ddIndex: number) => number = (i) => i,
): number {
  let checked = 0;
  for (const x of e.defectdojo_expectations ?? []) {
    if (x.kind !== 'field' || typeof x.finding_index !== 'number' || !fields.includes(String(x.field)))
      continue;
    if (!('expected' in x)) continue;
    const f = findings[order(x.finding_index)];
    expect(f, `${e.file} finding ${String(x.finding_index)}`).toBeDefined();
    const where = `${e.file} [${String(x.finding_index)}].${String(x.field)}`;
    const want = x.expected;
    switch (x.field) {
      case 'severity':
        expect(f!.severity, where).toBe(String(want).toLowerCase());
        break;
      case 'title':
        expect(f!.finding_title, where).toBe(want);
        break;
      case 'unsaved_vulnerability_ids':
        for (const id of Array.isArray(want) ? want : [want]) expect(f!.cve, where).toContain(id);
        break;
      case 'cwe':
        // DefectDojo writes 0 for "no CWE".
        if (want === 0 || want === null) expect(f!.cwe, where).toEqual([]);
        else expect(f!.cwe, where).toContain(`CWE-${String(want).replace(/^CWE-/i, '')}`);
        break;
      case 'unsaved_cwes':
        for (const c of want as number[]) expect(f!.cwe, where).toContain(`CWE-${c}`);
        break;
      case 'component_name':
        expect(f!.package?.name, where).toBe(want);
        break;
      case 'component_version':
        expect(f!.package?.version, where).toBe(want);
        break;
      case 'line':
        expect(f!.location.start_line, where).toBe(want);
        break;
      case 'file_path':
        expect(f!.location.file, where).toBe(want);
        break;
      case 'cvssv3_score':
        expect(f!.cvss && /^3/.test(f!.cvss.version ?? '') ? f!.cvss.score : null, where).toBe(want);
        break;
      case 'cvssv3':
        expect(f!.cvss?.vector, where).toBe(want);
        break;
      case 'vuln_id_from_tool':
        expect(f!.rule_id, where).toBe(want);
        break;
      case 'fix_available':
        expect(f!.package?.fixed_version != null, where).toBe(want);
        break;
      case 'mitigation':
        expect(f!.package?.fixed_version, where).toBe(want);
        break;
      default:
        throw new Error(`no mapping for DefectDojo field ${String(x.field)}`);
    }
    checked++;
  }
  return checked;
}
