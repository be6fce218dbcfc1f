import { parseJsonWithPosition } from './json-position.js';

/** Every non-empty line a JSON object (at least two lines), or undefined. */
export function parseJsonLines(text: string): unknown[] | undefined {
  const out: unknown[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '') continue;
    if (t[0] !== '{') return undefined;
    const r = parseJsonWithPosition(t);
    if (!r.ok || typeof r.value !== 'object' || r.value === null) return undefined;
    out.push(r.value);
  }
  return out.length >= 2 ? out : undefined;
}
