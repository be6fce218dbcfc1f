import type { Sniff } from './types.js';

/**
 * Detection of a file that will be streamed sees only its first 64 KiB (`Sniff.head`, no `doc`).
 * For JSON formats whose detection reads the document (root keys, the first items), `sniffDoc`
 * gives the document when there is one, else what the head holds of it: the head parsed as JSON
 * up to where it was cut, every container left open by the cut closed and marked (`isCut`), and
 * the value that the cut split (a string, a number, a member without its value) left out. So a
 * detector runs the same tests on the head as on the whole file, and can tell an item that is
 * only partly there. Not JSON (or text after the document, as in JSON Lines): no document.
 */
export interface SniffedDoc {
  doc: unknown;
  /** True when the document comes from a head that ended before the document did. */
  cut: boolean;
}

const CUT = new WeakSet<object>();

/** Whether this container of a head document was cut off by the end of the head. */
export function isCut(v: unknown): boolean {
  return typeof v === 'object' && v !== null && CUT.has(v);
}

let lastHead: string | undefined;
let lastDoc: SniffedDoc | undefined;

/** The document of a sniff: `s.doc` when the file was parsed whole, else the head's. */
export function sniffDoc(s: Sniff): SniffedDoc | undefined {
  if (s.doc !== undefined) return { doc: s.doc, cut: false };
  if (s.head !== lastHead) {
    lastHead = s.head;
    lastDoc = parseHead(s.head);
  }
  return lastDoc;
}

/** Thrown at the end of the text (the head was cut there). */
const END = Symbol('end');
class NotJson extends Error {}

const MAX_DEPTH = 200;

/** Parse JSON text that may stop anywhere; undefined when it is not (the start of) a JSON value. */
export function parseHead(text: string): SniffedDoc | undefined {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    for (;;) {
      const q = text.indexOf('"', i);
      if (q < 0) throw END;
      let k = q - 1;
      while (text.charCodeAt(k) === 0x5c) k--;
      i = q + 1;
      if ((q - 1 - k) % 2 === 0) break;
    }
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      throw new NotJson();
    }
  };
  /** A value; containers cut by the end are returned (marked), anything else cut throws END. */
  const value = (depth: number): { v: unknown; cut: boolean } => {
    if (depth > MAX_DEPTH) throw new NotJson();
    ws();
    if (i >= n) throw END;
    const c = text[i]!;
    if (c === '{') {
      i++;
      const o: Record<string, unknown> = {};
      for (let first = true; ; first = false) {
        ws();
        if (i >= n) return cut(o);
        if (text[i] === '}' && first) {
          i++;
          return { v: o, cut: false };
        }
        if (!first) {
          if (text[i] === '}') {
            i++;
            return { v: o, cut: false };
          }
          if (text[i] !== ',') throw new NotJson();
          i++;
          ws();
          if (i >= n) return cut(o);
        }
        if (text[i] !== '"') throw new NotJson();
        let key: string;
        try {
          key = str();
          ws();
          if (i >= n) return cut(o);
          if (text[i] !== ':') throw new NotJson();
          i++;
          const m = value(depth + 1);
          Object.defineProperty(o, key, { value: m.v, writable: true, enumerable: true, configurable: true });
          if (m.cut) return cut(o);
        } catch (e) {
          if (e === END) return cut(o);
          throw e;
        }
      }
    }
    if (c === '[') {
      i++;
      const a: unknown[] = [];
      for (let first = true; ; first = false) {
        ws();
        if (i >= n) return cut(a);
        if (text[i] === ']') {
          i++;
          return { v: a, cut: false };
        }
        if (!first) {
          if (text[i] !== ',') throw new NotJson();
          i++;
        }
        try {
          const m = value(depth + 1);
          a.push(m.v);
          if (m.cut) return cut(a);
        } catch (e) {
          if (e === END) return cut(a);
          throw e;
        }
      }
    }
    if (c === '"') return { v: str(), cut: false };
    if (c === 't' || c === 'f' || c === 'n') {
      for (const lit of ['true', 'false', 'null']) {
        const part = text.slice(i, i + lit.length);
        if (part === lit) {
          i += lit.length;
          return { v: JSON.parse(lit) as unknown, cut: false };
        }
        if (i + part.length >= n && lit.startsWith(part)) throw END;
      }
      throw new NotJson();
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    // a number that reaches the end may go on: not known whole
    if (/^[-+.eE\d]*$/.test(text.slice(i, i + 401)) && i + 400 >= n) throw END;
    if (!m) throw new NotJson();
    i += m[0].length;
    return { v: JSON.parse(m[0]) as unknown, cut: false };
  };
  const cut = (o: object) => {
    CUT.add(o);
    return { v: o, cut: true };
  };
  try {
    const root = value(0);
    if (!root.cut) {
      ws();
      if (i < n) return undefined; // more after the document: not one JSON document
    }
    return { doc: root.v, cut: root.cut };
  } catch (e) {
    if (e === END || e instanceof NotJson) return undefined;
    throw e;
  }
}
