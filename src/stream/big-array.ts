import type { FileHandle } from 'node:fs/promises';
import type { Draft } from '../parsers/types.js';
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

import { pointerOf, rootSpec, type BigArrayStreaming } from './spec-walk.js';

export type { BigArrayStreaming } from './spec-walk.js';
export { pointerOf } from './spec-walk.js';

interface Container {
  path: PathPart[];
  list: RangeList;
  /** Member names, when the streamed container is an object (a map of items, e.g. npm audit). */
  keys: string[];
  /** Items that are validated and dropped (`discard` in the spec). */
  discard: boolean;
  /** The indexes of the items to visit, in visiting order (objects only; set after the scan). */
  order?: number[];
}

const esc = (p: PathPart) => String(p).replace(/~/g, '~0').replace(/\//g, '~1');

function specAt(spec: Spec | undefined, path: readonly PathPart[]): Spec | undefined {
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
function compareContainers(spec: Spec | undefined, a: readonly PathPart[], b: readonly PathPart[]): number {
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

/** A canonical array index ("0", "17", not "017" or "4294967295"): JSON.parse puts those keys first. */
function isIndexKey(k: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4294967295;
}

/**
 * The order in which `Object.keys(JSON.parse(map))` gives a map's members: array-index keys first,
 * ascending, then the other keys in order of first appearance; of duplicate keys the last value
 * wins, at the place of the first. Returns indexes into `keys` (the members in file order).
 */
export function jsonKeyOrder(keys: readonly string[]): number[] {
  const last = new Map<string, number>();
  const first: string[] = [];
  keys.forEach((k, i) => {
    if (!last.has(k)) first.push(k);
    last.set(k, i);
  });
  const index = first.filter(isIndexKey).sort((a, b) => Number(a) - Number(b));
  const named = first.filter((k) => !isIndexKey(k));
  return [...index, ...named].map((k) => last.get(k)!);
}

function itemPointer(c: Container, k: number): string {
  return `${pointerOf(c.path)}/${c.keys.length > 0 ? esc(c.keys[k]!) : k}`;
}

/** The indexes of a container's items in visiting order. */
function visitOrder(c: Container): Iterable<number> {
  if (c.order) return c.order;
  return {
    *[Symbol.iterator]() {
      for (let k = 0; k < c.list.length; k++) yield k;
    },
  };
}

/** A root value that is not streamed is parsed whole: refuse one too long for a string. */
const MAX_WHOLE_ROOT = 256 * 1024 * 1024;

/** A `StreamPlanner` for a format whose parser exposes a `BigArrayStreaming` definition. */
export function bigArrayPlanner<C>(def: BigArrayStreaming<C>) {
  return async (fh: FileHandle, size: number, file: string, io: StreamIo = {}): Promise<StreamPlan> => {
    let doc: unknown = undefined;
    // The spec of the root's kind (a `root` spec has one per kind); set when the root is entered.
    let spec: Spec | undefined = def.spec.type === 'root' ? undefined : def.spec;
    let rootRange: { start: number; end: number } | undefined;
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
    // A root of another kind than the spec's is read whole, so `begin` gives the parser's message.
    const scanSpec: Spec =
      def.spec.type === 'root'
        ? def.spec
        : { type: 'root', [def.spec.type === 'array' ? 'array' : 'object']: def.spec };
    const scanner = new SkeletonScanner(
      scanSpec,
      {
        enter(path, isObject, start) {
          if (path.length === 0) {
            doc = isObject ? {} : [];
            spec = rootSpec(def.spec, doc);
            return;
          }
          const parent = nodeAt(path.slice(0, -1));
          const key = path[path.length - 1]!;
          const s = specAt(spec, path);
          const value = isObject ? {} : [];
          if (Array.isArray(parent)) parent[key as number] = value;
          else if (parent) defineMember(parent, String(key), value);
          if (s?.type === 'items' && (s.of === 'object') !== isObject) {
            // not the kind the parser streams: parse it whole as an ordinary member on leave
            mismatched.set(pointerOf(path), start);
          } else if (s?.type === 'items') {
            const ptr = pointerOf(path);
            const old = byPointer.get(ptr);
            if (old) {
              // a duplicate key: the last one wins, as in JSON.parse
              old.list.clear();
              old.keys = [];
            } else {
              const c = { path: [...path], list: new RangeList(), keys: [], discard: s.discard === true };
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
        root(start, end) {
          rootRange = { start, end };
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
    if (rootRange) {
      // a root of a kind the format does not stream (Trivy's legacy `null`, an array for an
      // object format): the whole value is the document, and `begin` says what it thinks of it
      if (rootRange.end - rootRange.start > MAX_WHOLE_ROOT)
        throw new UserError(
          `the document is not of a shape this format streams, and too large to read whole`,
          file,
        );
      doc = await parseSlice(reader, { key: '', ...rootRange }, file);
    }
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
    live.sort((a, b) => compareContainers(spec, a.path, b.path));
    const parseItem = (c: Container, k: number) =>
      parseSlice(reader, { key: String(k), start: c.list.start(k), end: c.list.end(k) }, file);
    // Map items are visited in JSON.parse's key order; the values that a duplicate key replaced
    // are parsed (validated) here and dropped, as are the items of discarded containers.
    for (const c of live) {
      if (c.keys.length === 0 || c.discard) continue;
      c.order = jsonKeyOrder(c.keys);
      if (c.order.length < c.list.length) {
        const kept = new Set(c.order);
        for (let k = 0; k < c.list.length; k++) if (!kept.has(k)) await parseItem(c, k);
      }
    }
    for (const c of live) {
      if (!c.discard) continue;
      if (c.keys.length === 0) await forEachItem(reader, c.list, file, () => undefined);
      else for (let k = 0; k < c.list.length; k++) await parseItem(c, k);
    }
    const visited = live.filter((c) => !c.discard);

    /** `begin` and `scout`: a context ready for items. */
    const prepare = async (): Promise<C> => {
      const ctx = def.begin(doc, file);
      if (!def.scout) return ctx;
      for (const c of visited) {
        const see = def.scout(ctx, pointerOf(c.path));
        if (!see) continue;
        for (const k of visitOrder(c)) if (see(await parseItem(c, k), itemPointer(c, k))) break;
      }
      return ctx;
    };
    const ctx = await prepare();

    const secretsFromItems: string[] = [];
    const secretsFromDrafts: string[] = [];
    if ((def.secretWords && def.secretWords.length > 0) || def.secretText) {
      const all = def.secretWords ? anyWord(doc, new Set(def.secretWords)) : false;
      const scratch = await prepare();
      for (const c of visited) {
        for (const k of visitOrder(c)) {
          if (!all && !c.list.flag(k)) {
            if (!def.secretText) continue;
            const text = await reader.text(c.list.start(k), c.list.end(k));
            if (!def.secretText.test(text)) continue;
          }
          const out = def.item(scratch, await parseItem(c, k), itemPointer(c, k), secretsFromItems);
          for (const d of Array.isArray(out) ? out : out ? [out] : [])
            if (d.secret) secretsFromDrafts.push(d.secret);
        }
      }
    }

    let first: Draft | undefined;
    if (def.toolNeedsFirstDraft !== false) {
      const scratch = await prepare();
      const trash: string[] = [];
      for (const c of visited) {
        for (const k of visitOrder(c)) {
          const out = def.item(scratch, await parseItem(c, k), itemPointer(c, k), trash);
          first = Array.isArray(out) ? out[0] : out;
          if (first) break;
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
        for (const c of visited) {
          // the elements of an array are parsed in batches; the member values of an object one by one
          if (!c.order) await forEachItem(reader, c.list, file, (v, k) => emit(v, c, k));
          else
            for (const k of c.order) {
              const p = emit(await parseItem(c, k), c, k);
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
