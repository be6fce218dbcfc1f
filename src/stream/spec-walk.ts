import type { Draft, ParseOutput, ScanEvidence, ToolInfo } from '../parsers/types.js';
import type { PathPart, Spec } from './json-skeleton.js';

/**
 * "Stream the big arrays, parse the small rest whole": how a JSON parser opts into streaming.
 *
 * The parser declares where its big arrays are (`spec`, e.g. Trivy
 * `{Results: each {Vulnerabilities: items, Misconfigurations: items, Secrets: items}}`) and exposes
 * its per-item logic. The streaming reader (src/stream/big-array.ts) parses everything else into
 * `doc` (each streamed array left empty), calls `begin(doc)`, `scout`, then `item()` for every item
 * of every streamed array — in the order the spec lists the members, then by index (map items: in
 * the order `JSON.parse` gives their keys) — and `finish()`. The parser's own `parse()` is
 * `runWhole(def, doc)` below, which visits the items of the whole document in that same order: both
 * paths run the same code and cannot drift.
 */
export interface BigArrayStreaming<C> {
  spec: Spec;
  /**
   * Words (lower case) that can make an item contribute a secret value to `secrets` or
   * `Draft.secret`. Items that hold one of them as a JSON string, or all items when the header
   * holds one, are parsed in a first pass so redaction knows every secret of the file before the
   * first record is written. Omit when the format carries no secrets.
   */
  secretWords?: readonly string[];
  /**
   * For formats whose secret-bearing items are recognised by part of a string (Semgrep: a
   * `check_id` with a `secrets` segment): an item whose raw JSON text matches is parsed in the
   * first pass too. The pattern must also match any escape that could spell the part (`\u0073`).
   */
  secretText?: RegExp;
  /** `doc` is the file with every streamed container left empty. May throw `UserError`. */
  begin(doc: unknown, file: string): C;
  /**
   * Facts of the header that come from items (Snyk: a container project's image is the root of the
   * first dependency path of its vulnerabilities). Called for every streamed container, in order,
   * after `begin` and before any `item`; a returned function sees the container's items in order
   * until it returns true.
   */
  scout?(ctx: C, container: string): ((value: unknown, pointer: string) => boolean) | undefined;
  /** One item; `pointer` is its JSON pointer. Push secret values to `secrets`. */
  item(ctx: C, value: unknown, pointer: string, secrets: string[]): Draft | Draft[] | undefined;
  /** After the last item. */
  finish(ctx: C): { scans: ScanEvidence[]; warnings: string[] };
  /**
   * The file-level tool: the first scan's tool on the whole-file path. `first` is the first draft of
   * the file (made on a scratch context), for formats whose first scan depends on it; set
   * `toolNeedsFirstDraft: false` when it does not, so the reader does not look for it.
   */
  tool(ctx: C, first: Draft | undefined): ToolInfo | undefined;
  toolNeedsFirstDraft?: boolean;
}

const esc = (p: PathPart) => String(p).replace(/~/g, '~0').replace(/\//g, '~1');
export const pointerOf = (path: readonly PathPart[]): string => path.map((p) => '/' + esc(p)).join('');
/** The last reference token of a JSON pointer, unescaped. */
export function lastToken(pointer: string): string {
  return pointer
    .slice(pointer.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}
/** The pointer of the container of the item at `pointer`. */
export const parentPointer = (pointer: string): string => pointer.slice(0, pointer.lastIndexOf('/'));

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The spec of the root, for a root of this value's kind. */
export function rootSpec(spec: Spec, root: unknown): Spec | undefined {
  if (spec.type !== 'root') return spec;
  return Array.isArray(root) ? spec.array : isPlainObject(root) ? spec.object : undefined;
}

export interface WholeContainer {
  value: unknown[] | Record<string, unknown>;
  pointer: string;
  discard: boolean;
}

/**
 * The item containers of a whole document, in the order the streaming reader visits them: members
 * in the order the spec lists them, elements by index. A value of another kind than the spec says
 * is not a container (the streaming reader leaves it in the header).
 */
export function containersOf(spec: Spec, doc: unknown): WholeContainer[] {
  const found: WholeContainer[] = [];
  const walk = (s: Spec | undefined, node: unknown, path: PathPart[]): void => {
    if (!s) return;
    switch (s.type) {
      case 'root':
        walk(rootSpec(s, node), node, path);
        return;
      case 'object':
        if (!isPlainObject(node)) return;
        for (const key of Object.keys(s.members))
          if (Object.prototype.hasOwnProperty.call(node, key))
            walk(s.members[key], node[key], [...path, key]);
        return;
      case 'array':
        if (Array.isArray(node)) node.forEach((v, i) => walk(s.each, v, [...path, i]));
        return;
      case 'items':
        if (s.of === 'object' ? isPlainObject(node) : Array.isArray(node))
          found.push({
            value: node as unknown[] | Record<string, unknown>,
            pointer: pointerOf(path),
            discard: s.discard === true,
          });
        return;
    }
  };
  walk(spec, doc, []);
  return found;
}

/** Calls `fn` for each item of a container, in order, until it returns true. */
function eachItem(c: WholeContainer, fn: (pointer: string, value: unknown) => boolean | void): void {
  if (Array.isArray(c.value)) {
    for (let i = 0; i < c.value.length; i++) if (fn(`${c.pointer}/${i}`, c.value[i]) === true) return;
    return;
  }
  const map = c.value;
  for (const k of Object.keys(map)) if (fn(`${c.pointer}/${esc(k)}`, map[k]) === true) return;
}

/** The whole-file parse of a format that streams: `begin`, `scout`, every `item`, `finish`. */
export function runWhole<C>(def: BigArrayStreaming<C>, doc: unknown, file: string): ParseOutput {
  const ctx = def.begin(doc, file);
  const containers = containersOf(def.spec, doc).filter((c) => !c.discard);
  if (def.scout) {
    for (const c of containers) {
      const see = def.scout(ctx, c.pointer);
      if (see) eachItem(c, (pointer, v) => see(v, pointer));
    }
  }
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  for (const c of containers) {
    eachItem(c, (pointer, v) => {
      const d = def.item(ctx, v, pointer, out.secrets);
      if (Array.isArray(d)) out.findings.push(...d);
      else if (d) out.findings.push(d);
    });
  }
  const f = def.finish(ctx);
  out.scans = f.scans;
  out.warnings = f.warnings;
  return out;
}

/**
 * Warnings of the header that the whole-file parse wrote between items ("result 3 is not an
 * object"), held until the first item that came after them, so both paths write them in the same
 * order. `add(pos)` a warning at a position; `flush(pos)` releases those before it.
 */
export class PendingWarnings {
  private readonly list: Array<{ pos: number; text: string }> = [];
  private head = 0;
  constructor(private readonly out: string[]) {}
  add(pos: number, text: string): void {
    this.list.push({ pos, text });
  }
  /** Release the warnings at positions below `pos` (call with increasing `pos`). */
  flush(pos = Infinity): void {
    while (this.head < this.list.length && this.list[this.head]!.pos < pos)
      this.out.push(this.list[this.head++]!.text);
  }
}
