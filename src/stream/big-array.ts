import type { FileHandle } from 'node:fs/promises';
import type { Draft, ScanEvidence, ToolInfo } from '../parsers/types.js';
import { UserError } from '../util/errors.js';
import { RangeList, RangeReader, scanFile } from './file-io.js';
import { JsonSyntaxError, SkeletonScanner, type PathPart, type Spec } from './json-skeleton.js';
import {
  defineMember,
  forEachItem,
  parseSlice,
  WarningList,
  type StreamIo,
  type StreamPlan,
} from './slices.js';

/**
 * "Stream the big arrays, parse the small rest whole": how a JSON parser opts into streaming.
 *
 * The parser declares where its big arrays are (`spec`, e.g. Trivy
 * `{Results: each {Vulnerabilities: items, Misconfigurations: items, Secrets: items}}`) and exposes
 * its per-item logic. The streaming reader parses everything else into `doc` (each streamed array
 * left empty), calls `begin(doc)`, then `item()` for every item of every streamed array — in the
 * order the spec lists the members, then by index, which must be the order the parser's own
 * `parse()` visits them — and `finish()`. The output must be the parser's `parse()` output; the
 * helper `expectStreamingMatches` in the tests checks that over the corpus.
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
  begin(doc: Record<string, unknown>, file: string): C;
  /** One item; `pointer` is its JSON pointer. Push secret values to `secrets`. */
  item(ctx: C, value: unknown, pointer: string, secrets: string[]): Draft | Draft[] | undefined;
  /** After the last item. */
  finish(ctx: C): { scans: ScanEvidence[]; warnings: string[] };
  /**
   * The file-level tool: the first scan's tool on the whole-file path. `first` is the first draft of
   * the file (made on a scratch context), for formats whose first scan depends on it.
   */
  tool(ctx: C, first: Draft | undefined): ToolInfo | undefined;
}

interface Container {
  path: PathPart[];
  list: RangeList;
  /** Member names, when the streamed container is an object (a map of items, e.g. npm audit). */
  keys: string[];
}

const esc = (p: PathPart) => String(p).replace(/~/g, '~0').replace(/\//g, '~1');
export const pointerOf = (path: readonly PathPart[]): string => path.map((p) => '/' + esc(p)).join('');

function specAt(spec: Spec, path: readonly PathPart[]): Spec | undefined {
  let s: Spec | undefined = spec;
  for (const p of path) {
    if (!s) return undefined;
    if (s.type === 'object') s = s.members[p as string];
    else if (s.type === 'array') s = s.each;
    else return undefined;
  }
  return s;
}

/** Spec order: members in the order the spec lists them, elements by index. */
function compareContainers(spec: Spec, a: readonly PathPart[], b: readonly PathPart[]): number {
  let s: Spec | undefined = spec;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) {
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      if (s?.type === 'object') {
        const keys = Object.keys(s.members);
        return keys.indexOf(String(x)) - keys.indexOf(String(y));
      }
      return String(x) < String(y) ? -1 : 1;
    }
    s = s?.type === 'object' ? s.members[x as string] : s?.type === 'array' ? s.each : undefined;
  }
  return a.length - b.length;
}

/** Whether `s` is one of `words` (lower-case ASCII) ignoring case; only strings of a word's length can be. */
function isWord(s: string, words: Set<string>): boolean {
  for (const w of words) if (w.length === s.length) return words.has(s.toLowerCase());
  return false;
}

/** Whether a parsed value holds one of `words` as a string or a key, ignoring case (deep: yes). */
function anyWord(v: unknown, words: Set<string>, depth = 0): boolean {
  if (depth > 64) return true;
  if (typeof v === 'string') return isWord(v, words);
  if (Array.isArray(v)) {
    for (const x of v) if (anyWord(x, words, depth + 1)) return true;
    return false;
  }
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) if (isWord(k, words) || anyWord(o[k], words, depth + 1)) return true;
  }
  return false;
}
export { anyWord as holdsWord };

function itemPointer(c: Container, k: number): string {
  return `${pointerOf(c.path)}/${c.keys.length > 0 ? esc(c.keys[k]!) : k}`;
}

