import type { Category, Finding } from '../schema/finding.js';
import { CONTROLS, type Control, type ControlCoverage, type InputFile } from '../schema/run.js';
import type { ScanEvidence } from '../parsers/types.js';

export interface FileScans {
  file: InputFile;
  scans: ScanEvidence[];
}

/** Category → control. Licence findings come from SCA tools; `other` evidences nothing. */
export function controlOf(c: Category): Control | undefined {
  if (c === 'license') return 'sca';
  if (c === 'other') return undefined;
  return c;
}

/**
 * Coverage is evidence that a control ran successfully: a readable file whose tool reported success.
 * A configured-but-silent tool, an unreadable file or a failed tool run is not coverage.
 */
export function computeCoverage(
  files: readonly FileScans[],
  findings: readonly Finding[],
  expected: readonly Control[],
): { coverage: Record<Control, ControlCoverage>; warnings: string[] } {
  const coverage = {} as Record<Control, ControlCoverage>;
  for (const c of CONTROLS)
    coverage[c] = { status: 'not_run', expected: expected.includes(c), tools: [], evidence: [], findings: 0 };
  for (const { file, scans } of files) {
    for (const scan of scans) {
      for (const cat of scan.categories) {
        const control = controlOf(cat);
        if (!control) continue;
        const cov = coverage[control];
        if (!cov.tools.some((t) => t.name === scan.tool.name && t.version === scan.tool.version))
          cov.tools.push({ name: scan.tool.name, version: scan.tool.version });
        if (!cov.evidence.some((e) => e.file === file.path))
          cov.evidence.push({
            file: file.path,
            sha256: file.sha256,
            status: scan.success ? file.status : 'tool_error',
          });
        if (scan.success && file.status === 'ok') cov.status = 'ran';
        else if (cov.status !== 'ran') cov.status = 'failed';
      }
    }
  }
  for (const f of findings) {
    const control = controlOf(f.category);
    if (control) coverage[control].findings++;
  }
  const warnings: string[] = [];
  for (const c of CONTROLS) {
    const cov = coverage[c];
    if (!cov.expected || cov.status === 'ran') continue;
    if (cov.status === 'failed') {
      warnings.push(
        `expected control "${c}" did not run successfully (${cov.evidence.map((e) => `${e.file}: ${e.status}`).join(', ')})`,
      );
    } else {
      cov.status = 'missing';
      warnings.push(`expected control "${c}" produced no readable output: it is marked missing`);
    }
  }
  return { coverage, warnings };
}
