import type { State } from '../../schema/finding.js';
import { parseCsv } from '../../util/csv.js';
import { UserError } from '../../util/errors.js';
import { parseJsonWithPosition } from '../../util/json-position.js';
import { parseJsonLines } from '../../util/json-lines.js';
import { cloudSeverity, isObj, isoDate, str } from '../cloud-util.js';
import type { Draft, Parser, ParseOutput, Sniff } from '../types.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Prowler outputs are free-form */

type Layout = 'v2-csv' | 'v2-json' | 'v3-json' | 'ocsf' | 'v4-csv';

/** One Prowler result, whatever the layout, before the FAIL/PASS/MANUAL decision. */
interface Row {
  status: string;
  muted: boolean;
  checkId: string | undefined;
  checkTitle: string | undefined;
  message: string | undefined;
  severity: string | undefined;
  account: string | undefined;
  region: string | undefined;
  resource: string | undefined;
  findingUid: string | undefined;
  time: unknown;
  description: string | undefined;
  url: string | undefined;
  version: string | undefined;
  provider: string | undefined;
}

/** Prowler's published examples carry `<account_uid>`-style placeholders: treat them as absent. */
function val(v: unknown): string | undefined {
  const s = str(v);
  return s && /^<[a-z_]+>$/i.test(s) ? undefined : s;
}

function layoutOfHeader(firstLine: string): Layout | undefined {
  const cols = new Set(
    firstLine
      .replace(/^\uFEFF/, '')
      .split(/[;,\t]/)
      .map((c) => c.trim().replace(/^"|"$/g, '')),
  );
  if (cols.has('CHECK_ID') && cols.has('STATUS') && (cols.has('FINDING_UID') || cols.has('STATUS_EXTENDED')))
    return 'v4-csv';
  if (cols.has('TITLE_ID') && cols.has('CHECK_RESULT')) return 'v2-csv';
  return undefined;
}

function layoutOfItem(o: unknown): Layout | undefined {
  if (!isObj(o)) return undefined;
  if (
    isObj(o.metadata) &&
    isObj(o.metadata.product) &&
    /prowler/i.test(String(o.metadata.product.name)) &&
    'status_code' in o
  )
    return 'ocsf';
  if ('FindingUniqueId' in o && 'CheckID' in o && 'Status' in o) return 'v3-json';
  if ('Account Number' in o && 'Control' in o && 'Status' in o) return 'v2-json';
  return undefined;
}

function detect(s: Sniff): number {
  if (Array.isArray(s.doc)) {
    const first = s.doc.find(isObj);
    return first !== undefined && layoutOfItem(first) ? 1 : 0;
  }
  if (s.doc !== undefined) return 0;
  const firstLine = s.head.slice(0, s.head.search(/\r?\n|$/));
  return layoutOfHeader(firstLine) ? 1 : 0;
}

function rowFromV2Csv(r: Record<string, string>): Row {
  const titleText = val(r.TITLE_TEXT);
  const checkId = /^\[([^\]]+)\]/.exec(titleText ?? '')?.[1] ?? val(r.TITLE_ID);
  return {
    status: r.CHECK_RESULT ?? '',
    muted: false,
    checkId,
    checkTitle: titleText?.replace(/^\[[^\]]+\]\s*/, ''),
    message: val(r.CHECK_RESULT_EXTENDED),
    severity: val(r.CHECK_SEVERITY),
    account: val(r.ACCOUNT_NUM),
    region: val(r.REGION),
    resource: val(r.RESOURCE_ID) ?? val(r.CHECK_RESOURCE_ID),
    findingUid: undefined,
    time: undefined,
    description: val(r.CHECK_RISK),
    url: val(r.CHECK_DOC),
    version: undefined,
    provider: 'aws',
  };
}

