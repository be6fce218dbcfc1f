/** Turn a character offset into `line L, column C` (1-based). */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Parse JSON and, on failure, return a message with the line and column of the error.
 * Node's messages carry "position N" (or "line L column C" on newer versions).
 */
export function parseJsonWithPosition(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string; position: string | undefined } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    let position: string | undefined;
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    if (lc) position = `${lc[1]}:${lc[2]}`;
    else if (pos) {
      const { line, column } = lineCol(text, Number(pos[1]));
      position = `${line}:${column}`;
    } else if (/Unexpected end of JSON input/.test(msg)) {
      const { line, column } = lineCol(text, text.length);
      position = `${line}:${column}`;
    }
    // Node quotes a slice of the input in its message; keep only the reason so no file content
    // (which may hold a secret) reaches the logs.
    const reason = msg
      .replace(/, "[\s\S]*" is not valid JSON$/, '')
      .replace(/ in JSON at position \d+.*$/, '');
    return { ok: false, message: `not valid JSON (${reason.trim()})`, position };
  }
}
