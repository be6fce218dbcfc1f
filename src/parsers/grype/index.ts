import type { Cvss, State } from '../../schema/finding.js';
import { UserError } from '../../util/errors.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';
import { isCut, sniffDoc } from '../head-doc.js';
import { runWhole, type BigArrayStreaming } from '../../stream/spec-walk.js';
import { arr, cvssOf, cwesOf, isObj, type Obj, pickSeverity, purlType, str, vulnIds } from '../sca-common.js';

/** Highest-version CVSS of a vulnerability record, the `Primary` (NVD) one first within a version. */
function cvssFrom(records: unknown[]): Cvss | null {
  const list = records.filter(isObj);
  list.sort(
    (a, b) =>
      Number(str(b.version) ?? 0) - Number(str(a.version) ?? 0) ||
      Number(str(b.type) === 'Primary') - Number(str(a.type) === 'Primary'),
  );
  for (const c of list) {
    const m = isObj(c.metrics) ? c.metrics : {};
    const cv = cvssOf(m.baseScore, c.vector, str(c.version) ?? null);
    if (cv) return cv;
  }
  return null;
}

function stateOf(fixState: string | undefined): { state: State; reason: string | null } {
  if (fixState === 'wont-fix')
    return { state: 'open', reason: 'Grype fix state wont-fix: the vendor will not fix it' };
  return { state: 'open', reason: null };
}

function matchDraft(
  m: Obj,
  pointer: string,
  image: string | null,
  container: boolean,
  out: ParseOutput,
): Draft | undefined {
  const v = isObj(m.vulnerability) ? m.vulnerability : undefined;
  const a = isObj(m.artifact) ? m.artifact : undefined;
  const id = v ? str(v.id) : undefined;
  if (!v || !a || !id) {
    out.warnings.push(`${pointer}: match without vulnerability.id or artifact; skipped`);
    return undefined;
  }
  const related = arr(m.relatedVulnerabilities).filter(isObj);
  const cvss = cvssFrom(arr(v.cvss)) ?? cvssFrom(related.flatMap((r) => arr(r.cvss)));
  const sev = pickSeverity(v.severity, cvss, 'medium');
  const fix = isObj(v.fix) ? v.fix : {};
  const fixState = str(fix.state);
  const { state, reason } = stateOf(fixState);
  const name = str(a.name) ?? 'unknown';
  const version = str(a.version) ?? null;
  const purl = str(a.purl) ?? null;
  const path =
    arr(a.locations)
      .filter(isObj)
      .map((l) => str(l.path))
      .find(Boolean) ?? null;
  const description = str(v.description) ?? related.map((r) => str(r.description)).find(Boolean) ?? null;
  return {
    title: [id, name, version].filter(Boolean).join(' '),
    description,
    category: container ? 'container' : 'sca',
    rule_id: id,
    ...sev,
    state,
    state_reason: reason,
    cwe: cwesOf(v.cwes),
    cve: vulnIds(
      id,
      related.map((r) => str(r.id)),
    ),
    cvss,
    package: {
      name,
      version,
      fixed_version: fixState === 'fixed' ? strList(fix.versions).join(', ') || null : null,
      ecosystem: str(a.type)?.toLowerCase() ?? purlType(purl ?? undefined),
      purl,
    },
    location: { file: path, image },
    tags: fixState ? [`fix-state:${fixState}`] : [],
    help_uri: str(v.dataSource) ?? strList(v.urls)[0] ?? null,
    pointer,
  };
}

function strList(v: unknown): string[] {
  return arr(v)
    .map((x) => str(x))
    .filter((x): x is string => !!x);
}

