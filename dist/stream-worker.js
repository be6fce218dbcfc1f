import { createRequire as __smCreateRequire } from 'node:module'; const require = __smCreateRequire(import.meta.url);

// src/stream/stream-worker.ts
import { promises as fs } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

// src/util/errors.ts
var UserError = class extends Error {
  constructor(message, file, position) {
    super(message);
    this.file = file;
    this.position = position;
  }
  file;
  position;
  name = "UserError";
  /** One line: `file:position: message`. */
  format() {
    const where = [this.file, this.position].filter(Boolean).join(":");
    return where ? `${where}: ${this.message}` : this.message;
  }
};
function isUserError(e) {
  return e instanceof UserError;
}

// src/normalize/severity.ts
function cvssToSeverity(score) {
  if (!Number.isFinite(score) || score <= 0) return "info";
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  return "low";
}
var WORDS = {
  critical: "critical",
  crit: "critical",
  blocker: "critical",
  veryhigh: "critical",
  "very high": "critical",
  high: "high",
  error: "high",
  major: "high",
  severe: "high",
  important: "high",
  medium: "medium",
  moderate: "medium",
  warning: "medium",
  warn: "medium",
  med: "medium",
  low: "low",
  minor: "low",
  note: "low",
  informational: "info",
  information: "info",
  info: "info",
  none: "info",
  unknown: "info",
  negligible: "info",
  trivial: "info",
  unspecified: "info"
};
function wordToSeverity(word) {
  if (word == null) return void 0;
  const w = String(word).trim().toLowerCase().replace(/[_-]/g, " ");
  return WORDS[w] ?? WORDS[w.replace(/ /g, "")];
}
function scoreOrWordToSeverity(value) {
  if (typeof value === "number") return cvssToSeverity(value);
  if (typeof value !== "string") return void 0;
  const t = value.trim();
  if (t === "") return void 0;
  if (/^\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return n <= 10 ? cvssToSeverity(n) : void 0;
  }
  return wordToSeverity(t);
}
function levelToSeverity(level) {
  switch (level) {
    case "error":
      return "high";
    case "note":
      return "low";
    case "none":
      return "info";
    default:
      return "medium";
  }
}

