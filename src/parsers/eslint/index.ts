import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput } from '../types.js';
import { describeType, isObj, posInt, str, type Obj } from '../code-helpers.js';

/**
 * ESLint severity is the configured rule level (2 error, 1 warning), the same thing SARIF calls `level`:
 * mapped like SARIF levels (error high, warning medium) with source `level`, so the JSON and the SARIF
 * of one run give the same records.
 */
function messageToDraft(
  m: Obj,
  file: string | null,
  pointer: string,
  suppressed: boolean,
  out: ParseOutput,
): Draft {
  const level = m.severity === 2 ? 'error' : m.severity === 1 ? 'warning' : undefined;
  if (!level)
    out.warnings.push(`${pointer}: severity ${JSON.stringify(m.severity)} is not 1 or 2; using warning`);
  const text = str(m.message) ?? '';
  const ruleId = str(m.ruleId) ?? null;
  const sup = suppressed
    ? Array.isArray(m.suppressions)
      ? m.suppressions.find(isObj)
      : undefined
    : undefined;
  return {
    title: text.split('\n')[0]!.trim() || ruleId || 'ESLint message',
    description: text || null,
    category: 'sast',
    rule_id: ruleId,
    severity: level === 'error' ? 'high' : 'medium',
    severity_source: 'level',
    source_severity: level ?? 'warning',
    tool: 'ESLint',
    state: suppressed ? 'suppressed' : 'open',
    // ESLint's "directive" is an eslint-disable comment: SARIF's inSource.
    suppression: suppressed
      ? {
          kind: !sup || sup.kind === 'directive' ? 'inSource' : String(sup.kind),
          status: 'accepted',
          justification: (sup && str(sup.justification)) ?? null,
        }
      : null,
    location: { file, start_line: posInt(m.line), end_line: posInt(m.endLine) },
    tags: [],
    pointer,
  };
}

function detect(s: { doc?: unknown }): number {
  const d = s.doc;
  if (!Array.isArray(d) || d.length === 0) return 0;
  const first = d[0];
  return isObj(first) && typeof first.filePath === 'string' && Array.isArray(first.messages) ? 1 : 0;
}

function parse(doc: unknown, ctx: { file: string }): ParseOutput {
  if (!Array.isArray(doc) || (doc.length > 0 && !doc.some((f) => isObj(f) && Array.isArray(f.messages))))
    throw new UserError(
      `not an ESLint JSON report: expected an array of file results with "filePath" and "messages", found ${describeType(doc)}`,
      ctx.file,
    );
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const errors: string[] = [];
  doc.forEach((f: unknown, fi: number) => {
    if (!isObj(f)) {
      out.warnings.push(`/${fi}: file result is ${describeType(f)}, not an object; skipped`);
      return;
    }
    // `source` (the whole file, present when there are problems) is never copied.
    const file = str(f.filePath) ?? null;
    for (const [key, suppressed] of [
      ['messages', false],
      ['suppressedMessages', true],
    ] as const) {
      (Array.isArray(f[key]) ? f[key] : []).forEach((m: unknown, mi: number) => {
        const pointer = `/${fi}/${key}/${mi}`;
        if (!isObj(m)) {
          out.warnings.push(`${pointer}: message is ${describeType(m)}, not an object; skipped`);
          return;
        }
        if (m.fatal === true) {
          errors.push(
            `${file ?? '?'}:${posInt(m.line) ?? '?'}: ${(str(m.message) ?? 'fatal error').slice(0, 250)}`,
          );
          return;
        }
        out.findings.push(messageToDraft(m, file, pointer, suppressed, out));
      });
    }
  });
  for (const e of errors) out.warnings.push(`ESLint could not lint ${e}`);
  // As @microsoft/eslint-formatter-sarif (executionSuccessful false): a file ESLint could not parse makes
  // the run partial, and a partial run must not close findings.
  out.scans.push({
    tool: { name: 'ESLint', version: null },
    categories: ['sast'],
    success: errors.length === 0,
    errors,
  });
  return out;
}

export const eslintParser: Parser = {
  id: 'eslint',
  input: 'json',
  docs: {
    title: 'ESLint JSON',
    produce: '`npx eslint . -f json -o eslint.json`',
    takes:
      'one record per message (rule, message, file, lines; severity 2 high, 1 medium, as SARIF levels) and per suppressed message (state suppressed, with the justification); fatal parse errors are scan errors; `source` is never copied',
  },
  detect,
  parse,
};
