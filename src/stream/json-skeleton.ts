import { isUtf8 } from 'node:buffer';
import { invalidUtf8Offset } from '../util/utf8.js';

/**
 * A byte-level JSON scanner that finds where things are without building them. It walks only the
 * "skeleton" a `Spec` describes (e.g. root object → `runs` array → each run object → `results`
 * array) and reports everything else as byte ranges: members it does not descend into, and the
 * items of the big arrays. Callers JSON.parse those small slices themselves, so no string or object
 * ever holds the whole file. Chunks may split anything anywhere (tests feed one byte at a time).
 *
 * The scanner validates the skeleton (punctuation, nesting, UTF-8, trailing data); the content of a
 * reported range is validated when the caller parses it.
 */
export type Spec =
  /** Descend into an object; members named here are descended, other members are reported. */
  | { type: 'object'; members: Record<string, Spec> }
  /** Descend into an array; each element is described by `each`. */
  | { type: 'array'; each: Spec }
  /**
   * The elements of this array (or the member values of this object) are items. `of` says which the
   * parser expects (default array); a reader treats the other kind as an ordinary value.
   */
  | { type: 'items'; of?: 'array' | 'object'; discard?: boolean }
  /**
   * Only as the root: the spec for a root object and for a root array (formats whose file is either,
   * e.g. Snyk's single project or list of projects). Any other root value — a kind with no spec here,
   * or a scalar such as `null` — is not descended and is reported whole through `root`.
   */
  | { type: 'root'; object?: Spec; array?: Spec };

export type PathPart = string | number;

export interface SkeletonHandler {
  /** A container of the skeleton begins. `path` includes its own key or index. */
  enter?(path: readonly PathPart[], isObject: boolean, start: number): void;
  leave?(path: readonly PathPart[], end: number): void;
  /** A member of a descended object that is not descended (or not of the shape the spec expects). */
  member?(path: readonly PathPart[], key: string, start: number, end: number): void;
  /** One item of an `items` container; `flagged` when it holds a string from `flagWords`. */
  item?(path: readonly PathPart[], key: PathPart, start: number, end: number, flagged: boolean): void;
  /** The root value, when the spec is a `root` spec that does not descend into it. */
  root?(start: number, end: number): void;
}