function rowFromV4Csv(r: Record<string, string>): Row {
  return {
    status: r.STATUS ?? '',
    muted: /^true$/i.test(r.MUTED ?? ''),
    checkId: val(r.CHECK_ID),
    checkTitle: val(r.CHECK_TITLE),
    message: val(r.STATUS_EXTENDED),
    severity: val(r.SEVERITY),
    account: val(r.ACCOUNT_UID) ?? val(r.ACCOUNT_ID),
    region: val(r.REGION),
    resource: val(r.RESOURCE_UID) ?? val(r.RESOURCE_NAME),
    findingUid: val(r.FINDING_UID),
    time: val(r.TIMESTAMP),
    description: val(r.DESCRIPTION) ?? val(r.RISK),
    url: val(r.RELATED_URL) ?? val(r.REMEDIATION_RECOMMENDATION_URL),
    version: val(r.PROWLER_VERSION),
    provider: val(r.PROVIDER),
  };
}

function rowFromJson(o: Record<string, any>, layout: Layout): Row {
  if (layout === 'ocsf') {
    const res0 = Array.isArray(o.resources) ? o.resources.find(isObj) : undefined;
    const cloud = isObj(o.cloud) ? o.cloud : {};
    const info = isObj(o.finding_info) ? o.finding_info : {};
    const meta = isObj(o.metadata) ? o.metadata : {};
    return {
      status: str(o.status_code) ?? '',
      muted: /^suppressed$/i.test(str(o.status) ?? ''),
      checkId: val(meta.event_code),
      checkTitle: val(info.title),
      message: val(o.status_detail) ?? val(o.message),
      severity: val(o.severity),
      account: val(isObj(cloud.account) ? cloud.account.uid : undefined),
      region: val(res0?.region) ?? val(cloud.region),
      resource: val(res0?.uid) ?? val(res0?.name),
      findingUid: val(info.uid),
      time: info.created_time_dt ?? info.created_time ?? o.time_dt ?? o.time ?? o.event_time,
      description: val(info.desc) ?? val(o.risk_details),
      url: val(isObj(o.unmapped) ? o.unmapped.related_url : undefined),
      version: val(isObj(meta.product) ? meta.product.version : undefined),
      provider: val(cloud.provider),
    };
  }
  if (layout === 'v3-json') {
    return {
      status: str(o.Status) ?? '',
      muted: o.Muted === true,
      checkId: val(o.CheckID),
      checkTitle: val(o.CheckTitle),
      message: val(o.StatusExtended),
      severity: val(o.Severity),
      account: val(o.AccountId) ?? val(o.Subscription) ?? val(o.ProjectId),
      region: val(o.Region) ?? val(o.Location),
      resource: val(o.ResourceArn) ?? val(o.ResourceId),
      findingUid: val(o.FindingUniqueId),
      time: o.AssessmentStartTime,
      description: val(o.Description) ?? val(o.Risk),
      url: val(o.RelatedUrl),
      version: undefined,
      provider: val(o.Provider),
    };
  }
  const control = val(o.Control);
  return {
    status: str(o.Status) ?? '',
    muted: false,
    checkId: /^\[([^\]]+)\]/.exec(control ?? '')?.[1] ?? val(o['Control ID']),
    checkTitle: control?.replace(/^\[[^\]]+\]\s*/, ''),
    message: val(o.Message),
    severity: val(o.Severity),
    account: val(o['Account Number']),
    region: val(o.Region),
    resource: val(o['Resource ID']),
    findingUid: undefined,
    time: o.Timestamp,
    description: val(o.Risk),
    url: val(o['Doc link']),
    version: undefined,
    provider: 'aws',
  };
}

/** Prowler result → Draft; undefined for results that are not findings (PASS, MANUAL, INFO). */
function rowToDraft(row: Row, pointer: string): Draft | undefined {
  const status = row.status.trim().toUpperCase();
  if (status !== 'FAIL') return undefined;
  const state: State = row.muted ? 'suppressed' : 'open';
  const sev = cloudSeverity(row.severity, undefined, 'medium');
  const seen = isoDate(row.time);
  return {
    title: row.message ?? row.checkTitle ?? row.checkId ?? 'Prowler finding',
    description: row.description ?? null,
    category: 'cloud',
    rule_id: row.checkId ?? null,
    rule_name: row.checkTitle ?? null,
    ...sev,
    tool: 'Prowler',
    tool_version: row.version ?? null,
    state,
    state_reason: row.muted ? 'muted in Prowler (mutelist)' : null,
    first_seen: seen,
    last_seen: seen,
    location: { account: row.account ?? null, region: row.region ?? null, resource: row.resource ?? null },
    fingerprints: row.findingUid ? { finding_uid: row.findingUid } : {},
    tags: row.provider ? [`provider:${row.provider.toLowerCase()}`] : [],
    help_uri: row.url ?? null,
    pointer,
  };
}

