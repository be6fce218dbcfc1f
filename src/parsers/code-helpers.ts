/* eslint-disable @typescript-eslint/no-explicit-any -- raw tool output: every field is checked before use */
import type { Severity } from '../schema/finding.js';

/** Small readers for loosely typed tool output, shared by the code/IaC/DAST/mobile parsers. */

export type Obj = Record<string, any>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-blank string, else undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** A string or a number as a string (XML and some tools give numbers as text, others as numbers). */
export function text(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return str(v)?.trim();
}

/** A positive integer from a number or a numeric string; 0, negatives and junk give null. */
export function posInt(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * XML decoded by fast-xml-parser gives one child as an object and several as an array, and an empty
 * element as ''. Always an array.
 */
export function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** CWE numbers from `CWE-79: ...`, `79`, 79, or lists of those. */
export function cwesOf(v: unknown): string[] {
  const out: string[] = [];
  const add = (x: unknown): void => {
    if (typeof x === 'number' && Number.isInteger(x) && x > 0) out.push(`CWE-${x}`);
    else if (typeof x === 'string') {
      for (const m of x.matchAll(/(?:^|\bCWE[-_ :]*)(\d{1,5})\b/gi))
        if (Number(m[1]) > 0) out.push(`CWE-${Number(m[1])}`);
    } else if (Array.isArray(x)) x.forEach(add);
    else if (isObj(x) && 'id' in x) add(x.id);
  };
  add(v);
  return [...new Set(out)];
}

const CVE_RE = /\bCVE-\d{4}-\d{4,}\b/gi;
const GHSA_RE = /\bGHSA(?:-[23456789cfghjmpqrvwx]{4}){3}\b/gi;

/** CVE and GHSA ids mentioned in strings (CVE upper-cased), in order of first appearance. */
export function vulnIdsIn(...values: unknown[]): string[] {
  const ids = new Set<string>();
  const scan = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(CVE_RE)) ids.add(m[0].toUpperCase());
      for (const m of v.matchAll(GHSA_RE)) ids.add(m[0]);
    } else if (Array.isArray(v)) v.forEach(scan);
  };
  values.forEach(scan);
  return [...ids];
}

/** First sentence of the first line; for titles built from messages. */
export function headline(s: string, max = 200): string {
  const line = s.trim().split(/\r?\n/)[0]!.trim();
  const dot = line.indexOf('. ');
  if (dot > 0 && dot < max) return line.slice(0, dot + 1);
  return line;
}

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Fixed word table for a tool; undefined for an unknown word (the caller then decides the default). */
export function mapWord(table: Record<string, Severity>, word: unknown): Severity | undefined {
  return typeof word === 'string' ? table[word.trim().toUpperCase()] : undefined;
}
