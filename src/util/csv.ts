import { UserError } from './errors.js';

export interface CsvTable {
  headers: string[];
  /** Rows as objects keyed by header; `__line` is the 1-based line where the row starts. */
  rows: Array<Record<string, string> & { __line: number }>;
  /** The same rows as cell arrays, for exports that repeat a header (Jira's `Labels`, `Labels`, ...). */
  cells: string[][];
}

/**
 * RFC 4180 CSV (quotes, doubled quotes, newlines inside quotes, CRLF), with the delimiter sniffed from
 * the header line (`,` `;` or tab). Errors name the line.
 */
export function parseCsv(text: string, file = 'input'): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  const delim = counts.sort((a, b) => b[1] - a[1])[0]![0];
  const records: Array<{ cells: string[]; line: number }> = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') {
      inQuotes = true;
      quoteLine = line;
    } else if (c === delim) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (inQuotes)
    throw new UserError(`unterminated quoted field starting on line ${quoteLine}`, file, `${quoteLine}`);
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ cells, line: rowLine });
  }
  const nonEmpty = records.filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
  const header = nonEmpty.shift();
  if (!header) throw new UserError('empty CSV: no header row', file);
  const headers = header.cells.map((h) => h.trim());
  const rows = nonEmpty.map((r) => {
    const o: Record<string, string> & { __line: number } = { __line: r.line } as Record<string, string> & {
      __line: number;
    };
    headers.forEach((h, i) => {
      o[h] = r.cells[i] ?? '';
    });
    return o;
  });
  return { headers, rows, cells: nonEmpty.map((r) => r.cells) };
}

/** Escape a CSV cell, neutralising spreadsheet formulas (=, +, -, @, tab, CR at the start). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = Array.isArray(value) ? value.join(';') : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(headers: string[], rows: unknown[][]): string {
  return [headers.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}