function readRows(input: unknown, file: string): Array<{ row: Row; pointer: string } | { bad: string }> {
  let doc: unknown = input;
  if (typeof input === 'string') {
    const t = input.replace(/^\uFEFF/, '').trimStart();
    if (t.startsWith('[') || t.startsWith('{')) {
      const r = parseJsonWithPosition(t);
      if (r.ok) doc = r.value;
      else {
        const lines = parseJsonLines(t);
        if (!lines) throw new UserError(r.message, file, r.position);
        doc = lines;
      }
    } else {
      const firstLine = t.slice(0, t.search(/\r?\n|$/));
      const layout = layoutOfHeader(firstLine);
      if (!layout)
        throw new UserError(
          'not a Prowler CSV: expected a header with CHECK_ID;STATUS;STATUS_EXTENDED (Prowler 4/5) or TITLE_ID,CHECK_RESULT (Prowler 2)',
          file,
          '1',
        );
      const table = parseCsv(t, file);
      return table.rows.map((r) => ({
        row: layout === 'v4-csv' ? rowFromV4Csv(r) : rowFromV2Csv(r),
        pointer: `row ${r.__line}`,
      }));
    }
  }
  if (!Array.isArray(doc))
    throw new UserError(
      'not a Prowler JSON output: expected an array of results (Prowler 3 json, 4/5 json-ocsf) or one JSON object per line (Prowler 2 json)',
      file,
    );
  const layout = layoutOfItem(doc.find(isObj));
  if (doc.length > 0 && !layout)
    throw new UserError(
      'not a Prowler JSON output: the first result has neither status_code + metadata.product (OCSF), FindingUniqueId (Prowler 3) nor "Account Number" (Prowler 2)',
      file,
    );
  return doc.map((o, i) =>
    isObj(o) && layout
      ? { row: rowFromJson(o, layoutOfItem(o) ?? layout), pointer: `/${i}` }
      : { bad: `/${i}: result is not an object; skipped` },
  );
}

export function parseProwler(input: unknown, ctx: { file: string }): ParseOutput {
  const out: ParseOutput = { findings: [], scans: [], warnings: [], secrets: [] };
  const counts: Record<string, number> = {};
  let version: string | null = null;
  for (const item of readRows(input, ctx.file)) {
    if ('bad' in item) {
      out.warnings.push(item.bad);
      continue;
    }
    const status = item.row.status.trim().toUpperCase() || '(empty)';
    counts[status] = (counts[status] ?? 0) + 1;
    version ??= item.row.version ?? null;
    const d = rowToDraft(item.row, item.pointer);
    if (d) out.findings.push(d);
    else if (!['PASS', 'MANUAL', 'INFO'].includes(status))
      out.warnings.push(`${item.pointer}: unknown status "${item.row.status}"; not counted as a finding`);
  }
  if (counts.MANUAL)
    out.warnings.push(`${counts.MANUAL} MANUAL result(s) need a human check; not counted as findings`);
  out.scans.push({ tool: { name: 'Prowler', version }, categories: ['cloud'], success: true, errors: [] });
  return out;
}

export const prowlerParser: Parser = {
  id: 'prowler',
  input: 'text',
  docs: {
    title: 'Prowler (2.x CSV/JSON, 3.x JSON, 4.x/5.x CSV and JSON-OCSF)',
    produce:
      '`prowler aws --output-formats csv json-ocsf --output-directory out/` (Prowler 4/5; also azure, gcp, kubernetes); Prowler 3: `prowler aws -M json`; Prowler 2: `./prowler -M csv` or `-M json`',
    takes:
      'one record per FAIL result (muted → suppressed; PASS, MANUAL and INFO are not findings): check id and title, status text, severity, account/subscription/project, region and resource uid, finding uid, scan time, Prowler version',
  },
  detect,
  parse: parseProwler,
};
