import type {
  Category,
  Cvss,
  Location,
  Package,
  Severity,
  SeveritySource,
  State,
  Suppression,
} from '../schema/finding.js';

/**
 * What a parser produces for one reported item. `normalize/finalize.ts` turns it into a `Finding`
 * (identity, defaults, redaction, path cleaning), so every format gets the same treatment.
 */
export interface Draft {
  title: string;
  description?: string | null;
  category: Category;
  rule_id?: string | null;
  rule_name?: string | null;
  severity: Severity;
  severity_source: SeveritySource;
  source_severity?: string | null;
  /** Tool that reported this item; defaults to the file-level tool. */
  tool?: string;
  tool_version?: string | null;
  tool_confidence?: string | null;
  state?: State;
  state_reason?: string | null;
  /** Platform dates, ISO 8601 (GitHub alerts, DefectDojo exports, cloud posture). */
  first_seen?: string | null;
  last_seen?: string | null;
  closed_at?: string | null;
  owner?: string | null;
  owner_source?: string | null;
  repo?: string | null;
  service?: string | null;
  cwe?: Array<string | number>;
  cve?: string[];
  cvss?: Cvss | null;
  package?: Package | null;
  location?: Partial<Location>;
  fingerprints?: Record<string, string>;
  baseline_state?: string | null;
  suppression?: Suppression | null;
  tags?: string[];
  help_uri?: string | null;
  /** JSON pointer (or `row N`) of the item in the input. */
  pointer: string;
  /**
   * The raw secret value, when the item is a secret and the file has it. Used only to hash the
   * identity and to redact text fields; never written anywhere.
   */
  secret?: string | null;
  /** Extra identity discriminator for the identity scheme (e.g. a commit for git-history secrets). */
  identity_hint?: string | null;
}

export interface ToolInfo {
  name: string;
  version: string | null;
}

/** One execution of a tool that the file evidences: coverage comes from these, even with 0 findings. */
export interface ScanEvidence {
  tool: ToolInfo;
  categories: Category[];
  /** false when the file says the tool failed (SARIF executionSuccessful false, errors[] present, ...). */
  success: boolean;
  /** Problems the tool itself reported (not parse problems). */
  errors: string[];
}

export interface ParseOutput {
  findings: Draft[];
  scans: ScanEvidence[];
  /** Non-fatal problems found while reading (unknown rule reference, unexpected shape of one item). */
  warnings: string[];
  /** Secret values seen anywhere in the file, for redaction of every text field. */
  secrets: string[];
}

export type InputKind = 'json' | 'text' | 'xml';

export interface Sniff {
  /** Base name of the file. */
  name: string;
  /** First bytes of the file as text (up to 64 KiB). */
  head: string;
  /** The parsed document, when the input is JSON (or XML parsed to an object) and small enough. */
  doc?: unknown;
}

export interface FormatDocs {
  /** Human name, e.g. `Trivy JSON`. */
  title: string;
  /** How to produce the file, as a command line. */
  produce: string;
  /** What the record takes from it, one sentence. */
  takes: string;
}

export interface Parser {
  /** Format id a user types in `--format`; also the folder name. */
  id: string;
  input: InputKind;
  /** Other decoded kinds the parser also reads (ZAP: traditional-json and traditional-xml). */
  alsoAccepts?: readonly InputKind[];
  docs: FormatDocs;
  /**
   * How sure we are this file is ours: 0 not at all, 1 certain. Must not throw.
   * JSON/XML parsers get `doc`; text parsers get `head`.
   */
  detect(s: Sniff): number;
  /** Parse a whole document. Throws `UserError` for a shape it cannot read. */
  parse(doc: unknown, ctx: ParseContext): ParseOutput;
}

export interface ParseContext {
  /** Input path as given, for messages. */
  file: string;
}

export function emptyOutput(): ParseOutput {
  return { findings: [], scans: [], warnings: [], secrets: [] };
}