/** A `StreamPlanner` for a format whose parser exposes a `BigArrayStreaming` definition. */
export function bigArrayPlanner<C>(def: BigArrayStreaming<C>) {
  return async (fh: FileHandle, size: number, file: string, io: StreamIo = {}): Promise<StreamPlan> => {
    const doc: Record<string, unknown> = {};
    const containers: Container[] = [];
    const byPointer = new Map<string, Container>();
    const mismatched = new Map<string, number>();
    const members: Array<{ path: PathPart[]; key: string; start: number; end: number }> = [];
    // Skeleton containers are made on enter; members are filled in after the scan.
    const nodeAt = (path: readonly PathPart[]): Record<string, unknown> | unknown[] | undefined => {
      let n: unknown = doc;
      for (const p of path) n = (n as Record<string, unknown>)?.[p as string];
      return n as Record<string, unknown> | unknown[] | undefined;
    };
    const scanner = new SkeletonScanner(
      def.spec,
      {
        enter(path, isObject, start) {
          if (path.length === 0) return;
          const parent = nodeAt(path.slice(0, -1));
          const key = path[path.length - 1]!;
          const spec = specAt(def.spec, path);
          const value = isObject ? {} : [];
          if (Array.isArray(parent)) parent[key as number] = value;
          else if (parent) defineMember(parent, String(key), value);
          if (spec?.type === 'items' && (spec.of === 'object') !== isObject) {
            // not the kind the parser streams: parse it whole as an ordinary member on leave
            mismatched.set(pointerOf(path), start);
          } else if (spec?.type === 'items') {
            const ptr = pointerOf(path);
            const old = byPointer.get(ptr);
            if (old) {
              // a duplicate key: the last one wins, as in JSON.parse
              old.list.clear();
              old.keys = [];
            } else {
              const c = { path: [...path], list: new RangeList(), keys: [] };
              containers.push(c);
              byPointer.set(ptr, c);
            }
          }
        },
        leave(path, end) {
          const ptr = pointerOf(path);
          const start = mismatched.get(ptr);
          if (start === undefined) return;
          mismatched.delete(ptr);
          members.push({ path: path.slice(0, -1), key: String(path[path.length - 1]), start, end });
        },
        member(path, key, start, end) {
          members.push({ path: [...path], key, start, end });
          const c = byPointer.get(pointerOf([...path, key]));
          if (c) {
            // a later value that is not a container replaces a streamed one
            c.list.clear();
            c.keys = [];
          }
        },
        item(path, key, start, end, flagged) {
          const c = byPointer.get(pointerOf(path));
          if (!c) return; // inside a container of the wrong kind: parsed whole on leave
          c.list.push(start, end, flagged);
          if (typeof key === 'string') c.keys.push(key);
        },
      },
      { flagWords: def.secretWords },
    );
    try {
      await scanFile(fh, scanner, io.chunkSize, io.onChunk);
    } catch (e) {
      if (e instanceof JsonSyntaxError)
        throw new UserError(`not valid JSON: ${e.message}`, file, `byte ${e.offset}`);
      throw e;
    }
    const reader = new RangeReader(fh, size);
    for (const m of members) {
      const parent = nodeAt(m.path);
      const value = await parseSlice(reader, m, file);
      if (Array.isArray(parent)) parent[Number(m.key)] = value;
      else if (parent) defineMember(parent, m.key, value);
    }
    // Streamed containers that a later member replaced are no longer streamed.
    const live = containers.filter((c) => {
      const n = nodeAt(c.path);
      return (
        typeof n === 'object' &&
        n !== null &&
        (Array.isArray(n) ? n.length === 0 : Object.keys(n).length === 0)
      );
    });
    live.sort((a, b) => compareContainers(def.spec, a.path, b.path));
    const ctx = def.begin(doc, file);

    const secretsFromItems: string[] = [];
    const secretsFromDrafts: string[] = [];
    if (def.secretWords && def.secretWords.length > 0) {
      const all = anyWord(doc, new Set(def.secretWords));
      const scratch = def.begin(doc, file);
      for (const c of live) {
        for (let k = 0; k < c.list.length; k++) {
          if (!all && !c.list.flag(k)) continue;
          const v = await parseSlice(
            reader,
            { key: String(k), start: c.list.start(k), end: c.list.end(k) },
            file,
          );
          const out = def.item(scratch, v, itemPointer(c, k), secretsFromItems);
          for (const d of Array.isArray(out) ? out : out ? [out] : [])
            if (d.secret) secretsFromDrafts.push(d.secret);
        }
      }
    }

    let first: Draft | undefined;
    {
      const scratch = def.begin(doc, file);
      const trash: string[] = [];
      for (const c of live) {
        for (let k = 0; k < c.list.length && !first; k++) {
          const v = await parseSlice(
            reader,
            { key: String(k), start: c.list.start(k), end: c.list.end(k) },
            file,
          );
          const out = def.item(scratch, v, itemPointer(c, k), trash);
          first = Array.isArray(out) ? out[0] : out;
        }
        if (first) break;
      }
    }

    return {
      secrets: [...secretsFromItems, ...secretsFromDrafts],
      tool: def.tool(ctx, first),
      async run(onDraft) {
        const trash: string[] = [];
        const emitAll = async (drafts: Draft[]) => {
          for (const d of drafts) {
            const p = onDraft(d);
            if (p) await p;
          }
        };
        const emit = (v: unknown, c: Container, k: number): void | Promise<void> => {
          const out = def.item(ctx, v, itemPointer(c, k), trash);
          trash.length = 0;
          if (Array.isArray(out)) return emitAll(out);
          if (out) return onDraft(out);
        };
        for (const c of live) {
          // the elements of an array are parsed in batches; the member values of an object one by one
          if (c.keys.length === 0) await forEachItem(reader, c.list, file, (v, k) => emit(v, c, k));
          else
            for (let k = 0; k < c.list.length; k++) {
              const v = await parseSlice(
                reader,
                { key: String(k), start: c.list.start(k), end: c.list.end(k) },
                file,
              );
              const p = emit(v, c, k);
              if (p) await p;
            }
        }
        const { scans, warnings } = def.finish(ctx);
        const w = new WarningList();
        w.take(warnings);
        return { scans, warnings: w.first, warningCount: w.count };
      },
    };
  };
}