/** The suppression of an ignored match: state, reason and the ignore rules that matched. */
function suppress(d: Draft, m: Obj): void {
  const rules = arr(m.appliedIgnoreRules).filter(isObj);
  const why = rules
    .map((r) =>
      Object.entries(r)
        .filter(([, val]) => val !== '' && val != null && !(isObj(val) && Object.keys(val).length === 0))
        .map(([k, val]) => `${k}=${typeof val === 'string' ? val : JSON.stringify(val)}`)
        .join(' '),
    )
    .filter(Boolean)
    .join('; ');
  d.state = 'suppressed';
  d.state_reason = why ? `Grype ignore rule: ${why}` : 'Grype ignore rule';
  d.suppression = { kind: 'grype-ignore', status: 'accepted', justification: why || null };
}

/** What a match needs from the rest of the file. */
interface GrypeCtx {
  image: string | null;
  container: boolean;
  version: string | null;
  warnings: string[];
  out: ParseOutput;
}

/**
 * Grype streams `matches[]` and `ignoredMatches[]` above the streaming threshold; `parse()` runs the
 * same `begin` + `item` + `finish` over the whole document (src/stream/spec-walk.ts).
 */
export const grypeStreaming: BigArrayStreaming<GrypeCtx> = {
  spec: { type: 'object', members: { matches: { type: 'items' }, ignoredMatches: { type: 'items' } } },
  begin(doc, file) {
    if (!isObj(doc) || !Array.isArray(doc.matches))
      throw new UserError(
        'not a Grype JSON report: expected an object with a "matches" array (grype -o json)',
        file,
      );
    const source = isObj(doc.source) ? doc.source : {};
    const container = str(source.type) === 'image';
    const target = source.target;
    const image = container
      ? ((isObj(target)
          ? (str(target.userInput) ?? strList(target.tags)[0] ?? str(target.imageID))
          : str(target)) ?? null)
      : null;
    const descriptor = isObj(doc.descriptor) ? doc.descriptor : {};
    const warnings: string[] = [];
    return {
      image,
      container,
      version: str(descriptor.version) ?? null,
      warnings,
      // matchDraft reports its problems in a ParseOutput: only `warnings` is used
      out: { findings: [], scans: [], warnings, secrets: [] },
    };
  },
  item(g, m, pointer) {
    if (!isObj(m)) {
      g.warnings.push(`${pointer}: not an object; skipped`);
      return undefined;
    }
    const d = matchDraft(m, pointer, g.image, g.container, g.out);
    if (!d) return undefined;
    if (pointer.startsWith('/ignoredMatches/')) suppress(d, m);
    d.tool_version = g.version;
    return d;
  },
  finish: (g) => ({
    scans: [
      {
        tool: { name: 'Grype', version: g.version },
        categories: [g.container ? 'container' : 'sca'],
        success: true,
        errors: [],
      },
    ],
    warnings: g.warnings,
  }),
  tool: (g) => ({ name: 'Grype', version: g.version }),
  toolNeedsFirstDraft: false,
};

function parseGrype(doc: unknown, ctx: { file: string }): ParseOutput {
  return runWhole(grypeStreaming, doc, ctx.file);
}

function detect(s: Sniff): number {
  // a streamed file: its head (grype writes `descriptor` last, so the first match decides)
  const d = sniffDoc(s)?.doc;
  if (!isObj(d) || !Array.isArray(d.matches)) return 0;
  if (isObj(d.descriptor) && str(d.descriptor.name) === 'grype') return 1;
  if (isObj(d.source) && ('distro' in d || 'descriptor' in d)) return 0.9;
  const first = d.matches.find((m) => isObj(m) && !isCut(m));
  return first && isObj(first.vulnerability) && isObj(first.artifact) ? 0.8 : 0;
}

export const grypeParser: Parser = {
  id: 'grype',
  input: 'json',
  docs: {
    title: 'Grype JSON',
    produce:
      '`grype IMAGE -o json --file grype.json` (or `grype dir:. -o json`, `grype sbom:sbom.json -o json`)',
    takes:
      'one record per match (and per ignored match, as suppressed): vulnerability id with related CVE/GHSA aliases, severity word, CVSS, package name/version/type/purl, fixed versions, first artifact location, image for image scans',
  },
  detect,
  parse: parseGrype,
};