export interface ScanOptions {
  /**
   * Lower-case words: an item holding a JSON string (key or value) equal to one of them, compared
   * without case, is reported as flagged. Short strings with escapes are flagged too, since
   * `\u0073ecret` is also "secret". Used to find, cheaply and conservatively, the items that may
   * carry secret values.
   */
  flagWords?: readonly string[];
  /**
   * Deepest nesting accepted (containers around a container), as read-input's MAX_DEPTH on the
   * whole-file path, so a file refused there is refused here too. Default 200.
   */
  maxDepth?: number;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const enum Mode {
  Struct, // between tokens of a descended container (or before/after the root)
  Key, // inside the key string of a descended object
  SkipString, // a skipped value that is a string
  SkipContainer, // a skipped object or array (depth > 0)
  SkipLiteral, // a skipped number / true / false / null
}

const enum St {
  KeyOrEnd, // object after '{'
  Key, // object after ','
  Colon,
  Value, // object after ':' or array after ','
  ValueOrEnd, // array after '['
  CommaOrEnd,
}

interface Frame {
  isObj: boolean;
  spec: Spec;
  st: St;
  key: string;
  index: number;
  items: boolean;
}

const WS = new Uint8Array(256);
WS[0x20] = WS[0x09] = WS[0x0a] = WS[0x0d] = 1;
const LITERAL_END = new Uint8Array(256);
LITERAL_END[0x20] = LITERAL_END[0x09] = LITERAL_END[0x0a] = LITERAL_END[0x0d] = 1;
LITERAL_END[0x2c] = LITERAL_END[0x7d] = LITERAL_END[0x5d] = 1;

function describe(c: number): string {
  return c >= 0x20 && c < 0x7f ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

export class SkeletonScanner {
  private mode = Mode.Struct;
  private readonly stack: Frame[] = [];
  private readonly path: PathPart[] = [];
  private rootDone = false;
  private started = false;
  /** Absolute offset of the next byte to be fed. */
  private pos = 0;
  // skipped value
  private skipStart = 0;
  private skipDepth = 0;
  private skipInString = false;
  private skipIsItem = false;
  private skipFlagged = false;
  private strStart = 0; // absolute offset of the first content byte of the current string
  private strSpans = false; // the current string began in an earlier chunk
  /** Backslashes at the end of the previous chunk inside the current string. */
  private bsCarry = 0;
  // descended key
  private keyParts: Buffer[] = [];
  // utf-8 across chunks
  private utf8Carry: Buffer = Buffer.alloc(0);
  private readonly flagByLen: Map<number, Uint8Array[]> = new Map();
  private readonly flagMaxEscaped: number;
  /** flagLen[n] is 1 when a flag word has n bytes. */
  private readonly flagLen: Uint8Array;
  private readonly maxDepth: number;

  constructor(
    private readonly spec: Spec,
    private readonly h: SkeletonHandler,
    opts: ScanOptions = {},
  ) {
    let longest = 0;
    for (const w of opts.flagWords ?? []) {
      const b = Buffer.from(w.toLowerCase(), 'latin1');
      longest = Math.max(longest, b.length);
      const list = this.flagByLen.get(b.length) ?? [];
      list.push(b);
      this.flagByLen.set(b.length, list);
    }
    this.flagMaxEscaped = longest * 6;
    this.flagLen = new Uint8Array(this.flagMaxEscaped + 1);
    for (const len of this.flagByLen.keys()) this.flagLen[len] = 1;
    this.maxDepth = opts.maxDepth ?? 200;
  }

  /** Bytes fed so far. */
  get offset(): number {
    return this.pos;
  }

  feed(chunk: Buffer): void {
    this.checkUtf8(chunk);
    let i = 0;
    if (!this.started) {
      if (this.pos === 0 && chunk.length >= 1 && chunk[0] === 0xef) {
        // a BOM may be split over chunks: wait for three bytes
        if (chunk.length < 3) throw new Error('SkeletonScanner: the first chunk must have at least 3 bytes');
        if (chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
      }
      this.started = true;
    }
    const n = chunk.length;
    while (i < n) {
      switch (this.mode) {
        case Mode.Struct:
          i = this.struct(chunk, i, n);
          break;
        case Mode.Key:
          i = this.keyString(chunk, i, n);
          break;
        case Mode.SkipContainer:
          i = this.skipContainer(chunk, i, n);
          break;
        case Mode.SkipString:
          i = this.skipString(chunk, i, n);
          break;
        case Mode.SkipLiteral:
          i = this.skipLiteral(chunk, i, n);
          break;
      }
    }
    this.pos += n;
    if (
      this.mode === Mode.SkipString ||
      this.mode === Mode.Key ||
      (this.mode === Mode.SkipContainer && this.skipInString)
    ) {
      this.strSpans = true;
      let k = n - 1;
      let run = 0;
      while (k >= 0 && chunk[k] === 0x5c && this.pos - n + k >= this.strStart) {
        run++;
        k--;
      }
      this.bsCarry = k < 0 || this.pos - n + k < this.strStart ? this.bsCarry + run : run;
    }
  }

  /** Call after the last chunk; throws when the document is incomplete. */
  end(): void {
    if (this.utf8Carry.length > 0)
      throw new JsonSyntaxError(
        'not valid UTF-8 (the file ends inside a character)',
        this.pos - this.utf8Carry.length,
      );
    if (this.mode === Mode.SkipLiteral && this.stack.length === 0) this.finishSkip(this.pos);
    if (!this.rootDone || this.mode !== Mode.Struct)
      throw new JsonSyntaxError(
        this.pos === 0 || !this.started
          ? 'empty document'
          : 'the file ends before the JSON document does (truncated?)',
        this.pos,
      );
  }

  private checkUtf8(chunk: Buffer): void {
    let from = 0;
    const carry = this.utf8Carry;
    if (carry.length > 0) {
      const lead = carry[0]!;
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      const take = Math.min(need - carry.length, chunk.length);
      const joined = Buffer.concat([carry, chunk.subarray(0, take)]);
      if (joined.length < need) {
        this.utf8Carry = joined;
        return;
      }
      if (!isUtf8(joined)) throw this.utf8Error(joined, this.pos - carry.length);
      from = take;
      this.utf8Carry = Buffer.alloc(0);
    }
    let cut = chunk.length;
    for (let k = chunk.length - 1; k >= Math.max(from, chunk.length - 4); k--) {
      const c = chunk[k]!;
      if ((c & 0xc0) === 0x80) continue;
      const need = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      if (k + need > chunk.length) cut = k;
      break;
    }
    const body = chunk.subarray(from, cut);
    if (!isUtf8(body)) throw this.utf8Error(body, this.pos + from);
    if (cut < chunk.length) this.utf8Carry = Buffer.from(chunk.subarray(cut));
  }

  private utf8Error(bytes: Uint8Array, base: number): JsonSyntaxError {
    const at = Math.max(0, invalidUtf8Offset(bytes));
    return new JsonSyntaxError('not valid UTF-8; scanner reports must be UTF-8', base + at);
  }

  private err(msg: string, absOffset: number): JsonSyntaxError {
    return new JsonSyntaxError(msg, absOffset);
  }

  private struct(b: Buffer, i: number, n: number): number {
    const base = this.pos;
    while (i < n) {
      const c = b[i]!;
      if (WS[c]) {
        i++;
        continue;
      }
      const top = this.stack[this.stack.length - 1];
      if (!top) {
        if (this.rootDone)
          throw this.err(`unexpected ${describe(c)} after the end of the JSON document`, base + i);
        return this.beginValue(b, i, undefined);
      }
      switch (top.st) {
        case St.KeyOrEnd:
        case St.Key:
          if (c === 0x22) {
            this.mode = Mode.Key;
            this.keyParts = [];
            this.strStart = base + i + 1;
            this.strSpans = false;
            this.bsCarry = 0;
            return i + 1;
          }
          if (c === 0x7d && top.st === St.KeyOrEnd) {
            this.close(base + i + 1);
            i++;
            continue;
          }
          throw this.err(
            `expected a member name (a string in double quotes), found ${describe(c)}`,
            base + i,
          );
        case St.Colon:
          if (c !== 0x3a)
            throw this.err(`expected ":" after the member name, found ${describe(c)}`, base + i);
          top.st = St.Value;
          i++;
          continue;
        case St.ValueOrEnd:
          if (c === 0x5d) {
            this.close(base + i + 1);
            i++;
            continue;
          }
          return this.beginValue(b, i, top);
        case St.Value:
          return this.beginValue(b, i, top);
        case St.CommaOrEnd:
          if (c === 0x2c) {
            top.st = top.isObj ? St.Key : St.Value;
            i++;
            continue;
          }
          if ((c === 0x7d && top.isObj) || (c === 0x5d && !top.isObj)) {
            this.close(base + i + 1);
            i++;
            continue;
          }
          throw this.err(`expected "," or "${top.isObj ? '}' : ']'}", found ${describe(c)}`, base + i);
      }
    }
    return i;
  }

  private close(end: number): void {
    this.stack.pop();
    this.h.leave?.(this.path, end);
    if (this.stack.length > 0) this.path.pop();
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      parent.st = St.CommaOrEnd;
      if (!parent.isObj) parent.index++;
    } else this.rootDone = true;
  }

  private beginValue(b: Buffer, i: number, top: Frame | undefined): number {
    const c = b[i]!;
    const abs = this.pos + i;
    let child: Spec | undefined = !top
      ? this.spec
      : top.items
        ? undefined
        : top.isObj
          ? (top.spec as { members: Record<string, Spec> }).members[top.key]
          : (top.spec as { each: Spec }).each;
    if (!top && child?.type === 'root')
      child = c === 0x7b ? child.object : c === 0x5b ? child.array : undefined;
    if (child && ((c === 0x7b && child.type !== 'array') || (c === 0x5b && child.type !== 'object'))) {
      const isObj = c === 0x7b;
      if (top) this.path.push(top.isObj ? top.key : top.index);
      this.stack.push({
        isObj,
        spec: child,
        st: isObj ? St.KeyOrEnd : St.ValueOrEnd,
        key: '',
        index: 0,
        items: child.type === 'items',
      });
      this.h.enter?.(this.path, isObj, abs);
      return i + 1;
    }
    if (!top && c !== 0x7b && c !== 0x5b && child)
      throw this.err(
        `expected a JSON ${child.type === 'array' ? 'array' : 'object'}, found ${describe(c)}`,
        abs,
      );
    this.skipStart = abs;
    this.skipIsItem = !!top?.items;
    this.skipFlagged = false;
    if (c === 0x22) {
      this.mode = Mode.SkipString;
      this.strStart = abs + 1;
      this.strSpans = false;
      this.bsCarry = 0;
    } else if (c === 0x7b || c === 0x5b) {
      this.mode = Mode.SkipContainer;
      this.skipDepth = 1;
      this.skipInString = false;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
      this.mode = Mode.SkipLiteral;
    } else throw this.err(`expected a value, found ${describe(c)}`, abs);
    return i + 1;
  }

  private finishSkip(end: number): void {
    this.mode = Mode.Struct;
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.rootDone = true;
      if (this.spec.type === 'root') this.h.root?.(this.skipStart, end);
      return;
    }
    if (top.items)
      this.h.item?.(this.path, top.isObj ? top.key : top.index, this.skipStart, end, this.skipFlagged);
    else if (top.isObj) this.h.member?.(this.path, top.key, this.skipStart, end);
    else this.h.member?.(this.path, String(top.index), this.skipStart, end);
    top.st = St.CommaOrEnd;
    if (!top.isObj) top.index++;
  }

  /**
   * Find the closing quote of the string that started at `strStart`, from chunk index `i`.
   * Returns the chunk index of the closing quote, or -1 when the string goes on past the chunk.
   */
  private closingQuote(b: Buffer, i: number, n: number): number {
    const base = this.pos;
    for (;;) {
      const q = b.indexOf(0x22, i);
      if (q < 0 || q >= n) return -1;
      let k = q - 1;
      let run = 0;
      while (k >= 0 && b[k] === 0x5c && base + k >= this.strStart) {
        run++;
        k--;
      }
      if (k < 0 && this.strSpans) run += this.bsCarry;
      if ((run & 1) === 0) return q;
      i = q + 1;
    }
  }

  private keyString(b: Buffer, i: number, n: number): number {
    const q = this.closingQuote(b, i, n);
    if (q < 0) {
      this.keyParts.push(Buffer.from(b.subarray(i, n)));
      return n;
    }
    this.keyParts.push(b.subarray(i, q));
    const raw = this.keyParts.length === 1 ? this.keyParts[0]! : Buffer.concat(this.keyParts);
    this.keyParts = [];
    const top = this.stack[this.stack.length - 1]!;
    top.key = raw.includes(0x5c) ? (JSON.parse(`"${raw.toString('utf8')}"`) as string) : raw.toString('utf8');
    top.st = St.Colon;
    this.mode = Mode.Struct;
    this.strSpans = false;
    return q + 1;
  }

  private skipString(b: Buffer, i: number, n: number): number {
    const q = this.closingQuote(b, i, n);
    if (q < 0) return n;
    if (this.skipIsItem) this.checkFlag(b, q);
    this.strSpans = false;
    this.finishSkip(this.pos + q + 1);
    return q + 1;
  }

  private checkFlag(b: Buffer, q: number): void {
    if (this.skipFlagged || this.flagByLen.size === 0) return;
    const start = this.strStart - this.pos;
    const len = q - start;
    if (this.strSpans || start < 0) {
      if (len <= this.flagMaxEscaped) this.skipFlagged = true;
      return;
    }
    if (len > this.flagMaxEscaped) return;
    const words = this.flagByLen.get(len);
    if (words) {
      for (const w of words) {
        let k = 0;
        while (k < len && (b[start + k]! | 0x20) === w[k]) k++;
        if (k === len) {
          this.skipFlagged = true;
          return;
        }
      }
    }
    for (let k = start; k < q; k++)
      if (b[k] === 0x5c) {
        if (this.isEscapedFlagWord(b, start, q)) this.skipFlagged = true;
        return;
      }
  }

  /**
   * Whether the string b[start, end) that holds an escape is a flag word once unescaped, ignoring
   * case. Rare (short strings with an escape), so it is decoded exactly. "Ignoring case" is taken
   * widely: lower case, and lower case of upper case (so that `ſ`, which upper-cases to `S`, and the
   * Kelvin sign count as `s` and `k`, as a case-insensitive regex may take them). A string that does
   * not decode counts as a flag word (pass 2 looks at the item).
   */
  private isEscapedFlagWord(b: Buffer, start: number, end: number): boolean {
    let text: unknown;
    try {
      text = JSON.parse(b.toString('utf8', start - 1, end + 1));
    } catch {
      return true;
    }
    if (typeof text !== 'string') return true;
    const is = (t: string) =>
      (this.flagByLen.get(t.length) ?? []).some((w) => w.every((c, k) => t.charCodeAt(k) === c));
    return is(text.toLowerCase()) || is(text.toUpperCase().toLowerCase());
  }

  private skipContainer(b: Buffer, i: number, n: number): number {
    if (this.skipInString) {
      // a string that began in an earlier chunk
      const q = this.closingQuote(b, i, n);
      if (q < 0) return n;
      if (this.skipIsItem && this.flagByLen.size > 0) this.checkFlag(b, q);
      this.skipInString = false;
      this.strSpans = false;
      i = q + 1;
    }
    // The hot loop of pass 1: everything it needs is in locals.
    let depth = this.skipDepth;
    const limit = this.maxDepth - this.stack.length; // a container may open while depth < limit
    const flagging = this.skipIsItem && this.flagByLen.size > 0;
    let flagged = this.skipFlagged;
    const flagLen = this.flagLen;
    const maxFlag = this.flagMaxEscaped;
    // the first `inline` bytes of a string are scanned inline: a flag word or an escape there is seen
    const inline = Math.max(64, maxFlag);
    while (i < n) {
      const c = b[i]!;
      if (c === 0x22) {
        // Most strings here are short keys and values that end in this chunk: scan them inline (a
        // native indexOf costs more than it saves on short strings), consuming escapes in pairs; a
        // long string continues with indexOf.
        const s = i + 1;
        const stop = s + inline < n ? s + inline : n;
        let j = s;
        let escaped = false;
        let q = -1;
        for (;;) {
          let d = 0;
          while (j < stop && (d = b[j]!) !== 0x22 && d !== 0x5c) j++;
          if (j >= stop) break;
          if (d === 0x22) {
            q = j;
            break;
          }
          escaped = true;
          j += 2;
        }
        if (q < 0 && j < n) {
          // long string: j is at the start of a character (escapes were consumed whole)
          for (;;) {
            const k = b.indexOf(0x22, j);
            if (k < 0 || k >= n) break;
            let m = k - 1;
            while (m >= j && b[m] === 0x5c) m--;
            if (((k - 1 - m) & 1) === 0) {
              q = k;
              break;
            }
            escaped = true;
            j = k + 1;
          }
        }
        if (q < 0) {
          // The string goes on in the next chunk: continue it the general way (closingQuote with
          // the backslash carry that feed() computes from the end of this chunk).
          this.skipInString = true;
          this.strStart = this.pos + s;
          this.strSpans = false;
          this.bsCarry = 0;
          this.skipDepth = depth;
          this.skipFlagged = flagged;
          return n;
        }
        if (flagging && !flagged) {
          const len = q - s;
          // len <= maxFlag <= inline: the string was scanned whole inline, so `escaped` is exact
          if (
            len <= maxFlag &&
            (escaped ? this.isEscapedFlagWord(b, s, q) : flagLen[len] === 1 && this.isFlagWord(b, s, len))
          )
            flagged = true;
        }
        i = q + 1;
        continue;
      }
      if (c === 0x7b || c === 0x5b) {
        if (depth >= limit)
          throw this.err(`nested more than ${this.maxDepth} levels deep: refused`, this.pos + i);
        depth++;
      } else if ((c === 0x7d || c === 0x5d) && --depth === 0) {
        this.skipDepth = 0;
        this.skipFlagged = flagged;
        this.finishSkip(this.pos + i + 1);
        return i + 1;
      }
      i++;
    }
    this.skipDepth = depth;
    this.skipFlagged = flagged;
    return n;
  }

  /** Whether the unescaped string b[start, start+len) is one of the flag words, ignoring case. */
  private isFlagWord(b: Buffer, start: number, len: number): boolean {
    const words = this.flagByLen.get(len);
    if (!words) return false;
    for (const w of words) {
      let k = 0;
      while (k < len && (b[start + k]! | 0x20) === w[k]) k++;
      if (k === len) return true;
    }
    return false;
  }

  private skipLiteral(b: Buffer, i: number, n: number): number {
    while (i < n) {
      if (LITERAL_END[b[i]!]) {
        this.finishSkip(this.pos + i);
        return i;
      }
      i++;
    }
    return n;
  }
}