// src/normalize/paths.ts
var normalizedRoots = /* @__PURE__ */ new WeakMap();
function rootsOf(roots) {
  const known = normalizedRoots.get(roots);
  if (known && known.copy.length === roots.length && known.copy.every((r, i) => r === roots[i]))
    return known.norm;
  const norm = roots.map((root) => root.replace(/\\/g, "/").replace(/\/+$/, ""));
  normalizedRoots.set(roots, { copy: [...roots], norm });
  return norm;
}
var SCHEME_SLASHES = /^[a-z][a-z0-9+.-]*:\/\//i;
function cleanPath(raw, roots = []) {
  if (raw == null) return null;
  let p = String(raw).trim();
  if (p === "") return null;
  const c0 = p.charCodeAt(0);
  if ((c0 === 102 || c0 === 70) && /^file:/i.test(p)) {
    p = p.replace(/^file:\/*/i, "/");
    if (/^\/[A-Za-z]:[\\/]/.test(p)) p = p.slice(1);
  }
  if (p.includes("%") && /%[0-9A-Fa-f]{2}/.test(p) && !SCHEME_SLASHES.test(p)) {
    try {
      p = decodeURIComponent(p);
    } catch {
    }
  }
  if (p.includes("\\")) p = p.replace(/\\/g, "/");
  let stripped = false;
  if (roots.length > 0)
    for (const r of rootsOf(roots)) {
      if (r && (p === r || p.startsWith(r + "/"))) {
        p = p.slice(r.length).replace(/^\/+/, "");
        stripped = true;
        break;
      }
    }
  if (!stripped && p.includes("//") && !SCHEME_SLASHES.test(p)) p = p.replace(/\/{2,}/g, "/");
  if (p.startsWith("./")) p = p.replace(/^(\.\/)+/, "");
  return p === "" ? null : p;
}
function joinUri(base, uri) {
  if (!base) return uri;
  if (uri.startsWith("/") || uri.includes(":") && /^[a-z][a-z0-9+.-]*:/i.test(uri)) return uri;
  return (base.endsWith("/") ? base : base + "/") + uri;
}

// src/parsers/sarif/index.ts
var NOT_FINDINGS = /* @__PURE__ */ new Set(["pass", "informational", "notApplicable"]);
var CVE_RE = /\b(CVE-\d{4}-\d{4,})\b/gi;
var GHSA_RE = /\b(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/gi;
var CWE_RE = /\bcwe[-_/: ]*(\d{1,5})\b/i;
function isObj(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function str(v) {
  return typeof v === "string" && v.trim() !== "" ? v : void 0;
}
function resolveBase(id, bases, depth = 0) {
  if (!id || depth > 10) return void 0;
  const b = bases[id];
  if (!isObj(b)) return void 0;
  const uri = str(b.uri);
  if (uri === void 0) return void 0;
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith("/")) return void 0;
  const parent = resolveBase(str(b.uriBaseId), bases, depth + 1);
  return joinUri(parent, uri);
}
function rootsOf2(run) {
  const roots = [];
  const bases = isObj(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
  for (const b of Object.values(bases)) {
    const uri = isObj(b) ? str(b.uri) : void 0;
    if (uri && (/^file:/i.test(uri) || uri.startsWith("/"))) roots.push(fileUriToPath(uri));
  }
  for (const inv of Array.isArray(run.invocations) ? run.invocations : []) {
    const wd = isObj(inv) && isObj(inv.workingDirectory) ? str(inv.workingDirectory.uri) : void 0;
    if (wd) roots.push(fileUriToPath(wd));
  }
  return roots.map((r) => r.replace(/\/+$/, "")).filter((r) => r.length > 1);
}
function fileUriToPath(uri) {
  let p = uri.replace(/^file:\/*/i, "/");
  if (/^\/[A-Za-z]:\//.test(p)) p = p.slice(1);
  try {
    p = decodeURIComponent(p);
  } catch {
  }
  return p.replace(/\\/g, "/");
}
var SECRET_TOOLS = /gitleaks|trufflehog|detect-secrets|secretlint|ggshield|talisman|whispers|noseyparker|secret/i;
function createRunContext(run, runIndex, file) {
  if (!isObj(run)) throw new UserError(`runs[${runIndex}] is not an object`, file);
  const tool = isObj(run.tool) ? run.tool : void 0;
  const driver = tool && isObj(tool.driver) ? tool.driver : void 0;
  if (!driver) throw new UserError(`runs[${runIndex}].tool.driver is missing: not a valid SARIF run`, file);
  const toolName = str(driver.name) ?? "unknown";
  const toolVersion = str(driver.semanticVersion) ?? str(driver.version) ?? null;
  const components = [{ name: toolName, rules: Array.isArray(driver.rules) ? driver.rules : [] }];
  for (const ext of Array.isArray(tool.extensions) ? tool.extensions : []) {
    components.push({
      name: isObj(ext) && str(ext.name) || "extension",
      rules: isObj(ext) && Array.isArray(ext.rules) ? ext.rules : []
    });
  }
  const ruleById = /* @__PURE__ */ new Map();
  for (const c of components) {
    for (const r of c.rules) {
      if (!isObj(r)) continue;
      const id = str(r.id);
      if (id && !ruleById.has(id)) ruleById.set(id, r);
      const guid = str(r.guid);
      if (guid && !ruleById.has(guid)) ruleById.set(guid, r);
    }
  }
  const taxa = /* @__PURE__ */ new Map();
  for (const tax of Array.isArray(run.taxonomies) ? run.taxonomies : []) {
    if (!isObj(tax)) continue;
    const component = str(tax.name) ?? "";
    for (const t of Array.isArray(tax.taxa) ? tax.taxa : []) {
      if (!isObj(t)) continue;
      const entry = { id: str(t.id), name: str(t.name), component };
      if (entry.id) taxa.set(`${component}\0${entry.id}`, entry);
      if (str(t.guid)) taxa.set(`guid\0${t.guid}`, entry);
    }
  }
  const bases = isObj(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
  const baseUris = {};
  for (const k of Object.keys(bases)) {
    const r = resolveBase(k, bases);
    if (r !== void 0) baseUris[k] = r;
  }
  const errors = [];
  let success = true;
  for (const inv of Array.isArray(run.invocations) ? run.invocations : []) {
    if (!isObj(inv)) continue;
    if (inv.executionSuccessful === false) success = false;
    for (const n of Array.isArray(inv.toolExecutionNotifications) ? inv.toolExecutionNotifications : []) {
      if (isObj(n) && n.level === "error") {
        const text = isObj(n.message) ? str(n.message.text) : void 0;
        errors.push(text ? text.slice(0, 300) : "tool execution error");
      }
    }
  }
  const secretTool = SECRET_TOOLS.test(toolName);
  return {
    runIndex,
    toolName,
    toolVersion,
    components,
    ruleById,
    globalMessageStrings: isObj(driver.globalMessageStrings) ? driver.globalMessageStrings : {},
    baseUris,
    artifacts: Array.isArray(run.artifacts) ? run.artifacts : [],
    taxa,
    roots: rootsOf2(run),
    warnings: [],
    secretTool,
    scan: { tool: { name: toolName, version: toolVersion }, categories: [], success, errors },
    categories: /* @__PURE__ */ new Set(),
    toolClass: toolClassOf(toolName),
    ruleInfo: /* @__PURE__ */ new Map(),
    idsOfRuleId: /* @__PURE__ */ new Map()
  };
}
function findRule(rc, result, pointer) {
  const ref = isObj(result.rule) ? result.rule : void 0;
  const ruleId = str(result.ruleId) ?? (ref ? str(ref.id) : void 0);
  const index = typeof result.ruleIndex === "number" ? result.ruleIndex : ref && typeof ref.index === "number" ? ref.index : void 0;
  const compIndex = ref && isObj(ref.toolComponent) && typeof ref.toolComponent.index === "number" ? ref.toolComponent.index + 1 : 0;
  if (index !== void 0 && index >= 0) {
    const comp = rc.components[compIndex];
    const rule = comp?.rules[index];
    if (isObj(rule)) {
      const indexedId = str(rule.id);
      if (ruleId && indexedId && ruleId !== indexedId && !ruleId.startsWith(indexedId + "/"))
        rc.warnings.push(
          `${pointer}: ruleId "${ruleId}" disagrees with rule index ${index} ("${indexedId}"); the index wins`
        );
      return { rule, ruleId: indexedId ?? ruleId };
    }
    rc.warnings.push(`${pointer}: rule index ${index} does not exist in ${comp?.name ?? "the run"}`);
  }
  if (ruleId) {
    const rule = rc.ruleById.get(ruleId) ?? rc.ruleById.get(ruleId.split("/")[0]) ?? (ref && str(ref.guid) ? rc.ruleById.get(ref.guid) : void 0);
    if (!rule && rc.ruleById.size > 0)
      rc.warnings.push(`${pointer}: rule "${ruleId}" is not defined in the run`);
    return { rule, ruleId };
  }
  return { rule: void 0, ruleId: void 0 };
}
function formatMessage(template, args) {
  if (!template.includes("{")) return template;
  return template.replace(/\{(\d+)\}/g, (m, n) => {
    const a = args[Number(n)];
    return a === void 0 ? m : String(a);
  });
}
function messageText(rc, result, rule) {
  const msg = isObj(result.message) ? result.message : {};
  const args = Array.isArray(msg.arguments) ? msg.arguments : [];
  const direct = str(msg.text) ?? str(msg.markdown);
  if (direct) return formatMessage(direct, args);
  const id = str(msg.id);
  if (id) {
    const strings = rule && isObj(rule.messageStrings) ? rule.messageStrings : {};
    const ms = strings[id] ?? rc.globalMessageStrings[id];
    const t = isObj(ms) ? str(ms.text) ?? str(ms.markdown) : void 0;
    if (t) return formatMessage(t, args);
  }
  return "";
}
function textOf(v) {
  return isObj(v) ? str(v.text) ?? str(v.markdown) : void 0;
}
function collectTags(...bags) {
  const tags = [];
  for (const b of bags) {
    if (isObj(b) && Array.isArray(b.tags)) {
      for (const t of b.tags) if (typeof t === "string") tags.push(t);
    }
  }
  return tags;
}
function cwesOfBag(bag, out) {
  if (!isObj(bag)) return;
  for (const t of Array.isArray(bag.tags) ? bag.tags : [])
    if (typeof t === "string" && /cwe/i.test(t)) addCweText(t, out);
  for (const key of ["cwe", "CWE", "cwe_id", "cweId", "cwes"]) if (key in bag) addCweText(bag[key], out);
}
function addCweText(v, out) {
  if (typeof v === "number" && v > 0) out.push(`CWE-${v}`);
  else if (typeof v === "string") {
    for (const part of v.split(/[,;]/)) {
      const m = CWE_RE.exec(part);
      if (m) out.push(`CWE-${Number(m[1])}`);
    }
  } else if (Array.isArray(v)) v.forEach((x) => typeof x !== "object" && addCweText(x, out));
}
function cwesOfTaxa(rc, refs, out) {
  for (const ref of refs) {
    if (!isObj(ref)) continue;
    const compName = isObj(ref.toolComponent) ? str(ref.toolComponent.name) ?? "" : "";
    const taxon = (str(ref.guid) ? rc.taxa.get(`guid\0${ref.guid}`) : void 0) ?? (str(ref.id) ? rc.taxa.get(`${compName}\0${ref.id}`) : void 0);
    const component = taxon?.component ?? compName;
    if (!/cwe/i.test(component)) continue;
    const id = taxon?.id ?? str(ref.id);
    if (id && /^\d+$/.test(id)) out.push(`CWE-${Number(id)}`);
    else if (id) addCweText(id, out);
    else if (taxon?.name) addCweText(taxon.name, out);
  }
}
function cwesFrom(rc, info, result) {
  const out = info.cweBag.slice();
  cwesOfBag(result.properties, out);
  if (Array.isArray(result.taxa)) cwesOfTaxa(rc, result.taxa, out);
  for (const c of info.cweRel) out.push(c);
  return out.length > 1 ? [...new Set(out)] : out;
}
var VULN_ID_KEYS = ["cve", "cves", "CVE", "cveId", "ghsa", "ghsaId", "vulnerabilityId", "aliases"];
var MAY_HAVE_ID = /cve-|ghsa-/i;
function idsIn(s, out) {
  if (!MAY_HAVE_ID.test(s)) return;
  for (const m of s.matchAll(CVE_RE)) out.push(m[1].toUpperCase());
  for (const m of s.matchAll(GHSA_RE)) out.push(m[1]);
}
function idsInBag(bag, out) {
  if (!isObj(bag)) return;
  for (const key of VULN_ID_KEYS) {
    const v = bag[key];
    if (typeof v === "string") idsIn(v, out);
    else if (Array.isArray(v)) {
      for (const x of v) if (typeof x === "string") idsIn(x, out);
    }
  }
}
function idsOfRuleId(rc, ruleId) {
  let ids = rc.idsOfRuleId.get(ruleId);
  if (ids === void 0) {
    ids = [];
    idsIn(ruleId, ids);
    if (rc.idsOfRuleId.size < 1e5) rc.idsOfRuleId.set(ruleId, ids);
  }
  return ids;
}
function vulnIdsFrom(rc, ruleId, info, resultTags, resultProps) {
  const out = ruleId ? idsOfRuleId(rc, ruleId).slice() : [];
  for (const id of info.tagIds) out.push(id);
  for (const t of resultTags) idsIn(t, out);
  idsInBag(resultProps, out);
  for (const id of info.propIds) out.push(id);
  return out.length > 1 ? [...new Set(out)] : out;
}
var IAC_TOOLS = /checkov|kics|tfsec|terrascan|tflint|hadolint|cfn[-_ ]?(lint|nag)|kube-?score|kubesec|kube-linter|conftest|snyk iac|trivy.*config|defsec/i;
var SCA_TOOLS = /grype|dependency[- ]check|osv|npm audit|retire|snyk open source|snyk$|pip-audit|govulncheck|dependabot|bundler-audit|safety|owasp/i;
var DAST_TOOLS = /zap|zaproxy|burp|nuclei|arachni|nikto|wapiti|stackhawk/i;
var MOBILE_TOOLS = /mobsf|qark|androbugs/i;
var MANIFEST_RE = /(package(-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|requirements[^/]*\.txt|Pipfile(\.lock)?|poetry\.lock|pom\.xml|build\.gradle(\.kts)?|gradle\.lockfile|go\.(mod|sum)|Cargo\.(toml|lock)|Gemfile(\.lock)?|composer\.(json|lock)|packages\.lock\.json|\.csproj|\.jar|\.war|\.ear|\.whl|\.egg|node_modules\/)/i;
function toolClassOf(toolName) {
  const t = toolName.toLowerCase();
  return {
    secret: SECRET_TOOLS.test(t),
    mobile: MOBILE_TOOLS.test(t),
    dast: DAST_TOOLS.test(t),
    iac: IAC_TOOLS.test(t),
    sca: SCA_TOOLS.test(t),
    code: /snyk ?code|codeql|semgrep code/i.test(t),
    container: /trivy|grype|clair|anchore|docker scout|aws inspector/i.test(t),
    trivy: /trivy/.test(t)
  };
}
var TAG_SECRET = 1;
var TAG_LICENSE = 2;
var TAG_IAC = 4;
var TAG_VULN = 8;
function tagBitsOf(tags) {
  let bits = 0;
  for (const t of tags) {
    switch (t.toLowerCase()) {
      case "secret":
      case "secrets":
        bits |= TAG_SECRET;
        break;
      case "license":
        bits |= TAG_LICENSE;
        break;
      case "misconfiguration":
      case "iac":
        bits |= TAG_IAC;
        break;
      case "vulnerability":
        bits |= TAG_VULN;
        break;
    }
  }
  return bits;
}
function categoryOf(tc, tagBits, vulnIdCount, ruleId, file) {
  if (tc.secret || tagBits & TAG_SECRET) return "secret";
  if (tagBits & TAG_LICENSE) return "license";
  if (tc.mobile) return "mobile";
  if (tc.dast) return "dast";
  if (tc.iac || tagBits & TAG_IAC) return "iac";
  const isVuln = vulnIdCount > 0 || (tagBits & TAG_VULN) !== 0 || tc.sca;
  if (isVuln && !tc.code) {
    if (file && MANIFEST_RE.test(file)) return "sca";
    if (tc.container) return "container";
    return "sca";
  }
  if (tc.trivy && ruleId && /^(AVD-|DS\d|KSV|AWS|AZU|GCP)/.test(ruleId)) return "iac";
  return "sast";
}
var SEVERITY_KEYS = ["severity", "Severity", "DevSkimSeverity", "issue_severity", "impact", "risk"];
function wordSeverityOf(bag) {
  for (const key of SEVERITY_KEYS) {
    const v = bag[key];
    const s = typeof v === "string" ? wordToSeverity(v) : void 0;
    if (s) return { severity: s, severity_source: "tool", source_severity: String(v) };
  }
  return void 0;
}
function makeRuleInfo(rc, rule) {
  const props = rule && isObj(rule.properties) ? rule.properties : void 0;
  const tags = collectTags(props);
  const tagIds = [];
  for (const t of tags) idsIn(t, tagIds);
  const propIds = [];
  idsInBag(props, propIds);
  const cweBag = [];
  cwesOfBag(props, cweBag);
  const cweRel = [];
  if (rule && Array.isArray(rule.relationships))
    cwesOfTaxa(
      rc,
      rule.relationships.map((r) => r?.target),
      cweRel
    );
  const fromRule = props ? scoreOrWordToSeverity(props["security-severity"]) : void 0;
  const ruleTitle = textOf(rule?.shortDescription) ?? str(rule?.name);
  const secretValues = [];
  if (props) {
    for (const k of SECRET_PROPS)
      if (typeof props[k] === "string" && props[k].length >= 4) secretValues.push(props[k]);
  }
  return {
    props,
    tags,
    tagBits: tagBitsOf(tags),
    tagIds,
    propIds,
    defaultLevel: rule && isObj(rule.defaultConfiguration) ? str(rule.defaultConfiguration.level) : void 0,
    secSev: fromRule ? {
      severity: fromRule,
      severity_source: "security-severity-rule",
      source_severity: String(props["security-severity"])
    } : void 0,
    wordSev: wordSeverityOf(props ?? {}),
    cweBag,
    cweRel,
    ruleTitle,
    ruleName: str(rule?.name) ?? ruleTitle ?? null,
    fullDescription: textOf(rule?.fullDescription),
    toolConfidence: props ? str(props.precision) ?? null : null,
    helpUri: str(rule?.helpUri) ?? null,
    cvssScore: Number(props ? props["security-severity"] : NaN),
    secretValues,
    offender: props ? str(props.offender) ?? str(props.secret) ?? str(props.match) : void 0
  };
}
var noRuleInfo;
function ruleInfoOf(rc, rule) {
  if (rule === void 0) return noRuleInfo ??= makeRuleInfo(rc, void 0);
  let info = rc.ruleInfo.get(rule);
  if (!info) {
    info = makeRuleInfo(rc, rule);
    rc.ruleInfo.set(rule, info);
  }
  return info;
}
function severityOf(result, info, level) {
  const rp = isObj(result.properties) ? result.properties : void 0;
  const fromResult = rp ? scoreOrWordToSeverity(rp["security-severity"]) : void 0;
  if (fromResult)
    return {
      severity: fromResult,
      severity_source: "security-severity-result",
      source_severity: String(rp["security-severity"])
    };
  if (info.secSev) return { ...info.secSev };
  const fromWord = (rp && wordSeverityOf(rp)) ?? info.wordSev;
  if (fromWord) return { ...fromWord };
  return { severity: levelToSeverity(level), severity_source: "level", source_severity: level };
}
function suppressionOf(result) {
  const list = Array.isArray(result.suppressions) ? result.suppressions.filter(isObj) : [];
  if (list.length === 0) return { suppression: null, suppressed: false };
  const suppressed = list.every((s) => s.status === void 0 || s.status === "accepted");
  const first = list.find((s) => s.status === void 0 || s.status === "accepted") ?? list[0];
  return {
    suppressed,
    suppression: {
      kind: str(first.kind) ?? "unknown",
      status: str(first.status) ?? (suppressed ? "accepted" : null),
      justification: str(first.justification) ?? null
    }
  };
}
function packageFromMessage(text) {
  const trivy = /Package: ([^\n]+)\nInstalled Version: ([^\n]+)/.exec(text);
  if (trivy) {
    const fixed = /Fixed Version: ([^\n]*)/.exec(text)?.[1]?.trim();
    return {
      name: trivy[1].trim(),
      version: trivy[2].trim(),
      fixed_version: fixed || null,
      ecosystem: null,
      purl: null
    };
  }
  const grype = /reports (\S+) at version (\S+)\s+which would result in a vulnerable \(([^)]+)\)/.exec(text);
  if (grype)
    return { name: grype[1], version: grype[2], fixed_version: null, ecosystem: grype[3], purl: null };
  return null;
}
var SECRET_PROPS = ["offender", "secret", "match", "Match", "Secret", "secretValue", "raw"];
function resultToDraft(rc, result, resultIndex, secrets) {
  const pointer = `/runs/${rc.runIndex}/results/${resultIndex}`;
  if (!isObj(result)) {
    rc.warnings.push(`${pointer}: result is not an object; skipped`);
    return void 0;
  }
  const kind = str(result.kind) ?? "fail";
  if (NOT_FINDINGS.has(kind)) return void 0;
  const { rule, ruleId } = findRule(rc, result, pointer);
  const info = ruleInfoOf(rc, rule);
  const levelGiven = str(result.level) ?? info.defaultLevel;
  const level = levelGiven ?? "warning";
  const rp = isObj(result.properties) ? result.properties : void 0;
  const resultTags = rp ? collectTags(rp) : [];
  const tags = resultTags.length > 0 ? info.tags.concat(resultTags) : info.tags.slice();
  const vulnIds = vulnIdsFrom(rc, ruleId, info, resultTags, rp);
  const loc0 = Array.isArray(result.locations) ? result.locations.find(isObj) : void 0;
  const phys = loc0 && isObj(loc0.physicalLocation) ? loc0.physicalLocation : void 0;
  let al = phys && isObj(phys.artifactLocation) ? phys.artifactLocation : void 0;
  if (al && str(al.uri) === void 0 && typeof al.index === "number") {
    const art = rc.artifacts[al.index];
    if (isObj(art) && isObj(art.location)) al = { ...art.location, ...al, uri: art.location.uri };
  }
  let file;
  if (al && str(al.uri)) {
    const joined = joinUri(rc.baseUris[str(al.uriBaseId) ?? ""], al.uri);
    file = cleanPath(joined, rc.roots) ?? joined;
  }
  const region = phys && isObj(phys.region) ? phys.region : void 0;
  const logical = loc0 && Array.isArray(loc0.logicalLocations) && isObj(loc0.logicalLocations[0]) ? str(loc0.logicalLocations[0].fullyQualifiedName) ?? str(loc0.logicalLocations[0].name) : void 0;
  if (rp) {
    for (const k of SECRET_PROPS) if (typeof rp[k] === "string" && rp[k].length >= 4) secrets.push(rp[k]);
  }
  for (const v of info.secretValues) secrets.push(v);
  const category = categoryOf(
    rc.toolClass,
    resultTags.length > 0 ? info.tagBits | tagBitsOf(resultTags) : info.tagBits,
    vulnIds.length,
    ruleId,
    file
  );
  let secret = null;
  if (category === "secret") {
    const snippet = region && isObj(region.snippet) ? str(region.snippet.text) : void 0;
    const offender = (rp ? str(rp.offender) ?? str(rp.secret) ?? str(rp.match) : void 0) ?? info.offender;
    secret = offender ?? snippet?.trim() ?? null;
    if (snippet) secrets.push(snippet.trim());
  }
  rc.categories.add(category);
  const text = messageText(rc, result, rule);
  const nl = text.indexOf("\n");
  const firstLine = (nl < 0 ? text : text.slice(0, nl)).trim();
  const ruleTitle = info.ruleTitle;
  const title = nl >= 0 && ruleTitle || firstLine || ruleTitle || ruleId || "SARIF result";
  let sev = severityOf(result, info, level);
  if (category === "secret" && sev.severity_source === "level" && levelGiven === void 0)
    sev = { severity: "critical", severity_source: "default", source_severity: null };
  const { suppression, suppressed } = suppressionOf(result);
  const baseline = str(result.baselineState) ?? null;
  const fps = isObj(result.fingerprints) && Object.keys(result.fingerprints).length > 0 ? result.fingerprints : isObj(result.partialFingerprints) ? result.partialFingerprints : {};
  const fingerprints = {};
  for (const k of Object.keys(fps)) {
    const v = fps[k];
    if (typeof v !== "string") continue;
    if (category === "secret" && secret && v.includes(secret)) continue;
    fingerprints[k] = v;
  }
  const pkg = category === "sca" || category === "container" || category === "license" ? packageFromMessage(text) : null;
  const cvssScore = info.cvssScore;
  const commit = category === "secret" && rp ? str(rp.commit) : void 0;
  return {
    title,
    description: text || info.fullDescription || null,
    category,
    rule_id: ruleId ?? null,
    rule_name: info.ruleName,
    ...sev,
    tool: rc.toolName,
    tool_version: rc.toolVersion,
    tool_confidence: info.toolConfidence,
    state: suppressed ? "suppressed" : baseline === "absent" ? "fixed" : "open",
    state_reason: baseline === "absent" ? "baselineState absent: reported in the baseline, not in this run" : null,
    cwe: cwesFrom(rc, info, result),
    cve: vulnIds,
    cvss: (category === "sca" || category === "container") && Number.isFinite(cvssScore) && cvssScore >= 0 && cvssScore <= 10 ? { score: cvssScore, vector: null, version: null } : null,
    package: pkg,
    location: {
      file: file ?? null,
      start_line: region && typeof region.startLine === "number" ? region.startLine : null,
      end_line: region && typeof region.endLine === "number" ? region.endLine : null,
      resource: file ? null : logical ?? null
    },
    fingerprints,
    baseline_state: baseline,
    suppression,
    tags,
    help_uri: info.helpUri,
    pointer,
    secret,
    identity_hint: commit ?? null
  };
}

// src/util/buffer-pool.ts
var BufferPool = class {
  /**
   * `max`: free buffers kept at most; `minBytes`: the smallest buffer made (batches of similar size
   * then fit the same buffers).
   */
  constructor(max = 6, minBytes = 1 << 20) {
    this.max = max;
    this.minBytes = minBytes;
  }
  max;
  minBytes;
  free = [];
  /** A Buffer of `size` bytes at offset 0 of its own ArrayBuffer. */
  take(size) {
    const i = this.free.findIndex((ab2) => ab2.byteLength >= size);
    const ab = i >= 0 ? this.free.splice(i, 1)[0] : new ArrayBuffer(Math.max(size, this.minBytes));
    return Buffer.from(ab, 0, size);
  }
  give(ab) {
    if (this.free.length < this.max) this.free.push(ab);
  }
};

// src/stream/file-io.ts
var DEFAULT_CHUNK = 1 << 20;
var BLOCK_BITS = 16;
var BLOCK = 1 << BLOCK_BITS;
var LOW = BLOCK - 1;
var ArrayRanges = class {
  constructor(starts, ends) {
    this.starts = starts;
    this.ends = ends;
  }
  starts;
  ends;
  get length() {
    return this.starts.length;
  }
  start(k) {
    return this.starts[k];
  }
  end(k) {
    return this.ends[k];
  }
};
var RangeReader = class {
  constructor(fh, fileSize, windowSize = 4 * DEFAULT_CHUNK) {
    this.fh = fh;
    this.fileSize = fileSize;
    this.windowSize = windowSize;
    this.buf = Buffer.allocUnsafe(windowSize);
  }
  fh;
  fileSize;
  windowSize;
  buf;
  winStart = 0;
  winEnd = 0;
  async text(start, end) {
    if (start < this.winStart || end > this.winEnd) await this.fill(start, end);
    return this.buf.toString("utf8", start - this.winStart, end - this.winStart);
  }
  async fill(start, end) {
    const len = Math.min(Math.max(this.windowSize, end - start), this.fileSize - start);
    if (len > this.buf.length) this.buf = Buffer.allocUnsafe(len);
    else if (this.buf.length > this.windowSize && len <= this.windowSize)
      this.buf = Buffer.allocUnsafe(this.windowSize);
    let got = 0;
    while (got < len) {
      const { bytesRead } = await this.fh.read(this.buf, got, len - got, start + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.winStart = start;
    this.winEnd = start + got;
    if (this.winEnd < end) throw new Error(`file shrank while reading (wanted bytes ${start}-${end})`);
  }
};

// src/stream/parallel-protocol.ts
var WORKER_TAG = "security-metrics/stream-worker/v2";

// src/schema/finding-constants.ts
var FINDING_SCHEMA_VERSION = 1;

// src/util/hash.ts
import * as crypto from "node:crypto";
var oneShot = crypto.hash;
function sha256(data2) {
  return oneShot ? oneShot("sha256", data2, "hex") : crypto.createHash("sha256").update(data2).digest("hex");
}
function fastHash64(s) {
  let h1 = 3735928559;
  let h2 = 1103547991;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507) ^ Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507) ^ Math.imul(h1 ^ h1 >>> 13, 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}
function hashParts(parts, length = 24) {
  return sha256(parts.join("\0")).slice(0, length);
}

// src/normalize/identity.ts
function identityScheme(category) {
  switch (category) {
    case "sca":
    case "container":
      return "sca/v1";
    case "secret":
      return "secret/v1";
    case "iac":
      return "iac/v1";
    case "dast":
      return "dast/v1";
    case "cloud":
      return "cloud/v1";
    case "license":
      return "license/v1";
    default:
      return "sast/v1";
  }
}
function canonicalVulnId(ids) {
  const norm = [...new Set(ids.map((i) => i.trim()).filter(Boolean))];
  const rank = (i) => /^CVE-/i.test(i) ? 0 : /^GHSA-/i.test(i) ? 1 : 2;
  norm.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return norm[0]?.toUpperCase() ?? null;
}
function normalizeTarget(t) {
  if (!t) return null;
  return t.replace(/\s+\([^()]*\)$/, "").trim() || null;
}
function siteOf(url) {
  if (!url) return "";
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return url;
  }
}
function identityParts(i) {
  const scheme = identityScheme(i.category);
  const tool = i.tool.trim().toLowerCase();
  const rule = i.rule_id ?? i.title;
  const file = i.file ?? "";
  switch (scheme) {
    case "sca/v1": {
      const vuln = canonicalVulnId(i.vuln_ids) ?? rule;
      const target = normalizeTarget(i.image) ?? normalizeTarget(i.file) ?? "";
      return { scheme, parts: [vuln, (i.package_name ?? "").toLowerCase(), target] };
    }
    case "license/v1":
      return { scheme, parts: [rule, (i.package_name ?? "").toLowerCase(), normalizeTarget(i.file) ?? ""] };
    case "secret/v1": {
      const what = i.secret ? `sha256:${sha256(i.secret)}` : i.fingerprint ?? `line:${i.start_line ?? ""}`;
      return { scheme, parts: [rule, file, what, ...i.hint ? [i.hint] : []] };
    }
    case "iac/v1":
      return { scheme, parts: [rule, i.resource ?? "", file] };
    case "dast/v1":
      return { scheme, parts: [rule, i.title, siteOf(i.url)] };
    case "cloud/v1":
      return { scheme, parts: [rule, i.account ?? "", i.resource ?? file] };
    default:
      return {
        scheme,
        parts: [tool, rule, file, i.fingerprint ?? `line:${i.start_line ?? ""}`, ...i.hint ? [i.hint] : []]
      };
  }
}
function identityId(scheme, parts) {
  return `f1-${hashParts([scheme, ...parts])}`;
}

// src/normalize/redact.ts
var REDACTED = "[REDACTED]";
var PATTERNS = [
  /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
  // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
  // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  // GitLab PAT
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  // Slack
  /\bsk_live_[A-Za-z0-9]{16,}\b/g,
  // Stripe
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  // Google API key
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g,
  // JWT
  /(?<=\b(?:aws_secret_access_key|secret_access_key|password|passwd|secret|token|api[_-]?key)\s*[:=]\s*["']?)[A-Za-z0-9/+=_-]{12,}/gi
];
var MAY_MATCH = /AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|sk_live_|AIza|-----BEGIN |eyJ|password|passwd|secret|token|api[_-]?key/i;
var lastSecrets = [];
var lastSorted = [];
function sortedSecrets(secrets) {
  let same = secrets.length === lastSecrets.length;
  for (let i = 0; same && i < secrets.length; i++) same = secrets[i] === lastSecrets[i];
  if (!same) {
    lastSecrets = [...secrets];
    lastSorted = [...new Set(secrets.filter((s) => s && s.length >= 4))].sort((a, b) => b.length - a.length);
  }
  return lastSorted;
}
function redactText(text, secrets = []) {
  let out = text;
  const sorted = secrets.length === 0 ? [] : sortedSecrets(secrets);
  for (const s of sorted) {
    if (out.includes(s)) out = out.split(s).join(REDACTED);
  }
  if (!MAY_MATCH.test(out)) return out;
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    out = out.replace(re, REDACTED);
  }
  return out;
}
function redactNullable(text, secrets = []) {
  return text == null ? null : redactText(text, secrets);
}

// src/normalize/finalize.ts
var MAX_TEXT = 1e3;
var MAX_TITLE = 300;
var CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
function clip(s, n) {
  const t = s.replace(CONTROL, "");
  return t.length > n ? t.slice(0, n - 1) + "\u2026" : t;
}
function clean(s) {
  return s == null ? null : s.replace(CONTROL, "");
}
var SPACE_TO_FIX = /[^\S ]| \s/;
function collapseSpace(s) {
  return SPACE_TO_FIX.test(s) ? s.replace(/\s+/g, " ") : s;
}
function unique(xs) {
  return xs.length < 2 ? xs.slice() : [...new Set(xs)];
}
function sortedUnique(xs) {
  if (xs.length > 16) return [...new Set(xs)].sort();
  const out = [];
  for (const x of xs) {
    if (typeof x !== "string") return [...new Set(xs)].sort();
    let i = out.length;
    while (i > 0 && x < out[i - 1]) i--;
    if (i > 0 && out[i - 1] === x) continue;
    out.splice(i, 0, x);
  }
  return out;
}
function normCwe(c) {
  const m = /(\d+)/.exec(String(c));
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? `CWE-${n}` : null;
}
var FP_PREFERENCE = [/primaryLocationLineHash/i, /matchBasedId/i, /^fingerprint$/i, /hash/i];
function pickFingerprint(fps) {
  const keys = Object.keys(fps).sort();
  for (const re of FP_PREFERENCE) {
    const k = keys.find((key) => re.test(key));
    if (k) return `${k}=${fps[k]}`;
  }
  const first = keys[0];
  return first === void 0 ? null : `${first}=${fps[first]}`;
}
function sortedRecord(r, secrets) {
  const out = {};
  if (!r) return out;
  const keys = Object.keys(r);
  if (keys.length > 1) keys.sort();
  for (const k of keys) out[k] = redactText(String(r[k]), secrets);
  return out;
}
function occurrenceId(occurrence, ordinal) {
  return `o1-${hashParts([occurrence, String(ordinal)])}`;
}
function prepareFinding(d, ctx, secrets) {
  const file = cleanPath(d.location?.file ?? null, ctx.roots);
  const tool = clean(d.tool ?? ctx.tool.name) ?? "unknown";
  const fingerprints = sortedRecord(d.fingerprints, secrets);
  const cve = d.cve && d.cve.length > 0 ? unique(d.cve.map((c) => c.trim()).filter(Boolean)) : [];
  const location = {
    file,
    start_line: d.location?.start_line ?? null,
    end_line: d.location?.end_line ?? d.location?.start_line ?? null,
    url: d.location?.url ?? null,
    resource: d.location?.resource ?? null,
    image: d.location?.image ?? null,
    account: d.location?.account ?? null,
    region: d.location?.region ?? null
  };
  const title = clip(
    redactText(collapseSpace(d.title).trim() || d.rule_id || "Untitled finding", secrets),
    MAX_TITLE
  );
  const identity = identityParts({
    category: d.category,
    tool,
    rule_id: d.rule_id ?? null,
    title,
    file,
    start_line: location.start_line,
    resource: location.resource,
    image: location.image,
    url: location.url,
    account: location.account,
    vuln_ids: cve,
    package_name: d.package?.name ?? null,
    fingerprint: pickFingerprint(fingerprints),
    secret: d.secret ?? null,
    hint: d.identity_hint ?? null
  });
  const id = identityId(identity.scheme, identity.parts);
  const occurrence = `${id}\0${file ?? ""}\0${location.start_line ?? ""}\0${d.identity_hint ?? ""}`;
  const cwe = d.cwe && d.cwe.length > 0 ? unique(d.cwe.map(normCwe).filter((c) => c !== null)) : [];
  const finding = {
    schema_version: FINDING_SCHEMA_VERSION,
    id,
    identity,
    occurrence_id: "",
    source_tool: tool,
    tool_version: clean(d.tool_version ?? ctx.tool.version),
    source_format: ctx.sourceFormat,
    product: ctx.product,
    service: d.service ?? ctx.service,
    repo: d.repo ?? ctx.repo,
    ref: ctx.ref,
    commit: ctx.commit,
    finding_title: title,
    description: d.description ? clip(redactText(d.description.trim(), secrets), MAX_TEXT) : null,
    category: d.category,
    rule_id: d.rule_id ?? null,
    rule_name: clean(redactNullable(d.rule_name ?? null, secrets)),
    severity: d.severity,
    severity_source: d.severity_source,
    source_severity: d.source_severity ?? null,
    confidence: ctx.confidence,
    tool_confidence: d.tool_confidence ?? null,
    state: d.state ?? (d.suppression ? "suppressed" : "open"),
    state_reason: redactNullable(d.state_reason ?? d.suppression?.justification ?? null, secrets),
    first_seen: d.first_seen ?? ctx.observedAt,
    last_seen: d.last_seen ?? ctx.observedAt,
    closed_at: d.closed_at ?? null,
    owner: d.owner ?? null,
    owner_source: d.owner ? d.owner_source ?? ctx.sourceFormat : null,
    exception_id: null,
    release_blocking: false,
    cwe,
    cve,
    cvss: d.cvss ?? null,
    package: d.package ?? null,
    location: {
      file,
      start_line: location.start_line,
      end_line: location.end_line,
      url: redactNullable(location.url, secrets),
      resource: location.resource,
      image: location.image,
      account: location.account,
      region: location.region
    },
    fingerprints,
    baseline_state: d.baseline_state ?? null,
    suppression: d.suppression ? { ...d.suppression, justification: redactNullable(d.suppression.justification, secrets) } : null,
    tags: d.tags && d.tags.length > 0 ? sortedUnique(d.tags) : [],
    help_uri: d.help_uri ?? null,
    source_file: ctx.sourceFile,
    source_pointer: d.pointer,
    source_index: 0
  };
  return { finding, occurrence };
}

// src/stream/slices.ts
async function parseSlice(reader, r, file) {
  const text = await reader.text(r.start, r.end);
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(e instanceof Error ? e.message : "");
    const at = m ? r.start + Buffer.byteLength(text.slice(0, Number(m[1])), "utf8") : r.start;
    throw new UserError("not valid JSON (inside a value the streaming reader parsed)", file, `byte ${at}`);
  }
}
var BATCH_BYTES = 256 * 1024;
async function forEachItem(reader, list, file, fn) {
  const n = list.length;
  for (let k = 0; k < n; ) {
    let to = k + 1;
    const first = list.start(k);
    while (to < n && list.end(to) - first <= BATCH_BYTES) to++;
    let values;
    const text = await reader.text(first, list.end(to - 1));
    try {
      const v = JSON.parse("[" + text + "]");
      if (Array.isArray(v) && v.length === to - k) values = v;
    } catch {
    }
    for (let j = k; j < to; j++) {
      const value = values ? values[j - k] : await parseSlice(reader, { key: String(j), start: list.start(j), end: list.end(j) }, file);
      const p = fn(value, j);
      if (p) await p;
    }
    k = to;
  }
}

// src/stream/sarif-batch.ts
var MARK = ',"occurrence_id":"';
var TAIL = ',"source_index":0}';
async function prepareBatch(reader, contexts, t, ctx, displayPath, pool) {
  const rc = contexts[t.run];
  const occurrences = [];
  const ends = [];
  const idAt = [];
  const trash = [];
  let buf = pool.take(
    t.ends.length > 0 ? Math.max(1 << 16, 2 * (t.ends[t.ends.length - 1] - t.starts[0])) : 0
  );
  let at = 0;
  let error;
  try {
    await forEachItem(reader, new ArrayRanges(t.starts, t.ends), displayPath, (r, k) => {
      const d = resultToDraft(rc, r, t.first + k, trash);
      trash.length = 0;
      if (!d) return;
      const p = prepareFinding(d, ctx, ctx.secrets);
      p.finding.occurrence_id = occurrenceId(p.occurrence, 0);
      const line = JSON.stringify(p.finding);
      if (!line.endsWith(TAIL)) throw new Error("a prepared finding does not end with source_index");
      const mark = line.indexOf(MARK);
      if (mark < 0) throw new Error("a prepared finding has no occurrence_id");
      if (at + 3 * line.length > buf.length) {
        const bigger = pool.take(Math.max(2 * buf.length, at + 3 * line.length));
        buf.copy(bigger, 0, 0, at);
        pool.give(buf.buffer);
        buf = bigger;
      }
      const len = buf.write(line, at, "utf8");
      const idChar = mark + MARK.length;
      idAt.push(at + (len === line.length ? idChar : Buffer.byteLength(line.slice(0, idChar), "utf8")));
      at += len;
      ends.push(at);
      occurrences.push(p.occurrence);
    });
  } catch (e) {
    error = isUserError(e) ? { user: true, message: e.message, position: e.position } : { user: false, message: e instanceof Error ? e.message : String(e) };
  }
  const digests = new Uint32Array(2 * occurrences.length);
  for (let k = 0; k < occurrences.length; k++) {
    const [a, b] = fastHash64(occurrences[k]);
    digests[2 * k] = a;
    digests[2 * k + 1] = b;
  }
  return {
    id: t.id,
    buf: new Uint8Array(buf.buffer, 0, at),
    ends: Int32Array.from(ends),
    idAt: Int32Array.from(idAt),
    digests,
    occurrences,
    warnings: rc.warnings.splice(0),
    categories: [...rc.categories],
    error
  };
}

// src/stream/stream-worker.ts
function serve() {
  let state;
  let queue = Promise.resolve();
  const buffers = new BufferPool();
  parentPort.on("message", (m) => {
    if (m.kind === "recycle") return buffers.give(m.buf);
    queue = queue.then(async () => {
      if (m.kind === "init") {
        const fh = await fs.open(m.file, "r");
        state = {
          init: m,
          reader: new RangeReader(fh, m.fileSize, 64 * 1024),
          contexts: m.runs.map((r, i) => createRunContext(r, i, m.displayPath)),
          close: () => fh.close()
        };
      } else if (m.kind === "close") {
        await state?.close();
        parentPort.close();
      } else {
        const s = state;
        const reply = await prepareBatch(
          s.reader,
          s.contexts,
          m,
          s.init.ctx,
          s.init.displayPath,
          buffers
        );
        parentPort.postMessage(reply, [reply.buf.buffer]);
      }
    });
  });
}
var data = workerData;
if (parentPort && data?.tag === WORKER_TAG) serve();
