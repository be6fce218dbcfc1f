import { createRequire as __smCreateRequire } from 'node:module'; const require = __smCreateRequire(import.meta.url);

// src/commands/normalize-worker.ts
import { Writable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";

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
function errorMessage(e) {
  if (isUserError(e)) return e.format();
  if (e instanceof Error) return e.message;
  return String(e);
}

// src/commands/normalize.ts
import path2 from "node:path";

// src/output/markdown.ts
var BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
var CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
function safeLogText(text3) {
  return String(text3).replace(BIDI, "").replace(CONTROL, "").replace(/::/g, ":\u200B:").replace(/^##\[/gm, "#\u200B#[");
}

// src/commands/read-input.ts
import { promises as fs2 } from "node:fs";
import path from "node:path";

// node_modules/fast-xml-parser/src/util.js
var nameStartChar = ":A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
var nameChar = nameStartChar + "\\-.\\d\\u00B7\\u0300-\\u036F\\u203F-\\u2040";
var nameRegexp = "[" + nameStartChar + "][" + nameChar + "]*";
var regexName = new RegExp("^" + nameRegexp + "$");
function getAllMatches(string, regex) {
  const matches = [];
  let match = regex.exec(string);
  while (match) {
    const allmatches = [];
    allmatches.startIndex = regex.lastIndex - match[0].length;
    const len = match.length;
    for (let index = 0; index < len; index++) {
      allmatches.push(match[index]);
    }
    matches.push(allmatches);
    match = regex.exec(string);
  }
  return matches;
}
var isName = function(string) {
  const match = regexName.exec(string);
  return !(match === null || typeof match === "undefined");
};
function isExist(v) {
  return typeof v !== "undefined";
}
var DANGEROUS_PROPERTY_NAMES = [
  // '__proto__',
  // 'constructor',
  // 'prototype',
  "hasOwnProperty",
  "toString",
  "valueOf",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__"
];
var criticalProperties = ["__proto__", "constructor", "prototype"];

// node_modules/fast-xml-parser/src/validator.js
var defaultOptions = {
  allowBooleanAttributes: false,
  //A tag can have attributes without any value
  unpairedTags: []
};
function validate(xmlData, options) {
  options = Object.assign({}, defaultOptions, options);
  const tags = [];
  let tagFound = false;
  let reachedRoot = false;
  if (xmlData[0] === "\uFEFF") {
    xmlData = xmlData.substr(1);
  }
  for (let i = 0; i < xmlData.length; i++) {
    if (xmlData[i] === "<" && xmlData[i + 1] === "?") {
      i += 2;
      i = readPI(xmlData, i);
      if (i.err) return i;
    } else if (xmlData[i] === "<") {
      let tagStartPos = i;
      i++;
      if (xmlData[i] === "!") {
        i = readCommentAndCDATA(xmlData, i);
        continue;
      } else {
        let closingTag = false;
        if (xmlData[i] === "/") {
          closingTag = true;
          i++;
        }
        let tagName = "";
        for (; i < xmlData.length && xmlData[i] !== ">" && xmlData[i] !== " " && xmlData[i] !== "	" && xmlData[i] !== "\n" && xmlData[i] !== "\r"; i++) {
          tagName += xmlData[i];
        }
        tagName = tagName.trim();
        if (tagName[tagName.length - 1] === "/") {
          tagName = tagName.substring(0, tagName.length - 1);
          i--;
        }
        if (!validateTagName(tagName)) {
          let msg;
          if (tagName.trim().length === 0) {
            msg = "Invalid space after '<'.";
          } else {
            msg = "Tag '" + tagName + "' is an invalid name.";
          }
          return getErrorObject("InvalidTag", msg, getLineNumberForPosition(xmlData, i));
        }
        const result = readAttributeStr(xmlData, i);
        if (result === false) {
          return getErrorObject("InvalidAttr", "Attributes for '" + tagName + "' have open quote.", getLineNumberForPosition(xmlData, i));
        }
        let attrStr = result.value;
        i = result.index;
        if (attrStr[attrStr.length - 1] === "/") {
          const attrStrStart = i - attrStr.length;
          attrStr = attrStr.substring(0, attrStr.length - 1);
          const isValid = validateAttributeString(attrStr, options);
          if (isValid === true) {
            tagFound = true;
          } else {
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, attrStrStart + isValid.err.line));
          }
        } else if (closingTag) {
          if (!result.tagClosed) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' doesn't have proper closing.", getLineNumberForPosition(xmlData, i));
          } else if (attrStr.trim().length > 0) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' can't have attributes or invalid starting.", getLineNumberForPosition(xmlData, tagStartPos));
          } else if (tags.length === 0) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' has not been opened.", getLineNumberForPosition(xmlData, tagStartPos));
          } else {
            const otg = tags.pop();
            if (tagName !== otg.tagName) {
              let openPos = getLineNumberForPosition(xmlData, otg.tagStartPos);
              return getErrorObject(
                "InvalidTag",
                "Expected closing tag '" + otg.tagName + "' (opened in line " + openPos.line + ", col " + openPos.col + ") instead of closing tag '" + tagName + "'.",
                getLineNumberForPosition(xmlData, tagStartPos)
              );
            }
            if (tags.length == 0) {
              reachedRoot = true;
            }
          }
        } else {
          const isValid = validateAttributeString(attrStr, options);
          if (isValid !== true) {
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, i - attrStr.length + isValid.err.line));
          }
          if (reachedRoot === true) {
            return getErrorObject("InvalidXml", "Multiple possible root nodes found.", getLineNumberForPosition(xmlData, i));
          } else if (options.unpairedTags.indexOf(tagName) !== -1) {
          } else {
            tags.push({ tagName, tagStartPos });
          }
          tagFound = true;
        }
        for (i++; i < xmlData.length; i++) {
          if (xmlData[i] === "<") {
            if (xmlData[i + 1] === "!") {
              i++;
              i = readCommentAndCDATA(xmlData, i);
              continue;
            } else if (xmlData[i + 1] === "?") {
              i = readPI(xmlData, ++i);
              if (i.err) return i;
            } else {
              break;
            }
          } else if (xmlData[i] === "&") {
            const afterAmp = validateAmpersand(xmlData, i);
            if (afterAmp == -1)
              return getErrorObject("InvalidChar", "char '&' is not expected.", getLineNumberForPosition(xmlData, i));
            i = afterAmp;
          } else {
            if (reachedRoot === true && !isWhiteSpace(xmlData[i])) {
              return getErrorObject("InvalidXml", "Extra text at the end", getLineNumberForPosition(xmlData, i));
            }
          }
        }
        if (xmlData[i] === "<") {
          i--;
        }
      }
    } else {
      if (isWhiteSpace(xmlData[i])) {
        continue;
      }
      return getErrorObject("InvalidChar", "char '" + xmlData[i] + "' is not expected.", getLineNumberForPosition(xmlData, i));
    }
  }
  if (!tagFound) {
    return getErrorObject("InvalidXml", "Start tag expected.", 1);
  } else if (tags.length == 1) {
    return getErrorObject("InvalidTag", "Unclosed tag '" + tags[0].tagName + "'.", getLineNumberForPosition(xmlData, tags[0].tagStartPos));
  } else if (tags.length > 0) {
    return getErrorObject("InvalidXml", "Invalid '" + JSON.stringify(tags.map((t) => t.tagName), null, 4).replace(/\r?\n/g, "") + "' found.", { line: 1, col: 1 });
  }
  return true;
}
function isWhiteSpace(char) {
  return char === " " || char === "	" || char === "\n" || char === "\r";
}
function readPI(xmlData, i) {
  const start = i;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] == "?" || xmlData[i] == " ") {
      const tagname = xmlData.substr(start, i - start);
      if (i > 5 && tagname === "xml") {
        return getErrorObject("InvalidXml", "XML declaration allowed only at the start of the document.", getLineNumberForPosition(xmlData, i));
      } else if (xmlData[i] == "?" && xmlData[i + 1] == ">") {
        i++;
        break;
      } else {
        continue;
      }
    }
  }
  return i;
}
function readCommentAndCDATA(xmlData, i) {
  if (xmlData.length > i + 5 && xmlData[i + 1] === "-" && xmlData[i + 2] === "-") {
    for (i += 3; i < xmlData.length; i++) {
      if (xmlData[i] === "-" && xmlData[i + 1] === "-" && xmlData[i + 2] === ">") {
        i += 2;
        break;
      }
    }
  } else if (xmlData.length > i + 8 && xmlData[i + 1] === "D" && xmlData[i + 2] === "O" && xmlData[i + 3] === "C" && xmlData[i + 4] === "T" && xmlData[i + 5] === "Y" && xmlData[i + 6] === "P" && xmlData[i + 7] === "E") {
    let angleBracketsCount = 1;
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === "<") {
        angleBracketsCount++;
      } else if (xmlData[i] === ">") {
        angleBracketsCount--;
        if (angleBracketsCount === 0) {
          break;
        }
      }
    }
  } else if (xmlData.length > i + 9 && xmlData[i + 1] === "[" && xmlData[i + 2] === "C" && xmlData[i + 3] === "D" && xmlData[i + 4] === "A" && xmlData[i + 5] === "T" && xmlData[i + 6] === "A" && xmlData[i + 7] === "[") {
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === "]" && xmlData[i + 1] === "]" && xmlData[i + 2] === ">") {
        i += 2;
        break;
      }
    }
  }
  return i;
}
var doubleQuote = '"';
var singleQuote = "'";
function readAttributeStr(xmlData, i) {
  let attrStr = "";
  let startChar = "";
  let tagClosed = false;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === doubleQuote || xmlData[i] === singleQuote) {
      if (startChar === "") {
        startChar = xmlData[i];
      } else if (startChar !== xmlData[i]) {
      } else {
        startChar = "";
      }
    } else if (xmlData[i] === ">") {
      if (startChar === "") {
        tagClosed = true;
        break;
      }
    }
    attrStr += xmlData[i];
  }
  if (startChar !== "") {
    return false;
  }
  return {
    value: attrStr,
    index: i,
    tagClosed
  };
}
function scanAttributeTokens(attrStr) {
  const tokens = [];
  const len = attrStr.length;
  let i = 0;
  while (i < len) {
    const tokenStart = i;
    while (i < len && isWhiteSpace(attrStr[i])) i++;
    if (i >= len) break;
    if (attrStr[i] === "=") {
      i++;
      continue;
    }
    const leadingWs = attrStr.slice(tokenStart, i);
    const nameStart = i;
    while (i < len && !isWhiteSpace(attrStr[i]) && attrStr[i] !== "=") i++;
    const name = attrStr.slice(nameStart, i);
    let equalsGroup;
    let j = i;
    while (j < len && isWhiteSpace(attrStr[j])) j++;
    if (j < len && attrStr[j] === "=") {
      equalsGroup = attrStr.slice(i, j + 1);
      i = j + 1;
    }
    let quoteChar;
    let value;
    let k = i;
    while (k < len && isWhiteSpace(attrStr[k])) k++;
    if (k < len && (attrStr[k] === '"' || attrStr[k] === "'")) {
      const valueStart = k + 1;
      const closeIdx = attrStr.indexOf(attrStr[k], valueStart);
      if (closeIdx !== -1) {
        quoteChar = attrStr[k];
        value = attrStr.slice(valueStart, closeIdx);
        i = closeIdx + 1;
      }
    }
    const token = { startIndex: tokenStart };
    token[1] = leadingWs;
    token[2] = name;
    token[3] = equalsGroup;
    token[4] = quoteChar !== void 0 ? true : void 0;
    token[5] = quoteChar;
    token[6] = value;
    tokens.push(token);
  }
  return tokens;
}
function validateAttributeString(attrStr, options) {
  const matches = scanAttributeTokens(attrStr);
  const attrNames = {};
  for (let i = 0; i < matches.length; i++) {
    if (matches[i][1].length === 0) {
      return getErrorObject("InvalidAttr", "Attribute '" + matches[i][2] + "' has no space in starting.", getPositionFromMatch(matches[i]));
    } else if (matches[i][3] !== void 0 && matches[i][4] === void 0) {
      return getErrorObject("InvalidAttr", "Attribute '" + matches[i][2] + "' is without value.", getPositionFromMatch(matches[i]));
    } else if (matches[i][3] === void 0 && !options.allowBooleanAttributes) {
      return getErrorObject("InvalidAttr", "boolean attribute '" + matches[i][2] + "' is not allowed.", getPositionFromMatch(matches[i]));
    }
    const attrName = matches[i][2];
    if (!validateAttrName(attrName)) {
      return getErrorObject("InvalidAttr", "Attribute '" + attrName + "' is an invalid name.", getPositionFromMatch(matches[i]));
    }
    if (!Object.prototype.hasOwnProperty.call(attrNames, attrName)) {
      attrNames[attrName] = 1;
    } else {
      return getErrorObject("InvalidAttr", "Attribute '" + attrName + "' is repeated.", getPositionFromMatch(matches[i]));
    }
  }
  return true;
}
function validateNumberAmpersand(xmlData, i) {
  let re = /\d/;
  if (xmlData[i] === "x") {
    i++;
    re = /[\da-fA-F]/;
  }
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === ";")
      return i;
    if (!xmlData[i].match(re))
      break;
  }
  return -1;
}
function validateAmpersand(xmlData, i) {
  i++;
  if (xmlData[i] === ";")
    return -1;
  if (xmlData[i] === "#") {
    i++;
    return validateNumberAmpersand(xmlData, i);
  }
  let count = 0;
  for (; i < xmlData.length; i++, count++) {
    if (xmlData[i].match(/\w/) && count < 20)
      continue;
    if (xmlData[i] === ";")
      break;
    return -1;
  }
  return i;
}
function getErrorObject(code, message, lineNumber) {
  return {
    err: {
      code,
      msg: message,
      line: lineNumber.line || lineNumber,
      col: lineNumber.col
    }
  };
}
function validateAttrName(attrName) {
  return isName(attrName);
}
function validateTagName(tagname) {
  return isName(tagname);
}
function getLineNumberForPosition(xmlData, index) {
  const lines = xmlData.substring(0, index).split(/\r?\n/);
  return {
    line: lines.length,
    // column number is last line's length + 1, because column numbering starts at 1:
    col: lines[lines.length - 1].length + 1
  };
}
function getPositionFromMatch(match) {
  return match.startIndex + match[1].length;
}

// node_modules/@nodable/entities/src/entities.js
var CURRENCY = {
  cent: "\xA2",
  pound: "\xA3",
  curren: "\xA4",
  yen: "\xA5",
  euro: "\u20AC",
  dollar: "$",
  fnof: "\u0192",
  inr: "\u20B9",
  af: "\u060B",
  birr: "\u1265\u122D",
  peso: "\u20B1",
  rub: "\u20BD",
  won: "\u20A9",
  yuan: "\xA5",
  cedil: "\xB8"
};
var XML = {
  amp: "&",
  apos: "'",
  gt: ">",
  lt: "<",
  quot: '"'
};
var COMMON_HTML = {
  nbsp: "\xA0",
  copy: "\xA9",
  reg: "\xAE",
  trade: "\u2122",
  mdash: "\u2014",
  ndash: "\u2013",
  hellip: "\u2026",
  laquo: "\xAB",
  raquo: "\xBB",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201C",
  rdquo: "\u201D",
  bull: "\u2022",
  para: "\xB6",
  sect: "\xA7",
  deg: "\xB0",
  frac12: "\xBD",
  frac14: "\xBC",
  frac34: "\xBE"
};

// node_modules/@nodable/entities/src/EntityDecoder.js
var ENTITY_ACTION = Object.freeze({
  /** Resolve and expand the entity normally. */
  ALLOW: "allow",
  /** Silently skip this entity — it will not be registered. */
  BLOCK: "block",
  /** Throw an error, aborting entity registration entirely. */
  THROW: "throw"
});
var SPECIAL_CHARS = new Set("!?\\\\/[]$%{}^&*()<>|+");
function validateEntityName(name) {
  if (name[0] === "#") {
    throw new Error(`[EntityReplacer] Invalid character '#' in entity name: "${name}"`);
  }
  for (const ch of name) {
    if (SPECIAL_CHARS.has(ch)) {
      throw new Error(`[EntityReplacer] Invalid character '${ch}' in entity name: "${name}"`);
    }
  }
  return name;
}
function mergeEntityMaps(...maps) {
  const out = /* @__PURE__ */ Object.create(null);
  for (const map of maps) {
    if (!map) continue;
    for (const key of Object.keys(map)) {
      const raw = map[key];
      if (typeof raw === "string") {
        out[key] = raw;
      } else if (raw && typeof raw === "object" && raw.val !== void 0) {
        const val2 = raw.val;
        if (typeof val2 === "string") {
          out[key] = val2;
        }
      }
    }
  }
  return out;
}
var LIMIT_TIER_EXTERNAL = "external";
var LIMIT_TIER_BASE = "base";
var LIMIT_TIER_ALL = "all";
function parseLimitTiers(raw) {
  if (!raw || raw === LIMIT_TIER_EXTERNAL) return /* @__PURE__ */ new Set([LIMIT_TIER_EXTERNAL]);
  if (raw === LIMIT_TIER_ALL) return /* @__PURE__ */ new Set([LIMIT_TIER_ALL]);
  if (raw === LIMIT_TIER_BASE) return /* @__PURE__ */ new Set([LIMIT_TIER_BASE]);
  if (Array.isArray(raw)) return new Set(raw);
  return /* @__PURE__ */ new Set([LIMIT_TIER_EXTERNAL]);
}
var NCR_LEVEL = Object.freeze({ allow: 0, leave: 1, remove: 2, throw: 3 });
var XML10_ALLOWED_C0 = /* @__PURE__ */ new Set([9, 10, 13]);
function parseNCRConfig(ncr) {
  if (!ncr) {
    return { xmlVersion: 1, onLevel: NCR_LEVEL.allow, nullLevel: NCR_LEVEL.remove };
  }
  const xmlVersion = ncr.xmlVersion === 1.1 ? 1.1 : 1;
  const onLevel = NCR_LEVEL[ncr.onNCR] ?? NCR_LEVEL.allow;
  const nullLevel = NCR_LEVEL[ncr.nullNCR] ?? NCR_LEVEL.remove;
  const clampedNull = Math.max(nullLevel, NCR_LEVEL.remove);
  return { xmlVersion, onLevel, nullLevel: clampedNull };
}
var EntityDecoder = class {
  /**
   * @param {object} [options]
   * @param {object|null}  [options.namedEntities]        — extra named entities merged into base map
   * @param {object}  [options.limit]                 — security limits
   * @param {number}       [options.limit.maxTotalExpansions=0]  — 0 = unlimited
   * @param {number}       [options.limit.maxExpandedLength=0]   — 0 = unlimited
   * @param {'external'|'base'|'all'|string[]} [options.limit.applyLimitsTo='external']
   *   Which entity tiers count against the security limits:
   *   - 'external' (default) — only input/runtime + persistent external entities
   *   - 'base'               — only DEFAULT_XML_ENTITIES + namedEntities
   *   - 'all'                — every entity regardless of tier
   *   - string[]             — explicit combination, e.g. ['external', 'base']
   * @param {((resolved: string, original: string) => string)|null} [options.postCheck=null]
   * @param {string[]} [options.remove=[]] — entity names (e.g. ['nbsp', '#13']) to delete (replace with empty string)
   * @param {string[]} [options.leave=[]]  — entity names to keep as literal (unchanged in output)
   * @param {object}   [options.ncr]       — Numeric Character Reference controls
   * @param {1.0|1.1}  [options.ncr.xmlVersion=1.0]
   *   XML version governing which codepoint ranges are restricted:
   *   - 1.0 — C0 controls U+0001–U+001F (except U+0009/000A/000D) are prohibited
   *   - 1.1 — C0 controls are allowed when written as NCRs; C1 (U+007F–U+009F) decoded as-is
   * @param {'allow'|'leave'|'remove'|'throw'} [options.ncr.onNCR='allow']
   *   Base action for numeric references. Severity order: allow < leave < remove < throw.
   *   For codepoint ranges that carry a minimum level (surrogates → remove, XML 1.0 C0 → remove),
   *   the effective action is max(onNCR, rangeMinimum).
   * @param {'remove'|'throw'} [options.ncr.nullNCR='remove']
   *   Action for U+0000 (null). 'allow' and 'leave' are clamped to 'remove' since null is never safe.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onExternalEntity=null]
   *   Hook called when an external entity is registered via `setExternalEntities()` or
   *   `addExternalEntity()`. Return `ENTITY_ACTION.ALLOW` to accept the entity,
   *   `ENTITY_ACTION.BLOCK` to silently skip it, or `ENTITY_ACTION.THROW` to abort with an error.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onInputEntity=null]
   *   Hook called when an input entity is registered via `addInputEntities()`. Return
   *   `ENTITY_ACTION.ALLOW` to accept, `ENTITY_ACTION.BLOCK` to silently skip, or
   *   `ENTITY_ACTION.THROW` to abort with an error.
   */
  constructor(options = {}) {
    this._limit = options.limit || {};
    this._maxTotalExpansions = this._limit.maxTotalExpansions || 0;
    this._maxExpandedLength = this._limit.maxExpandedLength || 0;
    this._postCheck = typeof options.postCheck === "function" ? options.postCheck : (r) => r;
    this._limitTiers = parseLimitTiers(this._limit.applyLimitsTo ?? LIMIT_TIER_EXTERNAL);
    this._numericAllowed = options.numericAllowed ?? true;
    this._baseMap = mergeEntityMaps(XML, options.namedEntities || null);
    this._externalMap = /* @__PURE__ */ Object.create(null);
    this._inputMap = /* @__PURE__ */ Object.create(null);
    this._totalExpansions = 0;
    this._expandedLength = 0;
    this._removeSet = new Set(options.remove && Array.isArray(options.remove) ? options.remove : []);
    this._leaveSet = new Set(options.leave && Array.isArray(options.leave) ? options.leave : []);
    const ncrCfg = parseNCRConfig(options.ncr);
    this._ncrXmlVersion = ncrCfg.xmlVersion;
    this._ncrOnLevel = ncrCfg.onLevel;
    this._ncrNullLevel = ncrCfg.nullLevel;
    this._onExternalEntity = typeof options.onExternalEntity === "function" ? options.onExternalEntity : null;
    this._onInputEntity = typeof options.onInputEntity === "function" ? options.onInputEntity : null;
  }
  // -------------------------------------------------------------------------
  // Private: registration hook dispatch
  // -------------------------------------------------------------------------
  /**
   * Invoke a registration hook for a single entity name/value pair.
   * Returns true when the entity should be accepted, false when it should be
   * silently skipped (BLOCK), and throws when the hook returns THROW.
   *
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} hook
   * @param {string} name
   * @param {string} value
   * @param {string} context  — used in error messages ('external' | 'input')
   * @returns {boolean}  true = accept, false = skip
   */
  _applyRegistrationHook(hook, name, value, context) {
    if (!hook) return true;
    const action = hook(name, value);
    if (action === ENTITY_ACTION.BLOCK) return false;
    if (action === ENTITY_ACTION.THROW) {
      throw new Error(
        `[EntityDecoder] Registration of ${context} entity "&${name};" was rejected by hook`
      );
    }
    return true;
  }
  // -------------------------------------------------------------------------
  // Persistent external entity registration
  // -------------------------------------------------------------------------
  /**
   * Replace the full set of persistent external entities.
   * All keys are validated — throws on invalid characters.
   * If `onExternalEntity` is set, it is called once per entry; entries that
   * return `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW`
   * aborts the whole call.
   * @param {Record<string, string | { regex?: RegExp, val: string }>} map
   */
  setExternalEntities(map) {
    if (map) {
      for (const key of Object.keys(map)) {
        validateEntityName(key);
      }
    }
    if (!this._onExternalEntity) {
      this._externalMap = mergeEntityMaps(map);
      return;
    }
    const flat = mergeEntityMaps(map);
    const filtered = /* @__PURE__ */ Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onExternalEntity, name, value, "external")) {
        filtered[name] = value;
      }
    }
    this._externalMap = filtered;
  }
  /**
   * Add a single persistent external entity.
   * If `onExternalEntity` is set it is called before the entity is stored;
   * `ENTITY_ACTION.BLOCK` silently skips storage, `ENTITY_ACTION.THROW` raises.
   * @param {string} key
   * @param {string} value
   */
  addExternalEntity(key, value) {
    validateEntityName(key);
    if (typeof value === "string" && value.indexOf("&") === -1) {
      if (this._applyRegistrationHook(this._onExternalEntity, key, value, "external")) {
        this._externalMap[key] = value;
      }
    }
  }
  // -------------------------------------------------------------------------
  // Input / runtime entity registration (per document)
  // -------------------------------------------------------------------------
  /**
   * Inject DOCTYPE entities for the current document.
   * Also resets per-document expansion counters.
   * If `onInputEntity` is set it is called once per entry; entries returning
   * `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW` aborts.
   * @param {Record<string, string | { regx?: RegExp, regex?: RegExp, val: string }>} map
   */
  addInputEntities(map) {
    this._totalExpansions = 0;
    this._expandedLength = 0;
    if (!this._onInputEntity) {
      this._inputMap = mergeEntityMaps(map);
      return;
    }
    const flat = mergeEntityMaps(map);
    const filtered = /* @__PURE__ */ Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onInputEntity, name, value, "input")) {
        filtered[name] = value;
      }
    }
    this._inputMap = filtered;
  }
  // -------------------------------------------------------------------------
  // Per-document reset
  // -------------------------------------------------------------------------
  /**
   * Wipe input/runtime entities and reset counters.
   * Call this before processing each new document.
   * @returns {this}
   */
  reset() {
    this._inputMap = /* @__PURE__ */ Object.create(null);
    this._totalExpansions = 0;
    this._expandedLength = 0;
    return this;
  }
  // -------------------------------------------------------------------------
  // XML version (can be set after construction, e.g. once parser reads <?xml?>)
  // -------------------------------------------------------------------------
  /**
   * Update the XML version used for NCR classification.
   * Call this as soon as the document's `<?xml version="...">` declaration is parsed.
   * @param {1.0|1.1|number} version
   */
  setXmlVersion(version) {
    this._ncrXmlVersion = version === 1.1 ? 1.1 : 1;
  }
  // -------------------------------------------------------------------------
  // Primary API
  // -------------------------------------------------------------------------
  /**
   * Replace all entity references in `str` in a single pass.
   *
   * @param {string} str
   * @returns {string}
   */
  decode(str6) {
    if (typeof str6 !== "string" || str6.length === 0) return str6;
    if (str6.indexOf("&") === -1) return str6;
    const original = str6;
    const chunks = [];
    const len = str6.length;
    let last = 0;
    let i = 0;
    const limitExpansions = this._maxTotalExpansions > 0;
    const limitLength = this._maxExpandedLength > 0;
    const checkLimits = limitExpansions || limitLength;
    while (i < len) {
      if (str6.charCodeAt(i) !== 38) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < len && str6.charCodeAt(j) !== 59 && j - i <= 32) j++;
      if (j >= len || str6.charCodeAt(j) !== 59) {
        i++;
        continue;
      }
      const token = str6.slice(i + 1, j);
      if (token.length === 0) {
        i++;
        continue;
      }
      let replacement;
      let tier;
      if (this._removeSet.has(token)) {
        replacement = "";
        if (tier === void 0) {
          tier = LIMIT_TIER_EXTERNAL;
        }
      } else if (this._leaveSet.has(token)) {
        i++;
        continue;
      } else if (token.charCodeAt(0) === 35) {
        const ncrResult = this._resolveNCR(token);
        if (ncrResult === void 0) {
          i++;
          continue;
        }
        replacement = ncrResult;
        tier = LIMIT_TIER_BASE;
      } else {
        const resolved = this._resolveName(token);
        replacement = resolved?.value;
        tier = resolved?.tier;
      }
      if (replacement === void 0) {
        i++;
        continue;
      }
      if (i > last) chunks.push(str6.slice(last, i));
      chunks.push(replacement);
      last = j + 1;
      i = last;
      if (checkLimits && this._tierCounts(tier)) {
        if (limitExpansions) {
          this._totalExpansions++;
          if (this._totalExpansions > this._maxTotalExpansions) {
            throw new Error(
              `[EntityReplacer] Entity expansion count limit exceeded: ${this._totalExpansions} > ${this._maxTotalExpansions}`
            );
          }
        }
        if (limitLength) {
          const delta = replacement.length - (token.length + 2);
          if (delta > 0) {
            this._expandedLength += delta;
            if (this._expandedLength > this._maxExpandedLength) {
              throw new Error(
                `[EntityReplacer] Expanded content length limit exceeded: ${this._expandedLength} > ${this._maxExpandedLength}`
              );
            }
          }
        }
      }
    }
    if (last < len) chunks.push(str6.slice(last));
    const result = chunks.length === 0 ? str6 : chunks.join("");
    return this._postCheck(result, original);
  }
  // -------------------------------------------------------------------------
  // Private: limit tier check
  // -------------------------------------------------------------------------
  /**
   * Returns true if a resolved entity of the given tier should count
   * against the expansion/length limits.
   * @param {string} tier  — LIMIT_TIER_EXTERNAL | LIMIT_TIER_BASE
   * @returns {boolean}
   */
  _tierCounts(tier) {
    if (this._limitTiers.has(LIMIT_TIER_ALL)) return true;
    return this._limitTiers.has(tier);
  }
  // -------------------------------------------------------------------------
  // Private: entity resolution
  // -------------------------------------------------------------------------
  /**
   * Resolve a named entity token (without & and ;).
   * Priority: inputMap > externalMap > baseMap
   * Returns the resolved value tagged with its limit tier.
   *
   * @param {string} name
   * @returns {{ value: string, tier: string }|undefined}
   */
  _resolveName(name) {
    if (name in this._inputMap) return { value: this._inputMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._externalMap) return { value: this._externalMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._baseMap) return { value: this._baseMap[name], tier: LIMIT_TIER_BASE };
    return void 0;
  }
  /**
   * Classify a codepoint and return the minimum action level that must be applied.
   * Returns -1 when no minimum is imposed (normal allow path).
   *
   * Ranges checked (in priority order):
   *   1. U+0000            — null, governed by nullNCR (always ≥ remove)
   *   2. U+D800–U+DFFF     — surrogates, always prohibited (min: remove)
   *   3. U+0001–U+001F \ {0x09,0x0A,0x0D}  — XML 1.0 restricted C0 (min: remove)
   *      (skipped in XML 1.1 — C0 controls are allowed when written as NCRs)
   *
   * @param {number} cp  — codepoint
   * @returns {number}   — minimum NCR_LEVEL value, or -1 for no restriction
   */
  _classifyNCR(cp) {
    if (cp === 0) return this._ncrNullLevel;
    if (cp >= 55296 && cp <= 57343) return NCR_LEVEL.remove;
    if (this._ncrXmlVersion === 1) {
      if (cp >= 1 && cp <= 31 && !XML10_ALLOWED_C0.has(cp)) return NCR_LEVEL.remove;
    }
    return -1;
  }
  /**
   * Execute a resolved NCR action.
   *
   * @param {number} action   — NCR_LEVEL value
   * @param {string} token    — raw token (e.g. '#38') for error messages
   * @param {number} cp       — codepoint, used only for error messages
   * @returns {string|undefined}
   *   - decoded character string  → 'allow'
   *   - ''                        → 'remove'
   *   - undefined                 → 'leave' (caller must skip past '&' only)
   *   - throws Error              → 'throw'
   */
  _applyNCRAction(action, token, cp) {
    switch (action) {
      case NCR_LEVEL.allow:
        return String.fromCodePoint(cp);
      case NCR_LEVEL.remove:
        return "";
      case NCR_LEVEL.leave:
        return void 0;
      // signal: keep literal
      case NCR_LEVEL.throw:
        throw new Error(
          `[EntityDecoder] Prohibited numeric character reference &${token}; (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`
        );
      default:
        return String.fromCodePoint(cp);
    }
  }
  /**
   * Full NCR resolution pipeline for a numeric token.
   *
   * Steps:
   *   1. Parse the codepoint (decimal or hex).
   *   2. Validate the raw codepoint range (NaN, <0, >0x10FFFF).
   *   3. If numericAllowed is false and no minimum restriction applies → leave as-is.
   *   4. Classify the codepoint to find the minimum required action level.
   *   5. Resolve effective action = max(onNCR, minimum).
   *   6. Apply and return.
   *
   * @param {string} token  — e.g. '#38', '#x26', '#X26'
   * @returns {string|undefined}
   *   - string (incl. '')  — replacement ('' = remove)
   *   - undefined          — leave original &token; as-is
   */
  _resolveNCR(token) {
    const second = token.charCodeAt(1);
    let cp;
    if (second === 120 || second === 88) {
      cp = parseInt(token.slice(2), 16);
    } else {
      cp = parseInt(token.slice(1), 10);
    }
    if (Number.isNaN(cp) || cp < 0 || cp > 1114111) return void 0;
    const minimum = this._classifyNCR(cp);
    if (!this._numericAllowed && minimum < NCR_LEVEL.remove) return void 0;
    const effective = minimum === -1 ? this._ncrOnLevel : Math.max(this._ncrOnLevel, minimum);
    return this._applyNCRAction(effective, token, cp);
  }
};

// node_modules/fast-xml-parser/src/xmlparser/OptionsBuilder.js
var defaultOnDangerousProperty = (name) => {
  if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return "__" + name;
  }
  return name;
};
var defaultOptions2 = {
  preserveOrder: false,
  attributeNamePrefix: "@_",
  attributesGroupName: false,
  textNodeName: "#text",
  ignoreAttributes: true,
  removeNSPrefix: false,
  // remove NS from tag name or attribute name if true
  allowBooleanAttributes: false,
  //a tag can have attributes without any value
  //ignoreRootElement : false,
  parseTagValue: true,
  parseAttributeValue: false,
  trimValues: true,
  //Trim string values of tag and attributes
  cdataPropName: false,
  numberParseOptions: {
    hex: true,
    leadingZeros: true,
    eNotation: true,
    unicode: false
  },
  tagValueProcessor: function(tagName, val2) {
    return val2;
  },
  attributeValueProcessor: function(attrName, val2) {
    return val2;
  },
  stopNodes: [],
  //nested tags will not be parsed even for errors
  alwaysCreateTextNode: false,
  isArray: () => false,
  commentPropName: false,
  unpairedTags: [],
  processEntities: true,
  htmlEntities: false,
  entityDecoder: null,
  ignoreDeclaration: false,
  ignorePiTags: false,
  transformTagName: false,
  transformAttributeName: false,
  updateTag: function(tagName, jPath, attrs) {
    return tagName;
  },
  // skipEmptyListItem: false
  captureMetaData: false,
  maxNestedTags: 100,
  strictReservedNames: true,
  jPath: true,
  // if true, pass jPath string to callbacks; if false, pass matcher instance
  onDangerousProperty: defaultOnDangerousProperty
};
function validatePropertyName(propertyName, optionName) {
  if (typeof propertyName !== "string") {
    return;
  }
  const normalized = propertyName.toLowerCase();
  if (DANGEROUS_PROPERTY_NAMES.some((dangerous) => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }
  if (criticalProperties.some((dangerous) => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }
}
function normalizeProcessEntities(value, htmlEntities) {
  if (typeof value === "boolean") {
    return {
      enabled: value,
      // true or false
      maxEntitySize: 1e4,
      maxExpansionDepth: 1e4,
      maxTotalExpansions: Infinity,
      maxExpandedLength: 1e5,
      maxEntityCount: 1e3,
      allowedTags: null,
      tagFilter: null,
      appliesTo: "all"
    };
  }
  if (typeof value === "object" && value !== null) {
    return {
      enabled: value.enabled !== false,
      maxEntitySize: Math.max(1, value.maxEntitySize ?? 1e4),
      maxExpansionDepth: Math.max(1, value.maxExpansionDepth ?? 1e4),
      maxTotalExpansions: Math.max(1, value.maxTotalExpansions ?? Infinity),
      maxExpandedLength: Math.max(1, value.maxExpandedLength ?? 1e5),
      maxEntityCount: Math.max(1, value.maxEntityCount ?? 1e3),
      allowedTags: value.allowedTags ?? null,
      tagFilter: value.tagFilter ?? null,
      appliesTo: value.appliesTo ?? "all"
    };
  }
  return normalizeProcessEntities(true);
}
var buildOptions = function(options) {
  const built = Object.assign({}, defaultOptions2, options);
  const propertyNameOptions = [
    { value: built.attributeNamePrefix, name: "attributeNamePrefix" },
    { value: built.attributesGroupName, name: "attributesGroupName" },
    { value: built.textNodeName, name: "textNodeName" },
    { value: built.cdataPropName, name: "cdataPropName" },
    { value: built.commentPropName, name: "commentPropName" }
  ];
  for (const { value, name } of propertyNameOptions) {
    if (value) {
      validatePropertyName(value, name);
    }
  }
  if (built.onDangerousProperty === null) {
    built.onDangerousProperty = defaultOnDangerousProperty;
  }
  built.processEntities = normalizeProcessEntities(built.processEntities, built.htmlEntities);
  built.unpairedTagsSet = new Set(built.unpairedTags);
  if (built.stopNodes && Array.isArray(built.stopNodes)) {
    built.stopNodes = built.stopNodes.map((node) => {
      if (typeof node === "string" && node.startsWith("*.")) {
        return ".." + node.substring(2);
      }
      return node;
    });
  }
  return built;
};

// node_modules/fast-xml-parser/src/xmlparser/xmlNode.js
var METADATA_SYMBOL;
if (typeof Symbol !== "function") {
  METADATA_SYMBOL = "@@xmlMetadata";
} else {
  METADATA_SYMBOL = /* @__PURE__ */ Symbol("XML Node Metadata");
}
var XmlNode = class {
  constructor(tagname) {
    this.tagname = tagname;
    this.child = [];
    this[":@"] = /* @__PURE__ */ Object.create(null);
  }
  add(key, val2) {
    if (key === "__proto__") key = "#__proto__";
    this.child.push({ [key]: val2 });
  }
  addChild(node, startIndex) {
    if (node.tagname === "__proto__") node.tagname = "#__proto__";
    if (node[":@"] && Object.keys(node[":@"]).length > 0) {
      this.child.push({ [node.tagname]: node.child, [":@"]: node[":@"] });
    } else {
      this.child.push({ [node.tagname]: node.child });
    }
    this.addStartIndex(startIndex);
  }
  addStartIndex(startIndex) {
    if (startIndex !== void 0) {
      this.child[this.child.length - 1][METADATA_SYMBOL] = { startIndex };
    }
  }
  addEndIndex(endIndex) {
    const lastChild = this.child[this.child.length - 1];
    if (lastChild !== void 0 && lastChild[METADATA_SYMBOL] !== void 0 && lastChild[METADATA_SYMBOL].endIndex === void 0) {
      lastChild[METADATA_SYMBOL].endIndex = endIndex;
    }
  }
  /** symbol used for metadata */
  static getMetaDataSymbol() {
    return METADATA_SYMBOL;
  }
};

// node_modules/xml-naming/src/index.js
var nameStartChar10 = ":A-Za-z_\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u0486\u0488-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD";
var nameChar10 = nameStartChar10 + "\\-\\.\\d\xB7\u0300-\u036F\u203F-\u2040";
var nameStartChar11 = ":A-Za-z_\xC0-\u02FF\u0370-\u037D\u037F-\u0486\u0488-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
var nameChar11 = nameStartChar11 + "\\-\\.\\d\xB7\u0300-\u036F\u0487\u203F-\u2040";
var buildRegexes = (startChar, char, flags = "") => {
  const ncStart = startChar.replace(":", "");
  const ncChar = char.replace(":", "");
  const ncNamePat = `[${ncStart}][${ncChar}]*`;
  return {
    name: new RegExp(`^[${startChar}][${char}]*$`, flags),
    ncName: new RegExp(`^${ncNamePat}$`, flags),
    qName: new RegExp(`^${ncNamePat}(?::${ncNamePat})?$`, flags),
    nmToken: new RegExp(`^[${char}]+$`, flags),
    nmTokens: new RegExp(`^[${char}]+(?:\\s+[${char}]+)*$`, flags)
  };
};
var regexes10 = buildRegexes(nameStartChar10, nameChar10);
var regexes11 = buildRegexes(nameStartChar11, nameChar11, "u");
var nameStartCharAscii = ":A-Za-z_";
var nameCharAscii = nameStartCharAscii + "\\-\\.\\d";
var regexesAscii = buildRegexes(nameStartCharAscii, nameCharAscii);
var getRegexes = (xmlVersion = "1.0", asciiOnly = false) => {
  if (asciiOnly) return regexesAscii;
  return xmlVersion === "1.1" ? regexes11 : regexes10;
};
var qName = (str6, { xmlVersion = "1.0", asciiOnly = false } = {}) => getRegexes(xmlVersion, asciiOnly).qName.test(str6);

// node_modules/fast-xml-parser/src/xmlparser/DocTypeReader.js
var DocTypeReader = class {
  constructor(options, xmlVersion) {
    this.suppressValidationErr = !options;
    this.options = options;
    this.xmlVersion = xmlVersion || 1;
  }
  setXmlVersion(xmlVersion = 1) {
    this.xmlVersion = xmlVersion;
  }
  readDocType(xmlData, i) {
    const entities = /* @__PURE__ */ Object.create(null);
    let entityCount = 0;
    if (xmlData[i + 3] === "O" && xmlData[i + 4] === "C" && xmlData[i + 5] === "T" && xmlData[i + 6] === "Y" && xmlData[i + 7] === "P" && xmlData[i + 8] === "E") {
      i = i + 9;
      let angleBracketsCount = 1;
      let hasBody = false, comment = false;
      let quoteChar = null;
      let exp = "";
      for (; i < xmlData.length; i++) {
        if (quoteChar !== null) {
          if (xmlData[i] === quoteChar) quoteChar = null;
          exp += xmlData[i];
          continue;
        }
        if (!hasBody && !comment && (xmlData[i] === '"' || xmlData[i] === "'")) {
          quoteChar = xmlData[i];
          exp += xmlData[i];
          continue;
        }
        if (xmlData[i] === "<" && !comment) {
          if (hasBody && hasSeq(xmlData, "!ENTITY", i)) {
            i += 7;
            let entityName, val2;
            [entityName, val2, i] = this.readEntityExp(xmlData, i + 1, this.suppressValidationErr);
            if (val2.indexOf("&") === -1) {
              if (this.options.enabled !== false && this.options.maxEntityCount != null && entityCount >= this.options.maxEntityCount) {
                throw new Error(
                  `Entity count (${entityCount + 1}) exceeds maximum allowed (${this.options.maxEntityCount})`
                );
              }
              entities[entityName] = val2;
              entityCount++;
            }
          } else if (hasBody && hasSeq(xmlData, "!ELEMENT", i)) {
            i += 8;
            const { index } = this.readElementExp(xmlData, i + 1);
            i = index;
          } else if (hasBody && hasSeq(xmlData, "!ATTLIST", i)) {
            i += 8;
          } else if (hasBody && hasSeq(xmlData, "!NOTATION", i)) {
            i += 9;
            const { index } = this.readNotationExp(xmlData, i + 1, this.suppressValidationErr);
            i = index;
          } else if (hasSeq(xmlData, "!--", i)) comment = true;
          else throw new Error(`Invalid DOCTYPE`);
          angleBracketsCount++;
          exp = "";
        } else if (xmlData[i] === ">") {
          if (comment) {
            if (xmlData[i - 1] === "-" && xmlData[i - 2] === "-") {
              comment = false;
              angleBracketsCount--;
            }
          } else {
            angleBracketsCount--;
          }
          if (angleBracketsCount === 0) {
            break;
          }
        } else if (xmlData[i] === "[") {
          hasBody = true;
        } else {
          exp += xmlData[i];
        }
      }
      if (quoteChar !== null || angleBracketsCount !== 0) {
        throw new Error(`Unclosed DOCTYPE`);
      }
    } else {
      throw new Error(`Invalid Tag instead of DOCTYPE`);
    }
    return { entities, i };
  }
  readEntityExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i]) && xmlData[i] !== '"' && xmlData[i] !== "'") {
      i++;
    }
    let entityName = xmlData.substring(startIndex, i);
    validateEntityName2(entityName, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    if (!this.suppressValidationErr) {
      if (xmlData.substring(i, i + 6).toUpperCase() === "SYSTEM") {
        throw new Error("External entities are not supported");
      } else if (xmlData[i] === "%") {
        throw new Error("Parameter entities are not supported");
      }
    }
    let entityValue = "";
    [i, entityValue] = this.readIdentifierVal(xmlData, i, "entity");
    if (this.options.enabled !== false && this.options.maxEntitySize != null && entityValue.length > this.options.maxEntitySize) {
      throw new Error(
        `Entity "${entityName}" size (${entityValue.length}) exceeds maximum allowed size (${this.options.maxEntitySize})`
      );
    }
    i--;
    return [entityName, entityValue, i];
  }
  readNotationExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let notationName = xmlData.substring(startIndex, i);
    !this.suppressValidationErr && validateEntityName2(notationName, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    const identifierType = xmlData.substring(i, i + 6).toUpperCase();
    if (!this.suppressValidationErr && identifierType !== "SYSTEM" && identifierType !== "PUBLIC") {
      throw new Error(`Expected SYSTEM or PUBLIC, found "${identifierType}"`);
    }
    i += identifierType.length;
    i = skipWhitespace(xmlData, i);
    let publicIdentifier = null;
    let systemIdentifier = null;
    if (identifierType === "PUBLIC") {
      [i, publicIdentifier] = this.readIdentifierVal(xmlData, i, "publicIdentifier");
      i = skipWhitespace(xmlData, i);
      if (xmlData[i] === '"' || xmlData[i] === "'") {
        [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");
      }
    } else if (identifierType === "SYSTEM") {
      [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");
      if (!this.suppressValidationErr && !systemIdentifier) {
        throw new Error("Missing mandatory system identifier for SYSTEM notation");
      }
    }
    return { notationName, publicIdentifier, systemIdentifier, index: --i };
  }
  readIdentifierVal(xmlData, i, type) {
    let identifierVal = "";
    const startChar = xmlData[i];
    if (startChar !== '"' && startChar !== "'") {
      throw new Error(`Expected quoted string, found "${startChar}"`);
    }
    i++;
    const startIndex = i;
    while (i < xmlData.length && xmlData[i] !== startChar) {
      i++;
    }
    identifierVal = xmlData.substring(startIndex, i);
    if (xmlData[i] !== startChar) {
      throw new Error(`Unterminated ${type} value`);
    }
    i++;
    return [i, identifierVal];
  }
  readElementExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let elementName = xmlData.substring(startIndex, i);
    if (!this.suppressValidationErr && !qName(elementName, { xmlVersion: this.xmlVersion })) {
      throw new Error(`Invalid element name: "${elementName}"`);
    }
    i = skipWhitespace(xmlData, i);
    let contentModel = "";
    if (xmlData[i] === "E" && hasSeq(xmlData, "MPTY", i)) i += 4;
    else if (xmlData[i] === "A" && hasSeq(xmlData, "NY", i)) i += 2;
    else if (xmlData[i] === "(") {
      i++;
      const startIndex2 = i;
      while (i < xmlData.length && xmlData[i] !== ")") {
        i++;
      }
      contentModel = xmlData.substring(startIndex2, i);
      if (xmlData[i] !== ")") {
        throw new Error("Unterminated content model");
      }
    } else if (!this.suppressValidationErr) {
      throw new Error(`Invalid Element Expression, found "${xmlData[i]}"`);
    }
    return {
      elementName,
      contentModel: contentModel.trim(),
      index: i
    };
  }
  readAttlistExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    let startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let elementName = xmlData.substring(startIndex, i);
    validateEntityName2(elementName, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let attributeName = xmlData.substring(startIndex, i);
    if (!validateEntityName2(attributeName, { xmlVersion: this.xmlVersion })) {
      throw new Error(`Invalid attribute name: "${attributeName}"`);
    }
    i = skipWhitespace(xmlData, i);
    let attributeType = "";
    if (xmlData.substring(i, i + 8).toUpperCase() === "NOTATION") {
      attributeType = "NOTATION";
      i += 8;
      i = skipWhitespace(xmlData, i);
      if (xmlData[i] !== "(") {
        throw new Error(`Expected '(', found "${xmlData[i]}"`);
      }
      i++;
      let allowedNotations = [];
      while (i < xmlData.length && xmlData[i] !== ")") {
        const startIndex2 = i;
        while (i < xmlData.length && xmlData[i] !== "|" && xmlData[i] !== ")") {
          i++;
        }
        let notation = xmlData.substring(startIndex2, i);
        notation = notation.trim();
        if (!validateEntityName2(notation, { xmlVersion: this.xmlVersion })) {
          throw new Error(`Invalid notation name: "${notation}"`);
        }
        allowedNotations.push(notation);
        if (xmlData[i] === "|") {
          i++;
          i = skipWhitespace(xmlData, i);
        }
      }
      if (xmlData[i] !== ")") {
        throw new Error("Unterminated list of notations");
      }
      i++;
      attributeType += " (" + allowedNotations.join("|") + ")";
    } else {
      const startIndex2 = i;
      while (i < xmlData.length && !/\s/.test(xmlData[i])) {
        i++;
      }
      attributeType += xmlData.substring(startIndex2, i);
      const validTypes = ["CDATA", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS"];
      if (!this.suppressValidationErr && !validTypes.includes(attributeType.toUpperCase())) {
        throw new Error(`Invalid attribute type: "${attributeType}"`);
      }
    }
    i = skipWhitespace(xmlData, i);
    let defaultValue = "";
    if (xmlData.substring(i, i + 8).toUpperCase() === "#REQUIRED") {
      defaultValue = "#REQUIRED";
      i += 8;
    } else if (xmlData.substring(i, i + 7).toUpperCase() === "#IMPLIED") {
      defaultValue = "#IMPLIED";
      i += 7;
    } else {
      [i, defaultValue] = this.readIdentifierVal(xmlData, i, "ATTLIST");
    }
    return {
      elementName,
      attributeName,
      attributeType,
      defaultValue,
      index: i
    };
  }
};
var skipWhitespace = (data2, index) => {
  while (index < data2.length && /\s/.test(data2[index])) {
    index++;
  }
  return index;
};
function hasSeq(data2, seq, i) {
  for (let j = 0; j < seq.length; j++) {
    if (seq[j] !== data2[i + j + 1]) return false;
  }
  return true;
}
function validateEntityName2(name, xmlVersion) {
  if (qName(name, { xmlVersion }))
    return name;
  else
    throw new Error(`Invalid entity name ${name}`);
}

// node_modules/anynum/digitTable.js
var SCRIPT_ZEROS = [
  // Basic Latin (ASCII) — included for completeness / pass-through
  48,
  // 0-9
  // Arabic scripts
  1632,
  // Arabic-Indic ٠١٢٣٤٥٦٧٨٩
  1776,
  // Extended Arabic-Indic (Urdu/Persian/Sindhi) ۰۱۲۳
  // Indic scripts
  2406,
  // Devanagari ०१२३४५६७८९
  2534,
  // Bengali ০১২৩৪৫৬৭৮৯
  2662,
  // Gurmukhi ੦੧੨੩੪੫੬੭੮੯
  2790,
  // Gujarati ૦૧૨૩૪૫૬૭૮૯
  2918,
  // Odia ୦୧୨୩୪୫୬୭୮୯
  3046,
  // Tamil ௦௧௨௩௪௫௬௭௮௯
  3174,
  // Telugu ౦౧౨౩౪౫౬౭౮౯
  3302,
  // Kannada ೦೧೨೩೪೫೬೭೮೯
  3430,
  // Malayalam ൦൧൨൩൪൫൬൭൮൯
  3558,
  // Sinhala Archaic ෦෧෨෩෪෫෬෭෮෯
  // Southeast Asian scripts
  3664,
  // Thai ๐๑๒๓๔๕๖๗๘๙
  3792,
  // Lao ໐໑໒໓໔໕໖໗໘໙
  3872,
  // Tibetan ༠༡༢༣༤༥༦༧༨༩
  4160,
  // Myanmar ၀၁၂၃၄၅၆၇၈၉
  4240,
  // Myanmar Shan ႐႑႒႓႔႕႖႗႘႙
  6112,
  // Khmer ០១២៣៤៥៦៧៨៩
  6160,
  // Mongolian ᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙
  6470,
  // Limbu ᥆᥇᥈᥉᥊᥋᥌᥍᥎᥏
  6608,
  // New Tai Lue ᧐᧑᧒᧓᧔᧕᧖᧗᧘᧙
  6784,
  // Tai Tham Hora ᪀᪁᪂᪃᪄᪅᪆᪇᪈᪉
  6800,
  // Tai Tham Tham ᪐᪑᪒᪓᪔᪕᪖᪗᪘᪙
  6992,
  // Balinese ᭐᭑᭒᭓᭔᭕᭖᭗᭘᭙
  7088,
  // Sundanese ᮰᮱᮲᮳᮴᮵᮶᮷᮸᮹
  7232,
  // Lepcha ᱀᱁᱂᱃᱄᱅᱆᱇᱈᱉
  7248,
  // Ol Chiki ᱐᱑᱒᱓᱔᱕᱖᱗᱘᱙
  // Fullwidth (CJK context)
  65296,
  // Fullwidth ０１２３４５６７８９
  // Mathematical digit variants (Unicode math block)
  120782,
  // Mathematical Bold
  120792,
  // Mathematical Double-Struck
  120802,
  // Mathematical Sans-Serif
  120812,
  // Mathematical Sans-Serif Bold
  120822,
  // Mathematical Monospace
  // Other scripts
  66720,
  // Osmanya 𐒠𐒡𐒢𐒣𐒤𐒥𐒦𐒧𐒨𐒩
  68912,
  // Hanifi Rohingya 𐴰𐴱𐴲𐴳𐴴𐴵𐴶𐴷𐴸𐴹
  69734,
  // Brahmi 𑁦𑁧𑁨𑁩𑁪𑁫𑁬𑁭𑁮𑁯
  69872,
  // Sora Sompeng 𑃰𑃱𑃲𑃳𑃴𑃵𑃶𑃷𑃸𑃹
  69942,
  // Chakma 𑄶𑄷𑄸𑄹𑄺𑄻𑄼𑄽𑄾𑄿
  70096,
  // Sharada 𑇐𑇑𑇒𑇓𑇔𑇕𑇖𑇗𑇘𑇙
  70384,
  // Khudawadi 𑋰𑋱𑋲𑋳𑋴𑋵𑋶𑋷𑋸𑋹
  70736,
  // Newa 𑑐𑑑𑑒𑑓𑑔𑑕𑑖𑑗𑑘𑑙
  70864,
  // Tirhuta 𑓐𑓑𑓒𑓓𑓔𑓕𑓖𑓗𑓘𑓙
  71248,
  // Modi 𑙐𑙑𑙒𑙓𑙔𑙕𑙖𑙗𑙘𑙙
  71360,
  // Takri 𑛀𑛁𑛂𑛃𑛄𑛅𑛆𑛇𑛈𑛉
  71472,
  // Ahom 𑜰𑜱𑜲𑜳𑜴𑜵𑜶𑜷𑜸𑜹
  71904,
  // Warang Citi 𑣠𑣡𑣢𑣣𑣤𑣥𑣦𑣧𑣨𑣩
  72016,
  // Dives Akuru 𑥐𑥑𑥒𑥓𑥔𑥕𑥖𑥗𑥘𑥙
  72688,
  // Khitan Small Script 𑯰𑯱𑯲𑯳𑯴𑯵𑯶𑯷𑯸𑯹
  72784,
  // Bhaiksuki 𑱐𑱑𑱒𑱓𑱔𑱕𑱖𑱗𑱘𑱙
  73040,
  // Masaram Gondi 𑵐𑵑𑵒𑵓𑵔𑵕𑵖𑵗𑵘𑵙
  73120,
  // Gunjala Gondi 𑶠𑶡𑶢𑶣𑶤𑶥𑶦𑶧𑶨𑶩
  73552,
  // Kawi 𑽐𑽑𑽒𑽓𑽔𑽕𑽖𑽗𑽘𑽙
  92768,
  // Mro 𖩠𖩡𖩢𖩣𖩤𖩥𖩦𖩧𖩨𖩩
  92864,
  // Tangsa 𖫀𖫁𖫂𖫃𖫄𖫅𖫆𖫇𖫈𖫉
  93008,
  // Pahawh Hmong 𖭐𖭑𖭒𖭓𖭔𖭕𖭖𖭗𖭘𖭙
  123200,
  // Nyiakeng Puachue Hmong 𞅀𞅁𞅂𞅃𞅄𞅅𞅆𞅇𞅈𞅉
  123632,
  // Wancho 𞋰𞋱𞋲𞋳𞋴𞋵𞋶𞋷𞋸𞋹
  124144,
  // Nag Mundari 𞓰𞓱𞓲𞓳𞓴𞓵𞓶𞓷𞓸𞓹
  125264,
  // Adlam 𞥐𞥑𞥒𞥓𞥔𞥕𞥖𞥗𞥘𞥙
  130032
  // Segmented digit symbols 🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹
];
var NOT_DIGIT = 255;
var HIGH_MAP = /* @__PURE__ */ new Map();
var LOW_MAX = 65535;
var LOW_MIN = 1632;
var TABLE_OFFSET = LOW_MIN;
var TABLE_SIZE = LOW_MAX - LOW_MIN + 1;
var TABLE = new Uint8Array(TABLE_SIZE).fill(NOT_DIGIT);
for (const zero of SCRIPT_ZEROS) {
  for (let d = 0; d < 10; d++) {
    const cp = zero + d;
    if (cp <= LOW_MAX) {
      TABLE[cp - TABLE_OFFSET] = d;
    } else {
      HIGH_MAP.set(cp, d);
    }
  }
}

// node_modules/anynum/anynum.js
var CHAR_0 = 48;
var CHAR_9 = 57;
var CHAR_MINUS = 45;
var MINUS_SET = /* @__PURE__ */ new Set([8722, 65293, 65123]);
function anynum(str6) {
  if (typeof str6 !== "string") return str6;
  const len = str6.length;
  if (len === 0) return str6;
  let firstHit = -1;
  for (let i = 0; i < len; i++) {
    const cc = str6.charCodeAt(i);
    if (cc >= CHAR_0 && cc <= CHAR_9 || cc === CHAR_MINUS) continue;
    if (cc < TABLE_OFFSET) {
      if (MINUS_SET.has(cc)) {
        firstHit = i;
        break;
      }
      continue;
    }
    if (cc >= 55296 && cc <= 56319) {
      if (i + 1 < len) {
        const low = str6.charCodeAt(i + 1);
        if (low >= 56320 && low <= 57343) {
          const cp = 65536 + (cc - 55296 << 10) + (low - 56320);
          if (HIGH_MAP.has(cp)) {
            firstHit = i;
            break;
          }
        }
      }
      continue;
    }
    if (TABLE[cc - TABLE_OFFSET] !== NOT_DIGIT || MINUS_SET.has(cc)) {
      firstHit = i;
      break;
    }
  }
  if (firstHit === -1) return str6;
  const chars = [];
  if (firstHit > 0) chars.push(str6.slice(0, firstHit));
  for (let i = firstHit; i < len; i++) {
    const cc = str6.charCodeAt(i);
    if (cc >= CHAR_0 && cc <= CHAR_9 || cc === CHAR_MINUS) {
      chars.push(str6[i]);
      continue;
    }
    if (cc < TABLE_OFFSET) {
      chars.push(MINUS_SET.has(cc) ? "-" : str6[i]);
      continue;
    }
    if (cc >= 55296 && cc <= 56319) {
      if (i + 1 < len) {
        const low = str6.charCodeAt(i + 1);
        if (low >= 56320 && low <= 57343) {
          const cp = 65536 + (cc - 55296 << 10) + (low - 56320);
          const d2 = HIGH_MAP.get(cp);
          if (d2 !== void 0) {
            chars.push(String.fromCharCode(d2 + 48));
            i++;
            continue;
          }
        }
      }
      chars.push(str6[i]);
      continue;
    }
    if (MINUS_SET.has(cc)) {
      chars.push("-");
      continue;
    }
    const d = TABLE[cc - TABLE_OFFSET];
    chars.push(d !== NOT_DIGIT ? String.fromCharCode(d + 48) : str6[i]);
  }
  return chars.join("");
}
var anynum_default = anynum;

// node_modules/strnum/strnum.js
var hexRegex = /^[-+]?0x[a-fA-F0-9]+$/;
var binRegex = /^0b[01]+$/;
var octRegex = /^0o[0-7]+$/;
var numRegex = /^([\-\+])?(0*)([0-9]*(\.[0-9]*)?)$/;
var consider = {
  hex: true,
  binary: false,
  octal: false,
  leadingZeros: true,
  decimalPoint: ".",
  eNotation: true,
  //skipLike: /regex/,
  infinity: "original",
  // "null", "infinity" (Infinity type), "string" ("Infinity" (the string literal))
  unicode: false
};
function toNumber(str6, options = {}) {
  options = Object.assign({}, consider, options);
  if (!str6 || typeof str6 !== "string") return str6;
  let trimmedStr = str6.trim();
  if (trimmedStr.length === 0) return str6;
  else if (options.skipLike !== void 0 && options.skipLike.test(trimmedStr)) return str6;
  else if (trimmedStr === "0") return 0;
  if (options.unicode) {
    trimmedStr = anynum_default(trimmedStr);
    if (trimmedStr === "0") return 0;
  }
  if (options.hex && hexRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 16);
  } else if (options.binary && binRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 2);
  } else if (options.octal && octRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 8);
  } else if (!isFinite(trimmedStr)) {
    const num2 = Number(trimmedStr);
    if (Number.isNaN(num2)) return str6;
    return handleInfinity(str6, num2, options);
  } else if (trimmedStr.includes("e") || trimmedStr.includes("E")) {
    return resolveEnotation(str6, trimmedStr, options);
  } else {
    const match = numRegex.exec(trimmedStr);
    if (match) {
      const sign = match[1] || "";
      const leadingZeros = match[2];
      let numTrimmedByZeros = trimZeros(match[3]);
      const decimalAdjacentToLeadingZeros = sign ? (
        // 0., -00., 000.
        trimmedStr[leadingZeros.length + 1] === "."
      ) : trimmedStr[leadingZeros.length] === ".";
      if (!options.leadingZeros && (leadingZeros.length > 1 || leadingZeros.length === 1 && !decimalAdjacentToLeadingZeros)) {
        return str6;
      } else {
        const num2 = Number(trimmedStr);
        const parsedStr = String(num2);
        if (num2 === 0) return num2;
        if (parsedStr.search(/[eE]/) !== -1) {
          if (options.eNotation) return num2;
          else return str6;
        } else if (trimmedStr.indexOf(".") !== -1) {
          if (parsedStr === "0") return num2;
          else if (parsedStr === numTrimmedByZeros) return num2;
          else if (parsedStr === `${sign}${numTrimmedByZeros}`) return num2;
          else return str6;
        }
        let n = leadingZeros ? numTrimmedByZeros : trimmedStr;
        if (leadingZeros) {
          return n === parsedStr || sign + n === parsedStr ? num2 : str6;
        } else {
          return n === parsedStr || n === sign + parsedStr ? num2 : str6;
        }
      }
    } else {
      return str6;
    }
  }
}
var eNotationRegx = /^([-+])?(0*)(\d*(\.\d*)?[eE][-\+]?\d+)$/;
function resolveEnotation(str6, trimmedStr, options) {
  if (!options.eNotation) return str6;
  const notation = trimmedStr.match(eNotationRegx);
  if (notation) {
    let sign = notation[1] || "";
    const eChar = notation[3].indexOf("e") === -1 ? "E" : "e";
    const leadingZeros = notation[2];
    const eAdjacentToLeadingZeros = sign ? (
      // 0E.
      trimmedStr[leadingZeros.length + 1] === eChar
    ) : trimmedStr[leadingZeros.length] === eChar;
    if (leadingZeros.length > 1 && eAdjacentToLeadingZeros) return str6;
    else if (leadingZeros.length === 1 && (notation[3].startsWith(`.${eChar}`) || notation[3][0] === eChar)) {
      return Number(trimmedStr);
    } else if (leadingZeros.length > 0) {
      if (options.leadingZeros && !eAdjacentToLeadingZeros) {
        return Number(trimmedStr);
      } else return str6;
    } else {
      return Number(trimmedStr);
    }
  } else {
    return str6;
  }
}
function trimZeros(numStr) {
  if (numStr && numStr.indexOf(".") !== -1) {
    let end = numStr.length;
    while (end > 0 && numStr.charCodeAt(end - 1) === 48) end--;
    numStr = numStr.slice(0, end);
    if (numStr === ".") numStr = "0";
    else if (numStr[0] === ".") numStr = "0" + numStr;
    else if (numStr[numStr.length - 1] === ".") numStr = numStr.substring(0, numStr.length - 1);
    return numStr;
  }
  return numStr;
}
function parse_int(numStr, base) {
  const str6 = numStr.trim();
  if (base === 2 || base === 8) numStr = str6.substring(2);
  if (parseInt) return parseInt(numStr, base);
  else if (Number.parseInt) return Number.parseInt(numStr, base);
  else if (window && window.parseInt) return window.parseInt(numStr, base);
  else throw new Error("parseInt, Number.parseInt, window.parseInt are not supported");
}
function handleInfinity(str6, num2, options) {
  const isPositive = num2 === Infinity;
  switch (options.infinity.toLowerCase()) {
    case "null":
      return null;
    case "infinity":
      return num2;
    // Return Infinity or -Infinity
    case "string":
      return isPositive ? "Infinity" : "-Infinity";
    case "original":
    default:
      return str6;
  }
}

// node_modules/fast-xml-parser/src/ignoreAttributes.js
function getIgnoreAttributesFn(ignoreAttributes) {
  if (typeof ignoreAttributes === "function") {
    return ignoreAttributes;
  }
  if (Array.isArray(ignoreAttributes)) {
    return (attrName) => {
      for (const pattern of ignoreAttributes) {
        if (typeof pattern === "string" && attrName === pattern) {
          return true;
        }
        if (pattern instanceof RegExp && pattern.test(attrName)) {
          return true;
        }
      }
    };
  }
  return () => false;
}

// node_modules/path-expression-matcher/src/Expression.js
var Expression = class {
  /**
   * Create a new Expression
   * @param {string} pattern - Pattern string (e.g., "root.users.user", "..user[id]")
   * @param {Object} options - Configuration options
   * @param {string} options.separator - Path separator (default: '.')
   */
  constructor(pattern, options = {}, data2) {
    this.pattern = pattern;
    this.separator = options.separator || ".";
    this.segments = this._parse(pattern);
    this.data = data2;
    this._hasDeepWildcard = this.segments.some((seg) => seg.type === "deep-wildcard");
    this._hasAttributeCondition = this.segments.some((seg) => seg.attrName !== void 0);
    this._hasPositionSelector = this.segments.some((seg) => seg.position !== void 0);
  }
  /**
   * Parse pattern string into segments
   * @private
   * @param {string} pattern - Pattern to parse
   * @returns {Array} Array of segment objects
   */
  _parse(pattern) {
    const segments = [];
    let i = 0;
    let currentPart = "";
    while (i < pattern.length) {
      if (pattern[i] === this.separator) {
        if (i + 1 < pattern.length && pattern[i + 1] === this.separator) {
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
            currentPart = "";
          }
          segments.push({ type: "deep-wildcard" });
          i += 2;
        } else {
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
          }
          currentPart = "";
          i++;
        }
      } else {
        currentPart += pattern[i];
        i++;
      }
    }
    if (currentPart.trim()) {
      segments.push(this._parseSegment(currentPart.trim()));
    }
    return segments;
  }
  /**
   * Parse a single segment
   * @private
   * @param {string} part - Segment string (e.g., "user", "ns::user", "user[id]", "ns::user:first")
   * @returns {Object} Segment object
   */
  _parseSegment(part) {
    const segment = { type: "tag" };
    let bracketContent = null;
    let withoutBrackets = part;
    const bracketMatch = part.match(/^([^\[]+)(\[[^\]]*\])(.*)$/);
    if (bracketMatch) {
      withoutBrackets = bracketMatch[1] + bracketMatch[3];
      if (bracketMatch[2]) {
        const content = bracketMatch[2].slice(1, -1);
        if (content) {
          bracketContent = content;
        }
      }
    }
    let namespace = void 0;
    let tagAndPosition = withoutBrackets;
    if (withoutBrackets.includes("::")) {
      const nsIndex = withoutBrackets.indexOf("::");
      namespace = withoutBrackets.substring(0, nsIndex).trim();
      tagAndPosition = withoutBrackets.substring(nsIndex + 2).trim();
      if (!namespace) {
        throw new Error(`Invalid namespace in pattern: ${part}`);
      }
    }
    let tag = void 0;
    let positionMatch = null;
    if (tagAndPosition.includes(":")) {
      const colonIndex = tagAndPosition.lastIndexOf(":");
      const tagPart = tagAndPosition.substring(0, colonIndex).trim();
      const posPart = tagAndPosition.substring(colonIndex + 1).trim();
      const isPositionKeyword = ["first", "last", "odd", "even"].includes(posPart) || /^nth\(\d+\)$/.test(posPart);
      if (isPositionKeyword) {
        tag = tagPart;
        positionMatch = posPart;
      } else {
        tag = tagAndPosition;
      }
    } else {
      tag = tagAndPosition;
    }
    if (!tag) {
      throw new Error(`Invalid segment pattern: ${part}`);
    }
    segment.tag = tag;
    if (namespace) {
      segment.namespace = namespace;
    }
    if (bracketContent) {
      if (bracketContent.includes("=")) {
        const eqIndex = bracketContent.indexOf("=");
        segment.attrName = bracketContent.substring(0, eqIndex).trim();
        segment.attrValue = bracketContent.substring(eqIndex + 1).trim();
      } else {
        segment.attrName = bracketContent.trim();
      }
    }
    if (positionMatch) {
      const nthMatch = positionMatch.match(/^nth\((\d+)\)$/);
      if (nthMatch) {
        segment.position = "nth";
        segment.positionValue = parseInt(nthMatch[1], 10);
      } else {
        segment.position = positionMatch;
      }
    }
    return segment;
  }
  /**
   * Get the number of segments
   * @returns {number}
   */
  get length() {
    return this.segments.length;
  }
  /**
   * Check if expression contains deep wildcard
   * @returns {boolean}
   */
  hasDeepWildcard() {
    return this._hasDeepWildcard;
  }
  /**
   * Check if expression has attribute conditions
   * @returns {boolean}
   */
  hasAttributeCondition() {
    return this._hasAttributeCondition;
  }
  /**
   * Check if expression has position selectors
   * @returns {boolean}
   */
  hasPositionSelector() {
    return this._hasPositionSelector;
  }
  /**
   * Get string representation
   * @returns {string}
   */
  toString() {
    return this.pattern;
  }
};

// node_modules/path-expression-matcher/src/ExpressionSet.js
var ExpressionSet = class {
  constructor() {
    this._byDepthAndTag = /* @__PURE__ */ new Map();
    this._wildcardByDepth = /* @__PURE__ */ new Map();
    this._deepWildcards = [];
    this._deepByTerminalTag = /* @__PURE__ */ new Map();
    this._patterns = /* @__PURE__ */ new Set();
    this._sealed = false;
  }
  /**
   * Add an Expression to the set.
   * Duplicate patterns (same pattern string) are silently ignored.
   *
   * @param {import('./Expression.js').default} expression - A pre-constructed Expression instance
   * @returns {this} for chaining
   * @throws {TypeError} if called after seal()
   *
   * @example
   * set.add(new Expression('root.users.user'));
   * set.add(new Expression('..script'));
   */
  add(expression) {
    if (this._sealed) {
      throw new TypeError(
        "ExpressionSet is sealed. Create a new ExpressionSet to add more expressions."
      );
    }
    if (this._patterns.has(expression.pattern)) return this;
    this._patterns.add(expression.pattern);
    if (expression.hasDeepWildcard()) {
      const lastSeg2 = expression.segments[expression.segments.length - 1];
      if (lastSeg2 && lastSeg2.type !== "deep-wildcard" && lastSeg2.tag !== "*") {
        const tag2 = lastSeg2.tag;
        if (!this._deepByTerminalTag.has(tag2)) this._deepByTerminalTag.set(tag2, []);
        this._deepByTerminalTag.get(tag2).push(expression);
      } else {
        this._deepWildcards.push(expression);
      }
      return this;
    }
    const depth = expression.length;
    const lastSeg = expression.segments[expression.segments.length - 1];
    const tag = lastSeg?.tag;
    if (!tag || tag === "*") {
      if (!this._wildcardByDepth.has(depth)) this._wildcardByDepth.set(depth, []);
      this._wildcardByDepth.get(depth).push(expression);
    } else {
      const key = `${depth}:${tag}`;
      if (!this._byDepthAndTag.has(key)) this._byDepthAndTag.set(key, []);
      this._byDepthAndTag.get(key).push(expression);
    }
    return this;
  }
  /**
   * Add multiple expressions at once.
   *
   * @param {import('./Expression.js').default[]} expressions - Array of Expression instances
   * @returns {this} for chaining
   *
   * @example
   * set.addAll([
   *   new Expression('root.users.user'),
   *   new Expression('root.config.setting'),
   * ]);
   */
  addAll(expressions) {
    for (const expr of expressions) this.add(expr);
    return this;
  }
  /**
   * Check whether a pattern string is already present in the set.
   *
   * @param {import('./Expression.js').default} expression
   * @returns {boolean}
   */
  has(expression) {
    return this._patterns.has(expression.pattern);
  }
  /**
   * Number of expressions in the set.
   * @type {number}
   */
  get size() {
    return this._patterns.size;
  }
  /**
   * Seal the set against further modifications.
   * Useful to prevent accidental mutations after config is built.
   * Calling add() or addAll() on a sealed set throws a TypeError.
   *
   * @returns {this}
   */
  seal() {
    this._sealed = true;
    return this;
  }
  /**
   * Whether the set has been sealed.
   * @type {boolean}
   */
  get isSealed() {
    return this._sealed;
  }
  /**
   * Test whether the matcher's current path matches any expression in the set.
   *
   * Evaluation order (cheapest → most expensive):
   *  1. Exact depth + tag bucket  — O(1) lookup, typically 0–2 expressions
   *  2. Depth-only wildcard bucket — O(1) lookup, rare
   *  3. Deep-wildcard list         — always checked, but usually small
   *
   * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
   * @returns {boolean} true if any expression matches the current path
   *
   * @example
   * if (stopNodes.matchesAny(matcher)) {
   *   // handle stop node
   * }
   */
  matchesAny(matcher) {
    return this.findMatch(matcher) !== null;
  }
  /**
  * Find and return the first Expression that matches the matcher's current path.
  *
  * Uses the same evaluation order as matchesAny (cheapest → most expensive):
  *  1. Exact depth + tag bucket
  *  2. Depth-only wildcard bucket
  *  3. Deep-wildcard list
  *
  * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
  * @returns {import('./Expression.js').default | null} the first matching Expression, or null
  *
  * @example
  * const expr = stopNodes.findMatch(matcher);
  * if (expr) {
  *   // access expr.config, expr.pattern, etc.
  * }
  */
  findMatch(matcher) {
    const depth = matcher.getDepth();
    const tag = matcher.getCurrentTag();
    const exactKey = `${depth}:${tag}`;
    const exactBucket = this._byDepthAndTag.get(exactKey);
    if (exactBucket) {
      for (let i = 0; i < exactBucket.length; i++) {
        if (matcher.matches(exactBucket[i])) return exactBucket[i];
      }
    }
    const wildcardBucket = this._wildcardByDepth.get(depth);
    if (wildcardBucket) {
      for (let i = 0; i < wildcardBucket.length; i++) {
        if (matcher.matches(wildcardBucket[i])) return wildcardBucket[i];
      }
    }
    const deepBucket = this._deepByTerminalTag.get(tag);
    if (deepBucket) {
      for (let i = 0; i < deepBucket.length; i++) {
        if (matcher.matches(deepBucket[i])) return deepBucket[i];
      }
    }
    for (let i = 0; i < this._deepWildcards.length; i++) {
      if (matcher.matches(this._deepWildcards[i])) return this._deepWildcards[i];
    }
    return null;
  }
};

// node_modules/path-expression-matcher/src/Matcher.js
var MatcherView = class {
  /**
   * @param {Matcher} matcher - The parent Matcher instance to read from.
   */
  constructor(matcher) {
    this._matcher = matcher;
  }
  /**
   * Get the path separator used by the parent matcher.
   * @returns {string}
   */
  get separator() {
    return this._matcher.separator;
  }
  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    const path3 = this._matcher.path;
    return path3.length > 0 ? path3[path3.length - 1].tag : void 0;
  }
  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    const path3 = this._matcher.path;
    return path3.length > 0 ? path3[path3.length - 1].namespace : void 0;
  }
  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    const path3 = this._matcher.path;
    if (path3.length === 0) return void 0;
    return path3[path3.length - 1].values?.[attrName];
  }
  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    const path3 = this._matcher.path;
    if (path3.length === 0) return false;
    const current = path3[path3.length - 1];
    return current.values !== void 0 && attrName in current.values;
  }
  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {*}
   */
  getAnyParentAttr(attrName) {
    return this._matcher.getAnyParentAttr(attrName);
  }
  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    return this._matcher.hasAnyParentAttr(attrName);
  }
  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    const path3 = this._matcher.path;
    if (path3.length === 0) return -1;
    return path3[path3.length - 1].position ?? 0;
  }
  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    const path3 = this._matcher.path;
    if (path3.length === 0) return -1;
    return path3[path3.length - 1].counter ?? 0;
  }
  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }
  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this._matcher.path.length;
  }
  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    return this._matcher.toString(separator, includeNamespace);
  }
  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this._matcher.path.map((n) => n.tag);
  }
  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    return this._matcher.matches(expression);
  }
  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this._matcher);
  }
};
var Matcher = class {
  /**
   * Create a new Matcher.
   * @param {Object} [options={}]
   * @param {string} [options.separator='.'] - Default path separator
   */
  constructor(options = {}) {
    this.separator = options.separator || ".";
    this.path = [];
    this.siblingStacks = [];
    this._pathStringCache = null;
    this._view = new MatcherView(this);
    this._keptAttrs = [];
  }
  /**
   * Push a new tag onto the path.
   * @param {string} tagName
   * @param {Object|null} [attrValues=null]
   * @param {string|null} [namespace=null]
   * @param {Object|null} [options=null]
   * @param {string[]} [options.keep] - Names of attributes (from attrValues)
   */
  push(tagName, attrValues = null, namespace = null, options = null) {
    this._pathStringCache = null;
    if (this.path.length > 0) {
      this.path[this.path.length - 1].values = void 0;
    }
    const currentLevel = this.path.length;
    let level = this.siblingStacks[currentLevel];
    if (!level) {
      level = { counts: /* @__PURE__ */ new Map(), total: 0 };
      this.siblingStacks[currentLevel] = level;
    }
    const siblingKey = namespace ? `${namespace}:${tagName}` : tagName;
    const counter = level.counts.get(siblingKey) || 0;
    const position = level.total;
    level.counts.set(siblingKey, counter + 1);
    level.total++;
    const node = {
      tag: tagName,
      position,
      counter
    };
    if (namespace !== null && namespace !== void 0) {
      node.namespace = namespace;
    }
    if (attrValues !== null && attrValues !== void 0) {
      node.values = attrValues;
    }
    this.path.push(node);
    const depth = this.path.length;
    const keep = options !== null ? options.keep : null;
    if (keep !== null && keep !== void 0 && keep.length > 0 && attrValues) {
      for (let i = 0; i < keep.length; i++) {
        const name = keep[i];
        if (attrValues[name] !== void 0) {
          this._keptAttrs.push({ depth, name, value: attrValues[name] });
        }
      }
    }
  }
  /**
   * Pop the last tag from the path.
   * @returns {Object|undefined} The popped node
   */
  pop() {
    if (this.path.length === 0) return void 0;
    this._pathStringCache = null;
    const node = this.path.pop();
    if (this.siblingStacks.length > this.path.length + 1) {
      this.siblingStacks.length = this.path.length + 1;
    }
    const poppedDepth = this.path.length + 1;
    while (this._keptAttrs.length > 0 && this._keptAttrs[this._keptAttrs.length - 1].depth >= poppedDepth) {
      this._keptAttrs.pop();
    }
    return node;
  }
  /**
   * Update current node's attribute values.
   * Useful when attributes are parsed after push.
   * @param {Object} attrValues
   */
  updateCurrent(attrValues) {
    if (this.path.length > 0) {
      const current = this.path[this.path.length - 1];
      if (attrValues !== null && attrValues !== void 0) {
        current.values = attrValues;
      }
    }
  }
  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    return this.path.length > 0 ? this.path[this.path.length - 1].tag : void 0;
  }
  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    return this.path.length > 0 ? this.path[this.path.length - 1].namespace : void 0;
  }
  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    if (this.path.length === 0) return void 0;
    return this.path[this.path.length - 1].values?.[attrName];
  }
  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    if (this.path.length === 0) return false;
    const current = this.path[this.path.length - 1];
    return current.values !== void 0 && attrName in current.values;
  }
  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * Unlike getAttrValue(), this works regardless of how deep the path has
   * gone since the attribute was pushed — but only for attribute names that
   * were explicitly marked with `keep` at push time. Cost is proportional to
   * the number of currently-kept attributes (typically 0-3), not path depth.
   * @param {string} attrName
   * @returns {*} the value, or undefined if no ancestor kept this attribute
   */
  getAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return kept[i].value;
    }
    return void 0;
  }
  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return true;
    }
    return false;
  }
  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].position ?? 0;
  }
  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].counter ?? 0;
  }
  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }
  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this.path.length;
  }
  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    const sep2 = separator || this.separator;
    const isDefault = sep2 === this.separator && includeNamespace === true;
    if (isDefault) {
      if (this._pathStringCache !== null) {
        return this._pathStringCache;
      }
      const result = this.path.map(
        (n) => n.namespace ? `${n.namespace}:${n.tag}` : n.tag
      ).join(sep2);
      this._pathStringCache = result;
      return result;
    }
    return this.path.map(
      (n) => includeNamespace && n.namespace ? `${n.namespace}:${n.tag}` : n.tag
    ).join(sep2);
  }
  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this.path.map((n) => n.tag);
  }
  /**
   * Reset the path to empty.
   */
  reset() {
    this._pathStringCache = null;
    this.path = [];
    this.siblingStacks = [];
    this._keptAttrs = [];
  }
  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    const segments = expression.segments;
    if (segments.length === 0) {
      return false;
    }
    if (expression.hasDeepWildcard()) {
      return this._matchWithDeepWildcard(segments);
    }
    return this._matchSimple(segments);
  }
  /**
   * @private
   */
  _matchSimple(segments) {
    if (this.path.length !== segments.length) {
      return false;
    }
    for (let i = 0; i < segments.length; i++) {
      if (!this._matchSegment(segments[i], this.path[i], i === this.path.length - 1)) {
        return false;
      }
    }
    return true;
  }
  /**
   * @private
   */
  _matchWithDeepWildcard(segments) {
    let pathIdx = this.path.length - 1;
    let segIdx = segments.length - 1;
    while (segIdx >= 0 && pathIdx >= 0) {
      const segment = segments[segIdx];
      if (segment.type === "deep-wildcard") {
        segIdx--;
        if (segIdx < 0) {
          return true;
        }
        const nextSeg = segments[segIdx];
        let found = false;
        for (let i = pathIdx; i >= 0; i--) {
          if (this._matchSegment(nextSeg, this.path[i], i === this.path.length - 1)) {
            pathIdx = i - 1;
            segIdx--;
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      } else {
        if (!this._matchSegment(segment, this.path[pathIdx], pathIdx === this.path.length - 1)) {
          return false;
        }
        pathIdx--;
        segIdx--;
      }
    }
    return segIdx < 0;
  }
  /**
   * @private
   */
  _matchSegment(segment, node, isCurrentNode) {
    if (segment.tag !== "*" && segment.tag !== node.tag) {
      return false;
    }
    if (segment.namespace !== void 0) {
      if (segment.namespace !== "*" && segment.namespace !== node.namespace) {
        return false;
      }
    }
    if (segment.attrName !== void 0) {
      if (!isCurrentNode) {
        return false;
      }
      if (!node.values || !(segment.attrName in node.values)) {
        return false;
      }
      if (segment.attrValue !== void 0) {
        if (String(node.values[segment.attrName]) !== String(segment.attrValue)) {
          return false;
        }
      }
    }
    if (segment.position !== void 0) {
      if (!isCurrentNode) {
        return false;
      }
      const counter = node.counter ?? 0;
      if (segment.position === "first" && counter !== 0) {
        return false;
      } else if (segment.position === "odd" && counter % 2 !== 1) {
        return false;
      } else if (segment.position === "even" && counter % 2 !== 0) {
        return false;
      } else if (segment.position === "nth" && counter !== segment.positionValue) {
        return false;
      }
    }
    return true;
  }
  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this);
  }
  /**
   * Create a snapshot of current state.
   * @returns {Object}
   */
  snapshot() {
    return {
      path: this.path.map((node) => ({ ...node })),
      siblingStacks: this.siblingStacks.map((level) => level ? { counts: new Map(level.counts), total: level.total } : level),
      keptAttrs: this._keptAttrs.map((entry) => ({ ...entry }))
    };
  }
  /**
   * Restore state from snapshot.
   * @param {Object} snapshot
   */
  restore(snapshot) {
    this._pathStringCache = null;
    this.path = snapshot.path.map((node) => ({ ...node }));
    this.siblingStacks = snapshot.siblingStacks.map((level) => level ? { counts: new Map(level.counts), total: level.total } : level);
    this._keptAttrs = (snapshot.keptAttrs || []).map((entry) => ({ ...entry }));
  }
  /**
   * Return the read-only {@link MatcherView} for this matcher.
   *
   * The same instance is returned on every call — no allocation occurs.
   * It always reflects the current parser state and is safe to pass to
   * user callbacks without risk of accidental mutation.
   *
   * @returns {MatcherView}
   *
   * @example
   * const view = matcher.readOnly();
   * // pass view to callbacks — it stays in sync automatically
   * view.matches(expr);       // ✓
   * view.getCurrentTag();     // ✓
   * // view.push(...)         // ✗ method does not exist — caught by TypeScript
   */
  readOnly() {
    return this._view;
  }
};

// node_modules/is-unsafe/src/contexts/html.js
var HTML_PATTERNS = [
  {
    id: "html-script-open",
    description: "<script opening tag",
    pattern: /<script[\s>/]/i
  },
  {
    id: "html-script-close",
    description: "</script closing tag",
    pattern: /<\/script[\s>]/i
  },
  {
    id: "html-javascript-protocol",
    description: "javascript: URI scheme (with optional whitespace/encoding)",
    // Handles j&#x61;vascript:, j\u0061vascript:, and whitespace variants
    pattern: /j[\t\n\r ]*a[\t\n\r ]*v[\t\n\r ]*a[\t\n\r ]*s[\t\n\r ]*c[\t\n\r ]*r[\t\n\r ]*i[\t\n\r ]*p[\t\n\r ]*t[\t\n\r ]*:/i
  },
  {
    id: "html-vbscript-protocol",
    description: "vbscript: URI scheme",
    pattern: /vbscript[\t\n\r ]*:/i
  },
  {
    id: "html-data-html",
    description: "data:text/html URI \u2014 can execute scripts in browsers",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*text\/html/i
  },
  {
    id: "html-data-xhtml",
    description: "data:application/xhtml+xml URI",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*application\/xhtml/i
  },
  {
    id: "html-data-svg",
    description: "data:image/svg+xml URI \u2014 can execute scripts",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*image\/svg\+xml/i
  },
  {
    id: "html-inline-event-handler",
    description: "Inline event handler attributes: onclick=, onerror=, onload=, etc.",
    // \bon ensures we match a word boundary so "phonetic=" is not caught
    pattern: /\bon\w{1,30}\s*=/i
  },
  {
    id: "html-entity-obfuscated-script",
    description: "HTML-entity-encoded <script (e.g. &#x3C;script or &lt;script)",
    // Entities include optional trailing semicolon: &#x3C; or &#x3C (both valid in HTML5)
    pattern: /(?:&#x0*3[Cc];?|&#0*60;?|&lt;)\s*script/i
  },
  {
    id: "html-entity-obfuscated-javascript",
    description: 'HTML-entity-encoded javascript: (partial \u2014 catches common &#106; or &#x6a; for "j")',
    pattern: /(?:&#x0*6[Aa];?|&#0*106;?)\s*(?:&#x0*61;?|a)[\s\S]{0,80}script\s*:/i
  },
  {
    id: "html-style-expression",
    description: "CSS expression() \u2014 IE-era code execution in style attributes",
    pattern: /style[\s\S]{0,20}expression\s*\(/i
  },
  {
    id: "html-object-embed",
    description: "<object or <embed tags that can load active content",
    pattern: /<(?:object|embed)[\s>/]/i
  },
  {
    id: "html-base-tag",
    description: "<base href= \u2014 can hijack all relative URLs on a page",
    pattern: /<base[\s>]/i
  },
  {
    id: "html-meta-refresh",
    description: '<meta http-equiv="refresh" \u2014 can redirect users',
    pattern: /<meta[\s\S]{0,40}http-equiv[\s\S]{0,20}refresh/i
  },
  {
    id: "html-srcdoc",
    description: "srcdoc= attribute on iframes \u2014 embeds HTML that can run scripts",
    pattern: /srcdoc\s*=/i
  },
  {
    id: "html-iframe",
    description: "<iframe tag",
    pattern: /<iframe[\s>/]/i
  },
  {
    id: "html-form",
    description: "<form tag \u2014 can be used for phishing / credential harvesting injection",
    pattern: /<form[\s>/]/i
  }
];
var html_default = HTML_PATTERNS;

// node_modules/is-unsafe/src/contexts/xml.js
var XML_PATTERNS = [
  {
    id: "xml-cdata-injection",
    description: "CDATA section injection: <![CDATA[ breaks out of text node context",
    pattern: /<!\[CDATA\[/i
  },
  {
    id: "xml-cdata-close",
    description: "CDATA close sequence: ]]> can terminate an enclosing CDATA section",
    pattern: /\]\]>/
  },
  {
    id: "xml-processing-instruction",
    description: "XML processing instruction: <?xml-stylesheet or <?php etc.",
    pattern: /<\?(?:xml[\- ]|php|asp)/i
  },
  {
    id: "xml-doctype-injection",
    description: "DOCTYPE declaration embedded in content \u2014 can define entities",
    // Match <!DOCTYPE followed by end-of-string, whitespace, or [ (internal subset)
    pattern: /<!DOCTYPE(?:[\s[]|$)/i
  },
  {
    id: "xml-entity-system",
    description: "SYSTEM keyword \u2014 used in external entity declarations (XXE)",
    pattern: /\bSYSTEM\s+["']/i
  },
  {
    id: "xml-entity-public",
    description: "PUBLIC keyword \u2014 used in external entity declarations (XXE)",
    pattern: /\bPUBLIC\s+["']/i
  },
  {
    id: "xml-entity-declaration",
    description: "<!ENTITY declaration \u2014 defines entities, potential XXE or entity expansion",
    pattern: /<!ENTITY[\s%]/i
  },
  {
    id: "xml-billion-laughs",
    description: "Entity reference chaining / billion laughs: repeated &eX; style references",
    // Heuristic: 3+ consecutive entity refs suggests expansion attack
    pattern: /(?:&\w{1,20};){3,}/
  },
  {
    id: "xml-namespace-confusion",
    description: "xmlns: attribute injection \u2014 can redefine namespaces to confuse parsers",
    // pattern: /\bxmlns\s*(?::\w{1,40})?\s*=/i,
    pattern: /\bxmlns(?::\w{1,40})?\s*=/i
  },
  {
    id: "xml-comment-injection",
    description: "<!-- comment injection \u2014 can hide content from some parsers",
    pattern: /<!--/
  },
  {
    id: "xml-comment-close",
    description: "--> closes an enclosing XML comment",
    pattern: /-->/
  },
  {
    id: "xml-pi-close",
    description: "?> closes an enclosing processing instruction",
    pattern: /\?>/
  }
];
var xml_default = XML_PATTERNS;

// node_modules/is-unsafe/src/contexts/svg.js
var SVG_PATTERNS = [
  {
    id: "svg-script-element",
    description: "<script element inside SVG executes JavaScript",
    pattern: /<script[\s>/]/i
  },
  {
    id: "svg-xlink-href-javascript",
    description: "xlink:href with javascript: \u2014 classic SVG XSS via <a> or <use>",
    pattern: /xlink\s*:\s*href\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-href-javascript",
    description: "href= with javascript: in SVG context (<a>, <animate>, etc.)",
    pattern: /href\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-foreignobject",
    description: "<foreignObject embeds HTML inside SVG \u2014 can execute scripts",
    pattern: /<foreignObject[\s>/]/i
  },
  {
    id: "svg-use-external",
    description: "<use xlink:href or href pointing to external resource (non-fragment URL)",
    // Match <use with href= where the value starts with a non-# character (external URL)
    // [\"'][^#] catches quoted values not starting with #; [^\"'#\s>] catches unquoted
    pattern: /<use[\s\S]{0,60}(?:xlink\s*:\s*)?href\s*=\s*(?:["'][^#]|[^"'#\s>])/i
  },
  {
    id: "svg-animate-href",
    description: '<animate attributeName="href" \u2014 can dynamically change href to javascript:',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*href["']/i
  },
  {
    id: "svg-animate-xlinkhref",
    description: '<animate attributeName="xlink:href"',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*xlink\s*:\s*href["']/i
  },
  {
    id: "svg-set-javascript",
    description: '<set to="javascript:..." \u2014 sets an attribute to a javascript: URI',
    pattern: /<set[\s\S]{0,80}to\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-event-handler",
    description: "SVG-specific event handler attributes: onload=, onerror=, onactivate=, etc.",
    pattern: /\bon(?:load|error|activate|begin|end|repeat|focus|blur|click|mouse\w{1,20}|key\w{1,20})\s*=/i
  },
  {
    id: "svg-handler-generic",
    description: "Generic on* handler catch-all for SVG attributes",
    pattern: /\bon\w{1,30}\s*=/i
  },
  {
    id: "svg-filter-feimage",
    description: "<feImage href= \u2014 filter primitive that can load external resources",
    pattern: /<feImage[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=/i
  },
  {
    id: "svg-image-external",
    description: "<image xlink:href with http/https or javascript protocol",
    pattern: /<image[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=\s*["']?\s*(?:https?|javascript)\s*:/i
  },
  {
    id: "svg-style-javascript",
    description: "style= attribute containing javascript: (e.g. background:url(javascript:...))",
    pattern: /style\s*=[\s\S]{0,60}javascript\s*:/i
  }
];
var svg_default = SVG_PATTERNS;

// node_modules/is-unsafe/src/contexts/sql.js
var SQL_PATTERNS = [
  {
    id: "sql-block-comment-open",
    description: "SQL block comment open: /* ... */ \u2014 unusual in legitimate user text",
    pattern: /\/\*/
  },
  {
    id: "sql-union-select",
    description: "UNION SELECT \u2014 most common SQL injection aggregation attack",
    pattern: /\bUNION\s{1,20}(?:ALL\s{1,20})?SELECT\b/i
  },
  {
    id: "sql-drop-table",
    description: "DROP TABLE \u2014 destructive DDL injection",
    pattern: /\bDROP\s{1,20}TABLE\b/i
  },
  {
    id: "sql-drop-database",
    description: "DROP DATABASE \u2014 destructive DDL injection",
    pattern: /\bDROP\s{1,20}DATABASE\b/i
  },
  {
    id: "sql-insert-into",
    description: "INSERT INTO \u2014 data injection",
    pattern: /\bINSERT\s{1,20}INTO\b/i
  },
  {
    id: "sql-delete-from",
    description: "DELETE FROM \u2014 data deletion injection",
    pattern: /\bDELETE\s{1,20}FROM\b/i
  },
  {
    id: "sql-update-set",
    description: "UPDATE ... SET \u2014 data modification injection",
    // Allows arbitrary content between UPDATE and SET (table name, alias, etc.)
    pattern: /\bUPDATE\b[\s\S]{1,60}\bSET\b/i
  },
  {
    id: "sql-exec-xp",
    description: "EXEC xp_ \u2014 MSSQL extended stored procedure execution",
    pattern: /\bEXEC(?:UTE)?\s{1,20}xp_/i
  },
  {
    id: "sql-tautology-string",
    description: `Classic string tautology: ' OR '1'='1 or " OR "1"="1"`,
    // Last quote is optional — injection may truncate it: ' OR '1'='1--
    pattern: /'\s{0,10}OR\s{0,10}'[^']{0,20}'\s*=\s*'[^']{0,20}/i
  },
  {
    id: "sql-tautology-numeric",
    description: "Numeric tautology: OR 1=1",
    pattern: /\bOR\s{1,10}1\s*=\s*1\b/i
  },
  {
    id: "sql-always-true-zero",
    description: "Numeric tautology: OR 0=0",
    pattern: /\bOR\s{1,10}0\s*=\s*0\b/i
  },
  {
    id: "sql-sleep-benchmark",
    description: "Time-based blind injection: SLEEP() or BENCHMARK()",
    pattern: /\b(?:SLEEP|BENCHMARK)\s*\(/i
  },
  {
    id: "sql-waitfor-delay",
    description: "MSSQL time-based blind injection: WAITFOR DELAY",
    pattern: /\bWAITFOR\s{1,20}DELAY\b/i
  },
  {
    id: "sql-char-function",
    description: "CHAR() function \u2014 used to obfuscate injected strings",
    pattern: /\bCHAR\s*\(\s*\d{1,3}/i
  },
  {
    id: "sql-information-schema",
    description: "INFORMATION_SCHEMA \u2014 reconnaissance query for table/column enumeration",
    pattern: /\bINFORMATION_SCHEMA\b/i
  }
];
var sql_default = SQL_PATTERNS;

// node_modules/is-unsafe/src/contexts/shell.js
var SHELL_PATTERNS = [
  {
    id: "shell-path-traversal-unix",
    description: "Unix path traversal: ../  \u2014 climbing the directory tree",
    pattern: /\.\.\//
  },
  {
    id: "shell-path-traversal-windows",
    description: "Windows path traversal: ..\\ \u2014 climbing the directory tree",
    pattern: /\.\.\\/
  },
  {
    id: "shell-path-traversal-encoded",
    description: "URL-encoded path traversal: %2e%2e or %2f variants",
    pattern: /%2e%2e|%2f\.\.|\.\.%2f/i
  },
  {
    id: "shell-null-byte",
    description: "Null byte injection: \\x00 or %00 \u2014 truncates strings in C-backed functions",
    pattern: /\x00|%00/
  },
  {
    id: "shell-semicolon",
    description: "Semicolon command separator: cmd1; cmd2",
    pattern: /;/
  },
  {
    id: "shell-pipe",
    description: "Pipe operator: cmd1 | cmd2",
    pattern: /\|/
  },
  {
    id: "shell-and-operator",
    description: "AND operator: cmd1 && cmd2",
    pattern: /&&/
  },
  {
    id: "shell-or-operator",
    description: "OR operator: cmd1 || cmd2",
    pattern: /\|\|/
  },
  {
    id: "shell-backtick",
    description: "Backtick command substitution: `cmd`",
    pattern: /`/
  },
  {
    id: "shell-dollar-paren",
    description: "Dollar-paren command substitution: $(cmd)",
    pattern: /\$\(/
  },
  {
    id: "shell-dollar-brace",
    description: "Dollar-brace variable expansion: ${var} \u2014 can be abused for injection",
    pattern: /\$\{/
  },
  {
    id: "shell-redirect-out",
    description: "Output redirection: cmd > file or cmd >> file",
    pattern: />{1,2}/
  },
  {
    id: "shell-redirect-in",
    description: "Input redirection: cmd < file",
    pattern: /</
  },
  {
    id: "shell-newline-injection",
    description: "Newline injection: \\n or \\r \u2014 can inject new shell commands",
    pattern: /[\n\r]/
  },
  {
    id: "shell-glob-star",
    description: "Glob expansion: * or ? \u2014 can expand to unintended files",
    // Only flag when combined with path separators to reduce false positives
    pattern: /[/\\][*?]/
  },
  {
    id: "shell-absolute-root",
    description: "Absolute root path injection: string starting with / or \\ (Windows UNC)",
    pattern: /^(?:\/|\\\\)/
  },
  {
    id: "shell-windows-drive",
    description: "Windows drive letter path injection: C:\\ or D:/",
    pattern: /^[a-zA-Z]:[/\\]/
  },
  {
    id: "shell-curl-wget",
    description: "curl/wget with URL or flags \u2014 can exfiltrate data or download payloads",
    // Require a URL scheme (http/https/ftp) or a flag (-) to reduce false positives
    // "curl is a tool" won't match; "curl http://..." or "curl -s ..." will
    pattern: /\b(?:curl|wget)\s+(?:https?:\/\/|ftp:\/\/|-)/i
  }
];
var shell_default = SHELL_PATTERNS;

// node_modules/is-unsafe/src/contexts/redos.js
var REDOS_PATTERNS = [
  {
    id: "redos-nested-quantifier-plus",
    description: "Nested + quantifier inside a group with outer quantifier: (a+)+, (.+b)*, etc.",
    // Matches any group containing a + quantifier, with an outer * or + — catches (a+)+, (.+b)*, etc.
    pattern: /\([^)]*\+[^)]*\)[+*]/
  },
  {
    id: "redos-nested-quantifier-star",
    description: "Nested * quantifier: (a*)* or (a*)+ \u2014 catastrophic backtracking",
    pattern: /\([^)]*\*[^)]*\)[*+]/
  },
  {
    id: "redos-nested-groups",
    description: "Doubly nested quantified groups: ((a+)+) \u2014 guaranteed catastrophic",
    pattern: /\(\([^)]{0,40}\)[+*]\)[+*]/
  },
  {
    id: "redos-alternation-overlap",
    description: "Overlapping alternation under quantifier: (a|a)+ \u2014 ambiguous NFA paths",
    // Detect repeated identical alternatives under a quantifier
    pattern: /\(([^|()]{1,20})\|(?:\1)(?:\|[^|()]{1,20}){0,5}\)[+*?]{1,2}/
  },
  {
    id: "redos-star-plus-concat",
    description: "(x*x)+ pattern \u2014 triggers super-linear backtracking",
    pattern: /\([^)]{0,10}\*[^)]{0,10}\)[+*]/
  },
  {
    id: "redos-dot-star-greedy",
    description: "(.*){n,} or (.+){n,} \u2014 repeated greedy dot quantifiers",
    pattern: /\(\.[*+]\)\{?\d/
  },
  {
    id: "redos-large-repetition",
    description: "Very large fixed or range repetition count {1000,} or {1000,n} \u2014 denial of service via backtracking",
    // Matches { followed by 4+ digits (≥1000), then optional ,digits }
    pattern: /\{\d{4,}(?:,\d*)?\}/
  },
  {
    id: "redos-catastrophic-alternation",
    description: "Long alternation with many similar branches \u2014 polynomial backtracking risk",
    // Heuristic: 10+ pipe-separated alternatives in a single group
    pattern: /\([^)]{0,200}(?:\|[^|)]{0,50}){9,}\)/
  }
];
var redos_default = REDOS_PATTERNS;

// node_modules/is-unsafe/src/contexts/nosql.js
var sep = `["'\\s]*:`;
var NOSQL_PATTERNS = [
  // ─── MongoDB $ operator injection ────────────────────────────────────────
  {
    id: "nosql-where-operator",
    description: "$where \u2014 executes arbitrary JavaScript server-side in MongoDB",
    pattern: new RegExp(`\\$where${sep}`, "i")
  },
  {
    id: "nosql-ne-operator",
    description: '$ne \u2014 "not equal" operator used to bypass equality checks',
    pattern: new RegExp(`\\$ne${sep}`, "i")
  },
  {
    id: "nosql-gt-operator",
    description: '$gt \u2014 "greater than" used to bypass password/value checks',
    pattern: new RegExp(`\\$gte?${sep}`, "i")
  },
  {
    id: "nosql-lt-operator",
    description: '$lt / $lte \u2014 "less than" bypass variants',
    pattern: new RegExp(`\\$lte?${sep}`, "i")
  },
  {
    id: "nosql-regex-operator",
    description: "$regex \u2014 can be used to extract data character by character (blind injection)",
    pattern: new RegExp(`\\$regex${sep}`, "i")
  },
  {
    id: "nosql-or-operator",
    description: "$or \u2014 logical OR; used to create always-true conditions",
    pattern: new RegExp(`\\$or${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-and-operator",
    description: "$and \u2014 logical AND operator injection",
    pattern: new RegExp(`\\$and${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-nor-operator",
    description: "$nor \u2014 logical NOR operator injection",
    pattern: new RegExp(`\\$nor${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-exists-operator",
    description: "$exists \u2014 can enumerate fields to determine schema",
    pattern: new RegExp(`\\$exists${sep}`, "i")
  },
  {
    id: "nosql-in-operator",
    description: "$in \u2014 matches any value in a list; can enumerate values",
    pattern: new RegExp(`\\$in${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-expr-operator",
    description: "$expr \u2014 allows aggregation expressions in queries (MongoDB 3.6+)",
    pattern: new RegExp(`\\$expr${sep}`, "i")
  },
  {
    id: "nosql-function-operator",
    description: "$function \u2014 executes arbitrary JavaScript in MongoDB 4.4+",
    pattern: new RegExp(`\\$function${sep}`, "i")
  },
  {
    id: "nosql-accumulator-operator",
    description: "$accumulator \u2014 custom aggregation with arbitrary JS execution",
    pattern: new RegExp(`\\$accumulator${sep}`, "i")
  },
  // ─── Prototype pollution ─────────────────────────────────────────────────
  {
    id: "nosql-proto-pollution",
    description: "__proto__ \u2014 prototype pollution via object key injection",
    pattern: /__proto__/
  },
  {
    id: "nosql-constructor-prototype",
    description: "constructor.prototype \u2014 alternative prototype pollution vector (dot notation or JSON key)",
    // Matches dot-notation (obj.constructor.prototype) and JSON key adjacency
    // ("constructor": {"prototype": ...})
    pattern: /constructor[\s"':.,{\[]*prototype/i
  },
  {
    id: "nosql-proto-bracket",
    description: '["__proto__"] \u2014 bracket-notation prototype pollution',
    pattern: /\[["']__proto__["']\]/
  }
];
var nosql_default = NOSQL_PATTERNS;

// node_modules/is-unsafe/src/contexts/log.js
var LOG_PATTERNS = [
  // ─── CRLF / newline injection ─────────────────────────────────────────────
  {
    id: "log-crlf-injection",
    description: "CRLF injection: literal \\r or \\n embeds fake log lines",
    pattern: /[\r\n]/
  },
  {
    id: "log-url-encoded-crlf",
    description: "URL-encoded CRLF: %0d, %0a, %0D, %0A \u2014 decoded by some log parsers",
    pattern: /%0[dDaA]/
  },
  {
    id: "log-unicode-newline",
    description: "Unicode newline variants: U+2028 (line separator), U+2029 (paragraph separator)",
    pattern: /[\u2028\u2029]/
  },
  // ─── Log4Shell / JNDI injection (CVE-2021-44228) ─────────────────────────
  {
    id: "log-log4shell-jndi",
    description: "Log4Shell: ${jndi:...} triggers remote code execution in Apache Log4j",
    pattern: /\$\{jndi\s*:/i
  },
  {
    id: "log-log4shell-obfuscated",
    description: "Obfuscated Log4Shell: ${::-j}... lookup-bypass prefix used to evade WAF detection",
    // ${::- is the Log4j lookup-bypass escape sequence; presence alone is suspicious
    pattern: /\$\{::-/
  },
  {
    id: "log-log4j-lookup",
    description: "Log4j lookup syntax: ${env:...}, ${sys:...}, ${ctx:...} \u2014 data exfiltration",
    pattern: /\$\{(?:env|sys|ctx|main|map|sd|web|docker|k8s|spring)\s*:/i
  },
  // ─── Server-Side Template Injection (SSTI) in log messages ───────────────
  {
    id: "log-ssti-double-brace",
    description: "SSTI double-brace: {{expression}} \u2014 Jinja2, Twig, Handlebars, etc.",
    pattern: /\{\{[\s\S]{0,80}\}\}/
  },
  {
    id: "log-ssti-hash-brace",
    description: "SSTI hash-brace: #{expression} \u2014 Thymeleaf, Velocity, Ruby ERB",
    pattern: /#\{[\s\S]{0,80}\}/
  },
  {
    id: "log-ssti-dollar-brace",
    description: "SSTI/EL injection: ${expression with operators or method calls} \u2014 JSP EL, Freemarker, SpEL",
    // Require that the ${...} content looks like an expression, not a plain variable name.
    // Flags if the content contains: . ( * + operators, or known SSTI keywords.
    // This avoids flagging ${PATH}, ${HOME} etc. (plain shell variables).
    pattern: /\$\{[^}]*(?:\.|\(|\*|\+|\bclass\b|\bruntime\b|\bprocess\b|\bexec\b)[^}]{0,80}\}/i
  },
  {
    id: "log-ssti-percent-tag",
    description: "SSTI ERB/ASP tag: <%= expression %> \u2014 Ruby ERB, ASP",
    pattern: /<%=[\s\S]{0,80}%>/
  },
  // ─── Null byte ────────────────────────────────────────────────────────────
  {
    id: "log-null-byte",
    description: "Null byte: \\x00 or %00 \u2014 can truncate log entries in C-backed loggers",
    pattern: /\x00|%00/
  },
  // ─── ANSI escape injection ────────────────────────────────────────────────
  {
    id: "log-ansi-escape",
    description: "ANSI escape sequence: ESC[ \u2014 can manipulate terminal output when logs are tailed",
    pattern: /\x1b\[/
  }
];
var log_default = LOG_PATTERNS;

// node_modules/is-unsafe/src/contexts/sql-strict.js
var SQL_STRICT_EXTRA = [
  {
    id: "sql-line-comment",
    description: "SQL line comment: -- followed by whitespace or end of string",
    pattern: /--(?:\s|$)/
  },
  {
    id: "sql-stacked-query",
    description: "Stacked queries: semicolon immediately followed by a SQL keyword",
    pattern: /;\s{0,10}(?:SELECT|INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|EXEC)\b/i
  },
  {
    id: "sql-hex-encoding",
    description: "Hex-encoded string injection: 0x41414141 style (MySQL)",
    pattern: /\b0x[0-9a-f]{4,}/i
  }
];
var SQL_STRICT_PATTERNS = [...sql_default, ...SQL_STRICT_EXTRA];
var sql_strict_default = SQL_STRICT_PATTERNS;

// node_modules/is-unsafe/src/util/decode-entities.js
var NAMED = Object.freeze({
  colon: ":",
  Tab: "	",
  NewLine: "\n"
});
var ENTITY_RE = /&(?:#[xX]0*([0-9a-fA-F]{1,6});?|#0*([0-9]{1,7});?|([a-zA-Z][a-zA-Z0-9]{1,15});)/g;
function decodeEntities(input) {
  if (input.indexOf("&") === -1) return input;
  return input.replace(ENTITY_RE, (match, hex, dec, name) => {
    if (name !== void 0) {
      return Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name] : match;
    }
    const cp = hex !== void 0 ? parseInt(hex, 16) : parseInt(dec, 10);
    if (!Number.isFinite(cp) || cp > 1114111) return match;
    return String.fromCodePoint(cp);
  });
}

// node_modules/is-unsafe/src/index.js
html_default.label = "HTML";
xml_default.label = "XML";
svg_default.label = "SVG";
html_default.decodeEntities = true;
xml_default.decodeEntities = true;
svg_default.decodeEntities = true;
sql_default.label = "SQL";
sql_strict_default.label = "SQL-STRICT";
shell_default.label = "SHELL";
redos_default.label = "REDOS";
nosql_default.label = "NOSQL";
log_default.label = "LOG";
var VALID_CONTEXTS = Object.freeze({
  HTML: html_default,
  XML: xml_default,
  SVG: svg_default,
  SQL: sql_default,
  "SQL-STRICT": sql_strict_default,
  SHELL: shell_default,
  REDOS: redos_default,
  NOSQL: nosql_default,
  LOG: log_default
});
function assertString(value) {
  if (typeof value !== "string") {
    throw new TypeError(
      `is-unsafe: first argument must be a string, got ${typeof value}`
    );
  }
}
function assertContext(context) {
  if (context instanceof RegExp) return;
  if (Array.isArray(context)) {
    if (context.length === 0) {
      throw new TypeError("is-unsafe: context must not be an empty array");
    }
    if (Array.isArray(context[0])) {
      for (const list2 of context) {
        if (!Array.isArray(list2) || list2.length === 0) {
          throw new TypeError(
            "is-unsafe: each context in the array must be a non-empty pattern array (PatternList)"
          );
        }
      }
    }
    return;
  }
  throw new TypeError(
    `is-unsafe: second argument must be a PatternList (e.g. HTML), an array of PatternLists (e.g. [HTML, XML]), or a RegExp. Got: ${typeof context}`
  );
}
function normalise(context) {
  if (context instanceof RegExp) return { lists: null, regex: context };
  if (Array.isArray(context[0])) return { lists: context, regex: null };
  return { lists: [context], regex: null };
}
function decodedCopy(value, list2) {
  if (!list2.decodeEntities) return null;
  const decoded = decodeEntities(value);
  return decoded === value ? null : decoded;
}
function matchList(value, list2) {
  const label = list2.label ?? "CUSTOM";
  const decoded = decodedCopy(value, list2);
  for (const rule of list2) {
    if (rule.pattern.test(value) || decoded !== null && rule.pattern.test(decoded)) {
      return { context: label, id: rule.id, description: rule.description, pattern: rule.pattern };
    }
  }
  return null;
}
function isUnsafe(value, context) {
  assertString(value);
  assertContext(context);
  const { lists, regex } = normalise(context);
  if (regex) return regex.test(value);
  for (const list2 of lists) {
    if (matchList(value, list2) !== null) return true;
  }
  return false;
}

// node_modules/fast-xml-parser/src/xmlparser/OrderedObjParser.js
function extractRawAttributes(prefixedAttrs, options) {
  if (!prefixedAttrs) return {};
  const attrs = options.attributesGroupName ? prefixedAttrs[options.attributesGroupName] : prefixedAttrs;
  if (!attrs) return {};
  const rawAttrs = {};
  for (const key in attrs) {
    if (key.startsWith(options.attributeNamePrefix)) {
      const rawName = key.substring(options.attributeNamePrefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}
function extractNamespace(rawTagName) {
  if (!rawTagName || typeof rawTagName !== "string") return void 0;
  const colonIndex = rawTagName.indexOf(":");
  if (colonIndex !== -1 && colonIndex > 0) {
    const ns = rawTagName.substring(0, colonIndex);
    if (ns !== "xmlns") {
      return ns;
    }
  }
  return void 0;
}
var OrderedObjParser = class {
  constructor(options, externalEntities) {
    this.options = options;
    this.currentNode = null;
    this.tagsNodeStack = [];
    this.parseXml = parseXml;
    this.parseTextData = parseTextData;
    this.resolveNameSpace = resolveNameSpace;
    this.buildAttributesMap = buildAttributesMap;
    this.isItStopNode = isItStopNode;
    this.replaceEntitiesValue = replaceEntitiesValue;
    this.readStopNodeData = readStopNodeData;
    this.saveTextToParentTag = saveTextToParentTag;
    this.addChild = addChild;
    this.ignoreAttributesFn = getIgnoreAttributesFn(this.options.ignoreAttributes);
    this.entityExpansionCount = 0;
    this.currentExpandedLength = 0;
    this.doctypefound = false;
    let namedEntities = { ...XML };
    if (this.options.entityDecoder) {
      this.entityDecoder = this.options.entityDecoder;
    } else {
      if (typeof this.options.htmlEntities === "object") namedEntities = this.options.htmlEntities;
      else if (this.options.htmlEntities === true) namedEntities = { ...COMMON_HTML, ...CURRENCY };
      this.entityDecoder = new EntityDecoder({
        namedEntities: { ...namedEntities, ...externalEntities },
        numericAllowed: this.options.htmlEntities,
        limit: {
          maxTotalExpansions: this.options.processEntities.maxTotalExpansions,
          maxExpandedLength: this.options.processEntities.maxExpandedLength,
          applyLimitsTo: this.options.processEntities.appliesTo
        },
        // onExternalEntity: (name, value) => isUnsafe(value) ? 'block' : 'allow',
        onInputEntity: (name, value) => (
          //TODO: VALID_CONTEXTS.HTML should be set only if this.options.htmlEntities
          isUnsafe(value, [html_default, xml_default]) ? ENTITY_ACTION.BLOCK : ENTITY_ACTION.ALLOW
        )
        //postCheck: resolved => resolved
      });
    }
    this.matcher = new Matcher();
    this.readonlyMatcher = this.matcher.readOnly();
    this.isCurrentNodeStopNode = false;
    this.stopNodeExpressionsSet = new ExpressionSet();
    const stopNodesOpts = this.options.stopNodes;
    if (stopNodesOpts && stopNodesOpts.length > 0) {
      for (let i = 0; i < stopNodesOpts.length; i++) {
        const stopNodeExp = stopNodesOpts[i];
        if (typeof stopNodeExp === "string") {
          this.stopNodeExpressionsSet.add(new Expression(stopNodeExp));
        } else if (stopNodeExp instanceof Expression) {
          this.stopNodeExpressionsSet.add(stopNodeExp);
        }
      }
      this.stopNodeExpressionsSet.seal();
    }
  }
};
function parseTextData(val2, tagName, jPath, dontTrim, hasAttributes, isLeafNode, escapeEntities) {
  const options = this.options;
  if (val2 !== void 0) {
    if (options.trimValues && !dontTrim) {
      val2 = val2.trim();
    }
    if (val2.length > 0) {
      if (!escapeEntities) val2 = this.replaceEntitiesValue(val2, tagName, jPath);
      const jPathOrMatcher = options.jPath ? jPath.toString() : jPath;
      const newval = options.tagValueProcessor(tagName, val2, jPathOrMatcher, hasAttributes, isLeafNode);
      if (newval === null || newval === void 0) {
        return val2;
      } else if (typeof newval !== typeof val2 || newval !== val2) {
        return newval;
      } else if (options.trimValues) {
        return parseValue(val2, options.parseTagValue, options.numberParseOptions);
      } else {
        const trimmedVal = val2.trim();
        if (trimmedVal === val2) {
          return parseValue(val2, options.parseTagValue, options.numberParseOptions);
        } else {
          return val2;
        }
      }
    }
  }
}
function resolveNameSpace(tagname) {
  if (this.options.removeNSPrefix) {
    const tags = tagname.split(":");
    const prefix = tagname.charAt(0) === "/" ? "/" : "";
    if (tags[0] === "xmlns") {
      return "";
    }
    if (tags.length === 2) {
      tagname = prefix + tags[1];
    }
  }
  return tagname;
}
var attrsRegx = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/gm;
function attrValue(match) {
  return match[3] !== void 0 ? match[3] : match[4];
}
function buildAttributesMap(attrStr, jPath, tagName, force = false) {
  const options = this.options;
  if (force === true || options.ignoreAttributes !== true && typeof attrStr === "string") {
    const matches = getAllMatches(attrStr, attrsRegx);
    const len = matches.length;
    const attrs = {};
    const processedVals = new Array(len);
    let hasRawAttrs = false;
    const rawAttrsForMatcher = {};
    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);
      const oldVal = attrValue(matches[i]);
      if (attrName.length && oldVal !== void 0) {
        let val2 = oldVal;
        if (options.trimValues) val2 = val2.trim();
        val2 = this.replaceEntitiesValue(val2, tagName, this.readonlyMatcher);
        processedVals[i] = val2;
        rawAttrsForMatcher[attrName] = val2;
        hasRawAttrs = true;
      }
    }
    if (hasRawAttrs && typeof jPath === "object" && jPath.updateCurrent) {
      jPath.updateCurrent(rawAttrsForMatcher);
    }
    const jPathStr = options.jPath ? jPath.toString() : this.readonlyMatcher;
    let hasAttrs = false;
    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);
      if (this.ignoreAttributesFn(attrName, jPathStr)) continue;
      let aName = options.attributeNamePrefix + attrName;
      if (attrName.length) {
        if (options.transformAttributeName) {
          aName = options.transformAttributeName(aName);
        }
        aName = sanitizeName(aName, options);
        if (attrValue(matches[i]) !== void 0) {
          const oldVal = processedVals[i];
          const newVal = options.attributeValueProcessor(attrName, oldVal, jPathStr);
          if (newVal === null || newVal === void 0) {
            attrs[aName] = oldVal;
          } else if (typeof newVal !== typeof oldVal || newVal !== oldVal) {
            attrs[aName] = newVal;
          } else {
            attrs[aName] = parseValue(oldVal, options.parseAttributeValue, options.numberParseOptions);
          }
          hasAttrs = true;
        } else if (options.allowBooleanAttributes) {
          attrs[aName] = true;
          hasAttrs = true;
        }
      }
    }
    if (!hasAttrs) return;
    if (options.attributesGroupName && !options.preserveOrder) {
      const attrCollection = {};
      attrCollection[options.attributesGroupName] = attrs;
      return attrCollection;
    }
    return attrs;
  }
}
var parseXml = function(xmlData) {
  const options = this.options;
  const crlfPositions = options.captureMetaData ? [] : void 0;
  xmlData = xmlData.replace(/\r\n?/g, options.captureMetaData ? (newline, index) => {
    if (newline.length === 2) {
      crlfPositions.push(index - crlfPositions.length);
    }
    return "\n";
  } : "\n");
  const xmlObj = new XmlNode("!xml");
  let currentNode = xmlObj;
  let textData = "";
  this.matcher.reset();
  this.entityDecoder.reset();
  this.entityExpansionCount = 0;
  this.currentExpandedLength = 0;
  this.doctypefound = false;
  const docTypeReader = new DocTypeReader(options.processEntities);
  const xmlLen = xmlData.length;
  for (let i = 0; i < xmlLen; i++) {
    const ch = xmlData[i];
    if (ch === "<") {
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {
        const closeIndex = findClosingIndex(xmlData, ">", i, "Closing Tag is not closed.");
        let tagName = xmlData.substring(i + 2, closeIndex).trim();
        if (options.removeNSPrefix) {
          const colonIndex = tagName.indexOf(":");
          if (colonIndex !== -1) {
            tagName = tagName.substr(colonIndex + 1);
          }
        }
        tagName = transformTagName(options.transformTagName, tagName, "", options).tagName;
        if (currentNode) {
          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        }
        const lastTagName = this.matcher.getCurrentTag();
        if (tagName && options.unpairedTagsSet.has(tagName)) {
          throw new Error(`Unpaired tag can not be used as closing tag: </${tagName}>`);
        }
        if (lastTagName && options.unpairedTagsSet.has(lastTagName)) {
          this.matcher.pop();
          this.tagsNodeStack.pop();
        }
        this.matcher.pop();
        this.isCurrentNodeStopNode = false;
        currentNode = this.tagsNodeStack.pop() || xmlObj;
        if (options.captureMetaData && currentNode) {
          currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
        }
        textData = "";
        i = closeIndex;
      } else if (c1 === 63) {
        let tagData = readTagExp(xmlData, i, false, "?>");
        if (!tagData) throw new Error("Pi Tag is not closed.");
        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        const attsMap = this.buildAttributesMap(tagData.tagExp, this.matcher, tagData.tagName, true);
        if (attsMap) {
          const ver = attsMap[this.options.attributeNamePrefix + "version"];
          this.entityDecoder.setXmlVersion(Number(ver) || 1);
          docTypeReader.setXmlVersion(Number(ver) || 1);
        }
        if (options.ignoreDeclaration && tagData.tagName === "?xml" || options.ignorePiTags) {
        } else {
          const childNode = new XmlNode(tagData.tagName);
          childNode.add(options.textNodeName, "");
          if (tagData.tagName !== tagData.tagExp && tagData.attrExpPresent && options.ignoreAttributes !== true) {
            childNode[":@"] = attsMap;
          }
          const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
          if (options.captureMetaData) {
            currentNode.addEndIndex(getOriginalIndex(tagData.closeIndex + 2, crlfPositions));
          }
        }
        i = tagData.closeIndex + 1;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 45 && xmlData.charCodeAt(i + 3) === 45) {
        const endIndex = findClosingIndex(xmlData, "-->", i + 4, "Comment is not closed.");
        if (options.commentPropName) {
          const comment = xmlData.substring(i + 4, endIndex - 2);
          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
          currentNode.add(options.commentPropName, [{ [options.textNodeName]: comment }]);
        }
        i = endIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 68) {
        if (this.doctypefound) throw new Error("Multiple DOCTYPE declarations found.");
        this.doctypefound = true;
        const result = docTypeReader.readDocType(xmlData, i);
        this.entityDecoder.addInputEntities(result.entities);
        i = result.i;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 91) {
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "CDATA is not closed.") - 2;
        const tagExp = xmlData.substring(i + 9, closeIndex);
        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        let val2 = this.parseTextData(tagExp, currentNode.tagname, this.readonlyMatcher, true, false, true, true);
        if (val2 == void 0) val2 = "";
        if (options.cdataPropName) {
          currentNode.add(options.cdataPropName, [{ [options.textNodeName]: tagExp }]);
        } else {
          currentNode.add(options.textNodeName, val2);
        }
        i = closeIndex + 2;
      } else {
        let result = readTagExp(xmlData, i, options.removeNSPrefix);
        if (!result) {
          const context = xmlData.substring(Math.max(0, i - 50), Math.min(xmlLen, i + 50));
          throw new Error(`readTagExp returned undefined at position ${i}. Context: "${context}"`);
        }
        let tagName = result.tagName;
        const rawTagName = result.rawTagName;
        let tagExp = result.tagExp;
        let attrExpPresent = result.attrExpPresent;
        let closeIndex = result.closeIndex;
        ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));
        if (options.strictReservedNames && (tagName === options.commentPropName || tagName === options.cdataPropName || tagName === options.textNodeName || tagName === options.attributesGroupName)) {
          throw new Error(`Invalid tag name: ${tagName}`);
        }
        if (currentNode && textData) {
          if (currentNode.tagname !== "!xml") {
            textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher, false);
          }
        }
        const lastTag = currentNode;
        if (lastTag && options.unpairedTagsSet.has(lastTag.tagname)) {
          currentNode = this.tagsNodeStack.pop();
          this.matcher.pop();
        }
        let isSelfClosing = false;
        if (tagExp.length > 0 && tagExp.lastIndexOf("/") === tagExp.length - 1) {
          isSelfClosing = true;
          if (tagName[tagName.length - 1] === "/") {
            tagName = tagName.substr(0, tagName.length - 1);
            tagExp = tagName;
          } else {
            tagExp = tagExp.substr(0, tagExp.length - 1);
          }
          attrExpPresent = tagName !== tagExp;
        }
        let prefixedAttrs = null;
        let rawAttrs = {};
        let namespace = void 0;
        namespace = extractNamespace(rawTagName);
        if (tagName !== xmlObj.tagname) {
          this.matcher.push(tagName, {}, namespace);
        }
        if (tagName !== tagExp && attrExpPresent) {
          prefixedAttrs = this.buildAttributesMap(tagExp, this.matcher, tagName);
          if (prefixedAttrs) {
            rawAttrs = extractRawAttributes(prefixedAttrs, options);
          }
        }
        if (tagName !== xmlObj.tagname) {
          this.isCurrentNodeStopNode = this.isItStopNode();
        }
        const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
        if (this.isCurrentNodeStopNode) {
          let tagContent = "";
          if (isSelfClosing) {
            i = result.closeIndex;
          } else if (options.unpairedTagsSet.has(tagName)) {
            i = result.closeIndex;
          } else {
            const result2 = this.readStopNodeData(xmlData, rawTagName, closeIndex + 1);
            if (!result2) throw new Error(`Unexpected end of ${rawTagName}`);
            i = result2.i;
            tagContent = result2.tagContent;
          }
          const childNode = new XmlNode(tagName);
          if (prefixedAttrs) {
            childNode[":@"] = prefixedAttrs;
          }
          childNode.add(options.textNodeName, tagContent);
          this.matcher.pop();
          this.isCurrentNodeStopNode = false;
          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
          if (options.captureMetaData) {
            currentNode.addEndIndex(getOriginalIndex(i + 1, crlfPositions));
          }
        } else {
          if (isSelfClosing) {
            ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));
            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
            }
            this.matcher.pop();
            this.isCurrentNodeStopNode = false;
          } else if (options.unpairedTagsSet.has(tagName)) {
            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(result.closeIndex + 1, crlfPositions));
            }
            this.matcher.pop();
            this.isCurrentNodeStopNode = false;
            i = result.closeIndex;
            continue;
          } else {
            const childNode = new XmlNode(tagName);
            if (this.tagsNodeStack.length > options.maxNestedTags) {
              throw new Error("Maximum nested tags exceeded");
            }
            this.tagsNodeStack.push(currentNode);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            currentNode = childNode;
          }
          textData = "";
          i = closeIndex;
        }
      }
    } else {
      textData += xmlData[i];
    }
  }
  return xmlObj.child;
};
function getOriginalIndex(index, crlfPositions) {
  let low = 0;
  let high = crlfPositions.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (crlfPositions[middle] < index) low = middle + 1;
    else high = middle;
  }
  return index + low;
}
function addChild(currentNode, childNode, matcher, startIndex) {
  if (!this.options.captureMetaData) startIndex = void 0;
  const jPathOrMatcher = this.options.jPath ? matcher.toString() : matcher;
  const result = this.options.updateTag(childNode.tagname, jPathOrMatcher, childNode[":@"]);
  if (result === false) {
  } else if (typeof result === "string") {
    childNode.tagname = result;
    currentNode.addChild(childNode, startIndex);
  } else {
    currentNode.addChild(childNode, startIndex);
  }
}
function replaceEntitiesValue(val2, tagName, jPath) {
  const entityConfig = this.options.processEntities;
  if (!entityConfig || !entityConfig.enabled) {
    return val2;
  }
  if (entityConfig.allowedTags) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    const allowed = Array.isArray(entityConfig.allowedTags) ? entityConfig.allowedTags.includes(tagName) : entityConfig.allowedTags(tagName, jPathOrMatcher);
    if (!allowed) {
      return val2;
    }
  }
  if (entityConfig.tagFilter) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    if (!entityConfig.tagFilter(tagName, jPathOrMatcher)) {
      return val2;
    }
  }
  return this.entityDecoder.decode(val2);
}
function saveTextToParentTag(textData, parentNode, matcher, isLeafNode) {
  if (textData) {
    if (isLeafNode === void 0) isLeafNode = parentNode.child.length === 0;
    textData = this.parseTextData(
      textData,
      parentNode.tagname,
      matcher,
      false,
      parentNode[":@"] ? Object.keys(parentNode[":@"]).length !== 0 : false,
      isLeafNode
    );
    if (textData !== void 0 && textData !== "")
      parentNode.add(this.options.textNodeName, textData);
    textData = "";
  }
  return textData;
}
function isItStopNode() {
  if (this.stopNodeExpressionsSet.size === 0) return false;
  return this.matcher.matchesAny(this.stopNodeExpressionsSet);
}
function tagExpWithClosingIndex(xmlData, i, closingChar = ">") {
  const len = xmlData.length;
  const closeCode0 = closingChar.charCodeAt(0);
  const closeCode1 = closingChar.length > 1 ? closingChar.charCodeAt(1) : -1;
  let result = "";
  let segmentStart = i;
  for (let index = i; index < len; index++) {
    const code = xmlData.charCodeAt(index);
    if (code === 34 || code === 39) {
      index = xmlData.indexOf(xmlData[index], index + 1);
      if (index === -1) return;
    } else if (code === closeCode0) {
      if (closeCode1 !== -1) {
        if (xmlData.charCodeAt(index + 1) === closeCode1) {
          result += xmlData.substring(segmentStart, index);
          return { data: result, index };
        }
      } else {
        result += xmlData.substring(segmentStart, index);
        return { data: result, index };
      }
    } else if (code === 9) {
      result += xmlData.substring(segmentStart, index) + " ";
      segmentStart = index + 1;
    }
  }
}
function findClosingIndex(xmlData, str6, i, errMsg) {
  const closingIndex = xmlData.indexOf(str6, i);
  if (closingIndex === -1) {
    throw new Error(errMsg);
  } else {
    return closingIndex + str6.length - 1;
  }
}
function findClosingChar(xmlData, char, i, errMsg) {
  const closingIndex = xmlData.indexOf(char, i);
  if (closingIndex === -1) throw new Error(errMsg);
  return closingIndex;
}
function readTagExp(xmlData, i, removeNSPrefix, closingChar = ">") {
  const result = tagExpWithClosingIndex(xmlData, i + 1, closingChar);
  if (!result) return;
  let tagExp = result.data;
  const closeIndex = result.index;
  const separatorIndex = tagExp.search(/\s/);
  let tagName = tagExp;
  let attrExpPresent = true;
  if (separatorIndex !== -1) {
    tagName = tagExp.substring(0, separatorIndex);
    tagExp = tagExp.substring(separatorIndex + 1).trimStart();
  }
  const rawTagName = tagName;
  if (removeNSPrefix) {
    const colonIndex = tagName.indexOf(":");
    if (colonIndex !== -1) {
      tagName = tagName.substr(colonIndex + 1);
      attrExpPresent = tagName !== result.data.substr(colonIndex + 1);
    }
  }
  return {
    tagName,
    tagExp,
    closeIndex,
    attrExpPresent,
    rawTagName
  };
}
function readStopNodeData(xmlData, tagName, i) {
  const startIndex = i;
  let openTagCount = 1;
  let lenient = false;
  let nextGt = -1;
  const xmllen = xmlData.length;
  for (; i < xmllen; i++) {
    if (xmlData[i] === "<") {
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {
        const closeIndex = findClosingChar(xmlData, ">", i, `${tagName} is not closed`);
        let closeTagName = xmlData.substring(i + 2, closeIndex).trim();
        if (closeTagName === tagName) {
          openTagCount--;
          if (openTagCount === 0) {
            return {
              tagContent: xmlData.substring(startIndex, i),
              i: closeIndex
            };
          }
        }
        i = closeIndex;
      } else if (c1 === 63) {
        const closeIndex = findClosingIndex(xmlData, "?>", i + 1, "StopNode is not closed.");
        i = closeIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 45 && xmlData.charCodeAt(i + 3) === 45) {
        const closeIndex = findClosingIndex(xmlData, "-->", i + 3, "StopNode is not closed.");
        i = closeIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 91) {
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "StopNode is not closed.") - 2;
        i = closeIndex;
      } else {
        const tagData = lenient ? void 0 : readTagExp(xmlData, i, false);
        if (tagData) {
          const openTagName = tagData.tagName;
          if (openTagName === tagName && tagData.tagExp[tagData.tagExp.length - 1] !== "/") {
            openTagCount++;
          }
          i = tagData.closeIndex;
        } else {
          lenient = true;
          if (nextGt < i) {
            nextGt = xmlData.indexOf(">", i);
            if (nextGt === -1) return;
          }
          const nextLt = xmlData.indexOf("<", i + 1);
          if (nextLt === -1 || nextLt > nextGt) {
            const exp = xmlData.substring(i + 1, nextGt);
            const sep2 = exp.search(/\s/);
            const name = sep2 === -1 ? exp : exp.substring(0, sep2);
            if (name === tagName && exp[exp.length - 1] !== "/") openTagCount++;
            i = nextGt;
          }
        }
      }
    }
  }
}
function parseValue(val2, shouldParse, options) {
  if (shouldParse && typeof val2 === "string") {
    const newval = val2.trim();
    if (newval === "true") return true;
    else if (newval === "false") return false;
    else return toNumber(val2, options);
  } else {
    if (isExist(val2)) {
      return val2;
    } else {
      return "";
    }
  }
}
function transformTagName(fn, tagName, tagExp, options) {
  if (fn) {
    const newTagName = fn(tagName);
    if (tagExp === tagName) {
      tagExp = newTagName;
    }
    tagName = newTagName;
  }
  tagName = sanitizeName(tagName, options);
  return { tagName, tagExp };
}
function sanitizeName(name, options) {
  if (criticalProperties.includes(name)) {
    throw new Error(`[SECURITY] Invalid name: "${name}" is a reserved JavaScript keyword that could cause prototype pollution`);
  } else if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return options.onDangerousProperty(name);
  }
  return name;
}

// node_modules/fast-xml-parser/src/xmlparser/node2json.js
var METADATA_SYMBOL2 = XmlNode.getMetaDataSymbol();
function stripAttributePrefix(attrs, prefix) {
  if (!attrs || typeof attrs !== "object") return {};
  if (!prefix) return attrs;
  const rawAttrs = {};
  for (const key in attrs) {
    if (key.startsWith(prefix)) {
      const rawName = key.substring(prefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}
function prettify(node, options, matcher, readonlyMatcher) {
  return compress(node, options, matcher, readonlyMatcher);
}
function compress(arr2, options, matcher, readonlyMatcher) {
  let text3;
  const compressedObj = {};
  for (let i = 0; i < arr2.length; i++) {
    const tagObj = arr2[i];
    const property = propName(tagObj);
    if (property !== void 0 && property !== options.textNodeName) {
      const rawAttrs = stripAttributePrefix(
        tagObj[":@"] || {},
        options.attributeNamePrefix
      );
      matcher.push(property, rawAttrs);
    }
    if (property === options.textNodeName) {
      if (text3 === void 0) text3 = tagObj[property];
      else text3 += "" + tagObj[property];
    } else if (property === void 0) {
      continue;
    } else if (tagObj[property]) {
      let val2 = compress(tagObj[property], options, matcher, readonlyMatcher);
      const isLeaf = isLeafTag(val2, options);
      if (Object.keys(val2).length === 0 && options.alwaysCreateTextNode) {
        val2[options.textNodeName] = "";
      }
      if (tagObj[":@"]) {
        assignAttributes(val2, tagObj[":@"], readonlyMatcher, options);
      } else if (Object.keys(val2).length === 1 && val2[options.textNodeName] !== void 0 && !options.alwaysCreateTextNode) {
        val2 = val2[options.textNodeName];
      } else if (Object.keys(val2).length === 0) {
        if (options.alwaysCreateTextNode) val2[options.textNodeName] = "";
        else val2 = "";
      }
      if (tagObj[METADATA_SYMBOL2] !== void 0 && typeof val2 === "object" && val2 !== null) {
        val2[METADATA_SYMBOL2] = tagObj[METADATA_SYMBOL2];
      }
      if (compressedObj[property] !== void 0 && Object.prototype.hasOwnProperty.call(compressedObj, property)) {
        if (!Array.isArray(compressedObj[property])) {
          compressedObj[property] = [compressedObj[property]];
        }
        compressedObj[property].push(val2);
      } else {
        const jPathOrMatcher = options.jPath ? readonlyMatcher.toString() : readonlyMatcher;
        if (options.isArray(property, jPathOrMatcher, isLeaf)) {
          compressedObj[property] = [val2];
        } else {
          compressedObj[property] = val2;
        }
      }
      if (property !== void 0 && property !== options.textNodeName) {
        matcher.pop();
      }
    }
  }
  if (typeof text3 === "string") {
    if (text3.length > 0) compressedObj[options.textNodeName] = text3;
  } else if (text3 !== void 0) compressedObj[options.textNodeName] = text3;
  return compressedObj;
}
function propName(obj) {
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== ":@") return key;
  }
}
function assignAttributes(obj, attrMap, readonlyMatcher, options) {
  if (attrMap) {
    const keys = Object.keys(attrMap);
    const len = keys.length;
    for (let i = 0; i < len; i++) {
      const atrrName = keys[i];
      const rawAttrName = atrrName.startsWith(options.attributeNamePrefix) ? atrrName.substring(options.attributeNamePrefix.length) : atrrName;
      const jPathOrMatcher = options.jPath ? readonlyMatcher.toString() + "." + rawAttrName : readonlyMatcher;
      if (options.isArray(atrrName, jPathOrMatcher, true, true)) {
        obj[atrrName] = [attrMap[atrrName]];
      } else {
        obj[atrrName] = attrMap[atrrName];
      }
    }
  }
}
function isLeafTag(obj, options) {
  const { textNodeName } = options;
  const propCount = Object.keys(obj).length;
  if (propCount === 0) {
    return true;
  }
  if (propCount === 1 && (obj[textNodeName] || typeof obj[textNodeName] === "boolean" || obj[textNodeName] === 0)) {
    return true;
  }
  return false;
}

// node_modules/fast-xml-parser/src/xmlparser/XMLParser.js
var XMLParser = class {
  constructor(options) {
    this.externalEntities = {};
    this.options = buildOptions(options);
  }
  /**
   * Parse XML dats to JS object 
   * @param {string|Uint8Array} xmlData 
   * @param {boolean|Object} validationOption 
   */
  parse(xmlData, validationOption) {
    if (typeof xmlData !== "string" && xmlData.toString) {
      if (xmlData instanceof Uint8Array && !(typeof Buffer !== "undefined" && Buffer.isBuffer(xmlData))) {
        xmlData = new TextDecoder("utf-8", { ignoreBOM: true }).decode(xmlData);
      } else {
        xmlData = xmlData.toString();
      }
    } else if (typeof xmlData !== "string") {
      throw new Error("XML data is accepted in String or Bytes[] form.");
    }
    if (validationOption) {
      if (validationOption === true) validationOption = {};
      const result = validate(xmlData, validationOption);
      if (result !== true) {
        throw Error(`${result.err.msg}:${result.err.line}:${result.err.col}`);
      }
    }
    const orderedObjParser = new OrderedObjParser(this.options, this.externalEntities);
    const orderedResult = orderedObjParser.parseXml(xmlData);
    if (this.options.preserveOrder || orderedResult === void 0) return orderedResult;
    else return prettify(orderedResult, this.options, orderedObjParser.matcher, orderedObjParser.readonlyMatcher);
  }
  /**
   * Add Entity which is not by default supported by this library
   * @param {string} key 
   * @param {string} value 
   */
  addEntity(key, value) {
    if (value.indexOf("&") !== -1) {
      throw new Error("Entity value can't have '&'");
    } else if (key.indexOf("&") !== -1 || key.indexOf(";") !== -1) {
      throw new Error("An entity must be set without '&' and ';'. Eg. use '#xD' for '&#xD;'");
    } else if (value === "&") {
      throw new Error("An entity with value '&' is not permitted");
    } else {
      this.externalEntities[key] = value;
    }
  }
  /**
   * Returns a Symbol that can be used to access the metadata
   * property on a node.
   * 
   * If Symbol is not available in the environment, an ordinary property is used
   * and the name of the property is here returned.
   * 
   * The XMLMetaData property is only present when `captureMetaData`
   * is true in the options.
   */
  static getMetaDataSymbol() {
    return XmlNode.getMetaDataSymbol();
  }
};

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
  const norm2 = roots.map((root) => root.replace(/\\/g, "/").replace(/\/+$/, ""));
  normalizedRoots.set(roots, { copy: [...roots], norm: norm2 });
  return norm2;
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
function sarifVersionError(doc) {
  const version = doc.version;
  if (typeof version === "string" && /^1\./.test(version))
    return `SARIF ${version} is not supported; only SARIF 2.1.0 is (convert 1.0 logs with the SARIF Multitool "transform" command)`;
  if (version !== void 0 && version !== "2.1.0" && !(typeof version === "string" && version.startsWith("2.1")))
    return `unknown SARIF version ${typeof version === "string" ? JSON.stringify(version.slice(0, 40)) : `(a ${Array.isArray(version) ? "list" : typeof version})`}; expected "2.1.0"`;
  return void 0;
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
  const toolName2 = str(driver.name) ?? "unknown";
  const toolVersion = str(driver.semanticVersion) ?? str(driver.version) ?? null;
  const components = [{ name: toolName2, rules: Array.isArray(driver.rules) ? driver.rules : [] }];
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
        const text3 = isObj(n.message) ? str(n.message.text) : void 0;
        errors.push(text3 ? text3.slice(0, 300) : "tool execution error");
      }
    }
  }
  const secretTool = SECRET_TOOLS.test(toolName2);
  return {
    runIndex,
    toolName: toolName2,
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
    scan: { tool: { name: toolName2, version: toolVersion }, categories: [], success, errors },
    categories: /* @__PURE__ */ new Set(),
    toolClass: toolClassOf(toolName2),
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
    const strings2 = rule && isObj(rule.messageStrings) ? rule.messageStrings : {};
    const ms = strings2[id] ?? rc.globalMessageStrings[id];
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
function toolClassOf(toolName2) {
  const t = toolName2.toLowerCase();
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
function inferCategory(toolName2, ruleId, tags, vulnIds3, file) {
  return categoryOf(toolClassOf(toolName2), tagBitsOf(tags), vulnIds3.length, ruleId, file);
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
  const secretValues2 = [];
  if (props) {
    for (const k of SECRET_PROPS)
      if (typeof props[k] === "string" && props[k].length >= 4) secretValues2.push(props[k]);
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
    secretValues: secretValues2,
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
  const list2 = Array.isArray(result.suppressions) ? result.suppressions.filter(isObj) : [];
  if (list2.length === 0) return { suppression: null, suppressed: false };
  const suppressed = list2.every((s) => s.status === void 0 || s.status === "accepted");
  const first = list2.find((s) => s.status === void 0 || s.status === "accepted") ?? list2[0];
  return {
    suppressed,
    suppression: {
      kind: str(first.kind) ?? "unknown",
      status: str(first.status) ?? (suppressed ? "accepted" : null),
      justification: str(first.justification) ?? null
    }
  };
}
function packageFromMessage(text3) {
  const trivy = /Package: ([^\n]+)\nInstalled Version: ([^\n]+)/.exec(text3);
  if (trivy) {
    const fixed = /Fixed Version: ([^\n]*)/.exec(text3)?.[1]?.trim();
    return {
      name: trivy[1].trim(),
      version: trivy[2].trim(),
      fixed_version: fixed || null,
      ecosystem: null,
      purl: null
    };
  }
  const grype = /reports (\S+) at version (\S+)\s+which would result in a vulnerable \(([^)]+)\)/.exec(text3);
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
  const vulnIds3 = vulnIdsFrom(rc, ruleId, info, resultTags, rp);
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
    vulnIds3.length,
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
  const text3 = messageText(rc, result, rule);
  const nl = text3.indexOf("\n");
  const firstLine2 = (nl < 0 ? text3 : text3.slice(0, nl)).trim();
  const ruleTitle = info.ruleTitle;
  const title = nl >= 0 && ruleTitle || firstLine2 || ruleTitle || ruleId || "SARIF result";
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
  const pkg = category === "sca" || category === "container" || category === "license" ? packageFromMessage(text3) : null;
  const cvssScore = info.cvssScore;
  const commit = category === "secret" && rp ? str(rp.commit) : void 0;
  return {
    title,
    description: text3 || info.fullDescription || null,
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
    cve: vulnIds3,
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
function categoryOfTool(toolName2) {
  const t = toolName2.toLowerCase();
  if (SECRET_TOOLS.test(t)) return "secret";
  if (MOBILE_TOOLS.test(t)) return "mobile";
  if (DAST_TOOLS.test(t)) return "dast";
  if (IAC_TOOLS.test(t)) return "iac";
  if (SCA_TOOLS.test(t)) return "sca";
  if (/codeql|semgrep|bandit|gosec|brakeman|eslint|spotbugs|sonar|snyk ?code|devskim|flawfinder|psalm|phpstan/.test(
    t
  ))
    return "sast";
  return void 0;
}
function finishRun(rc) {
  if (rc.categories.size === 0) {
    const c = categoryOfTool(rc.toolName);
    if (c) rc.categories.add(c);
  }
  return { ...rc.scan, categories: [...rc.categories].sort() };
}
function detect(s) {
  const d = s.doc;
  if (isObj(d)) {
    if (!Array.isArray(d.runs)) return 0;
    const schema = typeof d.$schema === "string" ? d.$schema : "";
    if (/sarif/i.test(schema) || typeof d.version === "string") return 1;
    return 0.6;
  }
  return /"\$schema"\s*:\s*"[^"]*sarif/i.test(s.head) || /"runs"\s*:/.test(s.head) && /"version"\s*:\s*"2\.1/.test(s.head) ? 0.9 : 0;
}
function parseSarif(doc, ctx) {
  if (!isObj(doc) || !Array.isArray(doc.runs))
    throw new UserError('not a SARIF log: expected an object with a "runs" array', ctx.file);
  const verr = sarifVersionError(doc);
  if (verr) throw new UserError(verr, ctx.file);
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  doc.runs.forEach((run, runIndex) => {
    const rc = createRunContext(run, runIndex, ctx.file);
    const results = Array.isArray(run.results) ? run.results : [];
    results.forEach((r, i) => {
      const d = resultToDraft(rc, r, i, out.secrets);
      if (d) out.findings.push(d);
    });
    out.scans.push(finishRun(rc));
    out.warnings.push(...rc.warnings);
  });
  return out;
}
var sarifParser = {
  id: "sarif",
  input: "json",
  docs: {
    title: "SARIF 2.1.0 (any tool)",
    produce: "CodeQL: `codeql database analyze db --format=sarif-latest --output=codeql.sarif`; Semgrep: `semgrep scan --sarif -o semgrep.sarif`; Trivy: `trivy image --format sarif -o trivy.sarif IMAGE`; most scanners have a SARIF option",
    takes: "one record per result of kind fail/open/review (absent = fail); rule, level/security-severity, CWE (tags, properties, taxa), CVE/GHSA, message, repo-relative path and lines, fingerprints, suppressions, baselineState, tool name and version; snippets are never copied"
  },
  detect,
  parse: parseSarif
};

// src/parsers/head-doc.ts
var CUT = /* @__PURE__ */ new WeakSet();
function isCut(v) {
  return typeof v === "object" && v !== null && CUT.has(v);
}
var lastHead;
var lastDoc;
function sniffDoc(s) {
  if (s.doc !== void 0) return { doc: s.doc, cut: false };
  if (s.head !== lastHead) {
    lastHead = s.head;
    lastDoc = parseHead(s.head);
  }
  return lastDoc;
}
var END = /* @__PURE__ */ Symbol("end");
var NotJson = class extends Error {
};
var MAX_DEPTH = 200;
function parseHead(text3) {
  let i = 0;
  const n = text3.length;
  const ws = () => {
    while (i < n) {
      const c = text3.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const str6 = () => {
    const start = i;
    i++;
    for (; ; ) {
      const q = text3.indexOf('"', i);
      if (q < 0) throw END;
      let k = q - 1;
      while (text3.charCodeAt(k) === 92) k--;
      i = q + 1;
      if ((q - 1 - k) % 2 === 0) break;
    }
    try {
      return JSON.parse(text3.slice(start, i));
    } catch {
      throw new NotJson();
    }
  };
  const value = (depth) => {
    if (depth > MAX_DEPTH) throw new NotJson();
    ws();
    if (i >= n) throw END;
    const c = text3[i];
    if (c === "{") {
      i++;
      const o = {};
      for (let first = true; ; first = false) {
        ws();
        if (i >= n) return cut(o);
        if (text3[i] === "}" && first) {
          i++;
          return { v: o, cut: false };
        }
        if (!first) {
          if (text3[i] === "}") {
            i++;
            return { v: o, cut: false };
          }
          if (text3[i] !== ",") throw new NotJson();
          i++;
          ws();
          if (i >= n) return cut(o);
        }
        if (text3[i] !== '"') throw new NotJson();
        let key;
        try {
          key = str6();
          ws();
          if (i >= n) return cut(o);
          if (text3[i] !== ":") throw new NotJson();
          i++;
          const m2 = value(depth + 1);
          Object.defineProperty(o, key, { value: m2.v, writable: true, enumerable: true, configurable: true });
          if (m2.cut) return cut(o);
        } catch (e) {
          if (e === END) return cut(o);
          throw e;
        }
      }
    }
    if (c === "[") {
      i++;
      const a = [];
      for (let first = true; ; first = false) {
        ws();
        if (i >= n) return cut(a);
        if (text3[i] === "]") {
          i++;
          return { v: a, cut: false };
        }
        if (!first) {
          if (text3[i] !== ",") throw new NotJson();
          i++;
        }
        try {
          const m2 = value(depth + 1);
          a.push(m2.v);
          if (m2.cut) return cut(a);
        } catch (e) {
          if (e === END) return cut(a);
          throw e;
        }
      }
    }
    if (c === '"') return { v: str6(), cut: false };
    if (c === "t" || c === "f" || c === "n") {
      for (const lit of ["true", "false", "null"]) {
        const part = text3.slice(i, i + lit.length);
        if (part === lit) {
          i += lit.length;
          return { v: JSON.parse(lit), cut: false };
        }
        if (i + part.length >= n && lit.startsWith(part)) throw END;
      }
      throw new NotJson();
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text3.slice(i, i + 400));
    if (/^[-+.eE\d]*$/.test(text3.slice(i, i + 401)) && i + 400 >= n) throw END;
    if (!m) throw new NotJson();
    i += m[0].length;
    return { v: JSON.parse(m[0]), cut: false };
  };
  const cut = (o) => {
    CUT.add(o);
    return { v: o, cut: true };
  };
  try {
    const root = value(0);
    if (!root.cut) {
      ws();
      if (i < n) return void 0;
    }
    return { doc: root.v, cut: root.cut };
  } catch (e) {
    if (e === END || e instanceof NotJson) return void 0;
    throw e;
  }
}

// src/stream/spec-walk.ts
var esc = (p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1");
var pointerOf = (path3) => path3.map((p) => "/" + esc(p)).join("");
function lastToken(pointer) {
  return pointer.slice(pointer.lastIndexOf("/") + 1).replace(/~1/g, "/").replace(/~0/g, "~");
}
var parentPointer = (pointer) => pointer.slice(0, pointer.lastIndexOf("/"));
var isPlainObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function rootSpec(spec, root) {
  if (spec.type !== "root") return spec;
  return Array.isArray(root) ? spec.array : isPlainObject(root) ? spec.object : void 0;
}
function containersOf(spec, doc) {
  const found = [];
  const walk = (s, node, path3) => {
    if (!s) return;
    switch (s.type) {
      case "root":
        walk(rootSpec(s, node), node, path3);
        return;
      case "object":
        if (!isPlainObject(node)) return;
        for (const key of Object.keys(s.members))
          if (Object.prototype.hasOwnProperty.call(node, key))
            walk(s.members[key], node[key], [...path3, key]);
        return;
      case "array":
        if (Array.isArray(node)) node.forEach((v, i) => walk(s.each, v, [...path3, i]));
        return;
      case "items":
        if (s.of === "object" ? isPlainObject(node) : Array.isArray(node))
          found.push({
            value: node,
            pointer: pointerOf(path3),
            discard: s.discard === true
          });
        return;
    }
  };
  walk(spec, doc, []);
  return found;
}
function eachItem(c, fn) {
  if (Array.isArray(c.value)) {
    for (let i = 0; i < c.value.length; i++) if (fn(`${c.pointer}/${i}`, c.value[i]) === true) return;
    return;
  }
  const map = c.value;
  for (const k of Object.keys(map)) if (fn(`${c.pointer}/${esc(k)}`, map[k]) === true) return;
}
function runWhole(def, doc, file) {
  const ctx = def.begin(doc, file);
  const containers = containersOf(def.spec, doc).filter((c) => !c.discard);
  if (def.scout) {
    for (const c of containers) {
      const see = def.scout(ctx, c.pointer);
      if (see) eachItem(c, (pointer, v) => see(v, pointer));
    }
  }
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
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
var PendingWarnings = class {
  constructor(out) {
    this.out = out;
  }
  out;
  list = [];
  head = 0;
  add(pos, text3) {
    this.list.push({ pos, text: text3 });
  }
  /** Release the warnings at positions below `pos` (call with increasing `pos`). */
  flush(pos = Infinity) {
    while (this.head < this.list.length && this.list[this.head].pos < pos)
      this.out.push(this.list[this.head++].text);
  }
};

// src/parsers/sca-common.ts
function isObj2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function str2(v) {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string") return void 0;
  const t = v.trim();
  return t === "" || t === "None" || t === "null" ? void 0 : t;
}
function num(v) {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return void 0;
}
function arr(v) {
  return Array.isArray(v) ? v : [];
}
function strings(v) {
  if (typeof v === "string") return str2(v) ? [v.trim()] : [];
  return arr(v).map(str2).filter((s) => s !== void 0);
}
function vulnIds(...groups) {
  const all = groups.flatMap((g) => strings(g));
  const uniq = [...new Set(all)];
  return [...uniq.filter((i) => /^CVE-/i.test(i)), ...uniq.filter((i) => !/^CVE-/i.test(i))];
}
function cvssVersionOf(vector, fallback = null) {
  if (!vector) return fallback;
  const m = /^CVSS:(\d\.\d)/.exec(vector);
  if (m) return m[1];
  if (/^\(?AV:[LANP]\//.test(vector)) return "2.0";
  return fallback;
}
function cvssOf(score, vector, version = null) {
  const s = num(score);
  const v = str2(vector) ?? null;
  if (s === void 0 && v === null) return null;
  return {
    score: s !== void 0 && s >= 0 && s <= 10 ? s : null,
    vector: v,
    version: cvssVersionOf(v ?? void 0, version)
  };
}
function pickSeverity(word, cvss, fallback = "medium") {
  const w = typeof word === "string" ? wordToSeverity(word) : void 0;
  if (w) return { severity: w, severity_source: "tool", source_severity: String(word) };
  if (cvss?.score != null)
    return {
      severity: cvssToSeverity(cvss.score),
      severity_source: "cvss",
      source_severity: String(cvss.score)
    };
  return {
    severity: fallback,
    severity_source: "default",
    source_severity: typeof word === "string" && word ? word : null
  };
}
function cwesOf(...vals) {
  const out = [];
  const add = (v) => {
    if (typeof v === "number" && v > 0) out.push(`CWE-${v}`);
    else if (typeof v === "string") {
      for (const m of v.matchAll(/CWE[-_ ]?(\d{1,5})/gi))
        if (Number(m[1]) > 0) out.push(`CWE-${Number(m[1])}`);
      if (/^\d{1,5}$/.test(v.trim()) && Number(v) > 0) out.push(`CWE-${Number(v)}`);
    } else if (Array.isArray(v)) v.forEach(add);
    else if (isObj2(v)) add(v.cweId ?? v.id ?? v.cwe);
  };
  vals.forEach(add);
  return [...new Set(out)];
}
function purlType(purl) {
  const m = purl ? /^pkg:([a-z0-9.+-]+)\//i.exec(purl) : null;
  return m ? m[1].toLowerCase() : null;
}
function cmpVersion(a, b) {
  const pa = a.split(/[.\-+_]/);
  const pb = b.split(/[.\-+_]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "0";
    const y = pb[i] ?? "0";
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return 0;
}

// src/parsers/trivy/index.ts
var OS_TYPES = /^(alpine|alma|amazon|azurelinux|bottlerocket|cbl-mariner|centos|chainguard|debian|echo|fedora|mariner|minimos|opensuse.*|oracle|photon|redhat|rocky|sles|suse.*|ubuntu|wolfi|coreos)$/i;
function stateOf(status) {
  switch (status) {
    case void 0:
      return { state: "open", reason: null };
    case "not_affected":
      return {
        state: "not_applicable",
        reason: "Trivy status not_affected (VEX/vendor: this package is not affected)"
      };
    case "will_not_fix":
      return { state: "open", reason: "Trivy status will_not_fix: the vendor will not fix it" };
    case "end_of_life":
      return { state: "open", reason: "Trivy status end_of_life: the package is out of vendor support" };
    case "fixed":
      return { state: "open", reason: null };
    default:
      return {
        state: "open",
        reason: status === "affected" || status === "unknown" ? null : `Trivy status ${status}`
      };
  }
}
function classOf(r, isImage) {
  const c = str2(r.Class);
  if (c) return c;
  const type = str2(r.Type);
  if (type && OS_TYPES.test(type)) return "os-pkgs";
  if (isImage && /\([^()]+\)$/.test(str2(r.Target) ?? "")) return "os-pkgs";
  return "lang-pkgs";
}
function vulnCategory(f, rc) {
  return rc.cls === "os-pkgs" || f.isImage || rc.workload ? "container" : "sca";
}
function bestCvss(v) {
  const all = isObj2(v.CVSS) ? v.CVSS : {};
  const sources = ["nvd", ...Object.keys(all).filter((k) => k !== "nvd")];
  for (const s of sources) {
    const c = all[s];
    if (isObj2(c) && (num(c.V3Score) !== void 0 || str2(c.V3Vector)))
      return cvssOf(c.V3Score, c.V3Vector, "3.x");
  }
  for (const s of sources) {
    const c = all[s];
    if (isObj2(c) && (num(c.V2Score) !== void 0 || str2(c.V2Vector)))
      return cvssOf(c.V2Score, c.V2Vector, "2.0");
  }
  return null;
}
function vulnDraft(f, rc, v, pointer, modified) {
  const id = str2(v.VulnerabilityID);
  const pkgName = str2(v.PkgName);
  if (!id) {
    f.warnings.push(`${pointer}: vulnerability without VulnerabilityID; skipped`);
    return void 0;
  }
  const installed = str2(v.InstalledVersion) ?? null;
  const cvss = bestCvss(v);
  const sev = pickSeverity(v.Severity, cvss, "medium");
  const category = vulnCategory(f, rc);
  const purl = isObj2(v.PkgIdentifier) ? str2(v.PkgIdentifier.PURL) ?? null : null;
  let { state, reason } = stateOf(str2(v.Status));
  let suppression = null;
  if (modified) {
    const st = str2(modified.Status);
    const statement = str2(modified.Statement) ?? null;
    const source = str2(modified.Source) ?? null;
    const why = [statement, source ? `source: ${source}` : null].filter(Boolean).join("; ") || null;
    if (st === "not_affected") state = "not_applicable";
    else if (st === "ignored") state = "accepted_risk";
    else state = "suppressed";
    reason = `Trivy ${st ?? "modified"} finding${why ? `: ${why}` : ""}`;
    suppression = {
      kind: st === "not_affected" ? "vex" : "trivyignore",
      status: "accepted",
      justification: why
    };
  }
  const fileLoc = rc.cls === "os-pkgs" ? f.isImage || rc.image ? null : rc.target : rc.target ?? str2(v.PkgPath) ?? null;
  return {
    title: [id, pkgName, installed].filter(Boolean).join(" "),
    description: [str2(v.Title), str2(v.Description)].filter(Boolean).join("\n\n") || null,
    category,
    rule_id: id,
    rule_name: str2(v.Title) ?? null,
    ...sev,
    state,
    state_reason: reason,
    suppression,
    cwe: cwesOf(v.CweIDs),
    cve: [
      id,
      ...arr(v.VendorIDs).filter((x) => typeof x === "string" && /^(CVE|GHSA)-/i.test(x))
    ],
    cvss,
    package: pkgName ? {
      name: pkgName,
      version: installed,
      fixed_version: str2(v.FixedVersion) ?? null,
      ecosystem: rc.type?.toLowerCase() ?? purlType(purl ?? void 0),
      purl
    } : null,
    location: {
      file: fileLoc,
      image: rc.image,
      resource: rc.workload
    },
    service: rc.workload,
    fingerprints: str2(v.Fingerprint) ? { trivy: v.Fingerprint } : {},
    help_uri: str2(v.PrimaryURL) ?? null,
    pointer
  };
}
function misconfDraft(f, rc, m, pointer) {
  const status = str2(m.Status) ?? "FAIL";
  if (status !== "FAIL") return void 0;
  const id = str2(m.ID) ?? str2(m.AVDID);
  const cm = isObj2(m.CauseMetadata) ? m.CauseMetadata : {};
  const sev = pickSeverity(m.Severity, null, "medium");
  return {
    title: [id, str2(m.Title)].filter(Boolean).join(" - ") || "Trivy misconfiguration",
    description: [str2(m.Description), str2(m.Message), str2(m.Resolution) ? `Resolution: ${m.Resolution}` : void 0].filter(Boolean).join("\n\n") || null,
    category: "iac",
    rule_id: id ?? null,
    rule_name: str2(m.Title) ?? null,
    ...sev,
    state: "open",
    location: {
      file: rc.workload ? null : rc.target,
      start_line: num(cm.StartLine) ?? null,
      end_line: num(cm.EndLine) ?? null,
      resource: rc.workload ?? str2(cm.Resource) ?? null
    },
    service: rc.workload,
    tags: [str2(m.Type), str2(cm.Provider), str2(cm.Service)].filter((x) => !!x),
    help_uri: str2(m.PrimaryURL) ?? null,
    pointer
  };
}
function secretDraft(rc, s, pointer, secrets) {
  const match = str2(s.Match);
  if (match) secrets.push(match);
  const lines = isObj2(s.Code) ? arr(s.Code.Lines) : [];
  for (const l of lines) {
    if (!isObj2(l)) continue;
    for (const k of ["Content", "Highlighted"])
      if (typeof l[k] === "string" && l[k].trim().length >= 4) secrets.push(l[k].trim());
  }
  const sev = pickSeverity(s.Severity, null, "critical");
  const title = str2(s.Title) ?? str2(s.RuleID) ?? "secret";
  return {
    title: `Secret detected in ${rc.target ?? "target"} - ${title}`,
    description: str2(s.Category) ? `${s.Category}: ${title}` : title,
    category: "secret",
    rule_id: str2(s.RuleID) ?? null,
    rule_name: str2(s.Title) ?? null,
    ...sev,
    state: "open",
    location: {
      file: rc.target,
      start_line: num(s.StartLine) ?? null,
      end_line: num(s.EndLine) ?? null,
      image: rc.image,
      resource: rc.workload
    },
    service: rc.workload,
    secret: match ?? null,
    pointer
  };
}
function licenseDraft(rc, l, pointer) {
  const name = str2(l.Name) ?? "unknown license";
  const pkg = str2(l.PkgName);
  const sev = pickSeverity(l.Severity, null, "medium");
  return {
    title: `License detected in ${rc.target ?? "target"} - ${name}${pkg ? ` (${pkg})` : ""}`,
    description: str2(l.Category) ? `license ${name}, category ${l.Category}` : `license ${name}`,
    category: "license",
    rule_id: name,
    ...sev,
    tool_confidence: l.Confidence !== void 0 && l.Confidence !== null ? String(l.Confidence) : null,
    state: "open",
    package: pkg ? { name: pkg, version: null, fixed_version: null, ecosystem: null, purl: null } : null,
    location: { file: str2(l.FilePath) ?? rc.target, image: rc.image, resource: rc.workload },
    service: rc.workload,
    tags: str2(l.Category) ? [`license-category:${l.Category}`] : [],
    help_uri: str2(l.Link) ?? null,
    pointer
  };
}
function categoryOfClass(f, rc) {
  switch (rc.cls) {
    case "os-pkgs":
    case "lang-pkgs":
      return vulnCategory(f, rc);
    case "config":
      return "iac";
    case "secret":
      return "secret";
    case "license":
    case "license-file":
      return "license";
    default:
      return void 0;
  }
}
var ITEM_KEYS = [
  "Vulnerabilities",
  "Misconfigurations",
  "Secrets",
  "Licenses",
  "ModifiedFindings"
];
function beginResult(t, r, base, workload) {
  const { f } = t;
  if (!isObj2(r)) {
    t.pending.add(t.slot, `${base}: result is not an object; skipped`);
    return;
  }
  const target = str2(r.Target) ?? null;
  const cls = classOf(r, f.isImage);
  const rc = {
    base,
    target,
    cls,
    type: str2(r.Type) ?? null,
    workload,
    // Image scans: the artifact is the image. k8s and legacy reports: the OS-package target names it.
    image: f.isImage ? f.artifactName ?? (cls === "os-pkgs" ? target : null) : cls === "os-pkgs" && (workload || !f.artifactName) ? target : null
  };
  const cat = categoryOfClass(f, rc);
  if (cat) f.categories.add(cat);
  for (const key of ITEM_KEYS) {
    t.slot++;
    t.containers.set(`${base}/${key}`, { rc, key, slot: t.slot });
    if (r[key] != null && !Array.isArray(r[key]))
      t.pending.add(t.slot, `${base}/${key}: expected an array; skipped`);
  }
}
function itemDraft(f, rc, key, item, p, secrets) {
  switch (key) {
    case "Vulnerabilities":
      return vulnDraft(f, rc, item, p);
    case "Misconfigurations":
      return misconfDraft(f, rc, item, p);
    case "Secrets":
      return secretDraft(rc, item, p, secrets);
    case "Licenses":
      return licenseDraft(rc, item, p);
    case "ModifiedFindings": {
      const m = item;
      const inner = isObj2(m.Finding) ? m.Finding : void 0;
      const type = str2(m.Type);
      if (!inner || type && type !== "vulnerability") {
        if (inner && type === "misconfiguration") {
          const d = misconfDraft(f, rc, { ...inner, Status: "FAIL" }, `${p}/Finding`);
          if (d)
            return {
              ...d,
              state: "suppressed",
              state_reason: `Trivy ${str2(m.Status) ?? "modified"}: ${str2(m.Statement) ?? ""}`.trim()
            };
        }
        if (inner) f.warnings.push(`${p}: suppressed ${type} finding not read`);
        return void 0;
      }
      return vulnDraft(f, rc, inner, `${p}/Finding`, m);
    }
  }
}
function workloadOf(w) {
  const parts = [str2(w.Namespace), str2(w.Kind), str2(w.Name)].filter(Boolean);
  return parts.length ? parts.join("/") : null;
}
var RESULT = {
  type: "object",
  members: {
    Vulnerabilities: { type: "items" },
    Misconfigurations: { type: "items" },
    Secrets: { type: "items" },
    Licenses: { type: "items" },
    ModifiedFindings: { type: "items" },
    // --list-all-pkgs: every package of the target; not read, but big
    Packages: { type: "items", discard: true }
  }
};
var RESULTS = { type: "array", each: RESULT };
var WORKLOADS = { type: "array", each: { type: "object", members: { Results: RESULTS } } };
var trivyStreaming = {
  spec: {
    type: "root",
    object: {
      type: "object",
      // a report reads Results; a k8s report reads Resources, Vulnerabilities, Misconfigurations
      members: {
        Results: RESULTS,
        Resources: WORKLOADS,
        Vulnerabilities: WORKLOADS,
        Misconfigurations: WORKLOADS
      }
    },
    array: RESULTS
  },
  // Secrets items carry Match and Code.Lines[].Content/Highlighted (misconfigurations' code lines
  // hold Content too: parsed in the first pass for nothing, but never missed)
  secretWords: ["match", "content", "highlighted"],
  begin(doc, file) {
    const warnings = [];
    const f = { warnings, categories: /* @__PURE__ */ new Set(), artifactName: null, isImage: false, version: null };
    const t = { f, containers: /* @__PURE__ */ new Map(), pending: new PendingWarnings(warnings), slot: 0 };
    if (doc === null) return t;
    if (Array.isArray(doc)) {
      doc.forEach((r, i) => beginResult(t, r, `/${i}`, null));
    } else if (isObj2(doc) && (doc.ClusterName !== void 0 || Array.isArray(doc.Resources))) {
      for (const key of ["Resources", "Vulnerabilities", "Misconfigurations"]) {
        arr(doc[key]).forEach((w, wi) => {
          if (!isObj2(w)) {
            t.pending.add(t.slot, `/${key}/${wi}: not an object; skipped`);
            return;
          }
          const wl = workloadOf(w);
          arr(w.Results).forEach((r, ri) => beginResult(t, r, `/${key}/${wi}/Results/${ri}`, wl));
        });
      }
    } else if (isObj2(doc) && (Array.isArray(doc.Results) || doc.SchemaVersion !== void 0)) {
      f.artifactName = str2(doc.ArtifactName) ?? null;
      f.isImage = str2(doc.ArtifactType) === "container_image" || str2(doc.ArtifactType) === "vm";
      if (doc.Results != null && !Array.isArray(doc.Results))
        throw new UserError(
          `expected "Results" to be an array, found ${typeof doc.Results}`,
          file,
          "/Results"
        );
      arr(doc.Results).forEach((r, i) => beginResult(t, r, `/Results/${i}`, null));
    } else {
      throw new UserError(
        'not a Trivy JSON report: expected an object with "SchemaVersion" and a "Results" array, a trivy k8s report with "ClusterName", or (legacy) a list of targets',
        file
      );
    }
    const root = doc;
    const meta = isObj2(root) ? root.Trivy : void 0;
    f.version = (isObj2(meta) ? str2(meta.Version) : void 0) ?? null;
    return t;
  },
  item(t, v, pointer, secrets) {
    const c = t.containers.get(parentPointer(pointer));
    if (!c) return void 0;
    t.pending.flush(c.slot);
    if (!isObj2(v)) {
      t.f.warnings.push(`${pointer}: not an object; skipped`);
      return void 0;
    }
    const d = itemDraft(t.f, c.rc, c.key, v, pointer, secrets);
    if (!d) return void 0;
    t.f.categories.add(d.category);
    d.tool_version = t.f.version;
    return d;
  },
  finish(t) {
    t.pending.flush();
    return {
      scans: [
        {
          tool: { name: "Trivy", version: t.f.version },
          categories: [...t.f.categories].sort(),
          success: true,
          errors: []
        }
      ],
      warnings: t.f.warnings
    };
  },
  tool: (t) => ({ name: "Trivy", version: t.f.version }),
  toolNeedsFirstDraft: false
};
function parseTrivy(doc, ctx) {
  return runWhole(trivyStreaming, doc, ctx.file);
}
function detect2(s) {
  const d = sniffDoc(s)?.doc;
  if (d === null && s.head.trim() === "null") return /trivy/i.test(s.name) ? 0.9 : 0.3;
  if (Array.isArray(d)) {
    const first = d.find(isObj2);
    return first && typeof first.Target === "string" && ("Vulnerabilities" in first || "Type" in first) && !("runs" in first) ? 0.9 : 0;
  }
  if (!isObj2(d)) return 0;
  if (typeof d.ClusterName === "string" && (Array.isArray(d.Resources) || "Vulnerabilities" in d || "Misconfigurations" in d))
    return 1;
  if (typeof d.SchemaVersion === "number" && (Array.isArray(d.Results) || "ArtifactName" in d)) return 1;
  if (Array.isArray(d.Results) && "ArtifactName" in d) return 0.9;
  return 0;
}
var trivyParser = {
  id: "trivy",
  input: "json",
  docs: {
    title: "Trivy JSON",
    produce: "`trivy image --format json -o trivy.json IMAGE` (also `trivy fs`, `trivy config`, `trivy repo`, `trivy k8s --format json --report all`)",
    takes: "one record per vulnerability, failed misconfiguration, secret and license item of every target (plus `--show-suppressed` findings with their VEX/ignore state); CVE, package/installed/fixed version, purl, CVSS (nvd v3 first), CWE, VEX status, image/manifest/k8s workload; secret matches and code lines are never copied"
  },
  detect: detect2,
  parse: parseTrivy
};

// src/parsers/grype/index.ts
function cvssFrom(records) {
  const list2 = records.filter(isObj2);
  list2.sort(
    (a, b) => Number(str2(b.version) ?? 0) - Number(str2(a.version) ?? 0) || Number(str2(b.type) === "Primary") - Number(str2(a.type) === "Primary")
  );
  for (const c of list2) {
    const m = isObj2(c.metrics) ? c.metrics : {};
    const cv = cvssOf(m.baseScore, c.vector, str2(c.version) ?? null);
    if (cv) return cv;
  }
  return null;
}
function stateOf2(fixState) {
  if (fixState === "wont-fix")
    return { state: "open", reason: "Grype fix state wont-fix: the vendor will not fix it" };
  return { state: "open", reason: null };
}
function matchDraft(m, pointer, image, container, out) {
  const v = isObj2(m.vulnerability) ? m.vulnerability : void 0;
  const a = isObj2(m.artifact) ? m.artifact : void 0;
  const id = v ? str2(v.id) : void 0;
  if (!v || !a || !id) {
    out.warnings.push(`${pointer}: match without vulnerability.id or artifact; skipped`);
    return void 0;
  }
  const related = arr(m.relatedVulnerabilities).filter(isObj2);
  const cvss = cvssFrom(arr(v.cvss)) ?? cvssFrom(related.flatMap((r) => arr(r.cvss)));
  const sev = pickSeverity(v.severity, cvss, "medium");
  const fix = isObj2(v.fix) ? v.fix : {};
  const fixState = str2(fix.state);
  const { state, reason } = stateOf2(fixState);
  const name = str2(a.name) ?? "unknown";
  const version = str2(a.version) ?? null;
  const purl = str2(a.purl) ?? null;
  const path3 = arr(a.locations).filter(isObj2).map((l) => str2(l.path)).find(Boolean) ?? null;
  const description = str2(v.description) ?? related.map((r) => str2(r.description)).find(Boolean) ?? null;
  return {
    title: [id, name, version].filter(Boolean).join(" "),
    description,
    category: container ? "container" : "sca",
    rule_id: id,
    ...sev,
    state,
    state_reason: reason,
    cwe: cwesOf(v.cwes),
    cve: vulnIds(
      id,
      related.map((r) => str2(r.id))
    ),
    cvss,
    package: {
      name,
      version,
      fixed_version: fixState === "fixed" ? strList(fix.versions).join(", ") || null : null,
      ecosystem: str2(a.type)?.toLowerCase() ?? purlType(purl ?? void 0),
      purl
    },
    location: { file: path3, image },
    tags: fixState ? [`fix-state:${fixState}`] : [],
    help_uri: str2(v.dataSource) ?? strList(v.urls)[0] ?? null,
    pointer
  };
}
function strList(v) {
  return arr(v).map((x) => str2(x)).filter((x) => !!x);
}
function suppress(d, m) {
  const rules = arr(m.appliedIgnoreRules).filter(isObj2);
  const why = rules.map(
    (r) => Object.entries(r).filter(([, val2]) => val2 !== "" && val2 != null && !(isObj2(val2) && Object.keys(val2).length === 0)).map(([k, val2]) => `${k}=${typeof val2 === "string" ? val2 : JSON.stringify(val2)}`).join(" ")
  ).filter(Boolean).join("; ");
  d.state = "suppressed";
  d.state_reason = why ? `Grype ignore rule: ${why}` : "Grype ignore rule";
  d.suppression = { kind: "grype-ignore", status: "accepted", justification: why || null };
}
var grypeStreaming = {
  spec: { type: "object", members: { matches: { type: "items" }, ignoredMatches: { type: "items" } } },
  begin(doc, file) {
    if (!isObj2(doc) || !Array.isArray(doc.matches))
      throw new UserError(
        'not a Grype JSON report: expected an object with a "matches" array (grype -o json)',
        file
      );
    const source = isObj2(doc.source) ? doc.source : {};
    const container = str2(source.type) === "image";
    const target = source.target;
    const image = container ? (isObj2(target) ? str2(target.userInput) ?? strList(target.tags)[0] ?? str2(target.imageID) : str2(target)) ?? null : null;
    const descriptor = isObj2(doc.descriptor) ? doc.descriptor : {};
    const warnings = [];
    return {
      image,
      container,
      version: str2(descriptor.version) ?? null,
      warnings,
      // matchDraft reports its problems in a ParseOutput: only `warnings` is used
      out: { findings: [], scans: [], warnings, secrets: [] }
    };
  },
  item(g, m, pointer) {
    if (!isObj2(m)) {
      g.warnings.push(`${pointer}: not an object; skipped`);
      return void 0;
    }
    const d = matchDraft(m, pointer, g.image, g.container, g.out);
    if (!d) return void 0;
    if (pointer.startsWith("/ignoredMatches/")) suppress(d, m);
    d.tool_version = g.version;
    return d;
  },
  finish: (g) => ({
    scans: [
      {
        tool: { name: "Grype", version: g.version },
        categories: [g.container ? "container" : "sca"],
        success: true,
        errors: []
      }
    ],
    warnings: g.warnings
  }),
  tool: (g) => ({ name: "Grype", version: g.version }),
  toolNeedsFirstDraft: false
};
function parseGrype(doc, ctx) {
  return runWhole(grypeStreaming, doc, ctx.file);
}
function detect3(s) {
  const d = sniffDoc(s)?.doc;
  if (!isObj2(d) || !Array.isArray(d.matches)) return 0;
  if (isObj2(d.descriptor) && str2(d.descriptor.name) === "grype") return 1;
  if (isObj2(d.source) && ("distro" in d || "descriptor" in d)) return 0.9;
  const first = d.matches.find((m) => isObj2(m) && !isCut(m));
  return first && isObj2(first.vulnerability) && isObj2(first.artifact) ? 0.8 : 0;
}
var grypeParser = {
  id: "grype",
  input: "json",
  docs: {
    title: "Grype JSON",
    produce: "`grype IMAGE -o json --file grype.json` (or `grype dir:. -o json`, `grype sbom:sbom.json -o json`)",
    takes: "one record per match (and per ignored match, as suppressed): vulnerability id with related CVE/GHSA aliases, severity word, CVSS, package name/version/type/purl, fixed versions, first artifact location, image for image scans"
  },
  detect: detect3,
  parse: parseGrype
};

// src/parsers/npm_audit/index.ts
var GHSA_RE2 = /\b(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/i;
var MAX_PATHS = 10;
function lowestFixed(patched) {
  const m = patched ? /^>=\s*(\S+)$/.exec(patched.trim()) : null;
  return m ? m[1] : null;
}
function advisoryDraft(a, pointer, out) {
  const name = str2(a.module_name);
  if (!name) {
    out.warnings.push(`${pointer}: advisory without module_name; skipped`);
    return void 0;
  }
  const found = arr(a.findings).filter(isObj2);
  const versions = [...new Set(found.map((f) => str2(f.version)).filter((v) => !!v))];
  const paths = found.flatMap((f) => arr(f.paths).filter((p) => typeof p === "string"));
  const cvss = isObj2(a.cvss) ? cvssOf(a.cvss.score, a.cvss.vectorString) : null;
  const sev = pickSeverity(a.severity, cvss?.score ? cvss : null, "medium");
  const ghsa = str2(a.github_advisory_id) ?? GHSA_RE2.exec(str2(a.url) ?? "")?.[1];
  const pathText = paths.length ? `

Paths (${paths.length}):
${paths.slice(0, MAX_PATHS).join("\n")}${paths.length > MAX_PATHS ? "\n\u2026" : ""}` : "";
  return {
    title: `${name}${versions.length ? ` ${versions.join(", ")}` : ""}: ${str2(a.title) ?? "npm advisory"}`,
    description: [
      str2(a.overview),
      str2(a.recommendation),
      str2(a.patched_versions) ? `Patched versions: ${a.patched_versions}` : void 0
    ].filter(Boolean).join("\n\n") + pathText || null,
    category: "sca",
    rule_id: ghsa ?? (a.id !== void 0 ? `npm-advisory-${String(a.id)}` : null),
    rule_name: str2(a.title) ?? null,
    ...sev,
    cwe: cwesOf(a.cwe),
    cve: vulnIds(a.cves, ghsa),
    cvss,
    package: {
      name,
      version: versions.join(", ") || null,
      fixed_version: lowestFixed(str2(a.patched_versions)),
      ecosystem: "npm",
      purl: null
    },
    tags: found.length > 0 && found.every((f) => f.dev === true) ? ["dev"] : [],
    help_uri: str2(a.url) ?? null,
    pointer
  };
}
function packageDraft(key, v, pointer) {
  const name = str2(v.name) ?? key;
  const via = arr(v.via);
  const advisories = via.filter(isObj2);
  const through = via.filter((x) => typeof x === "string");
  const ghsas = advisories.map((a) => GHSA_RE2.exec(str2(a.url) ?? "")?.[1]).filter((x) => !!x);
  let cvss = null;
  for (const a of advisories) {
    const c = isObj2(a.cvss) ? cvssOf(a.cvss.score, a.cvss.vectorString) : null;
    if (c?.score && (!cvss || (cvss.score ?? 0) < c.score)) cvss = c;
  }
  const sev = pickSeverity(v.severity, cvss, "medium");
  const fix = v.fixAvailable;
  const firstTitle = advisories.map((a) => str2(a.title)).find(Boolean);
  const nodes = arr(v.nodes).filter((n) => typeof n === "string");
  const description = [
    advisories.length ? advisories.map(
      (a) => `${str2(a.title) ?? "advisory"} (${str2(a.url) ?? String(a.source)}; vulnerable ${str2(a.range) ?? "?"})`
    ).join("\n") : null,
    through.length ? `Vulnerable through: ${through.join(", ")}` : null,
    str2(v.range) ? `Affected versions: ${v.range}` : null,
    nodes.length ? `Installed at: ${nodes.slice(0, MAX_PATHS).join(", ")}` : null,
    isObj2(fix) ? `Fix: ${str2(fix.name) ?? ""}@${str2(fix.version) ?? ""}${fix.isSemVerMajor ? " (semver major)" : ""}` : null
  ].filter(Boolean).join("\n");
  return {
    title: `${name}: ${firstTitle ?? `vulnerable through ${through.join(", ") || "a dependency"}`}`,
    description: description || null,
    category: "sca",
    // A package vulnerable only through another has no advisory of its own: one stable rule id.
    rule_id: ghsas[0] ?? (advisories[0] ? `npm-advisory-${String(advisories[0].source)}` : "npm-audit-transitive"),
    rule_name: firstTitle ?? null,
    ...sev,
    cwe: cwesOf(advisories.map((a) => a.cwe)),
    cve: vulnIds(ghsas),
    cvss,
    package: {
      name,
      version: null,
      fixed_version: isObj2(fix) && str2(fix.name) === name ? str2(fix.version) ?? null : null,
      ecosystem: "npm",
      purl: null
    },
    tags: [
      v.isDirect === true ? "direct" : "transitive",
      ...advisories.length ? [] : ["via-dependency-only"]
    ],
    help_uri: str2(advisories[0]?.url) ?? null,
    pointer
  };
}
var npmAuditStreaming = {
  spec: {
    type: "object",
    members: {
      vulnerabilities: { type: "items", of: "object" },
      advisories: { type: "items", of: "object" },
      actions: { type: "items", discard: true }
    }
  },
  begin(doc, file) {
    const base = { errors: [], warnings: [] };
    if (isObj2(doc) && isObj2(doc.error) && !("advisories" in doc) && !("vulnerabilities" in doc)) {
      const code = str2(doc.error.code) ?? "error";
      return {
        ...base,
        mode: "error",
        errors: [`${code}: ${str2(doc.error.summary) ?? "npm audit failed"}`.slice(0, 300)]
      };
    }
    if (isObj2(doc) && doc.auditReportVersion !== void 0) {
      if (!isObj2(doc.vulnerabilities))
        throw new UserError(
          'npm audit (auditReportVersion 2): expected a "vulnerabilities" object',
          file,
          "/vulnerabilities"
        );
      return { ...base, mode: "v2" };
    }
    if (isObj2(doc) && isObj2(doc.advisories)) return { ...base, mode: "v1" };
    throw new UserError(
      'not an npm audit report: expected `npm audit --json` output (an object with "auditReportVersion" and "vulnerabilities" for npm 7+, or "advisories" for npm 6)',
      file
    );
  },
  item(n, v, pointer) {
    const map = n.mode === "v2" ? "/vulnerabilities/" : n.mode === "v1" ? "/advisories/" : void 0;
    if (!map || !pointer.startsWith(map) || pointer.indexOf("/", map.length) >= 0) return void 0;
    if (!isObj2(v)) {
      n.warnings.push(`${pointer}: not an object; skipped`);
      return void 0;
    }
    return n.mode === "v2" ? packageDraft(lastToken(pointer), v, pointer) : advisoryDraft(v, pointer, n);
  },
  finish: (n) => ({
    scans: [
      {
        tool: { name: "npm audit", version: null },
        categories: ["sca"],
        success: n.mode !== "error",
        errors: n.errors
      }
    ],
    warnings: n.warnings
  }),
  tool: () => ({ name: "npm audit", version: null }),
  toolNeedsFirstDraft: false
};
function parseNpmAudit(doc, ctx) {
  return runWhole(npmAuditStreaming, doc, ctx.file);
}
function detect4(s) {
  const sd = sniffDoc(s);
  const d = sd?.doc;
  if (!isObj2(d)) return 0;
  if (d.auditReportVersion !== void 0 && isObj2(d.vulnerabilities)) return 1;
  if (isObj2(d.advisories) && (isObj2(d.metadata) || Array.isArray(d.actions))) return 1;
  if (isObj2(d.advisories) && Object.values(d.advisories).some((a) => isObj2(a) && "module_name" in a))
    return 0.9;
  if (sd?.cut && Array.isArray(d.actions) && !("advisories" in d)) {
    const a = d.actions.find((x) => isObj2(x) && !isCut(x));
    if (isObj2(a) && /^(install|update|review)$/.test(str2(a.action) ?? "") && Array.isArray(a.resolves))
      return 0.9;
  }
  const keys = Object.keys(d);
  if (keys.length === 1 && isObj2(d.error) && /^E[A-Z0-9]+$/.test(str2(d.error.code) ?? "") && "summary" in d.error)
    return 0.6;
  return 0;
}
var npmAuditParser = {
  id: "npm_audit",
  input: "json",
  docs: {
    title: "npm audit JSON (npm 6 and npm 7+)",
    produce: "`npm audit --json > npm-audit.json` (exit code 1 with findings is normal)",
    takes: "npm 7+: one record per vulnerable package (also those vulnerable only through another package), with the GHSA ids, CWEs and highest CVSS of its advisories; npm 6: one record per advisory with CVEs/GHSA, CWE, installed versions and paths; an `error` report is recorded as a failed run"
  },
  detect: detect4,
  parse: parseNpmAudit
};

// src/parsers/snyk/index.ts
var OS_MANAGERS = /^(deb|apk|rpm|linux|dockerfile)$/i;
function imageRef(root) {
  if (!root) return null;
  const r = root.replace(/^docker-image\|/, "");
  return /@sha256:/.test(r) ? r : r.replace(/@([^@/]+)$/, ":$1");
}
function fixedFor(version, fixedIn) {
  if (fixedIn.length === 0) return null;
  const sorted = [...fixedIn].sort(cmpVersion);
  return (version ? sorted.find((f) => cmpVersion(f, version) > 0) : void 0) ?? sorted[sorted.length - 1];
}
function vulnDraft2(p, v, pointer, out) {
  const id = str2(v.id);
  const pkg = str2(v.packageName) ?? str2(v.name) ?? str2(v.moduleName);
  if (!id || !pkg) {
    out.warnings.push(`${pointer}: vulnerability without id or packageName; skipped`);
    return void 0;
  }
  const version = str2(v.version) ?? null;
  const license = str2(v.type) === "license" || id.startsWith("snyk:lic:");
  const ids = isObj2(v.identifiers) ? v.identifiers : {};
  const cvss = cvssOf(v.cvssScore, v.CVSSv3);
  const sev = pickSeverity(str2(v.severityWithCritical) ?? v.severity, cvss, "medium");
  const from = strings(v.from);
  const upgrade = arr(v.upgradePath).filter((x) => typeof x === "string");
  const fixedIn = strings(v.fixedIn);
  const category = license ? "license" : p.container ? "container" : "sca";
  const title = license ? `${str2(v.license) ?? str2(v.title) ?? "license"} license` : str2(v.title) ?? id;
  const description = [
    str2(v.description)?.slice(0, 600),
    from.length ? `Introduced through: ${from.join(" > ")}` : null,
    upgrade.length ? `Upgrade path: ${upgrade.join(" > ")}` : null,
    v.isPatchable === true ? "Patchable with `snyk protect`" : null
  ].filter(Boolean).join("\n\n");
  return {
    title: `${pkg}${version ? `@${version}` : ""}: ${title}`,
    description: description || null,
    category,
    rule_id: id,
    rule_name: str2(v.title) ?? null,
    ...sev,
    cwe: cwesOf(ids.CWE),
    cve: license ? [] : vulnIds(ids.CVE, ids.GHSA),
    cvss,
    package: {
      name: pkg,
      version,
      fixed_version: fixedFor(version, fixedIn),
      ecosystem: str2(v.packageManager)?.toLowerCase() ?? p.manager,
      purl: null
    },
    location: { file: p.file, image: p.image },
    tags: [
      ...str2(v.exploit) && v.exploit !== "Not Defined" ? [`exploit:${String(v.exploit)}`] : [],
      ...v.isUpgradable === true ? ["upgradable"] : [],
      ...v.malicious === true ? ["malicious"] : []
    ],
    help_uri: `https://security.snyk.io/vuln/${encodeURIComponent(id)}`,
    pointer
  };
}
function imageOf(p) {
  if (!p.imageKnown) {
    p.image = (p.parent ? imageOf(p.parent) : null) ?? (p.container ? imageRef(p.root) ?? p.projectName?.replace(/^docker-image\|/, "") ?? null : null);
    p.imageKnown = true;
  }
  return p.image;
}
function beginProject(t, pr, base, slot, parent) {
  const manager = str2(pr.packageManager)?.toLowerCase() ?? null;
  const container = parent?.container ?? ("docker" in pr || manager !== null && OS_MANAGERS.test(manager));
  const p = {
    base,
    manager,
    file: str2(pr.displayTargetFile) ?? str2(pr.targetFile) ?? null,
    image: null,
    container,
    parent,
    projectName: str2(pr.projectName),
    root: void 0,
    imageKnown: false
  };
  t.categories.add(container ? "container" : "sca");
  if (isObj2(pr.licensesPolicy) && !container) t.categories.add("license");
  t.containers.set(`${base}/vulnerabilities`, { p, ignored: false, slot });
  t.containers.set(`${base}/filtered/ignore`, { p, ignored: true, slot });
  arr(pr.applications).forEach((a, i) => {
    if (isObj2(a)) beginProject(t, a, `${base}/applications/${i}`, slot, p);
  });
}
var PROJECT = {
  type: "object",
  members: {
    vulnerabilities: { type: "items" },
    filtered: { type: "object", members: { ignore: { type: "items" } } }
  }
};
PROJECT.members.applications = { type: "array", each: PROJECT };
var snykStreaming = {
  spec: { type: "root", object: PROJECT, array: { type: "array", each: PROJECT } },
  begin(doc, file) {
    const warnings = [];
    const t = {
      warnings,
      pending: new PendingWarnings(warnings),
      categories: /* @__PURE__ */ new Set(),
      errors: [],
      containers: /* @__PURE__ */ new Map()
    };
    const projects = Array.isArray(doc) ? doc : [doc];
    let read = 0;
    projects.forEach((pr, i) => {
      const base = Array.isArray(doc) ? `/${i}` : "";
      if (!isObj2(pr)) {
        t.pending.add(i, `${base || "/"}: project is not an object; skipped`);
        return;
      }
      if (pr.ok === false && typeof pr.error === "string" && !Array.isArray(pr.vulnerabilities)) {
        t.errors.push(pr.error.slice(0, 300));
        return;
      }
      if (!Array.isArray(pr.vulnerabilities)) {
        if (!Array.isArray(doc))
          throw new UserError(
            'not a Snyk CLI JSON report: expected `snyk test --json` output (an object with a "vulnerabilities" array, or an array of them)',
            file
          );
        t.pending.add(i, `${base}: project without a "vulnerabilities" array; skipped`);
        return;
      }
      read++;
      beginProject(t, pr, base, i);
    });
    if (read === 0 && t.errors.length === 0)
      throw new UserError(
        'not a Snyk CLI JSON report: no project object with a "vulnerabilities" array',
        file
      );
    return t;
  },
  scout(t, container) {
    const e = t.containers.get(container);
    if (!e || e.ignored || !e.p.container || e.p.parent && imageOf(e.p.parent) !== null) return void 0;
    return (v) => {
      const root = isObj2(v) ? strings(v.from)[0] : void 0;
      if (root) e.p.root = root;
      return !!root;
    };
  },
  item(t, v, pointer) {
    const e = t.containers.get(parentPointer(pointer));
    if (!e) return void 0;
    t.pending.flush(e.slot);
    if (!isObj2(v)) {
      if (!e.ignored) t.warnings.push(`${pointer}: not an object; skipped`);
      return void 0;
    }
    imageOf(e.p);
    const d = vulnDraft2(e.p, v, pointer, t);
    if (!d || !e.ignored) return d;
    const info = isObj2(v.filtered) ? arr(v.filtered.ignored).find(isObj2) : void 0;
    const reason = info ? [str2(info.reason), str2(info.expires) ? `expires ${info.expires}` : null].filter(Boolean).join("; ") : "";
    d.state = "suppressed";
    d.state_reason = `ignored in Snyk policy${reason ? `: ${reason}` : ""}`;
    d.suppression = { kind: "snyk-policy", status: "accepted", justification: reason || null };
    return d;
  },
  finish(t) {
    t.pending.flush();
    return {
      scans: [
        {
          tool: { name: "Snyk", version: null },
          categories: [...t.categories].sort(),
          success: t.errors.length === 0,
          errors: t.errors
        }
      ],
      warnings: t.warnings
    };
  },
  tool: () => ({ name: "Snyk", version: null }),
  toolNeedsFirstDraft: false
};
function parseSnyk(doc, ctx) {
  return runWhole(snykStreaming, doc, ctx.file);
}
function isProject(d) {
  return isObj2(d) && Array.isArray(d.vulnerabilities) && ("packageManager" in d || "projectName" in d || "uniqueCount" in d || "dependencyCount" in d);
}
function isSnykVuln(v) {
  return isObj2(v) && typeof v.id === "string" && Array.isArray(v.from) && (typeof v.packageName === "string" || typeof v.moduleName === "string") && (isObj2(v.semver) || Array.isArray(v.upgradePath));
}
function detect5(s) {
  const sd = sniffDoc(s);
  const d = sd?.doc;
  if (sd?.cut) {
    const project = Array.isArray(d) ? d.find(isObj2) : d;
    if (isObj2(project) && Array.isArray(project.vulnerabilities)) {
      const first = project.vulnerabilities.find((v) => isObj2(v) && !isCut(v));
      if (first !== void 0 && isSnykVuln(first)) return 0.9;
    }
  }
  if (isProject(d)) return 1;
  if (Array.isArray(d) && d.length > 0 && d.every((x) => isProject(x) || isObj2(x) && x.ok === false))
    return d.some(isProject) ? 1 : 0;
  if (isObj2(d) && d.ok === false && typeof d.error === "string" && "path" in d) return 0.6;
  return 0;
}
var snykParser = {
  id: "snyk",
  input: "json",
  docs: {
    title: "Snyk CLI JSON (Open Source, Container)",
    produce: "`snyk test --json > snyk.json` (or `snyk test --all-projects --json`, `snyk container test IMAGE --json`)",
    takes: "one record per `vulnerabilities[]` entry (Snyk reports one per dependency path) of every project, container application and policy-ignored issue (suppressed): Snyk id, CVE/GHSA/CWE, severity, CVSS, package/version/fixedIn, upgrade path, manifest or image; license issues as license findings"
  },
  detect: detect5,
  parse: parseSnyk
};

// src/parsers/cvss3.ts
var W = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 }
};
function roundUp(x) {
  const i = Math.round(x * 1e5);
  return i % 1e4 === 0 ? i / 1e5 : (Math.floor(i / 1e4) + 1) / 10;
}
function cvss3BaseScore(vector) {
  const m = /^CVSS:3\.[01]\/(.+)$/.exec(vector.trim());
  if (!m) return void 0;
  const v = {};
  for (const part of m[1].split("/")) {
    const [k, val2] = part.split(":");
    if (k && val2) v[k] = val2;
  }
  const scope = v.S;
  if (scope !== "U" && scope !== "C") return void 0;
  const pr = { N: 0.85, L: scope === "C" ? 0.68 : 0.62, H: scope === "C" ? 0.5 : 0.27 }[v.PR ?? ""];
  const av = W.AV[v.AV ?? ""];
  const ac = W.AC[v.AC ?? ""];
  const ui = W.UI[v.UI ?? ""];
  const c = W.C[v.C ?? ""];
  const i = W.I[v.I ?? ""];
  const a = W.A[v.A ?? ""];
  if ([pr, av, ac, ui, c, i, a].some((x) => x === void 0)) return void 0;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = scope === "U" ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
  const expl = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  return scope === "U" ? roundUp(Math.min(impact + expl, 10)) : roundUp(Math.min(1.08 * (impact + expl), 10));
}

// src/parsers/osv_scanner/index.ts
function cvssOfOsv(v) {
  const list2 = arr(v.severity).filter(isObj2);
  const pick = list2.find((s) => str2(s.type) === "CVSS_V3") ?? list2.find((s) => str2(s.type) === "CVSS_V4") ?? list2[0];
  const vector = pick ? str2(pick.score) : void 0;
  if (!vector) return null;
  const score = cvss3BaseScore(vector) ?? num(vector);
  return {
    score: score ?? null,
    vector: /^CVSS:/.test(vector) ? vector : null,
    version: cvssVersionOf(vector)
  };
}
function severityOf2(v, pkg, cvss) {
  const ds = isObj2(v.database_specific) ? v.database_specific : {};
  const word = str2(ds.severity);
  const w = word ? wordToSeverity(word) : void 0;
  if (w) return { severity: w, severity_source: "tool", source_severity: word };
  const id = str2(v.id);
  const group = pkg.groups.find(
    (g) => id && (strings(g.ids).includes(id) || strings(g.aliases).includes(id))
  );
  const max = group ? num(group.max_severity) : void 0;
  if (max !== void 0)
    return {
      severity: cvssToSeverity(max),
      severity_source: "cvss",
      source_severity: String(group.max_severity)
    };
  if (cvss?.score != null)
    return {
      severity: cvssToSeverity(cvss.score),
      severity_source: "cvss",
      source_severity: String(cvss.score)
    };
  return { severity: "medium", severity_source: "default", source_severity: word ?? null };
}
function fixedVersion(v, pkg) {
  const fixes = [];
  for (const a of arr(v.affected).filter(isObj2)) {
    const p = isObj2(a.package) ? a.package : {};
    if (str2(p.name) && str2(p.name).toLowerCase() !== pkg.name.toLowerCase()) continue;
    for (const r of arr(a.ranges).filter(isObj2)) {
      if (str2(r.type) === "GIT") continue;
      for (const e of arr(r.events).filter(isObj2)) if (str2(e.fixed)) fixes.push(str2(e.fixed));
    }
  }
  if (fixes.length === 0) return null;
  const sorted = [...new Set(fixes)].sort(cmpVersion);
  return (pkg.version ? sorted.find((f) => cmpVersion(f, pkg.version) > 0) : void 0) ?? sorted[sorted.length - 1];
}
function vulnDraft3(pkg, v, pointer) {
  const id = str2(v.id);
  const cvss = cvssOfOsv(v);
  const sev = severityOf2(v, pkg, cvss);
  const ds = isObj2(v.database_specific) ? v.database_specific : {};
  const affected = arr(v.affected).filter(isObj2);
  const purl = affected.map(
    (a) => isObj2(a.package) && str2(a.package.name)?.toLowerCase() === pkg.name.toLowerCase() ? str2(a.package.purl) : void 0
  ).find(Boolean);
  return {
    title: [id, pkg.name, pkg.version].filter(Boolean).join(" "),
    description: [str2(v.summary), str2(v.details)?.slice(0, 600)].filter(Boolean).join("\n\n") || null,
    category: "sca",
    rule_id: id,
    rule_name: str2(v.summary) ?? null,
    ...sev,
    cwe: cwesOf(
      ds.cwe_ids,
      affected.map((a) => isObj2(a.database_specific) ? a.database_specific.cwes : void 0)
    ),
    cve: vulnIds(id, v.aliases),
    cvss,
    package: {
      name: pkg.name,
      version: pkg.version,
      fixed_version: fixedVersion(v, pkg),
      ecosystem: pkg.ecosystem?.toLowerCase() ?? null,
      purl: purl ? pkg.version && !purl.includes("@") ? `${purl}@${pkg.version}` : purl : null
    },
    location: { file: pkg.file },
    tags: /^MAL-/.test(id) ? ["malicious"] : [],
    help_uri: `https://osv.dev/vulnerability/${encodeURIComponent(id)}`,
    pointer
  };
}
function parseOsv(doc, ctx) {
  if (!isObj2(doc) || !Array.isArray(doc.results))
    throw new UserError(
      'not an OSV-Scanner JSON report: expected an object with a "results" array (osv-scanner --format json)',
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  doc.results.forEach((res, ri) => {
    const base = `/results/${ri}`;
    if (!isObj2(res)) {
      out.warnings.push(`${base}: not an object; skipped`);
      return;
    }
    const file = isObj2(res.source) ? str2(res.source.path) ?? null : null;
    arr(res.packages).forEach((p, pi) => {
      const pbase = `${base}/packages/${pi}`;
      const info = isObj2(p) && isObj2(p.package) ? p.package : void 0;
      const name = info ? str2(info.name) : void 0;
      if (!isObj2(p) || !info || !name) {
        out.warnings.push(`${pbase}: package without a name; skipped`);
        return;
      }
      const pkg = {
        name,
        version: str2(info.version) ?? str2(info.commit) ?? null,
        ecosystem: str2(info.ecosystem) ?? null,
        file,
        groups: arr(p.groups).filter(isObj2)
      };
      arr(p.vulnerabilities).forEach((v, vi) => {
        const pointer = `${pbase}/vulnerabilities/${vi}`;
        if (!isObj2(v) || !str2(v.id)) {
          out.warnings.push(`${pointer}: vulnerability without an id; skipped`);
          return;
        }
        out.findings.push(vulnDraft3(pkg, v, pointer));
      });
    });
  });
  out.scans.push({
    tool: { name: "OSV-Scanner", version: null },
    categories: ["sca"],
    success: true,
    errors: []
  });
  return out;
}
function detect6(s) {
  const d = s.doc;
  if (!isObj2(d) || !Array.isArray(d.results)) return 0;
  if (d.results.length === 0) return "experimental_config" in d ? 0.9 : 0;
  const first = d.results.find(isObj2);
  return first && isObj2(first.source) && Array.isArray(first.packages) ? 1 : 0;
}
var osvScannerParser = {
  id: "osv_scanner",
  input: "json",
  docs: {
    title: "OSV-Scanner JSON",
    produce: "`osv-scanner scan --format json --output osv.json -r .` (v1: `osv-scanner --format json -r . > osv.json`)",
    takes: "one record per vulnerability entry per package of every scanned source (alias groups not merged: the identity links them): OSV id with aliases (CVE first), severity from the advisory word, the group max_severity or the CVSS vector, CWE, package/version/ecosystem, lowest fixed version, the lock file as location"
  },
  detect: detect6,
  parse: parseOsv
};

// src/parsers/anchore_engine/index.ts
function cvssFrom2(v) {
  const sources = [...arr(v.nvd_data), ...arr(v.vendor_data)].filter(isObj2);
  for (const key of ["cvss_v3", "cvss_v2"]) {
    for (const s of sources) {
      const c = isObj2(s[key]) ? s[key] : void 0;
      const score = c ? c.base_score : void 0;
      if (typeof score === "number" && score >= 0)
        return cvssOf(score, c.vector_string ?? c.vector, key === "cvss_v3" ? "3.x" : "2.0");
    }
  }
  return null;
}
function vulnDraft4(v, pointer, image) {
  const id = str2(v.vuln);
  const name = str2(v.package_name) ?? str2(v.package)?.replace(/-[^-]*\d[^-]*$/, "");
  if (!id || !name) return void 0;
  const version = str2(v.package_version) ?? null;
  const cvss = cvssFrom2(v);
  const sev = pickSeverity(v.severity, cvss, "medium");
  const path3 = str2(v.package_path);
  const purl = str2(v.package_purl) ?? null;
  return {
    title: [id, name, version].filter(Boolean).join(" "),
    description: str2(v.description) ?? null,
    category: "container",
    rule_id: id,
    ...sev,
    state: "open",
    state_reason: v.will_not_fix === true ? "Anchore will_not_fix: the vendor will not fix it" : null,
    cve: vulnIds(
      id,
      arr(v.nvd_data).map((n) => isObj2(n) ? n.id : void 0)
    ),
    cvss,
    package: {
      name,
      version,
      fixed_version: str2(v.fix) ?? null,
      ecosystem: str2(v.package_type)?.toLowerCase() ?? purlType(purl ?? void 0),
      purl
    },
    location: { file: path3 && path3.startsWith("/") ? path3 : null, image },
    tags: [
      str2(v.feed_group) ? `feed:${String(v.feed_group)}` : "",
      v.inherited_from_base === true ? "base-image" : ""
    ].filter(Boolean),
    help_uri: str2(v.url) ?? null,
    pointer
  };
}
function parseAnchore(doc, ctx) {
  if (!isObj2(doc) || !Array.isArray(doc.vulnerabilities))
    throw new UserError(
      'not an Anchore Engine report: expected an object with a "vulnerabilities" array (anchore-cli --json image vuln IMAGE all)',
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const image = str2(doc.image) ?? str2(doc.imageFullTag) ?? str2(doc.imageDigest) ?? null;
  doc.vulnerabilities.forEach((v, i) => {
    const pointer = `/vulnerabilities/${i}`;
    const d = isObj2(v) ? vulnDraft4(v, pointer, image) : void 0;
    if (d) out.findings.push(d);
    else out.warnings.push(`${pointer}: not a vulnerability with "vuln" and a package name; skipped`);
  });
  out.scans.push({
    tool: { name: "Anchore Engine", version: null },
    categories: ["container"],
    success: true,
    errors: []
  });
  return out;
}
function detect7(s) {
  const d = s.doc;
  if (!isObj2(d) || !Array.isArray(d.vulnerabilities)) return 0;
  if ("imageDigest" in d || "vulnerability_type" in d) return 1;
  const first = d.vulnerabilities.find(isObj2);
  return first && "vuln" in first && "feed_group" in first ? 0.9 : 0;
}
var anchoreEngineParser = {
  id: "anchore_engine",
  input: "json",
  docs: {
    title: "Anchore Engine vulnerability JSON",
    produce: "`anchore-cli --json image vuln IMAGE all > anchore.json` (Anchore Engine API `GET /images/{digest}/vuln/all`)",
    takes: "one record per `vulnerabilities[]` entry: vulnerability id, severity word, NVD/vendor CVSS, package name/version/type, fix version, package path, image digest"
  },
  detect: detect7,
  parse: parseAnchore
};

// src/parsers/dependency_check/index.ts
function list(v) {
  return v == null ? [] : Array.isArray(v) ? v : [v];
}
function text(v) {
  if (isObj2(v)) return text(v["#text"]);
  if (typeof v === "number") return String(v);
  if (typeof v !== "string") return void 0;
  const t = v.trim();
  return t === "" ? void 0 : t;
}
function purlToPackage(purl) {
  const m = /^pkg:([^/]+)\/(.+?)(?:@([^?#]+))?(?:[?#].*)?$/.exec(purl);
  if (!m) return void 0;
  const type = m[1].toLowerCase();
  const segs = m[2].split("/").map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const name = segs.pop();
  const ns = segs.join("/");
  let version = null;
  if (m[3]) {
    try {
      version = decodeURIComponent(m[3]);
    } catch {
      version = m[3];
    }
  }
  return {
    name: ns ? type === "maven" ? `${ns}:${name}` : `${ns}/${name}` : name,
    version,
    ecosystem: type
  };
}
function packageOf(d) {
  for (const purl of d.purls) {
    const p = purlToPackage(purl);
    if (p) return { ...p, fixed_version: null, purl };
  }
  for (const id of d.mavenIds) {
    const parts = id.split(":");
    if (parts.length >= 3)
      return {
        name: `${parts[0]}:${parts[1]}`,
        version: parts[2],
        fixed_version: null,
        ecosystem: "maven",
        purl: null
      };
  }
  if (d.product)
    return { name: d.product, version: d.version ?? null, fixed_version: null, ecosystem: null, purl: null };
  const file = (d.fileName ?? d.filePath?.split(/[\\/]/).pop() ?? "unknown").split(": ").pop();
  const m = /^(.+?)-(\d[\w.+-]*?)(?:\.(?:jar|war|ear|dll|exe|js|whl|egg|gem|nupkg|zip|tar\.gz))?$/i.exec(
    file
  );
  return {
    name: m ? m[1] : file,
    version: m ? m[2] : null,
    fixed_version: null,
    ecosystem: purlType(void 0),
    purl: null
  };
}
var V3_METRICS = [
  ["AV", "attackVector"],
  ["AC", "attackComplexity"],
  ["PR", "privilegesRequired"],
  ["UI", "userInteraction"],
  ["S", "scope"],
  ["C", "confidentialityImpact"],
  ["I", "integrityImpact"],
  ["A", "availabilityImpact"]
];
function v3Vector(v3) {
  const parts = [];
  for (const [k, field] of V3_METRICS) {
    const val2 = text(v3[field]);
    if (!val2) return null;
    parts.push(`${k}:${val2[0].toUpperCase()}`);
  }
  return `CVSS:${text(v3.version) ?? "3.1"}/${parts.join("/")}`;
}
function cvssFrom3(v) {
  const v3 = isObj2(v.cvssV3) ? v.cvssV3 : isObj2(v.cvssv3) ? v.cvssv3 : void 0;
  if (v3 && num(text(v3.baseScore)) !== void 0)
    return cvssOf(num(text(v3.baseScore)), text(v3.vectorString) ?? v3Vector(v3), text(v3.version) ?? "3.x");
  const v2 = isObj2(v.cvssV2) ? v.cvssV2 : isObj2(v.cvssv2) ? v.cvssv2 : void 0;
  if (v2 && num(text(v2.score)) !== void 0)
    return cvssOf(num(text(v2.score)), text(v2.vectorString) ?? null, "2.0");
  if (num(text(v.cvssScore)) !== void 0) return cvssOf(num(text(v.cvssScore)), null, "2.0");
  return null;
}
function vulnDraft5(d, pkg, file, x) {
  const v = x.raw;
  const name = text(v.name);
  if (!name) return void 0;
  const source = text(v["@_source"]) ?? text(v.source);
  const ruleId = source === "NPM" && /^\d+$/.test(name) ? `NPM-${name}` : name;
  const cvss = cvssFrom3(v);
  const sevWord = text(v.severity);
  const sev = pickSeverity(sevWord, cvss, "medium");
  const ids = /^(CVE-\d{4}-\d+|GHSA(-[a-z0-9]{4}){3})$/i.test(name) ? [name] : [];
  const cwes = cwesOf(text(v.cwe), list(isObj2(v.cwes) ? v.cwes.cwe : v.cwes).map(text));
  const refs = list(isObj2(v.references) ? v.references.reference : v.references).filter(isObj2);
  const notes = text(v.notes);
  const description = [
    text(v.description)?.replace(/[ \t]*\n[ \t]*/g, "\n").slice(0, 600),
    d.related.length ? `Also found in: ${d.related.slice(0, 10).join(", ")}` : void 0
  ].filter(Boolean).join("\n\n");
  return {
    title: [ruleId, pkg.name, pkg.version].filter(Boolean).join(" "),
    description: description || null,
    category: "sca",
    rule_id: ruleId,
    ...sev,
    state: x.suppressed ? "suppressed" : "open",
    state_reason: x.suppressed ? `suppressed by a Dependency-Check suppression rule${notes ? `: ${notes}` : ""}` : null,
    suppression: x.suppressed ? { kind: "dependency-check-suppression", status: "accepted", justification: notes ?? null } : null,
    cwe: cwes,
    cve: vulnIds(ids),
    cvss,
    package: pkg,
    location: { file },
    tags: source ? [`source:${source}`] : [],
    help_uri: refs.map((r) => text(r.url)).find(Boolean) ?? null,
    pointer: x.pointer
  };
}
function depFile(d) {
  const p = d.filePath?.replace(/\?[^/\\]*$/, "").replace(/\\+/g, "/") ?? null;
  return p ?? d.fileName;
}
var CONFIDENCE = ["HIGHEST", "HIGH", "MEDIUM", "LOW"];
function bestEvidence(items, type) {
  const of = items.filter((e) => isObj2(e) && (text(e["@_type"]) ?? text(e.type)) === type);
  of.sort(
    (a, b) => CONFIDENCE.indexOf(text(a["@_confidence"]) ?? text(a.confidence) ?? "LOW") - CONFIDENCE.indexOf(text(b["@_confidence"]) ?? text(b.confidence) ?? "LOW")
  );
  return of.map((e) => text(e.value)).find(Boolean);
}
function evidenceOf(ev) {
  if (!isObj2(ev)) return {};
  const typed = [
    ...list(ev.evidence),
    ...list(ev.productEvidence).map((e) => isObj2(e) ? { ...e, type: "product" } : e),
    ...list(ev.versionEvidence).map((e) => isObj2(e) ? { ...e, type: "version" } : e)
  ];
  return { product: bestEvidence(typed, "product"), version: bestEvidence(typed, "version") };
}
function fromXml(analysis, out) {
  const deps = list(isObj2(analysis.dependencies) ? analysis.dependencies.dependency : void 0);
  return deps.flatMap((raw, di) => {
    const pointer = `/analysis/dependencies/dependency[${di + 1}]`;
    if (!isObj2(raw)) {
      out.warnings.push(`${pointer}: not an element; skipped`);
      return [];
    }
    const idBlocks = [
      raw.identifiers,
      isObj2(raw.identifiers) ? raw.identifiers.identifiers : void 0
    ].filter(isObj2);
    const purls = idBlocks.flatMap((b) => list(b.package).map((p) => isObj2(p) ? text(p.id) : text(p)));
    const mavenIds = idBlocks.flatMap(
      (b) => list(b.identifier).filter((i) => isObj2(i) && text(i["@_type"]) === "maven").map((i) => text(i.name))
    );
    const vulnsEl = isObj2(raw.vulnerabilities) ? raw.vulnerabilities : {};
    const sup = isObj2(raw.suppressedVulnerabilities) ? raw.suppressedVulnerabilities : {};
    const vulns = [
      ...list(vulnsEl.vulnerability).map((v, i) => ({
        v,
        p: `${pointer}/vulnerabilities/vulnerability[${i + 1}]`,
        s: false
      })),
      ...list(vulnsEl.suppressedVulnerability).map((v, i) => ({
        v,
        p: `${pointer}/vulnerabilities/suppressedVulnerability[${i + 1}]`,
        s: true
      })),
      ...list(sup.suppressedVulnerability ?? sup.vulnerability).map((v, i) => ({
        v,
        p: `${pointer}/suppressedVulnerabilities/suppressedVulnerability[${i + 1}]`,
        s: true
      }))
    ].flatMap(({ v, p, s }) => isObj2(v) ? [{ raw: v, pointer: p, suppressed: s }] : []);
    const related = list(
      isObj2(raw.relatedDependencies) ? raw.relatedDependencies.relatedDependency : void 0
    ).map((r) => isObj2(r) ? text(r.filePath) ?? text(r.fileName) : void 0).filter((x) => !!x);
    return [
      {
        pointer,
        fileName: text(raw.fileName) ?? null,
        filePath: text(raw.filePath) ?? null,
        purls: purls.filter((x) => !!x),
        mavenIds: mavenIds.filter((x) => !!x),
        related,
        vulns,
        ...evidenceOf(raw.evidenceCollected)
      }
    ];
  });
}
function fromJson(doc, out) {
  return list(doc.dependencies).flatMap((raw, di) => {
    const pointer = `/dependencies/${di}`;
    if (!isObj2(raw)) {
      out.warnings.push(`${pointer}: not an object; skipped`);
      return [];
    }
    const vulns = [
      ...list(raw.vulnerabilities).map((v, i) => ({ v, p: `${pointer}/vulnerabilities/${i}`, s: false })),
      ...list(raw.suppressedVulnerabilities).map((v, i) => ({
        v,
        p: `${pointer}/suppressedVulnerabilities/${i}`,
        s: true
      }))
    ].flatMap(({ v, p, s }) => isObj2(v) ? [{ raw: v, pointer: p, suppressed: s }] : []);
    return [
      {
        pointer,
        fileName: text(raw.fileName) ?? null,
        filePath: text(raw.filePath) ?? null,
        purls: list(raw.packages).map((p) => isObj2(p) ? text(p.id) : void 0).filter((x) => !!x),
        mavenIds: [],
        related: list(raw.relatedDependencies).map((r) => isObj2(r) ? text(r.filePath) ?? text(r.fileName) : void 0).filter((x) => !!x),
        vulns,
        ...evidenceOf(raw.evidenceCollected)
      }
    ];
  });
}
function parseDependencyCheck(doc, ctx) {
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  let deps;
  let scanInfo;
  if (isObj2(doc) && isObj2(doc.analysis)) {
    deps = fromXml(doc.analysis, out);
    scanInfo = doc.analysis.scanInfo;
  } else if (isObj2(doc) && Array.isArray(doc.dependencies) && (isObj2(doc.scanInfo) || "reportSchema" in doc)) {
    deps = fromJson(doc, out);
    scanInfo = doc.scanInfo;
  } else {
    throw new UserError(
      'not an OWASP Dependency-Check report: expected XML with an <analysis> root, or the JSON report with "scanInfo" and a "dependencies" array',
      ctx.file
    );
  }
  for (const d of deps) {
    const pkg = packageOf(d);
    const file = depFile(d);
    for (const x of d.vulns) {
      const draft = vulnDraft5(d, pkg, file, x);
      if (draft) out.findings.push(draft);
      else out.warnings.push(`${x.pointer}: vulnerability without a name; skipped`);
    }
  }
  const version = isObj2(scanInfo) ? text(scanInfo.engineVersion) ?? null : null;
  for (const d of out.findings) d.tool_version = version;
  out.scans.push({
    tool: { name: "OWASP Dependency-Check", version },
    categories: ["sca"],
    success: true,
    errors: []
  });
  return out;
}
function detectXml(s) {
  const d = s.doc;
  if (!isObj2(d) || !isObj2(d.analysis)) return 0;
  const ns = text(d.analysis["@_xmlns"]) ?? "";
  if (/dependency-?check/i.test(ns)) return 1;
  return "dependencies" in d.analysis && "scanInfo" in d.analysis ? 0.8 : 0;
}
function detectJson(s) {
  const d = s.doc;
  return isObj2(d) && Array.isArray(d.dependencies) && isObj2(d.scanInfo) && "engineVersion" in d.scanInfo ? 1 : 0;
}
var TAKES = "one record per vulnerability per dependency, suppressed vulnerabilities kept as suppressed; CVE/advisory name, severity, CVSS v3 (else v2), CWE, package from the purl/Maven identifier (else the file name), the dependency path, related dependencies in the description";
var dependencyCheckParser = {
  id: "dependency_check",
  input: "xml",
  docs: {
    title: "OWASP Dependency-Check XML",
    produce: "`dependency-check.sh --scan . --format XML --out dependency-check-report.xml` (the Maven/Gradle plugins write the same report)",
    takes: TAKES
  },
  detect: detectXml,
  parse: parseDependencyCheck
};
var dependencyCheckJsonParser = {
  id: "dependency_check_json",
  input: "json",
  docs: {
    title: "OWASP Dependency-Check JSON",
    produce: "`dependency-check.sh --scan . --format JSON --out dependency-check-report.json`",
    takes: TAKES
  },
  detect: detectJson,
  parse: parseDependencyCheck
};

// src/parsers/platform-common.ts
function isObj3(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function str3(v) {
  if (typeof v !== "string") return void 0;
  const t = v.trim();
  return t === "" || t === "None" || t === "null" ? void 0 : v;
}
function strOrNum(v) {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return str3(v);
}
function int(v) {
  const n = typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) ? n : null;
}
function isoDate(v) {
  const s = str3(v)?.trim();
  if (!s) return void 0;
  let t = s;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) t += "T00:00:00Z";
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t)) t = t.replace(" ", "T") + "Z";
  else {
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (us) t = `${us[3]}-${us[1].padStart(2, "0")}-${us[2].padStart(2, "0")}T00:00:00Z`;
  }
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return void 0;
  if (d.getUTCFullYear() < 1971) return void 0;
  return d.toISOString();
}
function cvssVersion(vector) {
  if (!vector) return null;
  const m = /^CVSS:(\d+(?:\.\d+)?)\//i.exec(vector.trim());
  if (m) return m[1];
  return /^\(?AV:[LAN]\/AC:/.test(vector.trim()) ? "2.0" : null;
}
var CVE_RE2 = /^CVE-\d{4}-\d{4,}$/i;
var GHSA_RE3 = /^GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}$/i;
function orderVulnIds(ids) {
  const rank = (i) => CVE_RE2.test(i) ? 0 : GHSA_RE3.test(i) ? 1 : 2;
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
function cweNumber(v) {
  if (typeof v === "number") return Number.isInteger(v) && v > 0 ? v : void 0;
  if (typeof v !== "string") return void 0;
  const m = /^(?:.*cwe[-_/: ]*)?0*(\d{1,5})$/i.exec(v.trim());
  const n = m ? Number(m[1]) : NaN;
  return n > 0 ? n : void 0;
}
var ECOSYSTEMS = {
  npm: "npm",
  yarn: "npm",
  pnpm: "npm",
  pip: "pypi",
  pipenv: "pypi",
  poetry: "pypi",
  setuptools: "pypi",
  pypi: "pypi",
  uv: "pypi",
  maven: "maven",
  gradle: "maven",
  sbt: "maven",
  bundler: "gem",
  rubygems: "gem",
  gem: "gem",
  composer: "packagist",
  packagist: "packagist",
  go: "go",
  gomod: "go",
  nuget: "nuget",
  conan: "conan",
  cargo: "cargo",
  rust: "cargo",
  pub: "pub",
  swift: "swift",
  actions: "github-actions",
  erlang: "hex"
};
function ecosystemOf(word) {
  if (!word) return null;
  const w = word.trim().toLowerCase();
  return ECOSYSTEMS[w] ?? (w || null);
}

// src/parsers/gitlab-common.ts
var GITLAB_FORMAT = {
  sast: "gitlab_sast",
  dependency_scanning: "gitlab_dep_scan",
  container_scanning: "gitlab_container_scan",
  secret_detection: "gitlab_secret_detection",
  dast: "gitlab_dast"
};
var SCAN_TYPES = {
  sast: "sast",
  dependency_scanning: "dependency_scanning",
  container_scanning: "container_scanning",
  cluster_image_scanning: "container_scanning",
  secret_detection: "secret_detection",
  dast: "dast",
  api_fuzzing: "dast"
};
var CATEGORY = {
  sast: "sast",
  dependency_scanning: "sca",
  container_scanning: "container",
  secret_detection: "secret",
  dast: "dast"
};
var DEFAULT_TOOL = {
  sast: "GitLab SAST",
  dependency_scanning: "GitLab Dependency Scanning",
  container_scanning: "GitLab Container Scanning",
  secret_detection: "GitLab Secret Detection",
  dast: "GitLab DAST"
};
var NAME_HINTS = [
  [/dependency[-_ ]?scanning|gl-dep|dep[-_]scan/i, "dependency_scanning"],
  [/container[-_ ]?scanning|cluster[-_]image/i, "container_scanning"],
  [/secret[-_ ]?detection/i, "secret_detection"],
  [/(^|[^a-z])dast|api[-_]fuzzing/i, "dast"],
  [/(^|[^a-z])sast/i, "sast"]
];
function kindOfItem(v) {
  const declared = SCAN_TYPES[str3(v.category) ?? ""];
  if (declared) return declared;
  const loc = isObj3(v.location) ? v.location : {};
  if (str3(v.raw_source_code_extract) && isObj3(loc.commit)) return "secret_detection";
  if (str3(loc.image) || str3(loc.operating_system)) return "container_scanning";
  const pkg = isObj3(loc.dependency) && isObj3(loc.dependency.package) ? loc.dependency.package : {};
  if (str3(pkg.name)) return "dependency_scanning";
  if (str3(loc.hostname) || str3(loc.path)) return "dast";
  if (isObj3(loc.dependency) && loc.start_line === void 0 && str3(loc.file)) return "dependency_scanning";
  if (str3(loc.file)) return "sast";
  return void 0;
}
function detectGitlabReport(s) {
  const sd = sniffDoc(s);
  const d = sd?.doc;
  if (!isObj3(d) || !Array.isArray(d.vulnerabilities)) return void 0;
  const scan = isObj3(d.scan) ? d.scan : void 0;
  const declared = scan ? SCAN_TYPES[str3(scan.type) ?? ""] : void 0;
  if (declared) return { kind: declared, score: 1 };
  if (scan && str3(scan.type)) return void 0;
  const items = d.vulnerabilities.slice(0, 50).filter(isObj3).filter((v) => !isCut(v));
  if (items.length > 0) {
    const gitlabShaped = items.filter((v) => Array.isArray(v.identifiers) && isObj3(v.location));
    if (gitlabShaped.length < Math.ceil(items.length / 2)) return void 0;
    const votes = /* @__PURE__ */ new Map();
    for (const v of gitlabShaped) {
      const k = kindOfItem(v);
      if (k) votes.set(k, (votes.get(k) ?? 0) + 1);
    }
    const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
    if (!best) return void 0;
    if (sd?.cut && votes.size > 1) return void 0;
    return { kind: best[0], score: typeof d.version === "string" ? 0.9 : 0.75 };
  }
  if (sd?.cut && d.vulnerabilities.length === 0 && Array.isArray(d.dependency_files) && !isCut(d.vulnerabilities))
    return { kind: "dependency_scanning", score: 0.7 };
  const hint = NAME_HINTS.find(([re]) => re.test(s.name));
  if (hint) return { kind: hint[1], score: 0.6 };
  return typeof d.version === "string" && Array.isArray(d.remediations) ? { kind: "sast", score: 0.3 } : void 0;
}
function severityOf3(v) {
  const word = str3(v.severity);
  if (word === void 0) return { severity: "medium", severity_source: "default", source_severity: null };
  const s = wordToSeverity(word) ?? (/^undefined$/i.test(word) ? "info" : void 0);
  return s ? { severity: s, severity_source: "tool", source_severity: word } : { severity: "medium", severity_source: "default", source_severity: word };
}
var ID_TYPES_NOT_RULES = /^(cve|cwe|ghsa|osvdb|owasp|usn|rhsa|elsa|dsa|alas)$/i;
function readIdentifiers(v) {
  const list2 = Array.isArray(v.identifiers) ? v.identifiers.filter(isObj3) : [];
  const vulnIds3 = [];
  const cwe = [];
  for (const id of list2) {
    const type = str3(id.type)?.toLowerCase() ?? "";
    const value = strOrNum(id.value)?.trim();
    const name = str3(id.name)?.trim();
    if (type === "cwe") {
      const n = cweNumber(id.value) ?? cweNumber(name);
      if (n) cwe.push(n);
      continue;
    }
    for (const cand of [value, name]) {
      if (cand && CVE_RE2.test(cand)) vulnIds3.push(cand.toUpperCase());
      else if (cand && GHSA_RE3.test(cand)) vulnIds3.push(cand);
      else continue;
      break;
    }
  }
  const primary = list2.find((i) => !ID_TYPES_NOT_RULES.test(str3(i.type) ?? "") && strOrNum(i.value)) ?? list2.find((i) => strOrNum(i.value));
  return {
    primary: primary ? { type: str3(primary.type), name: str3(primary.name), value: strOrNum(primary.value) } : void 0,
    vulnIds: orderVulnIds(vulnIds3),
    cwe: [...new Set(cwe)]
  };
}
function fixedVersionFrom(solution) {
  if (!solution) return null;
  const m = /\bupgrade\s+\S+\s+from\s+\S+\s+to\s+(?:version\s+)?([^\s,;]+?)\.?(?:\s|$)/i.exec(solution) ?? /\bupgrade\s+(?!to\b)\S+\s+to\s+(?:version\s+)?([^\s,;]+?)\.?(?:\s|$)/i.exec(solution) ?? /\bupgrade\s+to\s+(?:version\s+)?([^\s,;]+?)\.?(?:\s+or\s+(?:above|later|higher)|\s|$)/i.exec(solution);
  return m ? m[1] : null;
}
var SENSITIVE_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-auth-token|private-token)$/i;
function collectHeaderSecrets(v, secrets) {
  const ev = isObj3(v.evidence) ? v.evidence : void 0;
  for (const part of [ev?.request, ev?.response]) {
    if (!isObj3(part) || !Array.isArray(part.headers)) continue;
    for (const h of part.headers) {
      if (!isObj3(h) || !SENSITIVE_HEADERS.test(str3(h.name) ?? "")) continue;
      const val2 = str3(h.value);
      if (val2 && !/^\*+$/.test(val2.trim())) secrets.push(val2);
    }
  }
}
function itemToDraft(fc, v, i) {
  const pointer = `/vulnerabilities/${i}`;
  const loc = isObj3(v.location) ? v.location : {};
  const ids = readIdentifiers(v);
  const itemScanner = isObj3(v.scanner) ? str3(v.scanner.name) : void 0;
  let category = CATEGORY[fc.kind];
  if (fc.kind === "sast" && (str3(v.category) === "secret_detection" || /^(gitleaks|trufflehog)/i.test(ids.primary?.type ?? "")))
    category = "secret";
  const extract = str3(v.raw_source_code_extract);
  if (extract) fc.secrets.push(extract.trim());
  if (fc.kind === "dast") collectHeaderSecrets(v, fc.secrets);
  const dep = isObj3(loc.dependency) ? loc.dependency : void 0;
  const pkgName = dep && isObj3(dep.package) ? str3(dep.package.name) : void 0;
  let pkg = null;
  if (pkgName && (category === "sca" || category === "container")) {
    const file = str3(loc.file);
    const os = str3(loc.operating_system);
    pkg = {
      name: pkgName,
      version: strOrNum(dep.version) ?? null,
      fixed_version: fixedVersionFrom(str3(v.solution)),
      ecosystem: category === "container" ? ecosystemOf(os?.split(/[\s:]/)[0]) : ecosystemOf((file && fc.managers.get(file)) ?? void 0),
      purl: null
    };
  }
  const ruleId = ids.primary?.value ?? null;
  const name = str3(v.name) ?? str3(v.message);
  let title = name ?? ids.primary?.name ?? ruleId ?? "GitLab finding";
  if (!name && pkg && ruleId) title = `${ruleId} in ${pkg.name}${pkg.version ? `@${pkg.version}` : ""}`;
  const location = {};
  const tags = [];
  if (category === "dast") {
    const host = str3(loc.hostname);
    const path3 = str3(loc.path);
    location.url = host ? host.replace(/\/+$/, "") + (path3 ? path3.startsWith("/") ? path3 : `/${path3}` : "") : path3 ?? null;
    const method = str3(loc.method);
    if (method) tags.push(`method:${method.toUpperCase()}`);
  } else if (category === "container") {
    location.image = str3(loc.image) ?? null;
  } else {
    location.file = str3(loc.file) ?? null;
    location.start_line = int(loc.start_line);
    location.end_line = int(loc.end_line);
  }
  const commit = isObj3(loc.commit) ? str3(loc.commit.sha) : void 0;
  return {
    title,
    description: str3(v.description) ?? str3(v.message) ?? null,
    category,
    rule_id: ruleId,
    rule_name: ids.primary?.name ?? null,
    ...severityOf3(v),
    tool: itemScanner ?? fc.toolName,
    tool_version: itemScanner ? null : fc.toolVersion,
    tool_confidence: str3(v.confidence) ?? null,
    state: "open",
    first_seen: null,
    cwe: ids.cwe,
    cve: ids.vulnIds,
    package: pkg,
    location,
    tags,
    pointer,
    secret: category === "secret" ? extract?.trim() ?? null : null,
    // A history scan names the commit; "0000000" is the analyzer's "not from history".
    identity_hint: category === "secret" && commit && !/^0+$/.test(commit) ? commit : null
  };
}
function describeShape(doc) {
  if (Array.isArray(doc)) return "an array";
  if (isObj3(doc)) {
    const keys = Object.keys(doc).slice(0, 6);
    return `an object with keys ${keys.map((k) => JSON.stringify(k)).join(", ") || "(none)"}`;
  }
  return doc === null ? "null" : `a ${typeof doc}`;
}
function beginGitlabReport(doc, file, kind, secrets) {
  const label = GITLAB_FORMAT[kind];
  if (!isObj3(doc) || !Array.isArray(doc.vulnerabilities))
    throw new UserError(
      `not a GitLab ${kind} report: expected an object with a "vulnerabilities" array, found ${describeShape(doc)}`,
      file
    );
  const scan = isObj3(doc.scan) ? doc.scan : {};
  const declaredType = str3(scan.type);
  if (declaredType && SCAN_TYPES[declaredType] !== kind) {
    const other = SCAN_TYPES[declaredType];
    throw new UserError(
      other ? `this is a GitLab ${declaredType} report (scan.type "${declaredType}"), not ${kind}: use --format ${GITLAB_FORMAT[other]}` : `GitLab report type "${declaredType}" is not supported by ${label}`,
      file,
      "/scan/type"
    );
  }
  const scanner = isObj3(scan.scanner) ? scan.scanner : {};
  const analyzer = isObj3(scan.analyzer) ? scan.analyzer : {};
  const toolName2 = str3(scanner.name) ?? str3(analyzer.name) ?? DEFAULT_TOOL[kind];
  const toolVersion = strOrNum(scanner.version) ?? strOrNum(analyzer.version) ?? null;
  const managers = /* @__PURE__ */ new Map();
  for (const df of Array.isArray(doc.dependency_files) ? doc.dependency_files : []) {
    if (isObj3(df) && str3(df.path) && str3(df.package_manager)) managers.set(df.path, df.package_manager);
  }
  return { fc: { kind, toolName: toolName2, toolVersion, managers, secrets }, scan, warnings: [], tools: /* @__PURE__ */ new Map() };
}
function gitlabItem(gc, v, i) {
  if (!isObj3(v)) {
    gc.warnings.push(`/vulnerabilities/${i}: not an object; skipped`);
    return void 0;
  }
  let d;
  try {
    d = itemToDraft(gc.fc, v, i);
  } catch (e) {
    gc.warnings.push(
      `/vulnerabilities/${i}: unreadable item (${e instanceof Error ? e.message : String(e)}); skipped`
    );
    return void 0;
  }
  const { toolName: toolName2, toolVersion } = gc.fc;
  const name = d.tool ?? toolName2;
  let t = gc.tools.get(name);
  if (!t) {
    t = {
      version: d.tool === toolName2 ? toolVersion : d.tool_version ?? null,
      categories: [CATEGORY[gc.fc.kind]]
    };
    gc.tools.set(name, t);
  }
  if (!t.categories.includes(d.category)) t.categories.push(d.category);
  return d;
}
function finishGitlabReport(gc) {
  const { scan } = gc;
  const errors = [];
  for (const m of Array.isArray(scan.messages) ? scan.messages : []) {
    if (isObj3(m) && /^(fatal|error)$/i.test(str3(m.level) ?? "") && str3(m.value)) errors.push(m.value);
  }
  const status = str3(scan.status);
  const success = status === void 0 ? true : status.toLowerCase() !== "failure";
  if (!success && errors.length === 0) errors.push('scan.status is "failure"');
  if (gc.tools.size === 0)
    gc.tools.set(gc.fc.toolName, { version: gc.fc.toolVersion, categories: [CATEGORY[gc.fc.kind]] });
  return [...gc.tools].map(([name, t]) => ({
    tool: { name, version: t.version },
    categories: [...t.categories].sort(),
    success,
    errors: [...errors]
  }));
}
function parseGitlabReport(doc, file, kind) {
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const gc = beginGitlabReport(doc, file, kind, out.secrets);
  doc.vulnerabilities.forEach((v, i) => {
    const d = gitlabItem(gc, v, i);
    if (d) out.findings.push(d);
  });
  out.scans = finishGitlabReport(gc);
  out.warnings = gc.warnings;
  return out;
}
var GITLAB_SECRET_WORDS = [
  "raw_source_code_extract",
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "x-auth-token",
  "private-token"
];
function gitlabParser(kind, docs) {
  return {
    id: GITLAB_FORMAT[kind],
    input: "json",
    docs,
    detect(s) {
      const d = detectGitlabReport(s);
      return d && d.kind === kind ? d.score : 0;
    },
    parse: (doc, ctx) => parseGitlabReport(doc, ctx.file, kind)
  };
}

// src/parsers/gitlab_sast/index.ts
var gitlabSastParser = gitlabParser("sast", {
  title: "GitLab SAST report (gl-sast-report.json)",
  produce: "GitLab CI: `include: - template: Jobs/SAST.gitlab-ci.yml` (or the SAST component); the job artifact `gl-sast-report.json` (artifacts:reports:sast)",
  takes: "one record per vulnerabilities[] entry (repeats are not merged); name, description, severity (Unknown \u2192 info), confidence, primary identifier as rule, CWE/CVE identifiers, file and lines, scanner name and version, scan.status; secrets-analyzer items of old reports as category secret; raw_source_code_extract is never copied"
});

// src/parsers/gitlab_dep_scan/index.ts
var gitlabDepScanParser = gitlabParser("dependency_scanning", {
  title: "GitLab Dependency Scanning report (gl-dependency-scanning-report.json)",
  produce: "GitLab CI: `include: - template: Jobs/Dependency-Scanning.gitlab-ci.yml` (or the dependency-scanning component); the job artifact `gl-dependency-scanning-report.json`",
  takes: "one record per vulnerabilities[] entry; CVE/GHSA/CWE identifiers, severity (Unknown \u2192 info), package name and version from location.dependency, fixed version from the solution text, manifest file, ecosystem from dependency_files[].package_manager, scanner name and version, scan.status"
});

// src/parsers/gitlab_container_scan/index.ts
var gitlabContainerScanParser = gitlabParser("container_scanning", {
  title: "GitLab Container Scanning report (gl-container-scanning-report.json)",
  produce: 'GitLab CI: `include: - template: Jobs/Container-Scanning.gitlab-ci.yml`; or Trivy: `trivy image --format template --template "@contrib/gitlab.tpl" -o gl-container-scanning-report.json IMAGE`',
  takes: "one record per vulnerabilities[] entry (the same CVE in two packages is two records); CVE identifiers, severity (Unknown \u2192 info), package name and version, fixed version from the solution text, image (location.image) and operating system, scanner name and version, scan.status"
});

// src/parsers/gitlab_secret_detection/index.ts
var gitlabSecretDetectionParser = gitlabParser("secret_detection", {
  title: "GitLab Secret Detection report (gl-secret-detection-report.json)",
  produce: "GitLab CI: `include: - template: Jobs/Secret-Detection.gitlab-ci.yml` (or the secret-detection component); the job artifact `gl-secret-detection-report.json`",
  takes: "one record per vulnerabilities[] entry; rule (primary identifier), severity, file and lines, commit of history scans (identity only); raw_source_code_extract (the secret) is hashed into the identity and redacted, never copied; commit author and message are dropped"
});

// src/parsers/gitlab_dast/index.ts
var gitlabDastParser = gitlabParser("dast", {
  title: "GitLab DAST report (gl-dast-report.json)",
  produce: "GitLab CI: `include: - template: DAST.gitlab-ci.yml` (or API security / API fuzzing); the job artifact `gl-dast-report.json`",
  takes: "one record per vulnerabilities[] entry (not merged by title); alert name or plugin name, plugin id as rule, CWE, severity, URL from location.hostname + path, HTTP method as a tag, scanner name and version; request/response evidence (headers, bodies) is never copied"
});

// src/parsers/github-common.ts
function kindOfAlert(a) {
  if (isObj3(a.most_recent_instance) || isObj3(a.rule) && isObj3(a.tool) && "number" in a)
    return "code_scanning";
  if ("secret_type" in a && ("secret" in a || "secret_type_display_name" in a || "resolution" in a))
    return "secret_scanning";
  if (isObj3(a.security_advisory) && (isObj3(a.dependency) || isObj3(a.security_vulnerability)))
    return "dependabot";
  return void 0;
}
var NAME_HINTS2 = [
  [/code[-_ ]?scanning|github[-_]sast|codeql/i, "code_scanning"],
  [/secret/i, "secret_scanning"],
  [/dependabot|vulnerabilit/i, "dependabot"]
];
function detectGithubList(s) {
  const d = s.doc;
  if (Array.isArray(d)) {
    const items = d.slice(0, 20).filter(isObj3);
    if (items.length === 0) {
      if (d.length > 0) return void 0;
      const hint = NAME_HINTS2.find(([re]) => re.test(s.name));
      return hint ? { kind: hint[1], score: 0.6 } : void 0;
    }
    const kinds = items.map(kindOfAlert);
    const first = kinds[0];
    if (!first || kinds.some((k) => k !== first)) return void 0;
    return { kind: first, score: 1 };
  }
  if (isObj3(d) && "number" in d && ("html_url" in d || "url" in d)) {
    const k = kindOfAlert(d);
    return k ? { kind: k, score: 0.9 } : void 0;
  }
  return void 0;
}
function alertItems(doc) {
  if (Array.isArray(doc)) return doc;
  if (isObj3(doc) && "number" in doc) return [doc];
  return void 0;
}
function repoFromHtmlUrl(url) {
  if (!url) return null;
  const m = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/(?:security|pull|issues)\b/.exec(url);
  return m ? `${m[1]}/${m[2]}` : null;
}
function repoOf(a) {
  const full = isObj3(a.repository) ? str3(a.repository.full_name) : void 0;
  return full ?? repoFromHtmlUrl(str3(a.html_url));
}
function norm(reason) {
  return (reason ?? "").toLowerCase().replace(/['’]/g, "").replace(/[\s-]+/g, "_");
}
function codeScanningState(state, reason, comment) {
  const why = (r) => comment ? `${r}: ${comment}` : r;
  switch ((state ?? "open").toLowerCase()) {
    case "fixed":
      return { state: "fixed", state_reason: "fixed" };
    case "dismissed": {
      const r = norm(reason);
      if (r === "false_positive")
        return { state: "false_positive", state_reason: why("dismissed: false positive") };
      if (r === "wont_fix") return { state: "accepted_risk", state_reason: why("dismissed: won't fix") };
      if (r === "used_in_tests")
        return { state: "not_applicable", state_reason: why("dismissed: used in tests") };
      return { state: "accepted_risk", state_reason: why(`dismissed${reason ? `: ${reason}` : ""}`) };
    }
    case "closed":
      return { state: "not_applicable", state_reason: "closed (rule or tool no longer analysed)" };
    default:
      return { state: "open", state_reason: null };
  }
}
function secretScanningState(state, resolution, comment) {
  if ((state ?? "open").toLowerCase() !== "resolved") return { state: "open", state_reason: null };
  const r = norm(resolution);
  const why = (x) => comment ? `${x}: ${comment}` : x;
  switch (r) {
    case "false_positive":
      return { state: "false_positive", state_reason: why("resolved: false_positive") };
    case "wont_fix":
      return { state: "accepted_risk", state_reason: why("resolved: wont_fix") };
    case "revoked":
      return { state: "fixed", state_reason: why("resolved: revoked") };
    case "used_in_tests":
      return { state: "not_applicable", state_reason: why("resolved: used_in_tests") };
    case "pattern_edited":
    case "pattern_deleted":
      return { state: "not_applicable", state_reason: why(`resolved: ${r}`) };
    default:
      return { state: "fixed", state_reason: why(`resolved${resolution ? `: ${resolution}` : ""}`) };
  }
}
function dependabotState(state, reason, comment) {
  const why = (x) => comment ? `${x}: ${comment}` : x;
  const s = (state ?? "open").toLowerCase();
  if (s === "fixed") return { state: "fixed", state_reason: "fixed" };
  if (s === "auto_dismissed")
    return { state: "not_applicable", state_reason: why("auto_dismissed (Dependabot auto-triage rule)") };
  if (s !== "dismissed") return { state: "open", state_reason: null };
  const r = norm(reason);
  if (r === "inaccurate" || /inaccurate|incorrect/.test(r))
    return { state: "false_positive", state_reason: why("dismissed: inaccurate") };
  if (r === "not_used" || /not_actually_used|not_used/.test(r))
    return { state: "not_applicable", state_reason: why("dismissed: not_used") };
  if (r === "tolerable_risk" || /tolerable/.test(r))
    return { state: "accepted_risk", state_reason: why("dismissed: tolerable_risk") };
  if (r === "no_bandwidth" || /bandwidth/.test(r))
    return { state: "accepted_risk", state_reason: why("dismissed: no_bandwidth") };
  if (r === "fix_started" || /fix_has_already_been_started|fix_started/.test(r))
    return { state: "accepted_risk", state_reason: why("dismissed: fix_started") };
  return { state: "accepted_risk", state_reason: why(`dismissed${reason ? `: ${reason}` : ""}`) };
}

// src/parsers/github_code_scanning/index.ts
function severityOf4(rule) {
  const ssl = str3(rule.security_severity_level);
  const fromSsl = wordToSeverity(ssl);
  if (fromSsl) return { severity: fromSsl, severity_source: "security-severity-rule", source_severity: ssl };
  const level = str3(rule.severity);
  if (level && /^(error|warning|note|none)$/i.test(level))
    return {
      severity: levelToSeverity(level.toLowerCase()),
      severity_source: "level",
      source_severity: level
    };
  const word = wordToSeverity(level);
  if (word) return { severity: word, severity_source: "tool", source_severity: level };
  return { severity: "medium", severity_source: "default", source_severity: null };
}
function codeScanningAlertToDraft(a, pointer) {
  const rule = isObj3(a.rule) ? a.rule : {};
  const tool = isObj3(a.tool) ? a.tool : {};
  const inst = isObj3(a.most_recent_instance) ? a.most_recent_instance : {};
  const loc = isObj3(inst.location) ? inst.location : {};
  const toolName2 = str3(tool.name) ?? "GitHub code scanning";
  const ruleId = str3(rule.id) ?? str3(rule.name) ?? null;
  const tags = Array.isArray(rule.tags) ? rule.tags.filter((t) => typeof t === "string") : [];
  const cwe = tags.filter((t) => /cwe/i.test(t)).map((t) => cweNumber(t)).filter((n) => n !== void 0);
  const vulnIds3 = ruleId && (CVE_RE2.test(ruleId) || GHSA_RE3.test(ruleId)) ? [ruleId] : [];
  const file = str3(loc.path) ?? null;
  const category = inferCategory(toolName2, ruleId ?? void 0, tags, vulnIds3, file ?? void 0);
  const life = codeScanningState(str3(a.state), str3(a.dismissed_reason), str3(a.dismissed_comment));
  const closed = life.state === "fixed" ? str3(a.fixed_at) : life.state === "open" ? void 0 : str3(a.dismissed_at);
  const message = isObj3(inst.message) ? str3(inst.message.text) : void 0;
  const htmlUrl = str3(a.html_url);
  const alertKey = htmlUrl ?? str3(a.url) ?? (a.number != null ? `#${String(a.number)}` : void 0);
  return {
    title: str3(rule.description) ?? str3(rule.name) ?? ruleId ?? message ?? "Code scanning alert",
    // For secret rules the message may quote the match: keep it out.
    description: category === "secret" ? null : message ?? str3(rule.full_description) ?? null,
    category,
    rule_id: ruleId,
    rule_name: str3(rule.name) ?? null,
    ...severityOf4(rule),
    tool: toolName2,
    tool_version: str3(tool.version) ?? null,
    ...life,
    first_seen: isoDate(a.created_at) ?? null,
    closed_at: life.state === "open" ? null : isoDate(closed) ?? null,
    repo: repoOf(a),
    cwe,
    cve: vulnIds3,
    location: { file, start_line: int(loc.start_line), end_line: int(loc.end_line), url: htmlUrl ?? null },
    // GitHub's alert is its own dedup unit: it follows the result across line moves.
    fingerprints: alertKey ? { "github/alert": alertKey } : {},
    tags,
    help_uri: null,
    pointer
  };
}
function parseCodeScanning(doc, file) {
  const items = alertItems(doc);
  if (!items)
    throw new UserError(
      "not a GitHub code scanning alert list: expected a JSON array of alerts (GET /repos/{owner}/{repo}/code-scanning/alerts)",
      file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const scans = /* @__PURE__ */ new Map();
  items.forEach((a, i) => {
    const pointer = Array.isArray(doc) ? `/${i}` : "";
    if (!isObj3(a) || !(isObj3(a.rule) || isObj3(a.most_recent_instance))) {
      out.warnings.push(
        `${pointer || "/"}: not a code scanning alert (no rule / most_recent_instance); skipped`
      );
      return;
    }
    const d = codeScanningAlertToDraft(a, pointer);
    out.findings.push(d);
    const key = d.tool;
    const s = scans.get(key) ?? {
      tool: { name: key, version: d.tool_version ?? null },
      categories: [],
      success: true,
      errors: []
    };
    if (!s.categories.includes(d.category)) s.categories.push(d.category);
    scans.set(key, s);
  });
  out.scans = scans.size ? [...scans.values()].map((s) => ({ ...s, categories: [...s.categories].sort() })) : [
    {
      tool: { name: "GitHub code scanning", version: null },
      categories: ["sast"],
      success: true,
      errors: []
    }
  ];
  return out;
}
var githubCodeScanningParser = {
  id: "github_code_scanning",
  input: "json",
  docs: {
    title: "GitHub code scanning alerts (REST export)",
    produce: "`gh api /repos/OWNER/REPO/code-scanning/alerts --paginate --slurp | jq add > code-scanning-alerts.json` (or `/orgs/ORG/code-scanning/alerts`)",
    takes: "one record per alert; rule id/description, security_severity_level (else rule severity as a level), CWE tags, tool name and version, most_recent_instance path and lines, state (open / fixed / dismissed with reason) with created_at, fixed_at / dismissed_at, html_url and repository"
  },
  detect(s) {
    const d = detectGithubList(s);
    return d?.kind === "code_scanning" ? d.score : 0;
  },
  parse: (doc, ctx) => parseCodeScanning(doc, ctx.file)
};

// src/parsers/github_secret_scanning/index.ts
var TOOL = "GitHub secret scanning";
function secretAlertToDraft(a, pointer, secrets) {
  const secret = typeof a.secret === "string" && a.secret.trim() !== "" ? a.secret : null;
  if (secret) secrets.push(secret);
  const type = str3(a.secret_type) ?? null;
  const display = str3(a.secret_type_display_name) ?? type ?? "Secret";
  const life = secretScanningState(str3(a.state), str3(a.resolution), str3(a.resolution_comment));
  const first = isObj3(a.first_location_detected) ? a.first_location_detected : {};
  const htmlUrl = str3(a.html_url);
  const alertKey = htmlUrl ?? str3(a.url) ?? (a.number != null ? `#${String(a.number)}` : void 0);
  const tags = [];
  const validity = str3(a.validity);
  if (validity) tags.push(`validity:${validity}`);
  if (a.publicly_leaked === true) tags.push("publicly-leaked");
  if (a.push_protection_bypassed === true) tags.push("push-protection-bypassed");
  if (a.multi_repo === true) tags.push("multi-repo");
  return {
    title: display,
    description: `${display} detected by GitHub secret scanning${validity ? ` (validity: ${validity})` : ""}`,
    category: "secret",
    rule_id: type,
    rule_name: display,
    // GitHub gives no severity for secrets; ours default to critical (METRICS.md).
    severity: "critical",
    severity_source: "default",
    source_severity: null,
    tool: TOOL,
    ...life,
    first_seen: isoDate(a.created_at) ?? null,
    closed_at: life.state === "open" ? null : isoDate(a.resolved_at) ?? null,
    repo: repoOf(a),
    location: {
      file: str3(first.path) ?? null,
      start_line: int(first.start_line),
      end_line: int(first.end_line),
      url: htmlUrl ?? null
    },
    fingerprints: alertKey ? { "github/alert": alertKey } : {},
    tags,
    pointer,
    secret
  };
}
function parseSecretScanning(doc, file) {
  const items = alertItems(doc);
  if (!items)
    throw new UserError(
      "not a GitHub secret scanning alert list: expected a JSON array of alerts (GET /repos/{owner}/{repo}/secret-scanning/alerts)",
      file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  items.forEach((a, i) => {
    const pointer = Array.isArray(doc) ? `/${i}` : "";
    if (!isObj3(a) || !("secret_type" in a || "secret_type_display_name" in a)) {
      out.warnings.push(`${pointer || "/"}: not a secret scanning alert (no secret_type); skipped`);
      return;
    }
    out.findings.push(secretAlertToDraft(a, pointer, out.secrets));
  });
  out.scans = [{ tool: { name: TOOL, version: null }, categories: ["secret"], success: true, errors: [] }];
  return out;
}
var githubSecretScanningParser = {
  id: "github_secret_scanning",
  input: "json",
  docs: {
    title: "GitHub secret scanning alerts (REST export)",
    produce: '`gh api "/repos/OWNER/REPO/secret-scanning/alerts?hide_secret=true" --paginate --slurp | jq add > secret-scanning-alerts.json`',
    takes: "one record per alert, category secret, severity critical (GitHub gives none); secret type as rule, first location path and lines, state (open / resolved with resolution) with created_at and resolved_at, validity and public-leak flags as tags, html_url and repository; the `secret` value is hashed into the identity and redacted, never copied"
  },
  detect(s) {
    const d = detectGithubList(s);
    return d?.kind === "secret_scanning" ? d.score : 0;
  },
  parse: (doc, ctx) => parseSecretScanning(doc, ctx.file)
};

// src/parsers/github_vulnerability/index.ts
var TOOL2 = "Dependabot";
function severityOf5(word, cvss) {
  const s = wordToSeverity(word);
  if (s) return { severity: s, severity_source: "tool", source_severity: word };
  if (cvss?.score != null)
    return {
      severity: cvssToSeverity(cvss.score),
      severity_source: "cvss",
      source_severity: String(cvss.score)
    };
  return { severity: "medium", severity_source: "default", source_severity: null };
}
function cvssOf2(...candidates) {
  for (const c of candidates) {
    if (!isObj3(c)) continue;
    const vector = str3(c.vector_string) ?? str3(c.vectorString);
    const score = typeof c.score === "number" && c.score >= 0 && c.score <= 10 ? c.score : null;
    if (!vector && !score) continue;
    return { score, vector: vector ?? null, version: cvssVersion(vector) };
  }
  return null;
}
function vulnIds2(...values) {
  const ids = [];
  const add = (v) => {
    const s = str3(v)?.trim();
    if (s && CVE_RE2.test(s)) ids.push(s.toUpperCase());
    else if (s && GHSA_RE3.test(s)) ids.push(s);
  };
  for (const v of values) {
    if (Array.isArray(v)) for (const x of v) add(isObj3(x) ? x.value : x);
    else add(v);
  }
  return orderVulnIds(ids);
}
function restAlertToDraft(a, pointer) {
  const adv = isObj3(a.security_advisory) ? a.security_advisory : {};
  const sv = isObj3(a.security_vulnerability) ? a.security_vulnerability : {};
  const dep = isObj3(a.dependency) ? a.dependency : {};
  const pkg = isObj3(dep.package) ? dep.package : isObj3(sv.package) ? sv.package : {};
  const cvssSev = isObj3(adv.cvss_severities) ? adv.cvss_severities : {};
  const cvss = cvssOf2(cvssSev.cvss_v3, adv.cvss, cvssSev.cvss_v4);
  const life = dependabotState(str3(a.state), str3(a.dismissed_reason), str3(a.dismissed_comment));
  const closed = life.state === "fixed" ? a.fixed_at : str3(a.state) === "auto_dismissed" ? a.auto_dismissed_at : a.dismissed_at;
  const ids = vulnIds2(adv.cve_id, adv.ghsa_id, adv.identifiers);
  const name = str3(pkg.name);
  const fixed = isObj3(sv.first_patched_version) ? str3(sv.first_patched_version.identifier) : void 0;
  return {
    title: str3(adv.summary) ?? `${ids[0] ?? "Vulnerability"} in ${name ?? "dependency"}`,
    description: str3(adv.description) ?? null,
    category: "sca",
    rule_id: str3(adv.ghsa_id) ?? ids[0] ?? null,
    ...severityOf5(str3(sv.severity) ?? str3(adv.severity), cvss),
    tool: TOOL2,
    ...life,
    first_seen: isoDate(a.created_at) ?? null,
    closed_at: life.state === "open" ? null : isoDate(closed) ?? null,
    repo: repoOf(a),
    cwe: (Array.isArray(adv.cwes) ? adv.cwes : []).map((c) => cweNumber(isObj3(c) ? c.cwe_id : c)).filter(Boolean),
    cve: ids,
    cvss,
    package: name ? {
      name,
      version: null,
      fixed_version: fixed ?? null,
      ecosystem: ecosystemOf(str3(pkg.ecosystem)),
      purl: null
    } : null,
    location: { file: str3(dep.manifest_path) ?? null, url: str3(a.html_url) ?? null },
    tags: str3(dep.scope) ? [`scope:${dep.scope}`] : [],
    help_uri: str3(adv.permalink) ?? null,
    pointer
  };
}
function exactVersion(req) {
  const m = req ? /^\s*=\s*([^\s,<>=]+)\s*$/.exec(req) : null;
  return m ? m[1] : null;
}
function graphqlNodeToDraft(n, pointer, rc) {
  const sv = isObj3(n.securityVulnerability) ? n.securityVulnerability : {};
  const adv = isObj3(sv.advisory) ? sv.advisory : isObj3(n.securityAdvisory) ? n.securityAdvisory : {};
  const pkg = isObj3(sv.package) ? sv.package : {};
  const cvss = cvssOf2(adv.cvss);
  const state = str3(n.state)?.toLowerCase();
  const life = dependabotState(state, str3(n.dismissReason), str3(n.dismissComment));
  const closed = life.state === "fixed" ? n.fixedAt : state === "auto_dismissed" ? n.autoDismissedAt : n.dismissedAt;
  const ids = vulnIds2(adv.ghsaId, adv.identifiers);
  const name = str3(pkg.name);
  const fixed = isObj3(sv.firstPatchedVersion) ? str3(sv.firstPatchedVersion.identifier) : void 0;
  const repo = (isObj3(n.repository) ? str3(n.repository.nameWithOwner) : void 0) ?? rc.repo;
  const number = strOrNum(n.number);
  const cwes = isObj3(adv.cwes) && Array.isArray(adv.cwes.nodes) ? adv.cwes.nodes : [];
  return {
    title: str3(adv.summary) ?? `${ids[0] ?? "Vulnerability"} in ${name ?? "dependency"}`,
    description: str3(adv.description) ?? null,
    category: "sca",
    rule_id: str3(adv.ghsaId) ?? ids.find((i) => GHSA_RE3.test(i)) ?? ids[0] ?? null,
    ...severityOf5(str3(sv.severity), cvss),
    tool: TOOL2,
    ...life,
    first_seen: isoDate(n.createdAt) ?? null,
    closed_at: life.state === "open" ? null : isoDate(closed) ?? null,
    repo,
    cwe: cwes.map((c) => cweNumber(isObj3(c) ? c.cweId : c)).filter(Boolean),
    cve: ids,
    cvss,
    package: name ? {
      name,
      version: exactVersion(str3(n.vulnerableRequirements)),
      fixed_version: fixed ?? null,
      ecosystem: ecosystemOf(str3(pkg.ecosystem)),
      purl: null
    } : null,
    location: {
      file: str3(n.vulnerableManifestPath) ?? null,
      url: rc.url && number ? `${rc.url.replace(/\/+$/, "")}/security/dependabot/${number}` : null
    },
    tags: str3(n.dependencyScope) ? [`scope:${String(n.dependencyScope).toLowerCase()}`] : [],
    help_uri: str3(adv.permalink) ?? null,
    pointer
  };
}
function findAlertConnections(v, pointer, rc, depth, found) {
  if (depth > 8) return;
  if (Array.isArray(v)) {
    v.forEach((x, i) => findAlertConnections(x, `${pointer}/${i}`, rc, depth + 1, found));
    return;
  }
  if (!isObj3(v)) return;
  const here = {
    repo: str3(v.nameWithOwner) ?? rc.repo,
    url: (str3(v.nameWithOwner) ? str3(v.url) : void 0) ?? rc.url
  };
  for (const [k, child] of Object.entries(v)) {
    if (k === "vulnerabilityAlerts" && isObj3(child)) {
      if (Array.isArray(child.nodes))
        found.push({ nodes: child.nodes, pointer: `${pointer}/${k}/nodes`, rc: here });
      else if (Array.isArray(child.edges))
        found.push({
          nodes: child.edges.map((e) => isObj3(e) ? e.node : e),
          pointer: `${pointer}/${k}/edges`,
          rc: here
        });
    } else if (typeof child === "object" && child !== null)
      findAlertConnections(child, `${pointer}/${k}`, here, depth + 1, found);
  }
}
function graphqlAlerts(doc) {
  if (!isObj3(doc) || !isObj3(doc.data)) return void 0;
  const found = [];
  findAlertConnections(doc.data, "/data", { repo: null, url: null }, 0, found);
  return found.length ? found : void 0;
}
function parseGithubVulnerability(doc, file) {
  const gql = graphqlAlerts(doc);
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  if (gql) {
    for (const conn of gql) {
      conn.nodes.forEach((n, i) => {
        const pointer = conn.pointer.endsWith("/edges") ? `${conn.pointer}/${i}/node` : `${conn.pointer}/${i}`;
        if (!isObj3(n) || !(isObj3(n.securityVulnerability) || isObj3(n.securityAdvisory))) {
          out.warnings.push(`${pointer}: not a vulnerability alert (no securityVulnerability); skipped`);
          return;
        }
        out.findings.push(graphqlNodeToDraft(n, pointer, conn.rc));
      });
    }
  } else {
    if (isObj3(doc) && Array.isArray(doc.errors) && !isObj3(doc.data))
      throw new UserError(
        `GitHub GraphQL error response, no data: ${doc.errors.map((e) => (isObj3(e) ? str3(e.message) : void 0) ?? "?").join("; ")}`,
        file
      );
    const list2 = detectGithubList({ name: file, head: "", doc });
    if (list2?.kind === "code_scanning") {
      const cs = parseCodeScanning(doc, file);
      cs.warnings.unshift(
        "this is a GitHub code scanning alert list, not Dependabot alerts: read as github_code_scanning"
      );
      return cs;
    }
    const items = alertItems(doc);
    if (!items)
      throw new UserError(
        "not GitHub Dependabot alerts: expected a JSON array of alerts (GET /repos/{owner}/{repo}/dependabot/alerts) or a GraphQL response with data.repository.vulnerabilityAlerts.nodes",
        file
      );
    items.forEach((a, i) => {
      const pointer = Array.isArray(doc) ? `/${i}` : "";
      if (!isObj3(a) || !isObj3(a.security_advisory)) {
        out.warnings.push(`${pointer || "/"}: not a Dependabot alert (no security_advisory); skipped`);
        return;
      }
      out.findings.push(restAlertToDraft(a, pointer));
    });
  }
  out.scans = [{ tool: { name: TOOL2, version: null }, categories: ["sca"], success: true, errors: [] }];
  return out;
}
function detect8(s) {
  if (graphqlAlerts(s.doc)) return 1;
  const d = detectGithubList(s);
  return d?.kind === "dependabot" ? d.score : 0;
}
var githubVulnerabilityParser = {
  id: "github_vulnerability",
  input: "json",
  docs: {
    title: "GitHub Dependabot alerts (REST export or GraphQL vulnerabilityAlerts)",
    produce: "`gh api /repos/OWNER/REPO/dependabot/alerts --paginate --slurp | jq add > dependabot-alerts.json`; or GraphQL `repository { vulnerabilityAlerts(first: 100) { nodes { ... } } }` via `gh api graphql`",
    takes: "one record per alert; advisory summary, GHSA/CVE ids, CWE, CVSS, severity, package name and ecosystem, fixed version, manifest path, state (open / fixed / dismissed with reason / auto_dismissed) with created, fixed or dismissed dates, repository"
  },
  detect: detect8,
  parse: (doc, ctx) => parseGithubVulnerability(doc, ctx.file)
};

// src/schema/finding-constants.ts
var FINDING_SCHEMA_VERSION = 1;
var CATEGORIES = [
  "sast",
  "sca",
  "secret",
  "iac",
  "container",
  "dast",
  "mobile",
  "cloud",
  "license",
  "other"
];

// src/util/csv.ts
function parseCsv(text3, file = "input") {
  const src = text3.charCodeAt(0) === 65279 ? text3.slice(1) : text3;
  const firstLine2 = src.slice(0, src.search(/\r?\n|$/));
  const counts = [",", ";", "	"].map((d) => [d, firstLine2.split(d).length]);
  const delim = counts.sort((a, b) => b[1] - a[1])[0][0];
  const records = [];
  let cells = [];
  let cell2 = "";
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell2 += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === "\n") line++;
        cell2 += c;
      }
      continue;
    }
    if (c === '"' && cell2 === "") {
      inQuotes = true;
      quoteLine = line;
    } else if (c === delim) {
      cells.push(cell2);
      cell2 = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      cells.push(cell2);
      records.push({ cells, line: rowLine });
      cells = [];
      cell2 = "";
      line++;
      rowLine = line;
    } else cell2 += c;
  }
  if (inQuotes)
    throw new UserError(`unterminated quoted field starting on line ${quoteLine}`, file, `${quoteLine}`);
  if (cell2 !== "" || cells.length > 0) {
    cells.push(cell2);
    records.push({ cells, line: rowLine });
  }
  const nonEmpty = records.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === ""));
  const header = nonEmpty.shift();
  if (!header) throw new UserError("empty CSV: no header row", file);
  const headers = header.cells.map((h) => h.trim());
  const rows = nonEmpty.map((r) => {
    const o = { __line: r.line };
    headers.forEach((h, i) => {
      o[h] = r.cells[i] ?? "";
    });
    return o;
  });
  return { headers, rows, cells: nonEmpty.map((r) => r.cells) };
}

// src/util/json-position.ts
function lineCol(text3, offset) {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text3.length);
  for (let i = 0; i < end; i++) {
    if (text3.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
function parseJsonWithPosition(text3) {
  try {
    return { ok: true, value: JSON.parse(text3) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    let position;
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    if (lc) position = `${lc[1]}:${lc[2]}`;
    else if (pos) {
      const { line, column } = lineCol(text3, Number(pos[1]));
      position = `${line}:${column}`;
    } else if (/Unexpected end of JSON input/.test(msg)) {
      const { line, column } = lineCol(text3, text3.length);
      position = `${line}:${column}`;
    }
    const reason = msg.replace(/, "[\s\S]*" is not valid JSON$/, "").replace(/ in JSON at position \d+.*$/, "");
    return { ok: false, message: `not valid JSON (${reason.trim()})`, position };
  }
}

// src/parsers/defectdojo_generic/index.ts
var DEFAULT_TOOL2 = "DefectDojo generic import";
var KNOWN_KEYS = new Set(
  "title description severity mitigation impact references date cve cwe cvssv3 cvssv3_score cvssv4 cvssv4_score file_path line component_name component_version endpoints unique_id_from_tool vuln_id_from_tool active verified false_p out_of_scope risk_accepted is_mitigated mitigated mitigated_by duplicate tags steps_to_reproduce severity_justification fix_available fix_version static_finding dynamic_finding sast_source_object sast_sink_object sast_source_line sast_source_file_path nb_occurences publish_date service planned_remediation_date planned_remediation_version effort_for_fixing vulnerability_ids files epss_score epss_percentile kev_date known_exploited ransomware_used scanner_confidence numerical_severity param payload under_review under_defect_review url request response hash_code found_by cvssv3_vector cvss_score".split(" ")
);
var CSV_MARKERS = [
  "Date",
  "CweId",
  "Url",
  "Mitigation",
  "Impact",
  "References",
  "Active",
  "Verified",
  "FalsePositive",
  "Duplicate"
];
function detectJson2(d, name) {
  if (!isObj3(d) || !Array.isArray(d.findings)) return 0;
  const items = d.findings.slice(0, 20).filter(isObj3);
  const keys = items.flatMap((f) => Object.keys(f));
  if (keys.length === 0) {
    if (!Object.keys(d).every((k) => ["findings", "name", "type", "version"].includes(k))) return 0;
    return /generic|defect-?dojo|dojo/i.test(name) ? 0.6 : 0.3;
  }
  const known = keys.filter((k) => KNOWN_KEYS.has(k)).length / keys.length;
  if (known < 0.8) return 0;
  return items.every((f) => "title" in f) ? 0.9 : 0.6;
}
function detectCsvHead(head) {
  const line = (head.charCodeAt(0) === 65279 ? head.slice(1) : head).split(/\r?\n/)[0] ?? "";
  const cols = new Set(line.split(",").map((c) => c.trim().replace(/^"|"$/g, "")));
  if (!cols.has("Title") || !cols.has("Severity") || !cols.has("Description")) return 0;
  const markers = CSV_MARKERS.filter((m) => cols.has(m)).length;
  return markers >= 4 ? 0.9 : markers >= 2 ? 0.6 : 0;
}
function detect9(s) {
  if (s.doc !== void 0) return detectJson2(s.doc, s.name);
  return detectCsvHead(s.head);
}
function boolOf(v) {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (["true", "yes", "1", "y"].includes(t)) return true;
    if (["false", "no", "0", "n"].includes(t)) return false;
  }
  if (typeof v === "number") return v !== 0;
  return void 0;
}
function stateOf3(f) {
  if (boolOf(f.false_p)) return { state: "false_positive", state_reason: "false_p" };
  if (boolOf(f.risk_accepted)) return { state: "accepted_risk", state_reason: "risk_accepted" };
  if (boolOf(f.out_of_scope)) return { state: "not_applicable", state_reason: "out_of_scope" };
  if (boolOf(f.duplicate)) return { state: "duplicate", state_reason: "duplicate" };
  if (boolOf(f.is_mitigated) || str3(f.mitigated)) return { state: "fixed", state_reason: "is_mitigated" };
  if (boolOf(f.active) === false)
    return { state: "fixed", state_reason: "inactive (active: false, no other reason given)" };
  return { state: "open", state_reason: null };
}
function cvssOf3(f) {
  const vector = str3(f.cvssv3) ?? str3(f.cvssv3_vector) ?? str3(f.cvssv4);
  const raw = f.cvssv3_score ?? f.cvss_score ?? f.cvssv4_score;
  const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : NaN;
  const score = Number.isFinite(n) && n >= 0 && n <= 10 ? n : null;
  if (!vector && score === null) return null;
  return { score, vector: vector ?? null, version: cvssVersion(vector) };
}
function severityOf6(f, cvss) {
  const word = strOrNum(f.severity);
  const s = wordToSeverity(word);
  if (s) return { severity: s, severity_source: "tool", source_severity: word };
  if (cvss?.score != null)
    return {
      severity: cvssToSeverity(cvss.score),
      severity_source: "cvss",
      source_severity: String(cvss.score)
    };
  return { severity: "medium", severity_source: "default", source_severity: word ?? null };
}
var CATEGORY_WORDS = new Set(CATEGORIES.filter((c) => c !== "other"));
function categoryOf2(f, hasFile, hasUrl) {
  const tags = Array.isArray(f.tags) ? f.tags.filter((t) => typeof t === "string") : typeof f.tags === "string" ? f.tags.split(/[,;]/) : [];
  for (const t of tags) {
    const w = t.trim().toLowerCase();
    if (CATEGORY_WORDS.has(w)) return w;
    if (w === "secrets") return "secret";
  }
  if (str3(f.component_name)) return "sca";
  if (f.dynamic_finding === true && f.static_finding !== true) return "dast";
  if (f.static_finding === true && hasFile && !hasUrl) return "sast";
  return "other";
}
function endpointUrl(e) {
  if (typeof e === "string") return str3(e);
  if (!isObj3(e)) return void 0;
  const host = str3(e.host);
  if (!host) return str3(e.url);
  const proto = str3(e.protocol);
  const port = strOrNum(e.port);
  const path3 = str3(e.path);
  return `${proto ? `${proto}://` : ""}${host}${port ? `:${port}` : ""}${path3 ? path3.startsWith("/") ? path3 : `/${path3}` : ""}`;
}
function vulnIdsOf(f) {
  const ids = [];
  const add = (v) => {
    const s = (isObj3(v) ? str3(v.vulnerability_id) : str3(v))?.trim();
    if (!s) return;
    ids.push(CVE_RE2.test(s) ? s.toUpperCase() : s);
  };
  for (const part of (str3(f.cve) ?? "").split(/[,;\s]+/)) add(part);
  if (Array.isArray(f.vulnerability_ids)) f.vulnerability_ids.forEach(add);
  return orderVulnIds(ids).filter((i) => CVE_RE2.test(i) || GHSA_RE3.test(i) || /^[A-Z]+-[\w.-]+$/.test(i));
}
function findingToDraft(f, pointer, tool, warnings) {
  const title = strOrNum(f.title)?.trim();
  if (!title) {
    warnings.push(`${pointer}: finding has no title (required by the Generic Findings Import); skipped`);
    return void 0;
  }
  const cvss = cvssOf3(f);
  const sev = severityOf6(f, cvss);
  if (sev.severity_source === "default")
    warnings.push(
      `${pointer}: severity ${sev.source_severity ? `"${sev.source_severity}" not recognised` : "missing"}; medium assumed`
    );
  const endpoints = Array.isArray(f.endpoints) ? f.endpoints : [];
  const url = str3(f.url) ?? endpoints.map(endpointUrl).find(Boolean) ?? null;
  const file = str3(f.file_path) ?? null;
  const cwe = cweNumber(f.cwe);
  const comp = str3(f.component_name);
  const life = stateOf3(f);
  const date = f.date;
  if (str3(date) && !isoDate(date))
    warnings.push(`${pointer}: date ${JSON.stringify(date)} not readable; first_seen left empty`);
  const uid = strOrNum(f.unique_id_from_tool);
  return {
    title,
    description: str3(f.description) ?? null,
    category: categoryOf2(f, file !== null, url !== null),
    rule_id: strOrNum(f.vuln_id_from_tool) ?? null,
    ...sev,
    tool,
    tool_confidence: strOrNum(f.scanner_confidence) ?? null,
    ...life,
    first_seen: isoDate(date) ?? null,
    closed_at: life.state === "open" ? null : isoDate(f.mitigated) ?? null,
    cwe: cwe ? [cwe] : [],
    cve: vulnIdsOf(f),
    cvss,
    package: comp ? {
      name: comp,
      version: strOrNum(f.component_version) ?? null,
      fixed_version: strOrNum(f.fix_version) ?? null,
      ecosystem: null,
      purl: null
    } : null,
    location: { file, start_line: int(f.line), url },
    fingerprints: uid ? { unique_id_from_tool: uid } : {},
    tags: Array.isArray(f.tags) ? f.tags.filter((t) => typeof t === "string") : [],
    help_uri: null,
    service: str3(f.service) ?? null,
    pointer
  };
}
function parseJsonDoc(doc, file) {
  if (!isObj3(doc) || !Array.isArray(doc.findings))
    throw new UserError(
      'not a DefectDojo Generic Findings Import file: expected a JSON object with a "findings" array (or the CSV with Title, Severity, Description columns)',
      file
    );
  const tool = str3(doc.type) ?? str3(doc.name) ?? DEFAULT_TOOL2;
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  doc.findings.forEach((f, i) => {
    const pointer = `/findings/${i}`;
    if (!isObj3(f)) {
      out.warnings.push(`${pointer}: not an object; skipped`);
      return;
    }
    const d = findingToDraft(f, pointer, tool, out.warnings);
    if (d) out.findings.push(d);
  });
  out.scans = scanEvidence(out, tool, strOrNum(doc.version) ?? null);
  return out;
}
function scanEvidence(out, tool, version) {
  const cats = [...new Set(out.findings.map((d) => d.category))].sort();
  return [
    { tool: { name: tool, version }, categories: cats.length ? cats : ["other"], success: true, errors: [] }
  ];
}
var CSV_COLUMNS = {
  Date: "date",
  Title: "title",
  CweId: "cwe",
  Url: "url",
  Severity: "severity",
  Description: "description",
  Mitigation: "mitigation",
  Impact: "impact",
  References: "references",
  Active: "active",
  Verified: "verified",
  FalsePositive: "false_p",
  Duplicate: "duplicate",
  CVE: "cve",
  CVSSV3: "cvssv3",
  FilePath: "file_path",
  Line: "line",
  ComponentName: "component_name",
  ComponentVersion: "component_version",
  Mitigated: "mitigated"
};
function parseCsvText(text3, file) {
  const table = parseCsv(text3, file);
  for (const need of ["Title", "Severity"])
    if (!table.headers.includes(need))
      throw new UserError(
        `not a DefectDojo Generic Findings Import CSV: no "${need}" column (found ${table.headers.slice(0, 8).join(", ")})`,
        file,
        "1"
      );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  for (const row of table.rows) {
    const f = {};
    for (const [col, key] of Object.entries(CSV_COLUMNS)) {
      const v = row[col];
      if (v !== void 0 && v.trim() !== "") f[key] = v;
    }
    const d = findingToDraft(f, `row ${row.__line}`, DEFAULT_TOOL2, out.warnings);
    if (d) out.findings.push(d);
  }
  out.scans = scanEvidence(out, DEFAULT_TOOL2, null);
  return out;
}
function parseDefectdojoGeneric(doc, file) {
  if (typeof doc !== "string") return parseJsonDoc(doc, file);
  const lead = doc.replace(/^\uFEFF/, "").trimStart()[0];
  if (lead === "{" || lead === "[") {
    const r = parseJsonWithPosition(doc.replace(/^\uFEFF/, ""));
    if (!r.ok) throw new UserError(r.message, file, r.position);
    return parseJsonDoc(r.value, file);
  }
  return parseCsvText(doc, file);
}
var defectdojoGenericParser = {
  id: "defectdojo_generic",
  // JSON or CSV: the parser decodes the text itself.
  input: "text",
  docs: {
    title: "DefectDojo Generic Findings Import (JSON or CSV)",
    produce: 'a DefectDojo "Generic Findings Import" file written by hand or by a script (`{"findings": [...]}` or CSV with Date, Title, CweId, Url, Severity, Description, ... columns)',
    takes: "one record per finding / row; title, severity (else CVSS), description, CVE/vulnerability ids, CWE, CVSS v3, file and line, component name/version/fix version, first endpoint as URL, state from false_p / risk_accepted / out_of_scope / duplicate / is_mitigated / active, date \u2192 first_seen, mitigated \u2192 closed_at; category only when the file makes it clear, else other"
  },
  detect: detect9,
  parse: (doc, ctx) => parseDefectdojoGeneric(doc, ctx.file)
};

// src/parsers/code-helpers.ts
function isObj4(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function str4(v) {
  return typeof v === "string" && v.trim() !== "" ? v : void 0;
}
function text2(v) {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return str4(v)?.trim();
}
function posInt(v) {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}
function asArray(v) {
  if (v === void 0 || v === null || v === "") return [];
  return Array.isArray(v) ? v : [v];
}
function cwesOf2(v) {
  const out = [];
  const add = (x) => {
    if (typeof x === "number" && Number.isInteger(x) && x > 0) out.push(`CWE-${x}`);
    else if (typeof x === "string") {
      for (const m of x.matchAll(/(?:^|\bCWE[-_ :]*)(\d{1,5})\b/gi))
        if (Number(m[1]) > 0) out.push(`CWE-${Number(m[1])}`);
    } else if (Array.isArray(x)) x.forEach(add);
    else if (isObj4(x) && "id" in x) add(x.id);
  };
  add(v);
  return [...new Set(out)];
}
var CVE_RE3 = /\bCVE-\d{4}-\d{4,}\b/gi;
var GHSA_RE4 = /\bGHSA(?:-[23456789cfghjmpqrvwx]{4}){3}\b/gi;
function vulnIdsIn(...values) {
  const ids = /* @__PURE__ */ new Set();
  const scan = (v) => {
    if (typeof v === "string") {
      for (const m of v.matchAll(CVE_RE3)) ids.add(m[0].toUpperCase());
      for (const m of v.matchAll(GHSA_RE4)) ids.add(m[0]);
    } else if (Array.isArray(v)) v.forEach(scan);
  };
  values.forEach(scan);
  return [...ids];
}
function headline(s, max = 200) {
  const line = s.trim().split(/\r?\n/)[0].trim();
  const dot = line.indexOf(". ");
  if (dot > 0 && dot < max) return line.slice(0, dot + 1);
  return line;
}
function describeType(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}
function mapWord(table, word) {
  return typeof word === "string" ? table[word.trim().toUpperCase()] : void 0;
}

// src/parsers/semgrep/index.ts
var SEVERITY = {
  CRITICAL: "critical",
  ERROR: "high",
  HIGH: "high",
  WARNING: "medium",
  MEDIUM: "medium",
  INFO: "low",
  LOW: "low",
  INVENTORY: "info",
  EXPERIMENT: "info"
};
var REQUIRES_LOGIN = "requires login";
function isSecretRule(checkId, meta) {
  const tech = Array.isArray(meta.technology) ? meta.technology : [meta.technology];
  return /(^|\.)secrets?(\.|$)/i.test(checkId) || tech.some((t) => typeof t === "string" && /^secrets?$/i.test(t)) || /^secrets?$/i.test(String(meta.category ?? ""));
}
function listOf(v) {
  const a = Array.isArray(v) ? v : [v];
  return a.filter((x) => typeof x === "string" && x.trim() !== "").map((x) => x.trim());
}
function resultToDraft2(r, pointer, version, out) {
  if (!isObj4(r)) {
    out.warnings.push(`${pointer}: result is ${describeType(r)}, not an object; skipped`);
    return void 0;
  }
  const checkId = str4(r.check_id);
  const extra = isObj4(r.extra) ? r.extra : {};
  const meta = isObj4(extra.metadata) ? extra.metadata : {};
  if (!checkId) out.warnings.push(`${pointer}: result has no check_id`);
  const message = str4(extra.message) ?? "";
  const word = str4(extra.severity);
  const mapped = mapWord(SEVERITY, word) ?? wordToSeverity(word);
  if (word && !mapped) out.warnings.push(`${pointer}: unknown severity "${word}"; using medium`);
  const secret = isSecretRule(checkId ?? "", meta);
  const lines = str4(extra.lines)?.trim();
  let secretValue = null;
  if (secret) {
    if (lines && lines !== REQUIRES_LOGIN) {
      secretValue = lines;
      out.secrets.push(lines);
    }
    for (const mv of isObj4(extra.metavars) ? Object.values(extra.metavars) : []) {
      const c = isObj4(mv) ? str4(mv.abstract_content) : void 0;
      if (c && c.length >= 4) out.secrets.push(c);
    }
  }
  const fp = str4(extra.fingerprint);
  const tags = [];
  for (const o of listOf(meta.owasp)) tags.push(`owasp:${o}`);
  for (const k of ["impact", "likelihood", "confidence"]) {
    const v = str4(meta[k]);
    if (v) tags.push(`${k}:${v.toLowerCase()}`);
  }
  for (const s of listOf(meta.subcategory)) tags.push(`subcategory:${s}`);
  const validation = str4(extra.validation_state);
  if (validation && validation !== "NO_VALIDATOR") tags.push(`validation:${validation.toLowerCase()}`);
  const sca = isObj4(extra.sca_info) ? extra.sca_info : void 0;
  const depMatch = sca && isObj4(sca.dependency_match) ? sca.dependency_match : {};
  const found = isObj4(depMatch.found_dependency) ? depMatch.found_dependency : {};
  if (sca) tags.push(sca.reachable === true ? "reachable" : "unreachable");
  const ignored = extra.is_ignored === true;
  const start = isObj4(r.start) ? r.start : {};
  const end = isObj4(r.end) ? r.end : {};
  const references = listOf(meta.references);
  return {
    // Semgrep wraps messages at ~80 columns: the first sentence of the joined text, not the first line.
    title: headline(message.replace(/\s+/g, " ")) || checkId || "Semgrep finding",
    description: message || null,
    category: sca ? "sca" : secret ? "secret" : "sast",
    rule_id: checkId ?? null,
    rule_name: checkId ? checkId.split(".").pop() : null,
    severity: mapped ?? "medium",
    severity_source: mapped ? "tool" : "default",
    source_severity: word ?? null,
    tool: "Semgrep",
    tool_version: version,
    tool_confidence: str4(meta.confidence) ?? null,
    state: ignored ? "suppressed" : "open",
    suppression: ignored ? { kind: "inSource", status: "accepted", justification: null } : null,
    cwe: cwesOf2(meta.cwe),
    cve: vulnIdsIn(meta["sca-vuln-database-identifier"], checkId, references),
    package: str4(found.package) ? {
      name: found.package,
      version: str4(found.version) ?? null,
      fixed_version: null,
      ecosystem: str4(found.ecosystem)?.toLowerCase() ?? null,
      purl: null
    } : null,
    location: {
      file: (sca ? str4(found.lockfile_path) : void 0) ?? str4(r.path) ?? null,
      start_line: posInt(start.line),
      end_line: posInt(end.line)
    },
    fingerprints: fp && fp !== REQUIRES_LOGIN ? { fingerprint: fp } : {},
    tags,
    help_uri: str4(meta.source) ?? str4(meta["source-rule-url"]) ?? str4(meta.shortlink) ?? references[0] ?? null,
    pointer,
    secret: secretValue
  };
}
function errorText(e) {
  if (!isObj4(e)) return String(e).slice(0, 300);
  const type = Array.isArray(e.type) ? String(e.type[0]) : str4(e.type) ?? "error";
  const where = str4(e.path) ?? (isObj4(e.location) ? str4(e.location.path) : void 0);
  const msg = (str4(e.message) ?? str4(e.long_msg) ?? str4(e.short_msg) ?? "").trim().split("\n")[0];
  return `${type}${where ? ` in ${where}` : ""}${e.rule_id ? ` (rule ${e.rule_id})` : ""}: ${msg}`.slice(
    0,
    300
  );
}
var TRIAGE_STATE = {
  NEW: "open",
  OPEN: "open",
  UNTRIAGED: "open",
  REVIEWING: "open",
  FIXING: "open",
  PROVISIONALLY_IGNORED: "open",
  CLOSED: "fixed",
  FIXED: "fixed",
  REMOVED: "fixed"
};
var DISMISS_STATE = {
  FALSE_POSITIVE: "false_positive",
  ACCEPTABLE_RISK: "accepted_risk",
  NO_TIME: "accepted_risk",
  NO_BANDWIDTH: "accepted_risk"
};
function vulnToDraft(v, pointer, out) {
  if (!isObj4(v)) {
    out.warnings.push(`${pointer}: entry is ${describeType(v)}, not an object; skipped`);
    return void 0;
  }
  const adv = isObj4(v.advisory) ? v.advisory : {};
  const refs = isObj4(adv.references) ? adv.references : {};
  const dep = isObj4(v.matchedDependency) ? v.matchedDependency : {};
  const loc = isObj4(v.dependencyFileLocation) ? v.dependencyFileLocation : {};
  const triage = isObj4(v.triage) ? v.triage : {};
  const word = str4(adv.severity);
  const sev = mapWord(SEVERITY, word) ?? wordToSeverity(word);
  const status = (str4(triage.status) ?? "NEW").toUpperCase();
  let state = TRIAGE_STATE[status] ?? "open";
  if (status === "IGNORED")
    state = DISMISS_STATE[String(triage.dismissReason ?? "").toUpperCase()] ?? "accepted_risk";
  if (!TRIAGE_STATE[status] && status !== "IGNORED")
    out.warnings.push(`${pointer}: unknown triage status "${status}"; kept open`);
  const cve = vulnIdsIn(refs.cveIds, refs.urls, adv.title);
  const safe = isObj4(v.closestSafeDependency) ? str4(v.closestSafeDependency.versionSpecifier) : void 0;
  if (!str4(dep.name)) out.warnings.push(`${pointer}: no matchedDependency.name`);
  return {
    title: str4(v.title) ?? str4(adv.title) ?? str4(adv.ruleId) ?? "Semgrep Supply Chain finding",
    description: str4(adv.description) ?? null,
    category: "sca",
    rule_id: str4(adv.ruleId) ?? null,
    severity: sev ?? "medium",
    severity_source: sev ? "tool" : "default",
    source_severity: word ?? null,
    tool: "Semgrep Supply Chain",
    state,
    state_reason: `Semgrep triage status ${status}${state === "fixed" || state === "open" ? "" : `, ${String(triage.dismissReason ?? "")}`}`,
    first_seen: str4(v.openedAt) ?? null,
    repo: str4(v.repositoryName) ?? null,
    cwe: cwesOf2(refs.cweIds),
    cve,
    package: str4(dep.name) ? {
      name: dep.name,
      version: str4(dep.versionSpecifier) ?? null,
      fixed_version: safe ?? null,
      ecosystem: null,
      purl: null
    } : null,
    location: {
      file: str4(loc.path) ?? null,
      start_line: posInt(loc.startLine),
      end_line: posInt(loc.endLine)
    },
    tags: [str4(v.exposureType), str4(v.transitivity), str4(adv.reachability)].filter((x) => x !== void 0).map((x) => x.toLowerCase()),
    help_uri: listOf(refs.urls)[0] ?? null,
    pointer
  };
}
function detect10(s) {
  const d = sniffDoc(s)?.doc;
  if (!isObj4(d)) return 0;
  if (Array.isArray(d.vulns)) {
    const first2 = d.vulns.find(isObj4);
    return first2 && isObj4(first2.advisory) ? 0.95 : "hasMore" in d || "cursor" in d ? 0.5 : 0;
  }
  if (!Array.isArray(d.results) || "metrics" in d || "generated_at" in d) return 0;
  const first = d.results.find(isObj4);
  if (first) return typeof first.check_id === "string" && isObj4(first.extra) ? 1 : 0;
  return Array.isArray(d.errors) && ("paths" in d || "skipped_rules" in d || "interfile_languages_used" in d) ? 0.9 : 0;
}
var semgrepStreaming = {
  spec: {
    type: "object",
    members: {
      results: { type: "items" },
      vulns: { type: "items" },
      // not read, but can be big: every scanned path, and per-target timings (--time)
      paths: { type: "object", members: { scanned: { type: "items", discard: true } } },
      time: { type: "object", members: { targets: { type: "items", discard: true } } }
    }
  },
  // secret rules are recognised by a `secrets` segment of check_id or a technology/category word
  secretText: /secret|\\u00[4-7]/i,
  begin(doc, file) {
    const base = { warnings: [], sca: false, secret: false };
    if (isObj4(doc) && Array.isArray(doc.vulns) && !Array.isArray(doc.results))
      return { ...base, mode: "vulns", version: null, doc };
    if (!isObj4(doc) || !Array.isArray(doc.results))
      throw new UserError(
        `not a Semgrep JSON report: expected an object with a "results" array (or a Semgrep App export with "vulns"), found ${describeType(doc)}${isObj4(doc) ? ' without "results"' : ""}`,
        file
      );
    return { ...base, mode: "results", version: str4(doc.version) ?? null, doc };
  },
  item(g, v, pointer, secrets) {
    if (g.mode === "vulns") return pointer.startsWith("/vulns/") ? vulnToDraft(v, pointer, g) : void 0;
    if (!pointer.startsWith("/results/")) return void 0;
    const d = resultToDraft2(v, pointer, g.version, { warnings: g.warnings, secrets });
    if (d?.category === "sca") g.sca = true;
    if (d?.category === "secret") g.secret = true;
    return d;
  },
  finish(g) {
    const { doc, warnings } = g;
    if (g.mode === "vulns") {
      if (doc.hasMore === true)
        warnings.push("the export says hasMore: true; this file is one page, later pages are not in it");
      return {
        scans: [
          {
            tool: { name: "Semgrep Supply Chain", version: null },
            categories: ["sca"],
            success: true,
            errors: []
          }
        ],
        warnings
      };
    }
    const errors = Array.isArray(doc.errors) ? doc.errors : [];
    const scan = {
      tool: { name: "Semgrep", version: g.version },
      categories: ["sast", ...g.sca ? ["sca"] : [], ...g.secret ? ["secret"] : []],
      // Target parse errors are level "warn" and leave the rest of the scan valid; "error" is fatal.
      success: !errors.some((e) => isObj4(e) && String(e.level).toLowerCase() === "error"),
      errors: errors.map(errorText)
    };
    for (const e of scan.errors) warnings.push(`Semgrep reported: ${e}`);
    return { scans: [scan], warnings };
  },
  tool: (g) => g.mode === "vulns" ? { name: "Semgrep Supply Chain", version: null } : { name: "Semgrep", version: g.version },
  toolNeedsFirstDraft: false
};
function parse(doc, ctx) {
  return runWhole(semgrepStreaming, doc, ctx.file);
}
var semgrepParser = {
  id: "semgrep",
  input: "json",
  docs: {
    title: "Semgrep JSON (and Semgrep App Supply Chain export)",
    produce: "`semgrep scan --config auto --json --output semgrep.json`; Supply Chain: the `vulns` JSON of the Semgrep App deployments API",
    takes: "one record per `results[]` entry (no merging): check_id, message, severity (ERROR high, WARNING medium, INFO low), CWE/OWASP, confidence/impact/likelihood tags, path and lines, fingerprint, nosemgrep as suppressed, `errors[]` as scan errors; matched lines are never copied. Supply Chain: one record per `vulns[]` entry with advisory, CVE, package, manifest and triage state"
  },
  detect: detect10,
  parse
};

// src/parsers/bandit/index.ts
var PASSWORD_TESTS = /* @__PURE__ */ new Set(["B105", "B106", "B107"]);
function withoutPassword(text3, out) {
  return text3.replace(/(: )(['"])(.*)\2\s*$/, (_m, sep2, q, value) => {
    if (value.length >= 8) out.secrets.push(value);
    return `${sep2}${q}[REDACTED]${q}`;
  });
}
function resultToDraft3(r, i, out, version) {
  const pointer = `/results/${i}`;
  if (!isObj4(r)) {
    out.warnings.push(`${pointer}: result is ${describeType(r)}, not an object; skipped`);
    return void 0;
  }
  const testId = str4(r.test_id);
  const testName = str4(r.test_name);
  const word = str4(r.issue_severity);
  const sev = word && word.toUpperCase() !== "UNDEFINED" ? wordToSeverity(word) : void 0;
  if (word && !sev && word.toUpperCase() !== "UNDEFINED")
    out.warnings.push(`${pointer}: unknown issue_severity "${word}"`);
  const range = Array.isArray(r.line_range) ? r.line_range.filter((n) => typeof n === "number") : [];
  const issueCwe = isObj4(r.issue_cwe) ? r.issue_cwe : void 0;
  const raw = str4(r.issue_text) ?? "";
  const text3 = testId && PASSWORD_TESTS.has(testId) ? withoutPassword(raw, out) : raw;
  return {
    title: text3.trim() || testName || testId || "Bandit issue",
    description: text3 || null,
    category: "sast",
    rule_id: testId ?? null,
    rule_name: testName ?? null,
    severity: sev ?? "medium",
    severity_source: sev ? "tool" : "default",
    source_severity: word ?? null,
    tool: "Bandit",
    tool_version: version,
    tool_confidence: str4(r.issue_confidence) ?? null,
    state: "open",
    cwe: issueCwe ? cwesOf2(issueCwe.id) : [],
    location: {
      file: str4(r.filename) ?? null,
      start_line: posInt(r.line_number),
      end_line: range.length > 0 ? posInt(Math.max(...range)) : null
    },
    help_uri: str4(r.more_info) ?? (issueCwe ? str4(issueCwe.link) ?? null : null),
    tags: [],
    pointer
  };
}
function detect11(s) {
  const d = s.doc;
  if (!isObj4(d) || !Array.isArray(d.results)) return 0;
  const first = d.results.find(isObj4);
  if (first) return "test_id" in first && "issue_severity" in first ? 1 : 0;
  return isObj4(d.metrics) && isObj4(d.metrics._totals) ? 0.95 : 0;
}
function parse2(doc, ctx) {
  if (!isObj4(doc) || !Array.isArray(doc.results))
    throw new UserError(
      `not a Bandit JSON report: expected an object with a "results" array, found ${describeType(doc)}${isObj4(doc) ? ' without "results"' : ""}`,
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const version = null;
  doc.results.forEach((r, i) => {
    const d = resultToDraft3(r, i, out, version);
    if (d) out.findings.push(d);
  });
  const errors = (Array.isArray(doc.errors) ? doc.errors : []).map(
    (e) => isObj4(e) ? `${str4(e.filename) ?? "?"}: ${str4(e.reason) ?? "error"}`.slice(0, 300) : typeof e === "string" || typeof e === "number" ? String(e).slice(0, 300) : `(unreadable ${Array.isArray(e) ? "list" : typeof e})`
  );
  for (const e of errors) out.warnings.push(`Bandit could not scan ${e}`);
  out.scans.push({ tool: { name: "Bandit", version }, categories: ["sast"], success: true, errors });
  return out;
}
var banditParser = {
  id: "bandit",
  input: "json",
  docs: {
    title: "Bandit JSON",
    produce: "`bandit -r . -f json -o bandit.json`",
    takes: "one record per `results[]` entry: test_id/test_name, issue_text, issue_severity, issue_confidence, CWE (issue_cwe), filename and lines, more_info; `errors[]` as scan errors; `code` is never copied"
  },
  detect: detect11,
  parse: parse2
};

// src/parsers/gitleaks/index.ts
var REDACTED = /^REDACTED$/;
function isV8(o) {
  return "RuleID" in o || "Secret" in o || "StartLine" in o;
}
function secretValues(o) {
  const vals = [o.Secret, o.Match, o.offender, o.line, o.secret].map((v) => str4(v)?.trim()).filter((v) => v !== void 0 && v.length >= 4 && !REDACTED.test(v));
  return vals;
}
function leakToDraft(o, i, out) {
  const pointer = `/${i}`;
  if (!isObj4(o)) {
    out.warnings.push(`${pointer}: entry is ${describeType(o)}, not an object; skipped`);
    return void 0;
  }
  out.secrets.push(...secretValues(o));
  const v8 = isV8(o);
  const rawSecret = str4(v8 ? o.Secret : o.offender)?.trim();
  const secret = rawSecret && !REDACTED.test(rawSecret) ? rawSecret : null;
  const rule = str4(v8 ? o.RuleID : o.rule) ?? str4(o.Description);
  if (!rule) out.warnings.push(`${pointer}: leak has no rule id`);
  const file = str4(v8 ? o.File : o.file) ?? null;
  const commit = str4(v8 ? o.Commit : o.commit) ?? null;
  const startLine = v8 ? posInt(o.StartLine) : posInt(o.lineNumber);
  const endLine = v8 ? posInt(o.EndLine) : null;
  const fingerprints = {};
  const fp = str4(o.Fingerprint);
  if (fp && !secretValues(o).some((s) => fp.includes(s))) fingerprints.fingerprint = fp;
  if (commit) fingerprints.commit = commit;
  const tags = (Array.isArray(o.Tags) ? o.Tags : typeof o.tags === "string" ? o.tags.split(",") : []).map((t) => typeof t === "string" ? t.trim() : "").filter(Boolean);
  const where = [
    file,
    startLine ? `line ${startLine}` : null,
    commit ? `commit ${commit.slice(0, 12)}` : null
  ].filter(Boolean).join(", ");
  const desc = v8 ? str4(o.Description) : void 0;
  const entropy = typeof o.Entropy === "number" ? o.Entropy : void 0;
  return {
    // Author, Email, Message/commitMessage are personal data and never copied.
    title: v8 ? desc ?? rule ?? "Gitleaks leak" : `Hard Coded ${rule ?? "secret"}`,
    description: `Gitleaks rule ${rule ?? "?"} matched a secret${where ? ` (${where})` : ""}`,
    category: "secret",
    rule_id: rule ?? null,
    rule_name: desc ?? rule ?? null,
    // Gitleaks has no severity; secrets default to critical (METRICS.md).
    severity: "critical",
    severity_source: "default",
    source_severity: null,
    tool: "Gitleaks",
    tool_confidence: entropy !== void 0 ? `entropy ${entropy.toFixed(2)}` : null,
    state: "open",
    first_seen: null,
    location: { file, start_line: startLine, end_line: endLine },
    fingerprints,
    tags,
    help_uri: str4(o.leakURL) ?? str4(o.Link) ?? null,
    pointer,
    secret
  };
}
function detect12(s) {
  const d = s.doc;
  if (Array.isArray(d)) {
    const first = d.find(isObj4);
    if (first) {
      if ("RuleID" in first && ("Secret" in first || "Match" in first || "Fingerprint" in first)) return 1;
      if ("offender" in first && "rule" in first) return 1;
      return 0;
    }
    return d.length === 0 && /gitleaks|leak/i.test(s.name) ? 0.6 : 0;
  }
  return d === null && /gitleaks|leak/i.test(s.name) ? 0.6 : 0;
}
function parse3(doc, ctx) {
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  if (doc !== null && !Array.isArray(doc))
    throw new UserError(
      `not a Gitleaks JSON report: expected an array of leaks (or null), found ${describeType(doc)}`,
      ctx.file
    );
  (doc ?? []).forEach((o, i) => {
    const d = leakToDraft(o, i, out);
    if (d) out.findings.push(d);
  });
  out.scans.push({
    tool: { name: "Gitleaks", version: null },
    categories: ["secret"],
    success: true,
    errors: []
  });
  return out;
}
var gitleaksParser = {
  id: "gitleaks",
  input: "json",
  docs: {
    title: "Gitleaks JSON (v7 and v8)",
    produce: "`gitleaks detect --report-format json --report-path gitleaks.json` (v8); `gitleaks --report=gitleaks.json` (v7)",
    takes: "one record per leak (same leak in two commits = two records, one identity): rule, file, lines, commit; severity critical (gitleaks has none); the secret, match and line are never copied, only hashed for identity and redacted; author and e-mail are dropped"
  },
  detect: detect12,
  parse: parse3
};

// src/parsers/checkov/index.ts
function categoryOf3(checkType) {
  if (checkType === "secrets") return "secret";
  if (checkType === "sca_image") return "container";
  if (checkType.startsWith("sca_")) return "sca";
  if (checkType.startsWith("sast")) return "sast";
  return "iac";
}
function codeBlockLines(c) {
  const block = Array.isArray(c.code_block) ? c.code_block : [];
  return block.map((l) => Array.isArray(l) ? str4(l[1])?.trim() : void 0).filter((l) => l !== void 0 && l.length >= 4);
}
function checkToDraft(c, pointer, checkType, skipped, version, out) {
  if (!isObj4(c)) {
    out.warnings.push(`${pointer}: check is ${describeType(c)}, not an object; skipped`);
    return void 0;
  }
  const category = categoryOf3(checkType);
  const checkId = str4(c.check_id);
  if (!checkId) out.warnings.push(`${pointer}: check has no check_id`);
  const word = str4(c.severity);
  const sev = wordToSeverity(word);
  if (word && !sev) out.warnings.push(`${pointer}: unknown severity "${word}"; using medium`);
  const range = Array.isArray(c.file_line_range) ? c.file_line_range : [];
  const vd = isObj4(c.vulnerability_details) ? c.vulnerability_details : {};
  let secret = null;
  if (category === "secret") {
    const lines = codeBlockLines(c);
    out.secrets.push(...lines);
    const res = str4(c.resource);
    secret = res && /^[0-9a-f]{32,}$/i.test(res) ? res : lines[0] ?? null;
  }
  const suppressComment = str4(c.suppress_comment) ?? (isObj4(c.check_result) ? str4(c.check_result.suppress_comment) : void 0) ?? null;
  const cve = vulnIdsIn(vd.id, vd.cve_id);
  const pkgName = str4(vd.package_name);
  return {
    title: str4(c.check_name) ?? checkId ?? "Checkov check",
    description: str4(c.description) ?? str4(c.short_description) ?? null,
    category,
    rule_id: checkId ?? null,
    rule_name: str4(c.bc_check_id) ?? null,
    // Without a Prisma Cloud API key Checkov writes `severity: null`: medium, and say it is a default.
    severity: sev ?? "medium",
    severity_source: sev ? "tool" : "default",
    source_severity: word ?? null,
    tool: "Checkov",
    tool_version: version,
    state: skipped ? "suppressed" : "open",
    suppression: skipped ? { kind: "inSource", status: "accepted", justification: suppressComment } : null,
    cwe: cwesOf2(vd.cwe ?? c.cwe),
    cve,
    package: pkgName ? {
      name: pkgName,
      version: str4(vd.package_version) ?? null,
      fixed_version: str4(vd.fixed_version) ?? null,
      ecosystem: null,
      purl: null
    } : null,
    location: {
      // file_path is relative to the scanned directory, written with a leading slash ("/main.tf").
      file: (str4(c.file_path) ?? str4(c.repo_file_path))?.replace(/^\/+/, "") ?? null,
      // Dockerfile checks say [0, 0]: no line.
      start_line: posInt(range[0]),
      end_line: posInt(range[1]),
      resource: str4(c.resource) ?? null
    },
    tags: [`check_type:${checkType}`],
    help_uri: str4(c.guideline) ?? null,
    pointer,
    secret
  };
}
function isReport(o) {
  return isObj4(o) && typeof o.check_type === "string" && isObj4(o.results);
}
function isSummaryOnly(o) {
  return isObj4(o) && "checkov_version" in o && "failed" in o && !("results" in o);
}
function detect13(s) {
  const d = s.doc;
  const reports = Array.isArray(d) ? d : [d];
  if (reports.length === 0) return 0;
  if (reports.every(isReport)) {
    const r = reports[0];
    return isObj4(r.summary) || Array.isArray(r.results.failed_checks) ? 1 : 0.7;
  }
  return isSummaryOnly(d) ? 0.9 : 0;
}
function parse4(doc, ctx) {
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  if (isSummaryOnly(doc)) {
    const version = str4(doc.checkov_version) ?? null;
    out.scans.push({ tool: { name: "Checkov", version }, categories: ["iac"], success: true, errors: [] });
    return out;
  }
  const list2 = Array.isArray(doc) ? doc : [doc];
  const isList = Array.isArray(doc);
  if (list2.length === 0 || !list2.some(isReport))
    throw new UserError(
      `not a Checkov JSON report: expected an object (or a list of objects) with "check_type" and "results", found ${describeType(doc)}`,
      ctx.file
    );
  list2.forEach((rep, ri) => {
    const base = isList ? `/${ri}` : "";
    if (!isReport(rep)) {
      out.warnings.push(`${base || "/"}: not a Checkov report (no check_type/results); skipped`);
      return;
    }
    const checkType = rep.check_type;
    const summary = isObj4(rep.summary) ? rep.summary : {};
    const version = str4(summary.checkov_version) ?? null;
    const res = rep.results;
    const start = out.findings.length;
    for (const [key, skipped] of [
      ["failed_checks", false],
      ["skipped_checks", true]
    ]) {
      const arr2 = Array.isArray(res[key]) ? res[key] : [];
      arr2.forEach((c, i) => {
        const d = checkToDraft(c, `${base}/results/${key}/${i}`, checkType, skipped, version, out);
        if (d) out.findings.push(d);
      });
    }
    const errors = (Array.isArray(res.parsing_errors) ? res.parsing_errors : []).map(
      (e) => `could not parse ${String(e).slice(0, 280)}`
    );
    for (const e of errors) out.warnings.push(`Checkov (${checkType}) ${e}`);
    const cats = /* @__PURE__ */ new Set([categoryOf3(checkType)]);
    for (const f of out.findings.slice(start)) cats.add(f.category);
    out.scans.push({
      tool: { name: "Checkov", version },
      categories: [...cats].sort(),
      success: true,
      errors
    });
  });
  return out;
}
var checkovParser = {
  id: "checkov",
  input: "json",
  docs: {
    title: "Checkov JSON",
    produce: "`checkov -d . -o json --output-file-path checkov/` (writes results_json.json); or `checkov -d . -o json > checkov.json`",
    takes: "one record per failed check and per skipped check (in-source suppression, state suppressed) of every check_type report: check_id, check_name, severity (null = medium, default), resource, file and line range, guideline; secrets checks are secrets (code_block is never copied), SCA checks carry CVE and package"
  },
  detect: detect13,
  parse: parse4
};

// src/parsers/kics/index.ts
function severityOf7(word) {
  if (word && word.toUpperCase() === "TRACE") return "info";
  return wordToSeverity(word);
}
function hitToDraft(q, qi, f, fi, version, out) {
  const pointer = `/queries/${qi}/files/${fi}`;
  if (!isObj4(f)) {
    out.warnings.push(`${pointer}: file hit is ${describeType(f)}, not an object; skipped`);
    return void 0;
  }
  const word = str4(q.severity);
  const sev = severityOf7(word);
  if (word && !sev) out.warnings.push(`${pointer}: unknown severity "${word}"; using medium`);
  const queryName = str4(q.query_name);
  const category = str4(q.category);
  const secretQuery = /secret/i.test(category ?? "") || /password|secret/i.test(queryName ?? "");
  const expected = str4(f.expected_value);
  const actual = str4(f.actual_value);
  const tags = [
    str4(q.platform) && `platform:${q.platform}`,
    category && `kics:${category}`,
    str4(f.issue_type) && `issue_type:${f.issue_type}`
  ].filter((t) => typeof t === "string");
  return {
    title: queryName ?? str4(q.query_id) ?? "KICS query",
    description: [str4(q.description), expected && `Expected: ${expected}`, actual && `Actual: ${actual}`].filter(Boolean).join("\n") || null,
    // "Passwords And Secrets" queries stay IaC: KICS names the place, never the value (nothing to hash).
    category: "iac",
    rule_id: str4(q.query_id) ?? null,
    rule_name: queryName ?? null,
    severity: sev ?? "medium",
    severity_source: sev ? "tool" : "default",
    source_severity: word ?? null,
    tool: "KICS",
    tool_version: version,
    state: "open",
    cwe: cwesOf2(q.cwe),
    location: {
      file: str4(f.file_name) ?? null,
      start_line: posInt(f.line),
      end_line: null,
      resource: str4(f.resource_type) && str4(f.resource_name) ? `${f.resource_type}.${f.resource_name}` : str4(f.search_key) ?? null
    },
    fingerprints: str4(f.similarity_id) ? { similarity_id: f.similarity_id } : {},
    tags: secretQuery ? [...tags, "secret"] : tags,
    help_uri: str4(q.query_url) ?? null,
    pointer
  };
}
function detect14(s) {
  const d = s.doc;
  if (!isObj4(d) || !Array.isArray(d.queries)) return 0;
  return "queries_total" in d || "total_counter" in d || "kics_version" in d || "severity_counters" in d ? 1 : 0.5;
}
function parse5(doc, ctx) {
  if (!isObj4(doc) || !Array.isArray(doc.queries))
    throw new UserError(
      `not a KICS JSON report: expected an object with a "queries" array, found ${describeType(doc)}${isObj4(doc) ? ' without "queries"' : ""}`,
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const version = str4(doc.kics_version) ?? null;
  doc.queries.forEach((q, qi) => {
    if (!isObj4(q)) {
      out.warnings.push(`/queries/${qi}: query is ${describeType(q)}, not an object; skipped`);
      return;
    }
    (Array.isArray(q.files) ? q.files : []).forEach((f, fi) => {
      const d = hitToDraft(q, qi, f, fi, version, out);
      if (d) out.findings.push(d);
    });
  });
  const errors = [];
  const failedQueries = typeof doc.queries_failed_to_execute === "number" ? doc.queries_failed_to_execute : 0;
  const failedFiles = typeof doc.files_failed_to_scan === "number" ? doc.files_failed_to_scan : 0;
  if (failedQueries > 0) errors.push(`${failedQueries} queries failed to execute`);
  if (failedFiles > 0) errors.push(`${failedFiles} files failed to scan`);
  for (const e of errors) out.warnings.push(`KICS reported: ${e}`);
  out.scans.push({ tool: { name: "KICS", version }, categories: ["iac"], success: true, errors });
  return out;
}
var kicsParser = {
  id: "kics",
  input: "json",
  docs: {
    title: "KICS JSON",
    produce: "`kics scan -p . --report-formats json -o kics-out/` (writes results.json)",
    takes: "one record per `queries[].files[]` hit: query id and name, severity (TRACE = info), CWE when present, file, line, resource or search key, similarity_id as fingerprint, expected/actual value"
  },
  detect: detect14,
  parse: parse5
};

// src/parsers/tfsec/index.ts
var SEVERITY2 = {
  CRITICAL: "critical",
  HIGH: "high",
  ERROR: "high",
  MEDIUM: "medium",
  WARNING: "medium",
  LOW: "low",
  INFO: "low"
};
function statusOf(r) {
  const s = r.status;
  if (r.passed === true || s === 1 || s === "passed") return "passed";
  if (s === 2 || s === "ignored") return "ignored";
  return "failed";
}
function resultToDraft4(r, i, out) {
  const pointer = `/results/${i}`;
  if (!isObj4(r)) {
    out.warnings.push(`${pointer}: result is ${describeType(r)}, not an object; skipped`);
    return void 0;
  }
  const status = statusOf(r);
  if (status === "passed") return void 0;
  const loc = isObj4(r.location) ? r.location : {};
  const word = str4(r.severity);
  const sev = mapWord(SEVERITY2, word);
  if (word && !sev) out.warnings.push(`${pointer}: unknown severity "${word}"; using medium`);
  const longId = str4(r.long_id);
  const ruleId = longId ?? str4(r.rule_id);
  const links = Array.isArray(r.links) ? r.links.filter((l) => typeof l === "string") : [];
  const legacyLink = str4(r.link)?.match(/https?:\/\/\S+/)?.[0];
  const tags = [str4(r.rule_provider), str4(r.rule_service)].filter((t) => t !== void 0);
  const aliases = [str4(r.rule_id), str4(r.legacy_rule_id)].filter(
    (x) => x !== void 0 && x !== ruleId
  );
  return {
    title: str4(r.rule_description) ?? str4(r.description) ?? ruleId ?? "tfsec result",
    description: [
      str4(r.description),
      str4(r.impact) && `Impact: ${r.impact}`,
      str4(r.resolution) && `Resolution: ${r.resolution}`
    ].filter(Boolean).join("\n") || null,
    category: "iac",
    rule_id: ruleId ?? null,
    rule_name: aliases.length > 0 ? aliases.join(", ") : null,
    severity: sev ?? "medium",
    severity_source: sev ? "tool" : "default",
    source_severity: word ?? null,
    tool: "tfsec",
    state: status === "ignored" ? "suppressed" : "open",
    suppression: status === "ignored" ? { kind: "inSource", status: "accepted", justification: null } : null,
    location: {
      file: str4(loc.filename) ?? null,
      start_line: posInt(loc.start_line),
      end_line: posInt(loc.end_line),
      resource: str4(r.resource) ?? null
    },
    tags,
    help_uri: links[0] ?? legacyLink ?? null,
    pointer
  };
}
function looksLikeTfsecResult(o) {
  return "rule_id" in o && isObj4(o.location) && "filename" in o.location && "start_line" in o.location;
}
function detect15(s) {
  const d = s.doc;
  if (!isObj4(d) || !("results" in d)) return 0;
  if (Array.isArray(d.results)) {
    const first = d.results.find(isObj4);
    if (first) return looksLikeTfsecResult(first) ? 1 : 0;
  } else if (d.results !== null) return 0;
  return Object.keys(d).length === 1 ? /tfsec/i.test(s.name) ? 0.8 : 0.5 : 0;
}
function parse6(doc, ctx) {
  if (!isObj4(doc) || !("results" in doc) || !(doc.results === null || Array.isArray(doc.results)))
    throw new UserError(
      `not a tfsec JSON report: expected an object with a "results" array (or null), found ${describeType(doc)}${isObj4(doc) ? ` with results ${describeType(doc.results)}` : ""}`,
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  (doc.results ?? []).forEach((r, i) => {
    const d = resultToDraft4(r, i, out);
    if (d) out.findings.push(d);
  });
  out.scans.push({ tool: { name: "tfsec", version: null }, categories: ["iac"], success: true, errors: [] });
  return out;
}
var tfsecParser = {
  id: "tfsec",
  input: "json",
  docs: {
    title: "tfsec JSON",
    produce: "`tfsec . --format json --out tfsec.json` (add `--include-ignored` to keep tfsec:ignore results as suppressed)",
    takes: "one record per result that did not pass (no merging): long id / rule id, description, severity (legacy ERROR/WARNING/INFO too), file and lines, resource, first link; ignored results as suppressed"
  },
  detect: detect15,
  parse: parse6
};

// src/parsers/zap/index.ts
var RISK = { "3": "high", "2": "medium", "1": "low", "0": "info" };
var CONFIDENCE2 = {
  "0": "false positive",
  "1": "low",
  "2": "medium",
  "3": "high",
  "4": "confirmed"
};
function stripHtml(s) {
  return s.replace(/<\/p>\s*<p>/gi, "\n").replace(/<[^>]+>/g, "").replace(/[ \t]+\n/g, "\n").trim();
}
function safeUrl(u) {
  if (!u) return null;
  try {
    const url = new URL(u);
    url.username = "";
    url.password = "";
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return u.split(/[?#]/)[0];
  }
}
function alertToDraft(a, pointer, site, version, tool, out) {
  if (!isObj4(a)) {
    out.warnings.push(`${pointer}: alert is ${describeType(a)}, not an object; skipped`);
    return void 0;
  }
  const instances = asArray(isObj4(a.instances) ? a.instances.instance : a.instances).filter(isObj4);
  const count = Number(text2(a.count)) || instances.length;
  const firstUri = text2(instances[0]?.uri) ?? text2(a.uri) ?? text2(site["@_name"]) ?? text2(site["@name"]);
  const risk = text2(a.riskcode);
  const sev = risk !== void 0 ? RISK[risk] : void 0;
  if (!sev) out.warnings.push(`${pointer}: riskcode ${JSON.stringify(a.riskcode)} is not 0-3; using medium`);
  const conf = text2(a.confidence);
  const pluginId = text2(a.pluginid);
  const alertRef = text2(a.alertRef);
  const ruleId = alertRef ?? pluginId;
  const title = text2(a.alert) ?? text2(a.name) ?? ruleId ?? "ZAP alert";
  const desc = text2(a.desc) ? stripHtml(text2(a.desc)) : "";
  const refs = text2(a.reference) ? stripHtml(text2(a.reference)).split(/\s+/).filter((r) => /^https?:\/\//.test(r)) : [];
  const cweid = text2(a.cweid);
  const wasc = text2(a.wascid);
  const state = conf === "0" ? "false_positive" : "open";
  const tags = [`instances:${count}`];
  if (pluginId) tags.push(`pluginid:${pluginId}`);
  if (wasc && wasc !== "-1" && wasc !== "0") tags.push(`wasc:${wasc}`);
  return {
    title,
    description: `${desc}${desc ? "\n\n" : ""}Instances: ${count}${firstUri ? ` (first: ${safeUrl(firstUri)})` : ""}`,
    category: "dast",
    rule_id: ruleId ?? null,
    rule_name: text2(a.name) ?? null,
    severity: sev ?? "medium",
    severity_source: sev ? "tool" : "default",
    source_severity: text2(a.riskdesc) ?? risk ?? null,
    tool,
    tool_version: version,
    tool_confidence: conf !== void 0 ? CONFIDENCE2[conf] ?? conf : null,
    state,
    state_reason: state === "false_positive" ? "ZAP confidence 0 (marked false positive)" : null,
    cwe: cweid && cweid !== "-1" && cweid !== "0" ? cwesOf2(cweid) : [],
    location: { url: safeUrl(firstUri) },
    tags,
    help_uri: refs[0] ?? null,
    pointer
  };
}
function isXmlReport(d) {
  return isObj4(d) && "OWASPZAPReport" in d;
}
function detect16(s) {
  const d = s.doc;
  if (isXmlReport(d)) return 1;
  if (!isObj4(d) || "vulnerabilities" in d || "scan" in d) return 0;
  if (typeof d["@programName"] === "string" && /zap/i.test(d["@programName"])) return 1;
  if (Array.isArray(d.site) && ("@version" in d || "@generated" in d)) return 0.9;
  return 0;
}
function parse7(doc, ctx) {
  const xml2 = isXmlReport(doc);
  const root = xml2 ? doc.OWASPZAPReport : doc;
  if (!isObj4(root) || !(xml2 || "site" in root))
    throw new UserError(
      `not a ZAP report: expected an <OWASPZAPReport> XML document or a traditional-json object with "site", found ${describeType(root)}${isObj4(root) ? ' without "site"' : ""}`,
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const version = text2(root["@_version"]) ?? text2(root["@version"]) ?? null;
  const tool = text2(root["@programName"]) ?? text2(root["@_programName"]) ?? "ZAP";
  const base = xml2 ? "/OWASPZAPReport" : "";
  asArray(root.site).forEach((site, si) => {
    if (!isObj4(site)) {
      out.warnings.push(`${base}/site/${si}: site is ${describeType(site)}, not an object; skipped`);
      return;
    }
    const alerts = xml2 ? asArray(isObj4(site.alerts) ? site.alerts.alertitem : void 0) : asArray(site.alerts);
    alerts.forEach((a, ai) => {
      const pointer = xml2 ? `${base}/site/${si}/alerts/alertitem/${ai}` : `/site/${si}/alerts/${ai}`;
      const d = alertToDraft(a, pointer, site, version, tool, out);
      if (d) out.findings.push(d);
    });
  });
  out.scans.push({ tool: { name: tool, version }, categories: ["dast"], success: true, errors: [] });
  return out;
}
var zapParser = {
  id: "zap",
  input: "json",
  alsoAccepts: ["xml"],
  docs: {
    title: "OWASP ZAP traditional JSON / XML",
    produce: "`zap-baseline.py -t https://app.example -J zap.json -x zap.xml` (or the Report generation add-on, templates traditional-json / traditional-xml)",
    takes: "one record per alert per site (instances are locations, not records): alertRef (else pluginid), alert name, riskcode (3 high \u2026 0 info), confidence (0 = false positive), CWE, first instance URL without query string, instance count as a tag; evidence, attack, param and otherinfo are never copied"
  },
  detect: detect16,
  parse: parse7
};

// src/parsers/mobsf/index.ts
var SEVERITY3 = {
  HIGH: "high",
  WARNING: "medium",
  MEDIUM: "medium",
  LOW: "low",
  INFO: "info",
  HOTSPOT: "info",
  // mobsfscan
  ERROR: "high"
};
var NOT_FINDINGS2 = /* @__PURE__ */ new Set(["SECURE", "GOOD"]);
var MOBSFSCAN = { ERROR: "high", WARNING: "medium", INFO: "low" };
function esc2(k) {
  return k.replace(/~/g, "~0").replace(/\//g, "~1");
}
function plain(s) {
  return s.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();
}
var Collector = class {
  constructor(out, version) {
    this.out = out;
    this.version = version;
  }
  out;
  version;
  add(it, opts = {}) {
    const word = it.word?.trim();
    const upper = word?.toUpperCase();
    if (upper && NOT_FINDINGS2.has(upper)) return;
    const sev = mapWord(SEVERITY3, word);
    if (word && !sev) this.out.warnings.push(`${it.pointer}: unknown severity "${word}"; using medium`);
    if (opts.skipInfo && (sev === "info" || !word)) return;
    this.out.findings.push({
      title: plain(it.title) || it.rule,
      description: it.description ? it.description.trim() : null,
      category: "mobile",
      rule_id: it.rule,
      severity: sev ?? "medium",
      severity_source: sev ? "tool" : "default",
      source_severity: word ?? null,
      tool: "MobSF",
      tool_version: this.version,
      state: "open",
      cwe: cwesOf2(it.cwe),
      location: { file: it.file ?? null, start_line: it.line ?? null, end_line: null },
      fingerprints: { mobsf: `${it.section}:${it.key}` },
      tags: [`section:${it.section}`, ...it.tags ?? []],
      help_uri: it.help ?? null,
      pointer: it.pointer
    });
  }
};
function firstLine(lines) {
  const s = typeof lines === "number" ? String(lines) : str4(lines);
  return s ? posInt(s.split(",")[0]) : null;
}
function permissions(d, c) {
  if (!isObj4(d.permissions)) return;
  for (const [name, p] of Object.entries(d.permissions)) {
    if (!isObj4(p) || String(p.status).toLowerCase() !== "dangerous") continue;
    c.add({
      section: "permissions",
      pointer: `/permissions/${esc2(name)}`,
      rule: "dangerous_permission",
      title: name,
      description: [str4(p.info), str4(p.description)].filter(Boolean).join(": "),
      word: "warning",
      file: "AndroidManifest.xml",
      key: name,
      tags: ["permission:dangerous"]
    });
  }
}
function manifest(d, c) {
  const ma = d.manifest_analysis;
  const list2 = Array.isArray(ma) ? ma : isObj4(ma) ? asArray(ma.manifest_findings) : [];
  const base = Array.isArray(ma) ? "/manifest_analysis" : "/manifest_analysis/manifest_findings";
  list2.forEach((m, i) => {
    if (!isObj4(m)) {
      c.out.warnings.push(`${base}/${i}: not an object; skipped`);
      return;
    }
    const title = str4(m.title) ?? str4(m.name) ?? "Manifest issue";
    c.add({
      section: "manifest",
      pointer: `${base}/${i}`,
      rule: str4(m.rule) ?? `manifest:${plain(title).replace(/\s*\[.*$/, "")}`,
      title,
      description: str4(m.description) ?? str4(m.desc),
      word: str4(m.severity) ?? str4(m.stat),
      file: "AndroidManifest.xml",
      key: plain(str4(m.name) ?? title)
    });
  });
}
function network(d, c) {
  const ns = d.network_security;
  const list2 = Array.isArray(ns) ? ns : isObj4(ns) ? asArray(ns.network_findings) : [];
  const base = Array.isArray(ns) ? "/network_security" : "/network_security/network_findings";
  list2.forEach((n, i) => {
    if (!isObj4(n)) return;
    const desc = str4(n.description) ?? "Network security configuration issue";
    const scope = asArray(n.scope).filter((s) => typeof s === "string").join(", ");
    c.add({
      section: "network_security",
      pointer: `${base}/${i}`,
      rule: `network:${headline(desc)}`,
      title: desc,
      description: scope ? `${desc}
Scope: ${scope}` : desc,
      word: str4(n.severity),
      key: `${desc}|${scope}`
    });
  });
}
function certificate(d, c) {
  const ca = d.certificate_analysis;
  if (!isObj4(ca)) return;
  asArray(ca.certificate_findings).forEach((f, i) => {
    if (!Array.isArray(f)) return;
    const [word, desc, title] = f.map((x) => typeof x === "string" ? x : void 0);
    c.add({
      section: "certificate",
      pointer: `/certificate_analysis/certificate_findings/${i}`,
      rule: `certificate:${title ?? desc ?? i}`,
      title: title ?? desc ?? "Certificate issue",
      description: desc,
      word,
      key: title ?? desc ?? String(i)
    });
  });
}
function codeAnalysis(d, c) {
  const co = d.code_analysis;
  if (!isObj4(co)) return;
  const nested = isObj4(co.findings);
  const rules = nested ? co.findings : co;
  const base = nested ? "/code_analysis/findings" : "/code_analysis";
  for (const [rule, r] of Object.entries(rules)) {
    if (!isObj4(r) || !isObj4(r.metadata)) continue;
    const meta = r.metadata;
    const files = isObj4(r.files) ? Object.entries(r.files) : [];
    const title = str4(meta.description) ?? str4(meta.desc) ?? rule;
    const tags = [
      str4(meta["owasp-mobile"]) && `owasp-mobile:${meta["owasp-mobile"]}`,
      str4(meta.masvs) && `masvs:${meta.masvs}`
    ].filter((t) => typeof t === "string");
    const targets = files.length > 0 ? files : [[null, null]];
    for (const [file, lines] of targets) {
      c.add({
        section: "code_analysis",
        pointer: file ? `${base}/${esc2(rule)}/files/${esc2(file)}` : `${base}/${esc2(rule)}`,
        rule,
        title: headline(title),
        description: title,
        word: str4(meta.severity),
        file,
        line: firstLine(lines),
        cwe: meta.cwe,
        tags,
        help: str4(meta.ref) ?? str4(meta.reference) ?? null,
        key: `${rule}:${file ?? ""}`
      });
    }
  }
}
function hardeningChecks(obj, name, pointer, c) {
  for (const [check, v] of Object.entries(obj)) {
    if (!isObj4(v) || !("severity" in v)) continue;
    const desc = str4(v.description) ?? check;
    c.add(
      {
        section: "binary_analysis",
        pointer: `${pointer}/${esc2(check)}`,
        rule: `binary:${check}`,
        title: headline(desc),
        description: desc,
        word: str4(v.severity),
        file: name ?? null,
        key: `${name ?? ""}:${check}`
      },
      { skipInfo: true }
    );
  }
}
function binary(d, c) {
  const ba = d.binary_analysis;
  if (Array.isArray(ba)) {
    ba.forEach((b, i) => {
      if (isObj4(b)) hardeningChecks(b, str4(b.name), `/binary_analysis/${i}`, c);
    });
  } else if (isObj4(ba) && isObj4(ba.findings)) {
    for (const [title, f] of Object.entries(ba.findings)) {
      if (!isObj4(f)) continue;
      c.add({
        section: "binary_analysis",
        pointer: `/binary_analysis/findings/${esc2(title)}`,
        rule: `binary:${title}`,
        title: str4(f.detailed_desc) ? headline(f.detailed_desc.replace(/\n/g, " ")) : title,
        description: str4(f.detailed_desc),
        word: str4(f.severity),
        cwe: f.cwe,
        key: title,
        tags: [
          str4(f["owasp-mobile"]) && `owasp-mobile:${f["owasp-mobile"]}`,
          str4(f.masvs) && `masvs:${f.masvs}`
        ].filter((t) => typeof t === "string")
      });
    }
  }
  if (isObj4(d.macho_analysis))
    hardeningChecks(d.macho_analysis, str4(d.macho_analysis.name), "/macho_analysis", c);
}
function ats(d, c) {
  if (!isObj4(d.ats_analysis)) return;
  asArray(d.ats_analysis.ats_findings).forEach((f, i) => {
    if (!isObj4(f)) return;
    const issue = str4(f.issue) ?? "App Transport Security issue";
    c.add({
      section: "ats",
      pointer: `/ats_analysis/ats_findings/${i}`,
      rule: `ats:${issue}`,
      title: issue,
      description: str4(f.description),
      word: str4(f.severity),
      file: "Info.plist",
      key: issue
    });
  });
}
function firebase(d, c) {
  asArray(d.firebase_urls).forEach((f, i) => {
    if (!isObj4(f) || f.open !== true) return;
    c.add({
      section: "firebase",
      pointer: `/firebase_urls/${i}`,
      rule: "firebase_open_db",
      title: "Firebase database is open to the public",
      description: str4(f.url),
      word: "high",
      key: str4(f.url) ?? String(i)
    });
  });
}
function secretStrings(d, out) {
  for (const s of asArray(d.secrets)) {
    if (typeof s !== "string") continue;
    const m = /:\s*"(.*)"\s*$/.exec(s);
    const value = m ? m[1] : s;
    if (value.length >= 4) out.secrets.push(value);
  }
}
function parseReport(d, out) {
  const version = str4(d.version)?.replace(/^v/i, "").trim() ?? null;
  const c = new Collector(out, version);
  secretStrings(d, out);
  permissions(d, c);
  manifest(d, c);
  network(d, c);
  certificate(d, c);
  codeAnalysis(d, c);
  binary(d, c);
  ats(d, c);
  firebase(d, c);
  out.scans.push({ tool: { name: "MobSF", version }, categories: ["mobile"], success: true, errors: [] });
}
function parseMobsfscan(d, out) {
  const version = str4(d.mobsfscan_version) ?? null;
  const results = isObj4(d.results) ? d.results : {};
  for (const [rule, r] of Object.entries(results)) {
    const pointer = `/results/${esc2(rule)}`;
    if (!isObj4(r)) {
      out.warnings.push(`${pointer}: not an object; skipped`);
      continue;
    }
    const meta = isObj4(r.metadata) ? r.metadata : {};
    const word = str4(meta.severity);
    const sev = mapWord(MOBSFSCAN, word);
    if (word && !sev) out.warnings.push(`${pointer}: unknown severity "${word}"; using medium`);
    const files = asArray(r.files).filter(isObj4);
    const targets = files.length > 0 ? files : [null];
    targets.forEach((f, fi) => {
      const ms = f ? str4(f.match_string) : void 0;
      if (ms && ms.trim().length >= 4) out.secrets.push(ms.trim());
      const lines = f && Array.isArray(f.match_lines) ? f.match_lines : [];
      const desc = str4(meta.description) ?? rule;
      out.findings.push({
        title: rule,
        description: desc.replace(/\s+/g, " "),
        category: "mobile",
        rule_id: rule,
        severity: sev ?? "medium",
        severity_source: sev ? "tool" : "default",
        source_severity: word ?? null,
        tool: "mobsfscan",
        tool_version: version,
        state: "open",
        cwe: cwesOf2(meta.cwe),
        location: {
          file: f ? str4(f.file_path) ?? null : null,
          start_line: posInt(lines[0]),
          end_line: posInt(lines[1])
        },
        tags: [
          str4(meta["owasp-mobile"]) && `owasp-mobile:${meta["owasp-mobile"]}`,
          str4(meta.masvs) && `masvs:${meta.masvs}`
        ].filter((t) => typeof t === "string"),
        help_uri: str4(meta.reference) ?? null,
        pointer: f ? `${pointer}/files/${fi}` : pointer
      });
    });
  }
  const errors = asArray(d.errors).map((e) => (typeof e === "string" ? e : JSON.stringify(e)).slice(0, 300));
  for (const e of errors) out.warnings.push(`mobsfscan reported: ${e}`);
  out.scans.push({ tool: { name: "mobsfscan", version }, categories: ["mobile"], success: true, errors });
}
function isReport2(d) {
  return isObj4(d) && ("code_analysis" in d || "binary_analysis" in d || "manifest_analysis" in d || "macho_analysis" in d) && ("app_name" in d || "file_name" in d || "md5" in d || "package_name" in d || "bundle_id" in d);
}
function isMobsfscan(d) {
  if (!isObj4(d) || !isObj4(d.results)) return false;
  if ("mobsfscan_version" in d) return true;
  const first = Object.values(d.results)[0];
  return isObj4(first) && isObj4(first.metadata) && ("files" in first || "masvs" in first.metadata);
}
function detect17(s) {
  if (isReport2(s.doc)) return 1;
  if (isMobsfscan(s.doc)) return "mobsfscan_version" in s.doc ? 1 : 0.7;
  return 0;
}
function parse8(doc, ctx) {
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  if (isReport2(doc)) parseReport(doc, out);
  else if (isMobsfscan(doc)) parseMobsfscan(doc, out);
  else
    throw new UserError(
      `not a MobSF report: expected a MobSF report_json object (code_analysis, manifest_analysis, binary_analysis, ...) or mobsfscan JSON (results keyed by rule), found ${describeType(doc)}`,
      ctx.file
    );
  return out;
}
var mobsfParser = {
  id: "mobsf",
  input: "json",
  docs: {
    title: "MobSF report JSON and mobsfscan JSON",
    produce: 'MobSF: `curl -X POST --url http://localhost:8000/api/v1/report_json --data "hash=$MD5" -H "Authorization: $MOBSF_API_KEY" -o mobsf.json`; mobsfscan: `mobsfscan --json -o mobsfscan.json .`',
    takes: "one record per issue per static-analysis section (dangerous permissions, manifest, network security, certificate, code analysis per rule and file, binary/Mach-O hardening at warning and above, ATS, open Firebase DBs); secure/good items are not findings; mobsfscan: one record per rule per file; matched strings and the secrets list are never copied"
  },
  detect: detect17,
  parse: parse8
};

// src/parsers/eslint/index.ts
function messageToDraft(m, file, pointer, suppressed, out) {
  const level = m.severity === 2 ? "error" : m.severity === 1 ? "warning" : void 0;
  if (!level)
    out.warnings.push(`${pointer}: severity ${JSON.stringify(m.severity)} is not 1 or 2; using warning`);
  const text3 = str4(m.message) ?? "";
  const ruleId = str4(m.ruleId) ?? null;
  const sup = suppressed ? Array.isArray(m.suppressions) ? m.suppressions.find(isObj4) : void 0 : void 0;
  return {
    title: text3.split("\n")[0].trim() || ruleId || "ESLint message",
    description: text3 || null,
    category: "sast",
    rule_id: ruleId,
    severity: level === "error" ? "high" : "medium",
    severity_source: "level",
    source_severity: level ?? "warning",
    tool: "ESLint",
    state: suppressed ? "suppressed" : "open",
    // ESLint's "directive" is an eslint-disable comment: SARIF's inSource.
    suppression: suppressed ? {
      kind: !sup || sup.kind === "directive" ? "inSource" : String(sup.kind),
      status: "accepted",
      justification: (sup && str4(sup.justification)) ?? null
    } : null,
    location: { file, start_line: posInt(m.line), end_line: posInt(m.endLine) },
    tags: [],
    pointer
  };
}
function detect18(s) {
  const d = s.doc;
  if (!Array.isArray(d) || d.length === 0) return 0;
  const first = d[0];
  return isObj4(first) && typeof first.filePath === "string" && Array.isArray(first.messages) ? 1 : 0;
}
function parse9(doc, ctx) {
  if (!Array.isArray(doc) || doc.length > 0 && !doc.some((f) => isObj4(f) && Array.isArray(f.messages)))
    throw new UserError(
      `not an ESLint JSON report: expected an array of file results with "filePath" and "messages", found ${describeType(doc)}`,
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const errors = [];
  doc.forEach((f, fi) => {
    if (!isObj4(f)) {
      out.warnings.push(`/${fi}: file result is ${describeType(f)}, not an object; skipped`);
      return;
    }
    const file = str4(f.filePath) ?? null;
    for (const [key, suppressed] of [
      ["messages", false],
      ["suppressedMessages", true]
    ]) {
      (Array.isArray(f[key]) ? f[key] : []).forEach((m, mi) => {
        const pointer = `/${fi}/${key}/${mi}`;
        if (!isObj4(m)) {
          out.warnings.push(`${pointer}: message is ${describeType(m)}, not an object; skipped`);
          return;
        }
        if (m.fatal === true) {
          errors.push(
            `${file ?? "?"}:${posInt(m.line) ?? "?"}: ${(str4(m.message) ?? "fatal error").slice(0, 250)}`
          );
          return;
        }
        out.findings.push(messageToDraft(m, file, pointer, suppressed, out));
      });
    }
  });
  for (const e of errors) out.warnings.push(`ESLint could not lint ${e}`);
  out.scans.push({
    tool: { name: "ESLint", version: null },
    categories: ["sast"],
    success: errors.length === 0,
    errors
  });
  return out;
}
var eslintParser = {
  id: "eslint",
  input: "json",
  docs: {
    title: "ESLint JSON",
    produce: "`npx eslint . -f json -o eslint.json`",
    takes: "one record per message (rule, message, file, lines; severity 2 high, 1 medium, as SARIF levels) and per suppressed message (state suppressed, with the justification); fatal parse errors are scan errors; `source` is never copied"
  },
  detect: detect18,
  parse: parse9
};

// src/parsers/cloud-util.ts
function isObj5(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function str5(v) {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : void 0;
}
function isoDate2(v) {
  if (typeof v === "number" && Number.isFinite(v) && v > 0) {
    const d2 = new Date(v < 1e11 ? v * 1e3 : v);
    return Number.isNaN(d2.getTime()) ? null : d2.toISOString();
  }
  const s = str5(v);
  if (!s) return null;
  let t = s.replace(/ \+0000 UTC$/, "Z").replace(/^(\d{4}-\d\d-\d\d) (\d)/, "$1T$2");
  t = t.replace(/(\.\d{3})\d+/, "$1");
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(t)) t += "Z";
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
var CLOUD_WORDS = {
  minimal: "info",
  untriaged: "info",
  "not yet assigned": "info"
};
function cloudSeverity(word, score, fallback = "medium") {
  const w = str5(word);
  if (w) {
    const s = wordToSeverity(w) ?? CLOUD_WORDS[w.toLowerCase()];
    if (s) return { severity: s, severity_source: "tool", source_severity: w };
  }
  const n = typeof score === "number" ? score : typeof score === "string" && score.trim() !== "" ? Number(score) : NaN;
  if (Number.isFinite(n) && n >= 0 && n <= 10)
    return { severity: cvssToSeverity(n), severity_source: "cvss", source_severity: w ?? String(n) };
  return { severity: fallback, severity_source: "default", source_severity: w ?? null };
}
function imageRepository(ref) {
  let r = ref.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  r = r.replace(/@sha256:[^/@]+$/i, "");
  r = r.replace(/\/sha256:[^/]+$/i, "");
  const lastSlash = r.lastIndexOf("/");
  const colon = r.lastIndexOf(":");
  if (colon > lastSlash) r = r.slice(0, colon);
  return r;
}
function ecrImage(registry, region, repo) {
  if (!repo) return null;
  if (registry && region) return `${registry}.dkr.ecr.${region}.amazonaws.com/${repo}`;
  return repo;
}
function arnParts(arn) {
  const m = arn ? /^arn:[^:]+:[^:]*:([^:]*):([^:]*):/.exec(arn) : null;
  return { region: m?.[1] || null, account: m?.[2] || null };
}
function ecosystemOf2(pm) {
  const s = str5(pm)?.toLowerCase();
  if (!s || s === "os") return null;
  return s;
}

// src/parsers/gcp_scc/index.ts
function isSccFinding(f) {
  return isObj5(f) && typeof f.name === "string" && /\/sources\/[^/]+\/(locations\/[^/]+\/)?findings\//.test(f.name) && "category" in f;
}
function resultsOf(doc) {
  if (Array.isArray(doc)) return { list: doc, prefix: "" };
  if (isObj5(doc) && Array.isArray(doc.listFindingsResults))
    return { list: doc.listFindingsResults, prefix: "/listFindingsResults" };
  if (isObj5(doc) && Array.isArray(doc.findings)) return { list: doc.findings, prefix: "/findings" };
  return void 0;
}
function detect19(s) {
  const r = resultsOf(s.doc);
  if (!r) return 0;
  if (r.list.length === 0) return isObj5(s.doc) && Array.isArray(s.doc.listFindingsResults) ? 0.9 : 0;
  const first = r.list.find(isObj5);
  return first && (isSccFinding(first.finding) || isSccFinding(first)) ? 1 : 0;
}
function projectOf(resourceName) {
  return /\/projects\/([^/]+)/.exec(resourceName ?? "")?.[1] ?? null;
}
function regionOf(resourceName) {
  const m = /\/(?:zones|regions|locations)\/([^/]+)/.exec(resourceName ?? "");
  if (!m) return null;
  return m[1].replace(/^([a-z]+-[a-z]+\d+)-[a-z]$/, "$1");
}
function resultToDraft5(item, pointer) {
  const f = isObj5(item.finding) ? item.finding : item;
  const res = isObj5(item.resource) ? item.resource : {};
  const gcp = isObj5(res.gcpMetadata) ? res.gcpMetadata : res;
  const sp = isObj5(f.sourceProperties) ? f.sourceProperties : {};
  const resourceName = str5(f.resourceName) ?? str5(res.name);
  const category = str5(f.category) ?? "UNKNOWN_CATEGORY";
  const active = (str5(f.state) ?? "ACTIVE").toUpperCase() !== "INACTIVE";
  const muted = str5(f.mute)?.toUpperCase() === "MUTED";
  let state = "open";
  let reason = null;
  if (!active) {
    state = "fixed";
    reason = "SCC state INACTIVE";
  } else if (muted) {
    state = "suppressed";
    reason = "muted in Security Command Center";
  }
  const cve = isObj5(f.vulnerability) && isObj5(f.vulnerability.cve) ? f.vulnerability.cve : void 0;
  const cvss = cve && isObj5(cve.cvssv3) && typeof cve.cvssv3.baseScore === "number" ? cve.cvssv3.baseScore : void 0;
  const sevWord = str5(f.severity);
  const sev = cloudSeverity(sevWord === "SEVERITY_UNSPECIFIED" ? void 0 : sevWord, cvss, "medium");
  const where = str5(res.displayName) ?? resourceName?.split("/").pop();
  const source = str5(f.parentDisplayName) ?? str5(res.parentDisplayName);
  return {
    title: where ? `${category} on ${where}` : category,
    description: str5(f.description) ?? str5(sp.Explanation) ?? str5(sp.explanation) ?? null,
    category: "cloud",
    rule_id: category,
    rule_name: source ? `${source}: ${category}` : category,
    ...sev,
    tool: "Google Security Command Center",
    state,
    state_reason: reason,
    first_seen: isoDate2(f.createTime) ?? isoDate2(f.eventTime),
    last_seen: isoDate2(f.eventTime) ?? isoDate2(f.createTime),
    closed_at: state === "fixed" ? isoDate2(f.eventTime) : null,
    cve: cve && str5(cve.id) ? [str5(cve.id)] : [],
    cvss: cvss !== void 0 && cvss >= 0 && cvss <= 10 ? { score: cvss, vector: null, version: "3" } : null,
    location: {
      resource: resourceName ?? null,
      account: str5(gcp.projectDisplayName) ?? projectOf(resourceName) ?? projectOf(str5(gcp.projectName)) ?? null,
      region: str5(res.location) ?? regionOf(resourceName)
    },
    fingerprints: str5(f.name) ? { name: str5(f.name) } : {},
    tags: [str5(f.findingClass), source].filter((x) => !!x),
    help_uri: str5(f.externalUri) ?? null,
    pointer
  };
}
function parseGcpScc(doc, ctx) {
  const r = resultsOf(doc);
  if (!r)
    throw new UserError(
      'not a Security Command Center export: expected a JSON array of {finding, resource} results (gcloud scc findings list --format=json) or an object with "listFindingsResults"',
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  r.list.forEach((item, i) => {
    const pointer = `${r.prefix}/${i}`;
    if (!isObj5(item) || !(isObj5(item.finding) || isSccFinding(item))) {
      out.warnings.push(`${pointer}: not a {finding, resource} result; skipped`);
      return;
    }
    out.findings.push(resultToDraft5(item, pointer));
  });
  out.scans.push({
    tool: { name: "Google Security Command Center", version: null },
    categories: ["cloud"],
    success: true,
    errors: []
  });
  return out;
}
var gcpSccParser = {
  id: "gcp_scc",
  input: "json",
  docs: {
    title: "Google Security Command Center findings (JSON)",
    produce: "`gcloud scc findings list organizations/ORG_ID --format=json > scc.json` (or `projects/PROJECT_ID`, `folders/FOLDER_ID`; add `--filter='state=\"ACTIVE\"'` to leave out inactive findings)",
    takes: "one record per finding: category as rule, severity (or the CVE's CVSS), state (ACTIVE open, INACTIVE fixed, muted \u2192 suppressed), resource name, project, region, create/event time, CVE, source name"
  },
  detect: detect19,
  parse: parseGcpScc
};

// src/parsers/wiz/index.ts
var ISSUES = ["Title", "Severity", "Status", "Issue ID", "Control ID"];
var VULNS = ["Name", "DetailedName", "FindingStatus", "VendorSeverity"];
function layoutOf(headers) {
  const cols = new Set(headers);
  if (ISSUES.every((c) => cols.has(c))) return "issues";
  if (VULNS.every((c) => cols.has(c))) return "vulnerabilities";
  return void 0;
}
function headerColumns(text3) {
  const first = text3.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return first.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ""));
}
function detect20(s) {
  if (s.doc !== void 0) return 0;
  return layoutOf(headerColumns(s.head)) ? 1 : 0;
}
function stateOf4(status, resolution) {
  const s = status.trim().toUpperCase();
  const res = resolution?.toUpperCase() ?? "";
  if (s === "RESOLVED")
    return { state: "fixed", reason: resolution ? `Wiz RESOLVED (${resolution})` : "Wiz RESOLVED" };
  if (s === "IGNORED" || s === "REJECTED") {
    if (/FALSE_POSITIVE/.test(res)) return { state: "false_positive", reason: `Wiz ${s} (${resolution})` };
    if (/WONT_FIX|EXCEPTION|ACCEPT/.test(res))
      return { state: "accepted_risk", reason: `Wiz ${s} (${resolution})` };
    if (/NOT_RELEVANT|NOT_APPLICABLE/.test(res))
      return { state: "not_applicable", reason: `Wiz ${s} (${resolution})` };
    return { state: "suppressed", reason: resolution ? `Wiz ${s} (${resolution})` : `Wiz ${s}` };
  }
  return { state: "open", reason: null };
}
function issueToDraft(r, warnings) {
  const pointer = `row ${r.__line}`;
  const { state, reason } = stateOf4(r.Status ?? "", str5(r.Resolution));
  const resolved = str5(r["Resolved Time"]);
  const closedAt = state === "fixed" || state === "false_positive" ? isoDate2(resolved) : null;
  if (resolved && !isoDate2(resolved))
    warnings.push(`${pointer}: unreadable Resolved Time "${resolved}"; closed date left empty`);
  const cluster = str5(r["Kubernetes Cluster"]);
  const namespace = str5(r["Kubernetes Namespace"]);
  return {
    title: str5(r.Title) ?? str5(r["Control ID"]) ?? "Wiz issue",
    // `Resource original JSON` can hold environment variables and configuration: never copied.
    description: str5(r.Description) ?? null,
    category: "cloud",
    rule_id: str5(r["Control ID"]) ?? null,
    rule_name: str5(r.Title) ?? null,
    ...cloudSeverity(r.Severity, void 0, "medium"),
    tool: "Wiz",
    state,
    state_reason: reason,
    first_seen: isoDate2(r["Created At"]),
    closed_at: closedAt,
    location: {
      account: str5(r["Subscription ID"]) ?? null,
      region: str5(r["Resource Region"]) ?? null,
      resource: str5(r["Resource external ID"]) ?? str5(r["Resource vertex ID"]) ?? null
    },
    fingerprints: str5(r["Issue ID"]) ? { issueId: str5(r["Issue ID"]) } : {},
    tags: [
      str5(r["Resource Type"]),
      cluster ? `k8s-cluster:${cluster}` : void 0,
      namespace ? `k8s-namespace:${namespace}` : void 0
    ].filter((x) => !!x),
    help_uri: str5(r["Wiz URL"]) ?? null,
    pointer
  };
}
function vulnToDraft2(r) {
  const pointer = `row ${r.__line}`;
  const { state, reason } = stateOf4(r.FindingStatus ?? "", str5(r.ResolutionReason));
  const vulnId = str5(r.Name);
  const pkg = str5(r.DetailedName);
  const asset = str5(r.ProviderUniqueId) ?? str5(r.AssetID) ?? str5(r.AssetName);
  const isImage = /@sha256:|ContainerImage/i.test(`${asset ?? ""} ${r.AssetType ?? ""}`);
  const category = isImage ? "container" : "sca";
  const sev = str5(r.VendorSeverity) ? cloudSeverity(r.VendorSeverity) : cloudSeverity(r.CVSSSeverity);
  return {
    title: [vulnId, pkg].filter(Boolean).join(" - ") || "Wiz vulnerability",
    description: str5(r.Remediation) ?? null,
    category,
    rule_id: vulnId ?? null,
    rule_name: vulnId ?? null,
    ...sev,
    tool: "Wiz",
    state,
    state_reason: reason,
    first_seen: isoDate2(r.FirstDetected),
    last_seen: isoDate2(r.LastDetected),
    closed_at: state === "fixed" ? isoDate2(r.ResolvedAt) : null,
    cve: vulnId ? [vulnId] : [],
    package: pkg ? {
      name: pkg,
      version: str5(r.Version) ?? null,
      fixed_version: str5(r.FixedVersion) ?? null,
      ecosystem: null,
      purl: null
    } : null,
    location: {
      // Outside an image the asset is the scan target the SCA identity is built on.
      file: isImage ? null : asset ?? null,
      image: isImage && asset ? imageRepository(asset) : null,
      account: str5(r.SubscriptionExternalId) ?? str5(r.SubscriptionId) ?? null,
      region: str5(r.AssetRegion) ?? null,
      resource: asset ?? null
    },
    fingerprints: str5(r.ID) ? { findingId: str5(r.ID) } : {},
    tags: [str5(r.DetectionMethod), r.HasCisaKevExploit === "true" ? "cisa-kev" : void 0].filter(
      (x) => !!x
    ),
    help_uri: str5(r.Link) ?? str5(r.WizURL) ?? null,
    pointer
  };
}
function parseWiz(text3, ctx) {
  if (typeof text3 !== "string") throw new UserError("not a Wiz CSV export: expected CSV text", ctx.file);
  const table = parseCsv(text3, ctx.file);
  const layout = layoutOf(table.headers);
  if (!layout)
    throw new UserError(
      "not a Wiz CSV export: expected the Issues report header (Title, Severity, Status, Issue ID, Control ID) or the vulnerability findings header (Name, DetailedName, FindingStatus, VendorSeverity)",
      ctx.file,
      "1"
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const cats = /* @__PURE__ */ new Set();
  for (const r of table.rows) {
    const d = layout === "issues" ? issueToDraft(r, out.warnings) : vulnToDraft2(r);
    cats.add(d.category);
    out.findings.push(d);
  }
  out.scans.push({
    tool: { name: "Wiz", version: null },
    categories: cats.size > 0 ? [...cats].sort() : [layout === "issues" ? "cloud" : "sca"],
    success: true,
    errors: []
  });
  return out;
}
var wizParser = {
  id: "wiz",
  input: "text",
  docs: {
    title: "Wiz Issues / vulnerability findings (CSV)",
    produce: "Wiz console \u2192 Issues (or Vulnerability Findings) \u2192 filter \u2192 Export \u2192 CSV",
    takes: "one record per row, resolved and ignored ones included with their state: Issues report title, control id, severity, status/resolution, subscription, region, resource external id, created/resolved time; vulnerability report CVE, package, installed and fixed version, asset, first/last detected"
  },
  detect: detect20,
  parse: parseWiz
};

// src/parsers/wizcli/index.ts
function detect21(s) {
  const d = s.doc;
  if (!isObj5(d) || !isObj5(d.result)) return 0;
  const origin = isObj5(d.scanOriginResource) ? str5(d.scanOriginResource.__typename) : void 0;
  const result = str5(d.result.__typename);
  if (origin && /^CICDScanOrigin/.test(origin) || result && /^CICD.*ScanResult$/.test(result)) return 1;
  if (isObj5(d.status) && "verdict" in d.status) return 0.7;
  return 0;
}
function relPath(p, dirScan) {
  const s = str5(p);
  if (!s) return null;
  return dirScan ? s.replace(/^\/+/, "") : s;
}
function vulnDrafts(list2, key, ctx, out) {
  if (list2 === null || list2 === void 0) return;
  if (!Array.isArray(list2)) {
    out.warnings.push(`/result/${key}: not an array; skipped`);
    return;
  }
  list2.forEach((pkg, i) => {
    if (!isObj5(pkg)) {
      out.warnings.push(`/result/${key}/${i}: not an object; skipped`);
      return;
    }
    const vulns = Array.isArray(pkg.vulnerabilities) ? pkg.vulnerabilities : [];
    vulns.forEach((v, j) => {
      const pointer = `/result/${key}/${i}/vulnerabilities/${j}`;
      if (!isObj5(v)) {
        out.warnings.push(`${pointer}: not an object; skipped`);
        return;
      }
      const id = str5(v.name);
      const name = str5(pkg.name);
      const score = typeof v.score === "number" && v.score >= 0 && v.score <= 10 ? v.score : null;
      out.findings.push({
        title: [id, name].filter(Boolean).join(" - ") || "wizcli vulnerability",
        description: str5(v.description) ?? null,
        category: ctx.category,
        rule_id: id ?? null,
        rule_name: id ?? null,
        ...cloudSeverity(v.severity, score ?? void 0, "medium"),
        tool: "wizcli",
        state: "open",
        cve: id ? [id] : [],
        cvss: score !== null ? { score, vector: null, version: null } : null,
        package: name ? {
          name,
          version: str5(pkg.version) ?? null,
          fixed_version: str5(v.fixedVersion) ?? null,
          ecosystem: null,
          purl: null
        } : null,
        location: { image: ctx.image, file: relPath(pkg.path, ctx.dirScan) },
        tags: [
          str5(pkg.detectionMethod),
          v.hasCisaKevExploit === true ? "cisa-kev" : void 0,
          v.hasExploit === true ? "exploit-available" : void 0
        ].filter((x) => !!x),
        help_uri: str5(v.source) ?? null,
        pointer
      });
    });
  });
}
function parseWizcli(doc, ctx) {
  if (!isObj5(doc) || !isObj5(doc.result))
    throw new UserError(
      'not a wizcli JSON report: expected an object with a "result" object (wizcli docker|dir|iac scan --format json)',
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const result = doc.result;
  const origin = isObj5(doc.scanOriginResource) ? doc.scanOriginResource : {};
  const originType = str5(origin.__typename) ?? "";
  const isImage = /ContainerImage/i.test(originType);
  const dirScan = /Directory|IAC/i.test(originType);
  const image = isImage ? str5(origin.name) ?? null : null;
  const vulnCategory2 = isImage ? "container" : "sca";
  const ran = /* @__PURE__ */ new Set();
  for (const key of ["osPackages", "libraries", "applications"]) {
    if (key in result) ran.add(vulnCategory2);
    vulnDrafts(result[key], key, { category: vulnCategory2, image, dirScan }, out);
  }
  if (Array.isArray(result.secrets)) {
    ran.add("secret");
    result.secrets.forEach((s, i) => {
      const pointer = `/result/secrets/${i}`;
      if (!isObj5(s)) {
        out.warnings.push(`${pointer}: not an object; skipped`);
        return;
      }
      for (const k of ["snippet", "details"])
        if (typeof s[k] === "string" && s[k].length >= 4) out.secrets.push(s[k]);
      const kind = str5(s.type);
      const file = relPath(s.path, dirScan);
      const draft = {
        title: `Secret (${kind ?? "unknown type"})${file ? ` in ${file}` : ""}`,
        description: null,
        category: "secret",
        rule_id: kind ?? null,
        rule_name: kind ?? null,
        severity: "critical",
        severity_source: "default",
        source_severity: null,
        tool: "wizcli",
        state: "open",
        location: { file, start_line: typeof s.lineNumber === "number" ? s.lineNumber : null, image },
        fingerprints: str5(s.id) ? { id: str5(s.id) } : {},
        pointer
      };
      out.findings.push(draft);
    });
  }
  if (Array.isArray(result.ruleMatches)) {
    ran.add("iac");
    result.ruleMatches.forEach((rm, i) => {
      if (!isObj5(rm)) {
        out.warnings.push(`/result/ruleMatches/${i}: not an object; skipped`);
        return;
      }
      const rule = isObj5(rm.rule) ? rm.rule : {};
      const matches = Array.isArray(rm.matches) ? rm.matches : [];
      matches.forEach((m, j) => {
        const pointer = `/result/ruleMatches/${i}/matches/${j}`;
        if (!isObj5(m)) {
          out.warnings.push(`${pointer}: not an object; skipped`);
          return;
        }
        out.findings.push({
          title: str5(rule.name) ?? str5(rule.id) ?? "wizcli IaC rule",
          description: str5(m.expected) ?? null,
          category: "iac",
          rule_id: str5(rule.id) ?? null,
          rule_name: str5(rule.name) ?? null,
          ...cloudSeverity(m.severity ?? rm.severity, void 0, "medium"),
          tool: "wizcli",
          state: "open",
          location: {
            file: relPath(m.fileName, dirScan),
            start_line: typeof m.lineNumber === "number" ? m.lineNumber : null,
            resource: str5(m.resourceName) ?? null
          },
          tags: str5(m.fileType) ? [str5(m.fileType)] : [],
          pointer
        });
      });
    });
  }
  const status = isObj5(doc.status) ? doc.status : {};
  const state = str5(status.state);
  const success = !state || /^SUCCESS$/i.test(state);
  out.scans.push({
    tool: { name: "wizcli", version: null },
    categories: [...ran].sort(),
    success,
    errors: success ? [] : [`wizcli scan state ${state}`]
  });
  return out;
}
var wizcliParser = {
  id: "wizcli",
  input: "json",
  docs: {
    title: "wizcli scan report (JSON)",
    produce: "`wizcli docker scan --image IMAGE --format json > wizcli.json`; `wizcli dir scan --path . --format json`; `wizcli iac scan --path . --format json`",
    takes: "one record per package vulnerability (CVE, package, installed and fixed version, severity, score), per secret (type, file, line; the secret text is never copied) and per IaC rule match location (rule, severity, file, line, resource); the policy verdict is not a finding"
  },
  detect: detect21,
  parse: parseWizcli
};

// src/parsers/aws_inspector2/index.ts
function looksInspector2(f) {
  return isObj5(f) && typeof f.findingArn === "string" && /:inspector2:/.test(f.findingArn);
}
function detect22(s) {
  const d = s.doc;
  if (!isObj5(d) || !Array.isArray(d.findings)) return 0;
  if (d.findings.length === 0)
    return /inspector/i.test(s.name) && Object.keys(d).every((k) => k === "findings" || k === "nextToken") ? 0.6 : 0;
  const first = d.findings.slice(0, 5).filter(isObj5);
  return first.length > 0 && first.every(looksInspector2) ? 1 : 0;
}
var STATES = {
  CLOSED: { state: "fixed", reason: "Inspector status CLOSED" },
  SUPPRESSED: { state: "suppressed", reason: "Inspector status SUPPRESSED (suppression rule)" }
};
function packagesOf(details) {
  const list2 = Array.isArray(details.vulnerablePackages) ? details.vulnerablePackages.filter(isObj5) : [];
  return list2.map((p) => {
    const name = str5(p.name);
    if (!name) return null;
    const version = str5(p.version);
    const release = str5(p.release);
    return {
      name,
      version: version ? release ? `${version}-${release}` : version : null,
      fixed_version: str5(p.fixedInVersion) && p.fixedInVersion !== "NotAvailable" ? str5(p.fixedInVersion) : null,
      ecosystem: ecosystemOf2(p.packageManager),
      purl: null
    };
  }).filter((p) => p !== null);
}
function cvssOf4(f, details) {
  const adjusted = isObj5(f.inspectorScoreDetails) && isObj5(f.inspectorScoreDetails.adjustedCvss) ? f.inspectorScoreDetails.adjustedCvss : void 0;
  if (adjusted && typeof adjusted.score === "number")
    return {
      score: adjusted.score,
      vector: str5(adjusted.scoringVector) ?? null,
      version: str5(adjusted.version) ?? null
    };
  const list2 = Array.isArray(details.cvss) ? details.cvss.filter(isObj5) : [];
  const best = list2.find((c) => /^3/.test(String(c.version)) && typeof c.baseScore === "number") ?? list2.find((c) => typeof c.baseScore === "number");
  return best ? { score: best.baseScore, vector: str5(best.scoringVector) ?? null, version: str5(best.version) ?? null } : null;
}
function findingToDraft2(f, pointer, warnings) {
  const res0 = Array.isArray(f.resources) ? f.resources.find(isObj5) : void 0;
  const resourceId = str5(res0?.id) ?? null;
  const resourceType = str5(res0?.type) ?? "";
  const account = str5(f.awsAccountId) ?? arnParts(resourceId ?? void 0).account;
  const region = str5(res0?.region) ?? arnParts(str5(f.findingArn)).region;
  const status = (str5(f.status) ?? "ACTIVE").toUpperCase();
  const mapped = STATES[status];
  if (!mapped && status !== "ACTIVE")
    warnings.push(`${pointer}: unknown status "${f.status}"; taken as open`);
  const state = mapped?.state ?? "open";
  const type = str5(f.type) ?? "PACKAGE_VULNERABILITY";
  const score = typeof f.inspectorScore === "number" ? f.inspectorScore : void 0;
  const common = {
    title: str5(f.title) ?? "Amazon Inspector finding",
    description: str5(f.description) ?? null,
    ...cloudSeverity(f.severity, score, "medium"),
    tool: "Amazon Inspector",
    state,
    state_reason: mapped?.reason ?? null,
    first_seen: isoDate2(f.firstObservedAt),
    last_seen: isoDate2(f.lastObservedAt) ?? isoDate2(f.updatedAt),
    closed_at: state === "fixed" ? isoDate2(f.lastObservedAt) ?? isoDate2(f.updatedAt) : null,
    fingerprints: str5(f.findingArn) ? { findingArn: str5(f.findingArn) } : {},
    tags: [
      type,
      ...f.exploitAvailable === "YES" ? ["exploit-available"] : [],
      ...f.fixAvailable === "YES" ? ["fix-available"] : []
    ],
    pointer
  };
  if (str5(f.severity)?.toUpperCase() === "UNTRIAGED" && score !== void 0 && score > 0)
    Object.assign(common, cloudSeverity(void 0, score, "info"), {
      source_severity: `UNTRIAGED (inspectorScore ${score})`
    });
  if (type === "CODE_VULNERABILITY" && isObj5(f.codeVulnerabilityDetails)) {
    const c = f.codeVulnerabilityDetails;
    const fp = isObj5(c.filePath) ? c.filePath : {};
    return {
      ...common,
      category: "sast",
      rule_id: str5(c.ruleId) ?? str5(c.detectorId) ?? null,
      rule_name: str5(c.detectorName) ?? null,
      cwe: Array.isArray(c.cwes) ? c.cwes.filter((x) => typeof x === "string") : [],
      location: {
        file: str5(fp.filePath) ?? str5(fp.fileName) ?? null,
        start_line: typeof fp.startLine === "number" ? fp.startLine : null,
        end_line: typeof fp.endLine === "number" ? fp.endLine : null,
        resource: resourceId,
        account,
        region
      },
      help_uri: Array.isArray(c.referenceUrls) ? str5(c.referenceUrls[0]) ?? null : null
    };
  }
  if (type === "PACKAGE_VULNERABILITY" && isObj5(f.packageVulnerabilityDetails)) {
    const d = f.packageVulnerabilityDetails;
    const vulnId = str5(d.vulnerabilityId);
    const related = Array.isArray(d.relatedVulnerabilities) ? d.relatedVulnerabilities.filter((x) => typeof x === "string") : [];
    const pkgs = packagesOf(d);
    if (new Set(pkgs.map((p) => p.name)).size > 1)
      warnings.push(`${pointer}: ${pkgs.length} vulnerable packages; the record names the first`);
    const isImage = /ECR_CONTAINER_IMAGE/i.test(resourceType);
    const ecr = isObj5(res0?.details) && isObj5(res0.details.awsEcrContainerImage) ? res0.details.awsEcrContainerImage : void 0;
    const image = isImage ? ecrImage(
      str5(ecr?.registry) ?? account ?? void 0,
      region ?? void 0,
      str5(ecr?.repositoryName)
    ) ?? (resourceId ? imageRepository(resourceId) : null) : null;
    const category = isImage ? "container" : "sca";
    return {
      ...common,
      category,
      rule_id: vulnId ?? null,
      rule_name: str5(f.title) ?? null,
      cve: [vulnId, ...related].filter((x) => !!x),
      cvss: cvssOf4(f, d),
      package: pkgs[0] ?? null,
      location: {
        image,
        // Outside an image the resource (instance, Lambda function) is the scan target of the identity.
        file: isImage ? null : resourceId,
        resource: resourceId,
        account,
        region
      },
      help_uri: str5(d.sourceUrl) ?? null
    };
  }
  return {
    ...common,
    category: "cloud",
    rule_id: type === "NETWORK_REACHABILITY" ? `${type}:${str5(f.title) ?? ""}` : type,
    rule_name: str5(f.title) ?? null,
    location: { resource: resourceId, account, region }
  };
}
function parseInspector2(doc, ctx) {
  if (!isObj5(doc) || !Array.isArray(doc.findings))
    throw new UserError(
      'not an Amazon Inspector export: expected an object with a "findings" array (aws inspector2 list-findings --output json)',
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const cats = /* @__PURE__ */ new Set();
  doc.findings.forEach((f, i) => {
    const pointer = `/findings/${i}`;
    if (!isObj5(f)) {
      out.warnings.push(`${pointer}: finding is not an object; skipped`);
      return;
    }
    const d = findingToDraft2(f, pointer, out.warnings);
    cats.add(d.category);
    out.findings.push(d);
  });
  const scan = {
    tool: { name: "Amazon Inspector", version: null },
    categories: cats.size > 0 ? [...cats].sort() : ["container", "sca"],
    success: true,
    errors: []
  };
  out.scans.push(scan);
  return out;
}
var awsInspector2Parser = {
  id: "aws_inspector2",
  input: "json",
  docs: {
    title: "Amazon Inspector (v2) findings (JSON)",
    produce: "`aws inspector2 list-findings --output json > inspector2.json` (add `--filter-criteria` to narrow by account, resource or status)",
    takes: "one record per finding: severity (UNTRIAGED \u2192 inspectorScore), status (ACTIVE open, SUPPRESSED suppressed, CLOSED fixed), CVE and related ids, first vulnerable package with installed and fixed version, CVSS, ECR image / EC2 / Lambda resource, account, region, first/last observed; code findings with CWE, file and lines"
  },
  detect: detect22,
  parse: parseInspector2
};

// src/parsers/gcloud_artifact_scan/index.ts
var VULN_ID_RE = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3}|[A-Z]+-\d{4}-[\w-]+)$/i;
function isOccurrence(o) {
  return isObj5(o) && isObj5(o.vulnerability) && (typeof o.noteName === "string" || o.kind === "VULNERABILITY");
}
function occurrencesOf(doc) {
  if (isObj5(doc) && isObj5(doc.package_vulnerability_summary)) {
    const groups = doc.package_vulnerability_summary.vulnerabilities;
    if (groups === void 0 || groups === null) return [];
    if (!isObj5(groups)) return void 0;
    return Object.entries(groups).flatMap(
      ([group, list2]) => Array.isArray(list2) ? list2.map((occ, i) => ({
        occ,
        pointer: `/package_vulnerability_summary/vulnerabilities/${group}/${i}`,
        group
      })) : []
    );
  }
  if (isObj5(doc) && Array.isArray(doc.occurrences))
    return doc.occurrences.map((occ, i) => ({ occ, pointer: `/occurrences/${i}` }));
  if (Array.isArray(doc)) return doc.map((occ, i) => ({ occ, pointer: `/${i}` }));
  return void 0;
}
function detect23(s) {
  const d = s.doc;
  if (isObj5(d) && isObj5(d.package_vulnerability_summary)) return 1;
  const list2 = isObj5(d) && Array.isArray(d.occurrences) ? d.occurrences : Array.isArray(d) ? d : void 0;
  if (!list2 || list2.length === 0) return 0;
  const first = list2.slice(0, 5).filter(isObj5);
  const grafeas = first.every((o) => typeof o.noteName === "string" && typeof o.kind === "string");
  return grafeas && first.some(isOccurrence) ? 0.95 : 0;
}
function packageOf2(pi) {
  const name = str5(pi?.affectedPackage) ?? str5(pi?.packageName);
  if (!pi || !name) return null;
  const av = isObj5(pi.affectedVersion) ? pi.affectedVersion : {};
  const fv = isObj5(pi.fixedVersion) ? pi.fixedVersion : {};
  const fixed = fv.kind === "MAXIMUM" ? void 0 : str5(fv.fullName) ?? str5(fv.name);
  return {
    name,
    version: str5(av.fullName) ?? str5(av.name) ?? null,
    fixed_version: fixed ?? null,
    ecosystem: ecosystemOf2(pi.packageType),
    purl: null
  };
}
function occurrenceToDraft(o, pointer, group, warnings) {
  const v = o.vulnerability;
  const note = str5(o.noteName);
  const noteId = note?.split("/").pop();
  const short = str5(v.shortDescription);
  const vulnId = [short, noteId].find((x) => x && VULN_ID_RE.test(x)) ?? short ?? noteId;
  const issues = Array.isArray(v.packageIssue) ? v.packageIssue.filter(isObj5) : [];
  if (issues.length > 1)
    warnings.push(`${pointer}: ${issues.length} package issues; the record names the first`);
  const pkg = packageOf2(issues[0]);
  const word = str5(v.effectiveSeverity) ?? str5(issues[0]?.effectiveSeverity) ?? str5(v.severity) ?? (group && group !== "None" ? group : void 0);
  const severity = cloudSeverity(word === "SEVERITY_UNSPECIFIED" ? void 0 : word, v.cvssScore, "info");
  const score = typeof v.cvssScore === "number" && v.cvssScore >= 0 && v.cvssScore <= 10 ? v.cvssScore : null;
  const vector = /CVSS:[0-9.]+\/[A-Z:/]+/.exec(str5(v.longDescription) ?? "")?.[0] ?? null;
  const uri = str5(o.resourceUri) ?? str5(isObj5(o.resource) ? o.resource.uri : void 0);
  const name = str5(o.name);
  const project = /^projects\/([^/]+)/.exec(name ?? "")?.[1] ?? null;
  const region = /\/locations\/([^/]+)/.exec(name ?? "")?.[1] ?? null;
  const file = issues[0] && Array.isArray(issues[0].fileLocation) ? str5(issues[0].fileLocation[0]?.filePath) : void 0;
  const related = Array.isArray(v.relatedUrls) ? v.relatedUrls.find((u) => isObj5(u) && str5(u.url)) : void 0;
  return {
    title: [vulnId ?? "vulnerability", pkg?.name].filter(Boolean).join(" - "),
    description: str5(v.longDescription) ?? null,
    category: "container",
    rule_id: vulnId ?? null,
    rule_name: note ?? null,
    ...severity,
    tool: "Google Artifact Analysis",
    state: "open",
    first_seen: isoDate2(o.createTime),
    last_seen: isoDate2(o.updateTime) ?? isoDate2(o.createTime),
    cve: vulnId ? [vulnId] : [],
    cvss: score !== null ? { score, vector, version: str5(v.cvssVersion)?.replace(/^CVSS_VERSION_/, "") ?? null } : null,
    package: pkg,
    location: {
      image: uri ? imageRepository(uri) : null,
      resource: uri ? uri.replace(/^https?:\/\//, "") : null,
      file: file ?? null,
      account: project,
      region
    },
    fingerprints: name ? { occurrence: name } : {},
    tags: v.fixAvailable === true ? ["fix-available"] : [],
    help_uri: related ? str5(related.url) : null,
    pointer
  };
}
function parseGcloudArtifactScan(doc, ctx) {
  const list2 = occurrencesOf(doc);
  if (!list2)
    throw new UserError(
      'not a Google Artifact Analysis export: expected an object with "package_vulnerability_summary" (gcloud artifacts docker images describe --show-package-vulnerability --format=json), an "occurrences" array, or a JSON array of occurrences',
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  for (const { occ, pointer, group } of list2) {
    if (!isObj5(occ)) {
      out.warnings.push(`${pointer}: occurrence is not an object; skipped`);
      continue;
    }
    if (!isObj5(occ.vulnerability)) {
      if (str5(occ.kind) !== "DISCOVERY")
        out.warnings.push(`${pointer}: occurrence has no "vulnerability"; skipped`);
      continue;
    }
    out.findings.push(occurrenceToDraft(occ, pointer, group, out.warnings));
  }
  let success = true;
  const errors = [];
  const disc = isObj5(doc) && isObj5(doc.discovery_summary) && Array.isArray(doc.discovery_summary.discovery) ? doc.discovery_summary.discovery : [];
  for (const d of disc) {
    const status = isObj5(d) && isObj5(d.discovery) ? str5(d.discovery.analysisStatus) : void 0;
    if (status && /FAILED|UNSUPPORTED/i.test(status)) {
      success = false;
      errors.push(`analysisStatus ${status}`);
    }
  }
  out.scans.push({
    tool: { name: "Google Artifact Analysis", version: null },
    categories: ["container"],
    success,
    errors
  });
  return out;
}
var gcloudArtifactScanParser = {
  id: "gcloud_artifact_scan",
  input: "json",
  docs: {
    title: "Google Artifact Analysis vulnerability occurrences (JSON)",
    produce: "`gcloud artifacts docker images describe LOCATION-docker.pkg.dev/PROJECT/REPO/IMAGE@sha256:DIGEST --show-package-vulnerability --format=json > gcp-artifact-scan.json`",
    takes: "one record per vulnerability occurrence: CVE (shortDescription/noteName), effectiveSeverity (MINIMAL \u2192 info), CVSS score, first package issue (package, installed and fixed version, type), image repository and digest, project, create/update times"
  },
  detect: detect23,
  parse: parseGcloudArtifactScan
};

// src/parsers/azure_defender/index.ts
var REQUIRED = ["recommendationDisplayName", "state", "subscriptionId", "resourceId"];
function headerColumns2(text3) {
  const first = text3.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return first.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ""));
}
function detect24(s) {
  if (s.doc !== void 0) return 0;
  const cols = new Set(headerColumns2(s.head));
  if (REQUIRED.every((c) => cols.has(c)) && (cols.has("recommendationId") || cols.has("recommendationName")))
    return 1;
  return 0;
}
function cell(r, key) {
  const v = str5(r[key]);
  return v && !/^unspecified$/i.test(v) ? v : void 0;
}
function parseAzureDefender(text3, ctx) {
  if (typeof text3 !== "string")
    throw new UserError("not a Defender for Cloud recommendations CSV: expected CSV text", ctx.file);
  const table = parseCsv(text3, ctx.file);
  const missing = REQUIRED.filter((c) => !table.headers.includes(c));
  if (missing.length > 0)
    throw new UserError(
      `not a Defender for Cloud recommendations CSV: the header lacks ${missing.join(", ")} (expected the portal's "Download CSV report" of Recommendations)`,
      ctx.file,
      "1"
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  for (const r of table.rows) {
    const pointer = `row ${r.__line}`;
    const state = (r.state ?? "").trim().toLowerCase();
    if (state === "healthy" || state === "notapplicable" || state === "not applicable") continue;
    if (state !== "unhealthy") {
      out.warnings.push(`${pointer}: unknown state "${r.state}"; not counted as a finding`);
      continue;
    }
    const title = cell(r, "recommendationDisplayName") ?? cell(r, "recommendationName") ?? "Defender for Cloud recommendation";
    const resourceName = /^subscriptions?$/i.test(r.resourceType ?? "") ? cell(r, "subscriptionName") ?? cell(r, "resourceName") : cell(r, "resourceName");
    const owner = cell(r, "owner");
    out.findings.push({
      title: resourceName ? `${resourceName} - ${title}` : title,
      description: cell(r, "description") ?? null,
      category: "cloud",
      rule_id: cell(r, "recommendationName") ?? cell(r, "recommendationId") ?? null,
      rule_name: title,
      ...cloudSeverity(r.severity, void 0, "medium"),
      tool: "Microsoft Defender for Cloud",
      state: "open",
      first_seen: isoDate2(r.firstEvaluationDate),
      last_seen: isoDate2(r.exportedTimestamp) ?? isoDate2(r.statusChangeDate),
      owner: owner ?? null,
      owner_source: owner ? "azure_defender governance owner" : null,
      location: {
        account: cell(r, "subscriptionId") ?? null,
        region: null,
        resource: cell(r, "resourceId") ?? null
      },
      fingerprints: cell(r, "recommendationId") ? { assessmentKey: cell(r, "recommendationId") } : {},
      tags: [cell(r, "resourceType"), cell(r, "cloud")].filter((x) => !!x),
      help_uri: cell(r, "azurePortalRecommendationLink") ?? null,
      pointer
    });
  }
  out.scans.push({
    tool: { name: "Microsoft Defender for Cloud", version: null },
    categories: ["cloud"],
    success: true,
    errors: []
  });
  return out;
}
var azureDefenderParser = {
  id: "azure_defender",
  input: "text",
  docs: {
    title: "Microsoft Defender for Cloud recommendations (CSV)",
    produce: 'Azure portal \u2192 Microsoft Defender for Cloud \u2192 Recommendations \u2192 "Download CSV report"',
    takes: "one record per Unhealthy row (Healthy and NotApplicable are not findings): recommendation name and id, severity, subscription id, resource id, first evaluation date, governance owner when present"
  },
  detect: detect24,
  parse: parseAzureDefender
};

// src/util/json-lines.ts
function parseJsonLines(text3) {
  const out = [];
  for (const line of text3.split(/\r?\n/)) {
    const t = line.trim();
    if (t === "") continue;
    if (t[0] !== "{") return void 0;
    const r = parseJsonWithPosition(t);
    if (!r.ok || typeof r.value !== "object" || r.value === null) return void 0;
    out.push(r.value);
  }
  return out.length >= 2 ? out : void 0;
}

// src/parsers/prowler/index.ts
function val(v) {
  const s = str5(v);
  return s && /^<[a-z_]+>$/i.test(s) ? void 0 : s;
}
function layoutOfHeader(firstLine2) {
  const cols = new Set(
    firstLine2.replace(/^\uFEFF/, "").split(/[;,\t]/).map((c) => c.trim().replace(/^"|"$/g, ""))
  );
  if (cols.has("CHECK_ID") && cols.has("STATUS") && (cols.has("FINDING_UID") || cols.has("STATUS_EXTENDED")))
    return "v4-csv";
  if (cols.has("TITLE_ID") && cols.has("CHECK_RESULT")) return "v2-csv";
  return void 0;
}
function layoutOfItem(o) {
  if (!isObj5(o)) return void 0;
  if (isObj5(o.metadata) && isObj5(o.metadata.product) && /prowler/i.test(String(o.metadata.product.name)) && "status_code" in o)
    return "ocsf";
  if ("FindingUniqueId" in o && "CheckID" in o && "Status" in o) return "v3-json";
  if ("Account Number" in o && "Control" in o && "Status" in o) return "v2-json";
  return void 0;
}
function detect25(s) {
  if (Array.isArray(s.doc)) {
    const first = s.doc.find(isObj5);
    return first !== void 0 && layoutOfItem(first) ? 1 : 0;
  }
  if (s.doc !== void 0) return 0;
  const firstLine2 = s.head.slice(0, s.head.search(/\r?\n|$/));
  return layoutOfHeader(firstLine2) ? 1 : 0;
}
function rowFromV2Csv(r) {
  const titleText = val(r.TITLE_TEXT);
  const checkId = /^\[([^\]]+)\]/.exec(titleText ?? "")?.[1] ?? val(r.TITLE_ID);
  return {
    status: r.CHECK_RESULT ?? "",
    muted: false,
    checkId,
    checkTitle: titleText?.replace(/^\[[^\]]+\]\s*/, ""),
    message: val(r.CHECK_RESULT_EXTENDED),
    severity: val(r.CHECK_SEVERITY),
    account: val(r.ACCOUNT_NUM),
    region: val(r.REGION),
    resource: val(r.RESOURCE_ID) ?? val(r.CHECK_RESOURCE_ID),
    findingUid: void 0,
    time: void 0,
    description: val(r.CHECK_RISK),
    url: val(r.CHECK_DOC),
    version: void 0,
    provider: "aws"
  };
}
function rowFromV4Csv(r) {
  return {
    status: r.STATUS ?? "",
    muted: /^true$/i.test(r.MUTED ?? ""),
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
    provider: val(r.PROVIDER)
  };
}
function rowFromJson(o, layout) {
  if (layout === "ocsf") {
    const res0 = Array.isArray(o.resources) ? o.resources.find(isObj5) : void 0;
    const cloud = isObj5(o.cloud) ? o.cloud : {};
    const info = isObj5(o.finding_info) ? o.finding_info : {};
    const meta = isObj5(o.metadata) ? o.metadata : {};
    return {
      status: str5(o.status_code) ?? "",
      muted: /^suppressed$/i.test(str5(o.status) ?? ""),
      checkId: val(meta.event_code),
      checkTitle: val(info.title),
      message: val(o.status_detail) ?? val(o.message),
      severity: val(o.severity),
      account: val(isObj5(cloud.account) ? cloud.account.uid : void 0),
      region: val(res0?.region) ?? val(cloud.region),
      resource: val(res0?.uid) ?? val(res0?.name),
      findingUid: val(info.uid),
      time: info.created_time_dt ?? info.created_time ?? o.time_dt ?? o.time ?? o.event_time,
      description: val(info.desc) ?? val(o.risk_details),
      url: val(isObj5(o.unmapped) ? o.unmapped.related_url : void 0),
      version: val(isObj5(meta.product) ? meta.product.version : void 0),
      provider: val(cloud.provider)
    };
  }
  if (layout === "v3-json") {
    return {
      status: str5(o.Status) ?? "",
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
      version: void 0,
      provider: val(o.Provider)
    };
  }
  const control = val(o.Control);
  return {
    status: str5(o.Status) ?? "",
    muted: false,
    checkId: /^\[([^\]]+)\]/.exec(control ?? "")?.[1] ?? val(o["Control ID"]),
    checkTitle: control?.replace(/^\[[^\]]+\]\s*/, ""),
    message: val(o.Message),
    severity: val(o.Severity),
    account: val(o["Account Number"]),
    region: val(o.Region),
    resource: val(o["Resource ID"]),
    findingUid: void 0,
    time: o.Timestamp,
    description: val(o.Risk),
    url: val(o["Doc link"]),
    version: void 0,
    provider: "aws"
  };
}
function rowToDraft(row, pointer) {
  const status = row.status.trim().toUpperCase();
  if (status !== "FAIL") return void 0;
  const state = row.muted ? "suppressed" : "open";
  const sev = cloudSeverity(row.severity, void 0, "medium");
  const seen = isoDate2(row.time);
  return {
    title: row.message ?? row.checkTitle ?? row.checkId ?? "Prowler finding",
    description: row.description ?? null,
    category: "cloud",
    rule_id: row.checkId ?? null,
    rule_name: row.checkTitle ?? null,
    ...sev,
    tool: "Prowler",
    tool_version: row.version ?? null,
    state,
    state_reason: row.muted ? "muted in Prowler (mutelist)" : null,
    first_seen: seen,
    last_seen: seen,
    location: { account: row.account ?? null, region: row.region ?? null, resource: row.resource ?? null },
    fingerprints: row.findingUid ? { finding_uid: row.findingUid } : {},
    tags: row.provider ? [`provider:${row.provider.toLowerCase()}`] : [],
    help_uri: row.url ?? null,
    pointer
  };
}
function readRows(input, file) {
  let doc = input;
  if (typeof input === "string") {
    const t = input.replace(/^\uFEFF/, "").trimStart();
    if (t.startsWith("[") || t.startsWith("{")) {
      const r = parseJsonWithPosition(t);
      if (r.ok) doc = r.value;
      else {
        const lines = parseJsonLines(t);
        if (!lines) throw new UserError(r.message, file, r.position);
        doc = lines;
      }
    } else {
      const firstLine2 = t.slice(0, t.search(/\r?\n|$/));
      const layout2 = layoutOfHeader(firstLine2);
      if (!layout2)
        throw new UserError(
          "not a Prowler CSV: expected a header with CHECK_ID;STATUS;STATUS_EXTENDED (Prowler 4/5) or TITLE_ID,CHECK_RESULT (Prowler 2)",
          file,
          "1"
        );
      const table = parseCsv(t, file);
      return table.rows.map((r) => ({
        row: layout2 === "v4-csv" ? rowFromV4Csv(r) : rowFromV2Csv(r),
        pointer: `row ${r.__line}`
      }));
    }
  }
  if (!Array.isArray(doc))
    throw new UserError(
      "not a Prowler JSON output: expected an array of results (Prowler 3 json, 4/5 json-ocsf) or one JSON object per line (Prowler 2 json)",
      file
    );
  const layout = layoutOfItem(doc.find(isObj5));
  if (doc.length > 0 && !layout)
    throw new UserError(
      'not a Prowler JSON output: the first result has neither status_code + metadata.product (OCSF), FindingUniqueId (Prowler 3) nor "Account Number" (Prowler 2)',
      file
    );
  return doc.map(
    (o, i) => isObj5(o) && layout ? { row: rowFromJson(o, layoutOfItem(o) ?? layout), pointer: `/${i}` } : { bad: `/${i}: result is not an object; skipped` }
  );
}
function parseProwler(input, ctx) {
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const counts = {};
  let version = null;
  for (const item of readRows(input, ctx.file)) {
    if ("bad" in item) {
      out.warnings.push(item.bad);
      continue;
    }
    const status = item.row.status.trim().toUpperCase() || "(empty)";
    counts[status] = (counts[status] ?? 0) + 1;
    version ??= item.row.version ?? null;
    const d = rowToDraft(item.row, item.pointer);
    if (d) out.findings.push(d);
    else if (!["PASS", "MANUAL", "INFO"].includes(status))
      out.warnings.push(`${item.pointer}: unknown status "${item.row.status}"; not counted as a finding`);
  }
  if (counts.MANUAL)
    out.warnings.push(`${counts.MANUAL} MANUAL result(s) need a human check; not counted as findings`);
  out.scans.push({ tool: { name: "Prowler", version }, categories: ["cloud"], success: true, errors: [] });
  return out;
}
var prowlerParser = {
  id: "prowler",
  input: "text",
  docs: {
    title: "Prowler (2.x CSV/JSON, 3.x JSON, 4.x/5.x CSV and JSON-OCSF)",
    produce: "`prowler aws --output-formats csv json-ocsf --output-directory out/` (Prowler 4/5; also azure, gcp, kubernetes); Prowler 3: `prowler aws -M json`; Prowler 2: `./prowler -M csv` or `-M json`",
    takes: "one record per FAIL result (muted \u2192 suppressed; PASS, MANUAL and INFO are not findings): check id and title, status text, severity, account/subscription/project, region and resource uid, finding uid, scan time, Prowler version"
  },
  detect: detect25,
  parse: parseProwler
};

// src/parsers/aws_securityhub/index.ts
function findingsOf(doc) {
  if (Array.isArray(doc)) return { list: doc, prefix: "" };
  if (!isObj5(doc)) return void 0;
  if (Array.isArray(doc.Findings)) return { list: doc.Findings, prefix: "/Findings" };
  if (Array.isArray(doc.findings)) return { list: doc.findings, prefix: "/findings" };
  return void 0;
}
function looksAsff(f) {
  if (!isObj5(f)) return false;
  if (typeof f.SchemaVersion === "string" && /^2018-10-08/.test(f.SchemaVersion)) return true;
  return typeof f.ProductArn === "string" && "AwsAccountId" in f && Array.isArray(f.Resources);
}
function detect26(s) {
  const f = findingsOf(s.doc);
  if (!f) return 0;
  if (f.list.length === 0) return isObj5(s.doc) && Array.isArray(s.doc.Findings) ? 0.5 : 0;
  const first = f.list.slice(0, 5).filter(isObj5);
  return first.length > 0 && first.every(looksAsff) ? 1 : 0;
}
function toolName(f) {
  const pf = isObj5(f.ProductFields) ? f.ProductFields : {};
  const product = str5(f.ProductName) ?? str5(pf["aws/securityhub/ProductName"]);
  const company = str5(f.CompanyName) ?? str5(pf["aws/securityhub/CompanyName"]);
  if (!product) {
    const arnProduct = /product\/([^/]+)\/([^/]+)$/.exec(str5(f.ProductArn) ?? "");
    return arnProduct ? `${arnProduct[1]}/${arnProduct[2]}` : "AWS Security Hub";
  }
  if (company === "AWS" || company === "Amazon") {
    if (/^security hub$/i.test(product)) return "AWS Security Hub";
    return `${company === "AWS" ? "AWS" : "Amazon"} ${product}`;
  }
  return product;
}
function stateOf5(f) {
  const workflow = str5(isObj5(f.Workflow) ? f.Workflow.Status : void 0) ?? str5(f.WorkflowState);
  const compliance = str5(isObj5(f.Compliance) ? f.Compliance.Status : void 0);
  const record = str5(f.RecordState);
  const inspector = str5(isObj5(f.ProductFields) ? f.ProductFields["aws/inspector/FindingStatus"] : void 0);
  if (record?.toUpperCase() === "ARCHIVED") return { state: "fixed", reason: "RecordState ARCHIVED" };
  if (workflow?.toUpperCase() === "RESOLVED") return { state: "fixed", reason: "Workflow.Status RESOLVED" };
  if (compliance?.toUpperCase() === "PASSED")
    return { state: "fixed", reason: "Compliance.Status PASSED: the control passed for this resource" };
  if (workflow?.toUpperCase() === "SUPPRESSED")
    return { state: "suppressed", reason: "Workflow.Status SUPPRESSED" };
  if (inspector?.toUpperCase() === "CLOSED")
    return { state: "fixed", reason: "Inspector FindingStatus CLOSED" };
  if (inspector?.toUpperCase() === "SUPPRESSED")
    return { state: "suppressed", reason: "Inspector FindingStatus SUPPRESSED" };
  if (compliance?.toUpperCase() === "NOT_AVAILABLE")
    return {
      state: "not_applicable",
      reason: "Compliance.Status NOT_AVAILABLE: the check could not be evaluated"
    };
  return { state: "open", reason: null };
}
function packagesOf2(v) {
  const list2 = Array.isArray(v.VulnerablePackages) ? v.VulnerablePackages.filter(isObj5) : [];
  return list2.map((p) => {
    const name = str5(p.Name);
    if (!name) return null;
    const version = str5(p.Version);
    const release = str5(p.Release);
    return {
      name,
      version: version ? release ? `${version}-${release}` : version : null,
      fixed_version: str5(p.FixedInVersion) ?? null,
      ecosystem: ecosystemOf2(p.PackageManager),
      purl: null
    };
  }).filter((p) => p !== null);
}
function cvssOf5(v) {
  const list2 = v && Array.isArray(v.Cvss) ? v.Cvss.filter(isObj5) : [];
  const best = list2.find((c) => typeof c.BaseScore === "number");
  if (!best) return null;
  const score = best.BaseScore;
  return score >= 0 && score <= 10 ? { score, vector: str5(best.BaseVector) ?? null, version: str5(best.Version) ?? null } : null;
}
function findingToDrafts(f, pointer, warnings) {
  const tool = toolName(f);
  const pf = isObj5(f.ProductFields) ? f.ProductFields : {};
  const resources = Array.isArray(f.Resources) ? f.Resources.filter(isObj5) : [];
  const res0 = resources[0];
  if (!res0) warnings.push(`${pointer}: no Resources entry; the record has no resource`);
  const resourceId = str5(res0?.Id) ?? null;
  const resourceType = str5(res0?.Type) ?? null;
  const account = str5(f.AwsAccountId) ?? arnParts(resourceId ?? void 0).account;
  const region = str5(res0?.Region) ?? str5(f.Region) ?? arnParts(resourceId ?? void 0).region;
  const sevObj = isObj5(f.Severity) ? f.Severity : {};
  const label = str5(sevObj.Label) ?? str5(isObj5(f.FindingProviderFields?.Severity) ? f.FindingProviderFields.Severity.Label : void 0);
  let sev = cloudSeverity(label, void 0);
  if (sev.severity_source === "default" && typeof sevObj.Normalized === "number") {
    sev = {
      severity: cvssToSeverity(sevObj.Normalized / 10),
      severity_source: "tool",
      source_severity: `Normalized ${sevObj.Normalized}`
    };
  }
  const { state, reason } = stateOf5(f);
  const types = Array.isArray(f.Types) ? f.Types.filter((t) => typeof t === "string") : [];
  const vulns = Array.isArray(f.Vulnerabilities) ? f.Vulnerabilities.filter(isObj5) : [];
  const controlId = str5(isObj5(f.Compliance) ? f.Compliance.SecurityControlId : void 0) ?? str5(pf.ControlId) ?? str5(pf.RuleId);
  const isGuardDuty = /guardduty/i.test(tool);
  const remediation = isObj5(f.Remediation) && isObj5(f.Remediation.Recommendation) ? f.Remediation.Recommendation : {};
  const common = {
    description: str5(f.Description) ?? null,
    ...sev,
    tool,
    state,
    state_reason: reason,
    first_seen: isoDate2(f.FirstObservedAt) ?? isoDate2(f.CreatedAt),
    last_seen: isoDate2(f.UpdatedAt) ?? isoDate2(f.LastObservedAt),
    closed_at: state === "fixed" ? isoDate2(f.UpdatedAt) ?? isoDate2(f.LastObservedAt) : null,
    fingerprints: str5(f.Id) ? { asffId: str5(f.Id) } : {},
    tags: types,
    help_uri: str5(remediation.Url) ?? str5(f.SourceUrl) ?? null,
    pointer
  };
  if (vulns.length > 0 && vulns.some((v) => Array.isArray(v.VulnerablePackages) && v.VulnerablePackages.length > 0)) {
    const v0 = vulns[0];
    const ids = vulns.map((v) => str5(v.Id)).filter((x) => !!x);
    const pkgs = vulns.flatMap((v) => packagesOf2(v));
    const isImage = /EcrContainerImage|ContainerImage/i.test(resourceType ?? "");
    const ecr = isObj5(res0?.Details) && isObj5(res0.Details.AwsEcrContainerImage) ? res0.Details.AwsEcrContainerImage : void 0;
    const image = isImage ? ecrImage(
      str5(ecr?.RegistryId) ?? account ?? void 0,
      region ?? void 0,
      str5(ecr?.RepositoryName)
    ) ?? (resourceId ? imageRepository(resourceId) : null) : null;
    const category = isImage ? "container" : "sca";
    if (new Set(pkgs.map((p) => p.name)).size > 1)
      warnings.push(`${pointer}: ${pkgs.length} vulnerable packages; the record names the first`);
    return [
      {
        ...common,
        title: str5(f.Title) ?? ids[0] ?? "Security Hub finding",
        category,
        rule_id: ids[0] ?? str5(f.GeneratorId) ?? null,
        rule_name: str5(f.Title) ?? null,
        cve: ids,
        cvss: cvssOf5(v0),
        package: pkgs[0] ?? null,
        location: {
          image,
          // Outside an image the resource itself is the scan target (identity: CVE + package + target).
          file: isImage ? null : resourceId,
          resource: resourceId,
          account,
          region
        },
        help_uri: str5(isObj5(v0.Vendor) ? v0.Vendor.Url : void 0) ?? common.help_uri
      }
    ];
  }
  const ruleId = controlId ?? (isGuardDuty ? types[0] ?? str5(f.GeneratorId) : str5(f.GeneratorId)) ?? null;
  return [
    {
      ...common,
      title: str5(f.Title) ?? ruleId ?? "Security Hub finding",
      category: "cloud",
      rule_id: ruleId,
      rule_name: str5(f.Title) ?? null,
      cve: vulns.map((v) => str5(v.Id)).filter((x) => !!x),
      location: { resource: resourceId, account, region }
    }
  ];
}
function parseSecurityHub(doc, ctx) {
  const f = findingsOf(doc);
  if (!f)
    throw new UserError(
      `not an AWS Security Hub export: expected an object with a "Findings" array (aws securityhub get-findings) or a JSON array of ASFF findings, found ${Array.isArray(doc) ? "an array" : typeof doc}`,
      ctx.file
    );
  const out = { findings: [], scans: [], warnings: [], secrets: [] };
  const scans = /* @__PURE__ */ new Map();
  f.list.forEach((item, i) => {
    const pointer = `${f.prefix}/${i}`;
    if (!isObj5(item)) {
      out.warnings.push(`${pointer}: finding is not an object; skipped`);
      return;
    }
    try {
      for (const d of findingToDrafts(item, pointer, out.warnings)) {
        out.findings.push(d);
        const name = d.tool ?? "AWS Security Hub";
        const s = scans.get(name) ?? {
          tool: { name, version: null },
          categories: [],
          success: true,
          errors: [],
          cats: /* @__PURE__ */ new Set()
        };
        s.cats.add(d.category);
        scans.set(name, s);
      }
    } catch (e) {
      out.warnings.push(
        `${pointer}: unreadable finding (${e instanceof Error ? e.message : String(e)}); skipped`
      );
    }
  });
  out.scans = [...scans.values()].map(({ cats, ...s }) => ({ ...s, categories: [...cats].sort() }));
  if (out.scans.length === 0)
    out.scans.push({
      tool: { name: "AWS Security Hub", version: null },
      categories: ["cloud"],
      success: true,
      errors: []
    });
  return out;
}
var awsSecurityHubParser = {
  id: "aws_securityhub",
  input: "json",
  docs: {
    title: "AWS Security Hub findings (ASFF JSON)",
    produce: "`aws securityhub get-findings --output json > securityhub.json` (add `--filters` to narrow by account, product or workflow status)",
    takes: "one record per ASFF finding (Security Hub controls, Config, GuardDuty, Inspector, partners): Severity.Label, control id / GeneratorId / Types, account, region and resource ARN, Compliance/Workflow/RecordState as state (PASSED \u2192 fixed, SUPPRESSED \u2192 suppressed), observed/updated dates, and for Inspector package findings the CVE, package and CVSS"
  },
  detect: detect26,
  parse: parseSecurityHub
};

// src/parsers/registry.ts
var PARSERS = [
  sarifParser,
  trivyParser,
  grypeParser,
  npmAuditParser,
  snykParser,
  osvScannerParser,
  anchoreEngineParser,
  dependencyCheckParser,
  dependencyCheckJsonParser,
  gitlabSastParser,
  gitlabDepScanParser,
  gitlabContainerScanParser,
  gitlabSecretDetectionParser,
  gitlabDastParser,
  githubCodeScanningParser,
  githubSecretScanningParser,
  githubVulnerabilityParser,
  defectdojoGenericParser,
  semgrepParser,
  banditParser,
  gitleaksParser,
  checkovParser,
  kicsParser,
  tfsecParser,
  zapParser,
  mobsfParser,
  eslintParser,
  awsInspector2Parser,
  gcloudArtifactScanParser,
  azureDefenderParser,
  prowlerParser,
  awsSecurityHubParser,
  gcpSccParser,
  wizParser,
  wizcliParser
];
function formatIds() {
  return PARSERS.map((p) => p.id).sort();
}
function getParser(id) {
  const p = PARSERS.find((x) => x.id === id);
  if (!p) throw new UserError(`unknown format "${id}"; valid formats: auto, ${formatIds().join(", ")}`);
  return p;
}
function detectFormat(s) {
  const scored = PARSERS.map((p) => {
    let score = 0;
    try {
      score = p.detect(s);
    } catch {
      score = 0;
    }
    return { id: p.id, score, parser: p };
  }).filter((x) => x.score > 0).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const best = scored[0];
  return {
    parser: best && best.score >= 0.5 ? best.parser : void 0,
    candidates: scored.map(({ id, score }) => ({ id, score }))
  };
}

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
var DigestCounter = class {
  keys;
  counts;
  used = 0;
  /** `expected`: how many keys will come, when known, so the table never grows (no copy, no transient). */
  constructor(expected = 0) {
    let size = 1024;
    while (size * 3 < expected * 4) size *= 2;
    this.keys = new Uint32Array(2 * size);
    this.counts = new Uint32Array(size);
  }
  /** The count of `key` before this call, then count it once more. */
  next(key) {
    const [a, b] = fastHash64(key);
    return this.nextHashed(a, b);
  }
  /** `next` for a key whose `fastHash64` is already known (computed on another thread). */
  nextHashed(a, b) {
    if ((this.used + 1) * 4 > this.counts.length * 3) this.grow();
    const mask = this.counts.length - 1;
    let i = (a ^ Math.imul(b, 2654435761)) & mask;
    for (; ; ) {
      const c = this.counts[i];
      if (c === 0) {
        this.keys[2 * i] = a;
        this.keys[2 * i + 1] = b;
        this.counts[i] = 1;
        this.used++;
        return 0;
      }
      if (this.keys[2 * i] === a && this.keys[2 * i + 1] === b) {
        this.counts[i] = c + 1;
        return c;
      }
      i = i + 1 & mask;
    }
  }
  grow() {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.counts = new Uint32Array(oldCounts.length * 2);
    const mask = this.counts.length - 1;
    for (let j = 0; j < oldCounts.length; j++) {
      const c = oldCounts[j];
      if (c === 0) continue;
      const a = oldKeys[2 * j];
      const b = oldKeys[2 * j + 1];
      let i = (a ^ Math.imul(b, 2654435761)) & mask;
      while (this.counts[i] !== 0) i = i + 1 & mask;
      this.keys[2 * i] = a;
      this.keys[2 * i + 1] = b;
      this.counts[i] = c;
    }
  }
};
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
  const norm2 = [...new Set(ids.map((i) => i.trim()).filter(Boolean))];
  const rank = (i) => /^CVE-/i.test(i) ? 0 : /^GHSA-/i.test(i) ? 1 : 2;
  norm2.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return norm2[0]?.toUpperCase() ?? null;
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
var REDACTED2 = "[REDACTED]";
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
function redactText(text3, secrets = []) {
  let out = text3;
  const sorted = secrets.length === 0 ? [] : sortedSecrets(secrets);
  for (const s of sorted) {
    if (out.includes(s)) out = out.split(s).join(REDACTED2);
  }
  if (!MAY_MATCH.test(out)) return out;
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    out = out.replace(re, REDACTED2);
  }
  return out;
}
function redactNullable(text3, secrets = []) {
  return text3 == null ? null : redactText(text3, secrets);
}

// src/normalize/finalize.ts
var MAX_TEXT = 1e3;
var MAX_TITLE = 300;
var CONTROL2 = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
function clip(s, n) {
  const t = s.replace(CONTROL2, "");
  return t.length > n ? t.slice(0, n - 1) + "\u2026" : t;
}
function clean(s) {
  return s == null ? null : s.replace(CONTROL2, "");
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
function createFinalizer(ctx) {
  const secrets = ctx.secrets;
  const seen = new DigestCounter();
  let index = 0;
  return {
    get count() {
      return index;
    },
    push(d) {
      const p = prepareFinding(d, ctx, secrets);
      const finding = p.finding;
      const ordinal = nextOrdinal(seen, p.occurrence);
      finding.occurrence_id = occurrenceId(p.occurrence, ordinal);
      finding.source_index = index++;
      return finding;
    }
  };
}
function finalizeDrafts(drafts, ctx) {
  const secrets = [...ctx.secrets, ...drafts.map((d) => d.secret ?? "").filter(Boolean)];
  const f = createFinalizer({ ...ctx, secrets });
  return drafts.map((d) => f.push(d));
}
function nextOrdinal(seen, occurrence) {
  return seen.next(occurrence);
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

// src/stream/file-io.ts
import { promises as fs } from "node:fs";
var DEFAULT_CHUNK = 1 << 20;
async function scanFile(fh, scanner, chunkSize = DEFAULT_CHUNK, onChunk) {
  const bufs = [Buffer.allocUnsafe(Math.max(3, chunkSize)), Buffer.allocUnsafe(Math.max(3, chunkSize))];
  const readAt = async (buf, pos2) => {
    let got = 0;
    const want = pos2 === 0 ? Math.max(3, chunkSize) : chunkSize;
    while (got < Math.min(3, want)) {
      const { bytesRead } = await fh.read(buf, got, want - got, pos2 + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got;
  };
  let pos = 0;
  let which = 0;
  let next = readAt(bufs[0], 0);
  try {
    for (; ; ) {
      const got = await next;
      if (got === 0) break;
      const chunk = bufs[which].subarray(0, got);
      pos += got;
      which ^= 1;
      next = readAt(bufs[which], pos);
      onChunk?.(chunk);
      scanner.feed(chunk);
    }
  } catch (e) {
    next.catch(() => void 0);
    throw e;
  }
  scanner.end();
}
var BLOCK_BITS = 16;
var BLOCK = 1 << BLOCK_BITS;
var LOW = BLOCK - 1;
var RangeList = class {
  starts = [];
  ends = [];
  flags = [];
  length = 0;
  push(start, end, flag) {
    const b = this.length >>> BLOCK_BITS;
    if (b === this.starts.length) {
      this.starts.push(new Float64Array(BLOCK));
      this.ends.push(new Float64Array(BLOCK));
      this.flags.push(new Uint8Array(BLOCK));
    }
    const i = this.length & LOW;
    this.starts[b][i] = start;
    this.ends[b][i] = end;
    this.flags[b][i] = flag ? 1 : 0;
    this.length++;
  }
  start(k) {
    return this.starts[k >>> BLOCK_BITS][k & LOW];
  }
  end(k) {
    return this.ends[k >>> BLOCK_BITS][k & LOW];
  }
  flag(k) {
    return this.flags[k >>> BLOCK_BITS][k & LOW] === 1;
  }
  /** Starts and ends of ranges [from, to), copied (e.g. to post them to a worker). */
  copy(from, to) {
    const starts = new Float64Array(to - from);
    const ends = new Float64Array(to - from);
    for (let k = from; k < to; k++) {
      starts[k - from] = this.start(k);
      ends[k - from] = this.end(k);
    }
    return { starts, ends };
  }
  clear() {
    this.starts = [];
    this.ends = [];
    this.flags = [];
    this.length = 0;
  }
};
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
async function openForRead(file) {
  const fh = await fs.open(file, "r");
  try {
    const st = await fh.stat();
    return { fh, size: st.size };
  } catch (e) {
    await fh.close();
    throw e;
  }
}

// src/stream/json-skeleton.ts
import { isUtf8 as isUtf82 } from "node:buffer";

// src/util/utf8.ts
import { isUtf8 } from "node:buffer";
function invalidUtf8Offset(buf) {
  if (isUtf8(buf)) return -1;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    let n = 0;
    if (b < 128) n = 0;
    else if (b >= 194 && b <= 223) n = 1;
    else if (b >= 224 && b <= 239) n = 2;
    else if (b >= 240 && b <= 244) n = 3;
    else return i;
    if (i + n >= buf.length && n > 0) return i;
    for (let k = 1; k <= n; k++) if ((buf[i + k] & 192) !== 128) return i;
    if (n === 2 && b === 224 && buf[i + 1] < 160) return i;
    if (n === 2 && b === 237 && buf[i + 1] > 159) return i;
    if (n === 3 && b === 240 && buf[i + 1] < 144) return i;
    if (n === 3 && b === 244 && buf[i + 1] > 143) return i;
    i += n + 1;
  }
  return -1;
}

// src/stream/json-skeleton.ts
var JsonSyntaxError = class extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
  offset;
};
var WS = new Uint8Array(256);
WS[32] = WS[9] = WS[10] = WS[13] = 1;
var LITERAL_END = new Uint8Array(256);
LITERAL_END[32] = LITERAL_END[9] = LITERAL_END[10] = LITERAL_END[13] = 1;
LITERAL_END[44] = LITERAL_END[125] = LITERAL_END[93] = 1;
function describe(c) {
  return c >= 32 && c < 127 ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16).padStart(2, "0")}`;
}
var SkeletonScanner = class {
  constructor(spec, h, opts = {}) {
    this.spec = spec;
    this.h = h;
    let longest = 0;
    for (const w of opts.flagWords ?? []) {
      const b = Buffer.from(w.toLowerCase(), "latin1");
      longest = Math.max(longest, b.length);
      const list2 = this.flagByLen.get(b.length) ?? [];
      list2.push(b);
      this.flagByLen.set(b.length, list2);
    }
    this.flagMaxEscaped = longest * 6;
    this.flagLen = new Uint8Array(this.flagMaxEscaped + 1);
    for (const len of this.flagByLen.keys()) this.flagLen[len] = 1;
    this.maxDepth = opts.maxDepth ?? 200;
  }
  spec;
  h;
  mode = 0 /* Struct */;
  stack = [];
  path = [];
  rootDone = false;
  started = false;
  /** Absolute offset of the next byte to be fed. */
  pos = 0;
  // skipped value
  skipStart = 0;
  skipDepth = 0;
  skipInString = false;
  skipIsItem = false;
  skipFlagged = false;
  strStart = 0;
  // absolute offset of the first content byte of the current string
  strSpans = false;
  // the current string began in an earlier chunk
  /** Backslashes at the end of the previous chunk inside the current string. */
  bsCarry = 0;
  // descended key
  keyParts = [];
  // utf-8 across chunks
  utf8Carry = Buffer.alloc(0);
  flagByLen = /* @__PURE__ */ new Map();
  flagMaxEscaped;
  /** flagLen[n] is 1 when a flag word has n bytes. */
  flagLen;
  maxDepth;
  /** Bytes fed so far. */
  get offset() {
    return this.pos;
  }
  feed(chunk) {
    this.checkUtf8(chunk);
    let i = 0;
    if (!this.started) {
      if (this.pos === 0 && chunk.length >= 1 && chunk[0] === 239) {
        if (chunk.length < 3) throw new Error("SkeletonScanner: the first chunk must have at least 3 bytes");
        if (chunk[1] === 187 && chunk[2] === 191) i = 3;
      }
      this.started = true;
    }
    const n = chunk.length;
    while (i < n) {
      switch (this.mode) {
        case 0 /* Struct */:
          i = this.struct(chunk, i, n);
          break;
        case 1 /* Key */:
          i = this.keyString(chunk, i, n);
          break;
        case 3 /* SkipContainer */:
          i = this.skipContainer(chunk, i, n);
          break;
        case 2 /* SkipString */:
          i = this.skipString(chunk, i, n);
          break;
        case 4 /* SkipLiteral */:
          i = this.skipLiteral(chunk, i, n);
          break;
      }
    }
    this.pos += n;
    if (this.mode === 2 /* SkipString */ || this.mode === 1 /* Key */ || this.mode === 3 /* SkipContainer */ && this.skipInString) {
      this.strSpans = true;
      let k = n - 1;
      let run = 0;
      while (k >= 0 && chunk[k] === 92 && this.pos - n + k >= this.strStart) {
        run++;
        k--;
      }
      this.bsCarry = k < 0 || this.pos - n + k < this.strStart ? this.bsCarry + run : run;
    }
  }
  /** Call after the last chunk; throws when the document is incomplete. */
  end() {
    if (this.utf8Carry.length > 0)
      throw new JsonSyntaxError(
        "not valid UTF-8 (the file ends inside a character)",
        this.pos - this.utf8Carry.length
      );
    if (this.mode === 4 /* SkipLiteral */ && this.stack.length === 0) this.finishSkip(this.pos);
    if (!this.rootDone || this.mode !== 0 /* Struct */)
      throw new JsonSyntaxError(
        this.pos === 0 || !this.started ? "empty document" : "the file ends before the JSON document does (truncated?)",
        this.pos
      );
  }
  checkUtf8(chunk) {
    let from = 0;
    const carry = this.utf8Carry;
    if (carry.length > 0) {
      const lead = carry[0];
      const need = lead >= 240 ? 4 : lead >= 224 ? 3 : 2;
      const take = Math.min(need - carry.length, chunk.length);
      const joined = Buffer.concat([carry, chunk.subarray(0, take)]);
      if (joined.length < need) {
        this.utf8Carry = joined;
        return;
      }
      if (!isUtf82(joined)) throw this.utf8Error(joined, this.pos - carry.length);
      from = take;
      this.utf8Carry = Buffer.alloc(0);
    }
    let cut = chunk.length;
    for (let k = chunk.length - 1; k >= Math.max(from, chunk.length - 4); k--) {
      const c = chunk[k];
      if ((c & 192) === 128) continue;
      const need = c < 128 ? 1 : c >= 240 ? 4 : c >= 224 ? 3 : c >= 192 ? 2 : 1;
      if (k + need > chunk.length) cut = k;
      break;
    }
    const body = chunk.subarray(from, cut);
    if (!isUtf82(body)) throw this.utf8Error(body, this.pos + from);
    if (cut < chunk.length) this.utf8Carry = Buffer.from(chunk.subarray(cut));
  }
  utf8Error(bytes, base) {
    const at = Math.max(0, invalidUtf8Offset(bytes));
    return new JsonSyntaxError("not valid UTF-8; scanner reports must be UTF-8", base + at);
  }
  err(msg, absOffset) {
    return new JsonSyntaxError(msg, absOffset);
  }
  struct(b, i, n) {
    const base = this.pos;
    while (i < n) {
      const c = b[i];
      if (WS[c]) {
        i++;
        continue;
      }
      const top = this.stack[this.stack.length - 1];
      if (!top) {
        if (this.rootDone)
          throw this.err(`unexpected ${describe(c)} after the end of the JSON document`, base + i);
        return this.beginValue(b, i, void 0);
      }
      switch (top.st) {
        case 0 /* KeyOrEnd */:
        case 1 /* Key */:
          if (c === 34) {
            this.mode = 1 /* Key */;
            this.keyParts = [];
            this.strStart = base + i + 1;
            this.strSpans = false;
            this.bsCarry = 0;
            return i + 1;
          }
          if (c === 125 && top.st === 0 /* KeyOrEnd */) {
            this.close(base + i + 1);
            i++;
            continue;
          }
          throw this.err(
            `expected a member name (a string in double quotes), found ${describe(c)}`,
            base + i
          );
        case 2 /* Colon */:
          if (c !== 58)
            throw this.err(`expected ":" after the member name, found ${describe(c)}`, base + i);
          top.st = 3 /* Value */;
          i++;
          continue;
        case 4 /* ValueOrEnd */:
          if (c === 93) {
            this.close(base + i + 1);
            i++;
            continue;
          }
          return this.beginValue(b, i, top);
        case 3 /* Value */:
          return this.beginValue(b, i, top);
        case 5 /* CommaOrEnd */:
          if (c === 44) {
            top.st = top.isObj ? 1 /* Key */ : 3 /* Value */;
            i++;
            continue;
          }
          if (c === 125 && top.isObj || c === 93 && !top.isObj) {
            this.close(base + i + 1);
            i++;
            continue;
          }
          throw this.err(`expected "," or "${top.isObj ? "}" : "]"}", found ${describe(c)}`, base + i);
      }
    }
    return i;
  }
  close(end) {
    this.stack.pop();
    this.h.leave?.(this.path, end);
    if (this.stack.length > 0) this.path.pop();
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      parent.st = 5 /* CommaOrEnd */;
      if (!parent.isObj) parent.index++;
    } else this.rootDone = true;
  }
  beginValue(b, i, top) {
    const c = b[i];
    const abs = this.pos + i;
    let child = !top ? this.spec : top.items ? void 0 : top.isObj ? top.spec.members[top.key] : top.spec.each;
    if (!top && child?.type === "root")
      child = c === 123 ? child.object : c === 91 ? child.array : void 0;
    if (child && (c === 123 && child.type !== "array" || c === 91 && child.type !== "object")) {
      const isObj6 = c === 123;
      if (top) this.path.push(top.isObj ? top.key : top.index);
      this.stack.push({
        isObj: isObj6,
        spec: child,
        st: isObj6 ? 0 /* KeyOrEnd */ : 4 /* ValueOrEnd */,
        key: "",
        index: 0,
        items: child.type === "items"
      });
      this.h.enter?.(this.path, isObj6, abs);
      return i + 1;
    }
    if (!top && c !== 123 && c !== 91 && child)
      throw this.err(
        `expected a JSON ${child.type === "array" ? "array" : "object"}, found ${describe(c)}`,
        abs
      );
    this.skipStart = abs;
    this.skipIsItem = !!top?.items;
    this.skipFlagged = false;
    if (c === 34) {
      this.mode = 2 /* SkipString */;
      this.strStart = abs + 1;
      this.strSpans = false;
      this.bsCarry = 0;
    } else if (c === 123 || c === 91) {
      this.mode = 3 /* SkipContainer */;
      this.skipDepth = 1;
      this.skipInString = false;
    } else if (c === 45 || c >= 48 && c <= 57 || c === 116 || c === 102 || c === 110) {
      this.mode = 4 /* SkipLiteral */;
    } else throw this.err(`expected a value, found ${describe(c)}`, abs);
    return i + 1;
  }
  finishSkip(end) {
    this.mode = 0 /* Struct */;
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.rootDone = true;
      if (this.spec.type === "root") this.h.root?.(this.skipStart, end);
      return;
    }
    if (top.items)
      this.h.item?.(this.path, top.isObj ? top.key : top.index, this.skipStart, end, this.skipFlagged);
    else if (top.isObj) this.h.member?.(this.path, top.key, this.skipStart, end);
    else this.h.member?.(this.path, String(top.index), this.skipStart, end);
    top.st = 5 /* CommaOrEnd */;
    if (!top.isObj) top.index++;
  }
  /**
   * Find the closing quote of the string that started at `strStart`, from chunk index `i`.
   * Returns the chunk index of the closing quote, or -1 when the string goes on past the chunk.
   */
  closingQuote(b, i, n) {
    const base = this.pos;
    for (; ; ) {
      const q = b.indexOf(34, i);
      if (q < 0 || q >= n) return -1;
      let k = q - 1;
      let run = 0;
      while (k >= 0 && b[k] === 92 && base + k >= this.strStart) {
        run++;
        k--;
      }
      if (k < 0 && this.strSpans) run += this.bsCarry;
      if ((run & 1) === 0) return q;
      i = q + 1;
    }
  }
  keyString(b, i, n) {
    const q = this.closingQuote(b, i, n);
    if (q < 0) {
      this.keyParts.push(Buffer.from(b.subarray(i, n)));
      return n;
    }
    this.keyParts.push(b.subarray(i, q));
    const raw = this.keyParts.length === 1 ? this.keyParts[0] : Buffer.concat(this.keyParts);
    this.keyParts = [];
    const top = this.stack[this.stack.length - 1];
    top.key = raw.includes(92) ? JSON.parse(`"${raw.toString("utf8")}"`) : raw.toString("utf8");
    top.st = 2 /* Colon */;
    this.mode = 0 /* Struct */;
    this.strSpans = false;
    return q + 1;
  }
  skipString(b, i, n) {
    const q = this.closingQuote(b, i, n);
    if (q < 0) return n;
    if (this.skipIsItem) this.checkFlag(b, q);
    this.strSpans = false;
    this.finishSkip(this.pos + q + 1);
    return q + 1;
  }
  checkFlag(b, q) {
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
        while (k < len && (b[start + k] | 32) === w[k]) k++;
        if (k === len) {
          this.skipFlagged = true;
          return;
        }
      }
    }
    for (let k = start; k < q; k++)
      if (b[k] === 92) {
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
  isEscapedFlagWord(b, start, end) {
    let text3;
    try {
      text3 = JSON.parse(b.toString("utf8", start - 1, end + 1));
    } catch {
      return true;
    }
    if (typeof text3 !== "string") return true;
    const is = (t) => (this.flagByLen.get(t.length) ?? []).some((w) => w.every((c, k) => t.charCodeAt(k) === c));
    return is(text3.toLowerCase()) || is(text3.toUpperCase().toLowerCase());
  }
  skipContainer(b, i, n) {
    if (this.skipInString) {
      const q = this.closingQuote(b, i, n);
      if (q < 0) return n;
      if (this.skipIsItem && this.flagByLen.size > 0) this.checkFlag(b, q);
      this.skipInString = false;
      this.strSpans = false;
      i = q + 1;
    }
    let depth = this.skipDepth;
    const limit = this.maxDepth - this.stack.length;
    const flagging = this.skipIsItem && this.flagByLen.size > 0;
    let flagged = this.skipFlagged;
    const flagLen = this.flagLen;
    const maxFlag = this.flagMaxEscaped;
    const inline = Math.max(64, maxFlag);
    while (i < n) {
      const c = b[i];
      if (c === 34) {
        const s = i + 1;
        const stop = s + inline < n ? s + inline : n;
        let j = s;
        let escaped = false;
        let q = -1;
        for (; ; ) {
          let d = 0;
          while (j < stop && (d = b[j]) !== 34 && d !== 92) j++;
          if (j >= stop) break;
          if (d === 34) {
            q = j;
            break;
          }
          escaped = true;
          j += 2;
        }
        if (q < 0 && j < n) {
          for (; ; ) {
            const k = b.indexOf(34, j);
            if (k < 0 || k >= n) break;
            let m = k - 1;
            while (m >= j && b[m] === 92) m--;
            if ((k - 1 - m & 1) === 0) {
              q = k;
              break;
            }
            escaped = true;
            j = k + 1;
          }
        }
        if (q < 0) {
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
          if (len <= maxFlag && (escaped ? this.isEscapedFlagWord(b, s, q) : flagLen[len] === 1 && this.isFlagWord(b, s, len)))
            flagged = true;
        }
        i = q + 1;
        continue;
      }
      if (c === 123 || c === 91) {
        if (depth >= limit)
          throw this.err(`nested more than ${this.maxDepth} levels deep: refused`, this.pos + i);
        depth++;
      } else if ((c === 125 || c === 93) && --depth === 0) {
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
  isFlagWord(b, start, len) {
    const words = this.flagByLen.get(len);
    if (!words) return false;
    for (const w of words) {
      let k = 0;
      while (k < len && (b[start + k] | 32) === w[k]) k++;
      if (k === len) return true;
    }
    return false;
  }
  skipLiteral(b, i, n) {
    while (i < n) {
      if (LITERAL_END[b[i]]) {
        this.finishSkip(this.pos + i);
        return i;
      }
      i++;
    }
    return n;
  }
};

// src/stream/slices.ts
var WarningList = class {
  first = [];
  count = 0;
  /** Move the warnings out of `list` (emptied). */
  take(list2) {
    for (const w of list2) {
      if (this.first.length < 50) this.first.push(w);
      this.count++;
    }
    list2.length = 0;
  }
};
function defineMember(obj, key, value) {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}
async function parseSlice(reader, r, file) {
  const text3 = await reader.text(r.start, r.end);
  try {
    return JSON.parse(text3);
  } catch (e) {
    const m = /position (\d+)/.exec(e instanceof Error ? e.message : "");
    const at = m ? r.start + Buffer.byteLength(text3.slice(0, Number(m[1])), "utf8") : r.start;
    throw new UserError("not valid JSON (inside a value the streaming reader parsed)", file, `byte ${at}`);
  }
}
var BATCH_BYTES = 256 * 1024;
async function forEachItem(reader, list2, file, fn) {
  const n = list2.length;
  for (let k = 0; k < n; ) {
    let to = k + 1;
    const first = list2.start(k);
    while (to < n && list2.end(to) - first <= BATCH_BYTES) to++;
    let values;
    const text3 = await reader.text(first, list2.end(to - 1));
    try {
      const v = JSON.parse("[" + text3 + "]");
      if (Array.isArray(v) && v.length === to - k) values = v;
    } catch {
    }
    for (let j = k; j < to; j++) {
      const value = values ? values[j - k] : await parseSlice(reader, { key: String(j), start: list2.start(j), end: list2.end(j) }, file);
      const p = fn(value, j);
      if (p) await p;
    }
    k = to;
  }
}

// src/stream/big-array.ts
var esc3 = (p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1");
function specAt(spec, path3) {
  let s = spec;
  for (const p of path3) {
    if (!s) return void 0;
    if (s.type === "object") s = s.members[p];
    else if (s.type === "array") s = s.each;
    else return void 0;
  }
  return s;
}
function compareContainers(spec, a, b) {
  let s = spec;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y) {
      if (typeof x === "number" && typeof y === "number") return x - y;
      if (s?.type === "object") {
        const keys = Object.keys(s.members);
        return keys.indexOf(String(x)) - keys.indexOf(String(y));
      }
      return String(x) < String(y) ? -1 : 1;
    }
    s = s?.type === "object" ? s.members[x] : s?.type === "array" ? s.each : void 0;
  }
  return a.length - b.length;
}
function isWord(s, words) {
  for (const w of words) if (w.length === s.length) return words.has(s.toLowerCase());
  return false;
}
function anyWord(v, words, depth = 0) {
  if (depth > 64) return true;
  if (typeof v === "string") return isWord(v, words);
  if (Array.isArray(v)) {
    for (const x of v) if (anyWord(x, words, depth + 1)) return true;
    return false;
  }
  if (typeof v === "object" && v !== null) {
    const o = v;
    for (const k of Object.keys(o)) if (isWord(k, words) || anyWord(o[k], words, depth + 1)) return true;
  }
  return false;
}
function isIndexKey(k) {
  return /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4294967295;
}
function jsonKeyOrder(keys) {
  const last = /* @__PURE__ */ new Map();
  const first = [];
  keys.forEach((k, i) => {
    if (!last.has(k)) first.push(k);
    last.set(k, i);
  });
  const index = first.filter(isIndexKey).sort((a, b) => Number(a) - Number(b));
  const named = first.filter((k) => !isIndexKey(k));
  return [...index, ...named].map((k) => last.get(k));
}
function itemPointer(c, k) {
  return `${pointerOf(c.path)}/${c.keys.length > 0 ? esc3(c.keys[k]) : k}`;
}
function visitOrder(c) {
  if (c.order) return c.order;
  return {
    *[Symbol.iterator]() {
      for (let k = 0; k < c.list.length; k++) yield k;
    }
  };
}
var MAX_WHOLE_ROOT = 256 * 1024 * 1024;
function bigArrayPlanner(def) {
  return async (fh, size, file, io = {}) => {
    let doc = void 0;
    let spec = def.spec.type === "root" ? void 0 : def.spec;
    let rootRange;
    const containers = [];
    const byPointer = /* @__PURE__ */ new Map();
    const mismatched = /* @__PURE__ */ new Map();
    const members = [];
    const nodeAt = (path3) => {
      let n = doc;
      for (const p of path3) n = n?.[p];
      return n;
    };
    const scanSpec = def.spec.type === "root" ? def.spec : { type: "root", [def.spec.type === "array" ? "array" : "object"]: def.spec };
    const scanner = new SkeletonScanner(
      scanSpec,
      {
        enter(path3, isObject, start) {
          if (path3.length === 0) {
            doc = isObject ? {} : [];
            spec = rootSpec(def.spec, doc);
            return;
          }
          const parent = nodeAt(path3.slice(0, -1));
          const key = path3[path3.length - 1];
          const s = specAt(spec, path3);
          const value = isObject ? {} : [];
          if (Array.isArray(parent)) parent[key] = value;
          else if (parent) defineMember(parent, String(key), value);
          if (s?.type === "items" && s.of === "object" !== isObject) {
            mismatched.set(pointerOf(path3), start);
          } else if (s?.type === "items") {
            const ptr = pointerOf(path3);
            const old = byPointer.get(ptr);
            if (old) {
              old.list.clear();
              old.keys = [];
            } else {
              const c = { path: [...path3], list: new RangeList(), keys: [], discard: s.discard === true };
              containers.push(c);
              byPointer.set(ptr, c);
            }
          }
        },
        leave(path3, end) {
          const ptr = pointerOf(path3);
          const start = mismatched.get(ptr);
          if (start === void 0) return;
          mismatched.delete(ptr);
          members.push({ path: path3.slice(0, -1), key: String(path3[path3.length - 1]), start, end });
        },
        member(path3, key, start, end) {
          members.push({ path: [...path3], key, start, end });
          const c = byPointer.get(pointerOf([...path3, key]));
          if (c) {
            c.list.clear();
            c.keys = [];
          }
        },
        item(path3, key, start, end, flagged) {
          const c = byPointer.get(pointerOf(path3));
          if (!c) return;
          c.list.push(start, end, flagged);
          if (typeof key === "string") c.keys.push(key);
        },
        root(start, end) {
          rootRange = { start, end };
        }
      },
      { flagWords: def.secretWords }
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
      if (rootRange.end - rootRange.start > MAX_WHOLE_ROOT)
        throw new UserError(
          `the document is not of a shape this format streams, and too large to read whole`,
          file
        );
      doc = await parseSlice(reader, { key: "", ...rootRange }, file);
    }
    for (const m of members) {
      const parent = nodeAt(m.path);
      const value = await parseSlice(reader, m, file);
      if (Array.isArray(parent)) parent[Number(m.key)] = value;
      else if (parent) defineMember(parent, m.key, value);
    }
    const live = containers.filter((c) => {
      const n = nodeAt(c.path);
      return typeof n === "object" && n !== null && (Array.isArray(n) ? n.length === 0 : Object.keys(n).length === 0);
    });
    live.sort((a, b) => compareContainers(spec, a.path, b.path));
    const parseItem = (c, k) => parseSlice(reader, { key: String(k), start: c.list.start(k), end: c.list.end(k) }, file);
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
      if (c.keys.length === 0) await forEachItem(reader, c.list, file, () => void 0);
      else for (let k = 0; k < c.list.length; k++) await parseItem(c, k);
    }
    const visited = live.filter((c) => !c.discard);
    const prepare = async () => {
      const ctx2 = def.begin(doc, file);
      if (!def.scout) return ctx2;
      for (const c of visited) {
        const see = def.scout(ctx2, pointerOf(c.path));
        if (!see) continue;
        for (const k of visitOrder(c)) if (see(await parseItem(c, k), itemPointer(c, k))) break;
      }
      return ctx2;
    };
    const ctx = await prepare();
    const secretsFromItems = [];
    const secretsFromDrafts = [];
    if (def.secretWords && def.secretWords.length > 0 || def.secretText) {
      const all = def.secretWords ? anyWord(doc, new Set(def.secretWords)) : false;
      const scratch = await prepare();
      for (const c of visited) {
        for (const k of visitOrder(c)) {
          if (!all && !c.list.flag(k)) {
            if (!def.secretText) continue;
            const text3 = await reader.text(c.list.start(k), c.list.end(k));
            if (!def.secretText.test(text3)) continue;
          }
          const out = def.item(scratch, await parseItem(c, k), itemPointer(c, k), secretsFromItems);
          for (const d of Array.isArray(out) ? out : out ? [out] : [])
            if (d.secret) secretsFromDrafts.push(d.secret);
        }
      }
    }
    let first;
    if (def.toolNeedsFirstDraft !== false) {
      const scratch = await prepare();
      const trash = [];
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
        const trash = [];
        const emitAll = async (drafts) => {
          for (const d of drafts) {
            const p = onDraft(d);
            if (p) await p;
          }
        };
        const emit = (v, c, k) => {
          const out = def.item(ctx, v, itemPointer(c, k), trash);
          trash.length = 0;
          if (Array.isArray(out)) return emitAll(out);
          if (out) return onDraft(out);
        };
        for (const c of visited) {
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
      }
    };
  };
}

// src/stream/formats/gitlab.ts
function gitlabStreaming(kind) {
  return {
    spec: { type: "object", members: { vulnerabilities: { type: "items" } } },
    secretWords: GITLAB_SECRET_WORDS,
    begin: (doc, file) => beginGitlabReport(doc, file, kind, []),
    item(gc, value, pointer, secrets) {
      const d = gitlabItem(gc, value, Number(pointer.slice(pointer.lastIndexOf("/") + 1)));
      if (gc.fc.secrets.length > 0) secrets.push(...gc.fc.secrets.splice(0));
      return d;
    },
    finish: (gc) => ({ scans: finishGitlabReport(gc), warnings: gc.warnings }),
    tool(gc, first) {
      const { toolName: toolName2, toolVersion } = gc.fc;
      if (!first) return { name: toolName2, version: toolVersion };
      const name = first.tool ?? toolName2;
      return { name, version: first.tool === toolName2 ? toolVersion : first.tool_version ?? null };
    }
  };
}

// src/stream/parallel.ts
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

// src/util/beside.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
function besideBundle(name) {
  try {
    const p = fileURLToPath(new URL(`./${name}`, import.meta.url));
    return existsSync(p) ? p : void 0;
  } catch {
    return void 0;
  }
}

// src/stream/parallel-protocol.ts
var WORKER_YOUNG_MB = 12;
var WORKER_TAG = "security-metrics/stream-worker/v2";

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

// src/stream/parallel.ts
var BATCH = 256;
var DEPTH = 3;
var MAX_READY = 4;
function workerScript() {
  return besideBundle("stream-worker.js");
}
function workerCount(env = process.env, cores = availableParallelism()) {
  return explicitWorkers(env) ?? (cores >= 2 ? 1 : 0);
}
function explicitWorkers(env) {
  const v = env.SECURITY_METRICS_STREAM_WORKERS;
  if (v !== void 0 && v.trim() !== "" && Number.isInteger(Number(v)) && Number(v) >= 0)
    return Math.min(Number(v), 16);
  return void 0;
}
var DEFAULT_PARALLEL_MAX_RESULTS = 5e5;
function parallelMaxResults(env = process.env) {
  return explicitWorkers(env) === void 0 ? DEFAULT_PARALLEL_MAX_RESULTS : Infinity;
}
var WorkerPool = class _WorkerPool {
  workers;
  failure;
  onReply;
  onFailure;
  closed = false;
  constructor(script, n) {
    this.workers = Array.from({ length: n }, () => {
      const w = new Worker(script, {
        workerData: { tag: WORKER_TAG },
        resourceLimits: {
          maxOldGenerationSizeMb: 512,
          maxYoungGenerationSizeMb: WORKER_YOUNG_MB
        }
      });
      w.on("message", (r) => this.onReply?.(r));
      w.on("error", (e) => {
        this.failure ??= e;
        this.onFailure?.();
      });
      return w;
    });
  }
  /** Undefined when there is no worker bundle (running from sources) or n < 1. */
  static start(n) {
    const script = workerScript();
    return script && n >= 1 ? new _WorkerPool(script, n) : void 0;
  }
  send(i, m, transfer) {
    this.workers[i].postMessage(m, transfer);
  }
  /** Let the workers finish (they close the file) or, with `now`, stop them where they are. */
  close(now = true) {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.workers) {
      if (now) void w.terminate();
      else {
        w.postMessage({ kind: "close" });
        w.unref();
      }
    }
  }
};
async function runParallel(job) {
  const { pool } = job;
  const init = {
    kind: "init",
    file: job.file,
    displayPath: job.displayPath,
    fileSize: job.size,
    runs: job.headerRuns,
    ctx: job.ctx
  };
  const nw = pool.workers.length;
  for (let i = 0; i < nw; i++) pool.send(i, init);
  let total = 0;
  for (const list2 of job.results) total += Math.ceil(list2.length / BATCH);
  const taskRun = new Int32Array(total);
  const taskFirst = new Float64Array(total);
  for (let run = 0, t = 0; run < job.results.length; run++)
    for (let first = 0; first < job.results[run].length; first += BATCH, t++) {
      taskRun[t] = run;
      taskFirst[t] = first;
    }
  const taskOf = (t) => {
    const list2 = job.results[taskRun[t]];
    const first = taskFirst[t];
    const last = Math.min(first + BATCH, list2.length);
    return { id: t, run: taskRun[t], first, ...list2.copy(first, last) };
  };
  const ready = /* @__PURE__ */ new Map();
  const owner = new Int32Array(total).fill(-1);
  const inflight = new Int32Array(nw);
  let wake;
  let nextTask = 0;
  const dispatch = () => {
    for (let w = 0; w < nw; w++)
      while (inflight[w] < DEPTH && nextTask < total) {
        owner[nextTask] = w;
        inflight[w]++;
        pool.send(w, taskOf(nextTask++));
      }
  };
  pool.onReply = (r) => {
    ready.set(r.id, r);
    inflight[owner[r.id]]--;
    dispatch();
    wake?.();
  };
  pool.onFailure = () => wake?.();
  const buffers = new BufferPool();
  let results = 0;
  for (const list2 of job.results) results += list2.length;
  const seen = new DigestCounter(results);
  const warnings = new WarningList();
  const categories = job.contexts.map((rc) => new Set(rc.categories));
  let count = 0;
  const emit = async (r) => {
    const run = taskRun[r.id];
    warnings.take(r.warnings);
    for (const c of r.categories) categories[run].add(c);
    const { buf, ends, idAt, digests } = r;
    let start = 0;
    for (let k = 0; k < ends.length; k++) {
      const end = ends[k];
      const ordinal = seen.nextHashed(digests[2 * k], digests[2 * k + 1]);
      if (ordinal > 0) {
        const id = occurrenceId(r.occurrences[k], ordinal);
        const at = idAt[k];
        if (buf[at + id.length] !== 34) throw new Error("parallel reader: occurrence id length changed");
        Buffer.from(buf.buffer, buf.byteOffset, buf.length).write(id, at, "latin1");
      }
      const tail = `${count}}`;
      count++;
      const p = job.onBytes ? job.onBytes(buf, start, end - 2, tail) : job.onLine(
        Buffer.from(buf.buffer, buf.byteOffset, buf.length).toString("utf8", start, end - 2) + tail
      );
      if (p) await p;
      start = end;
    }
    const w = owner[r.id];
    if (w >= 0)
      pool.send(w, { kind: "recycle", buf: r.buf.buffer }, [r.buf.buffer]);
    else buffers.give(r.buf.buffer);
    if (r.error) {
      if (r.error.user) throw new UserError(r.error.message, job.displayPath, r.error.position);
      throw new Error(r.error.message);
    }
  };
  let done = false;
  try {
    for (let nextEmit = 0; nextEmit < total; ) {
      await new Promise((resolve) => setImmediate(resolve));
      if (pool.failure) throw pool.failure;
      dispatch();
      const r = ready.get(nextEmit);
      if (r) {
        ready.delete(nextEmit);
        nextEmit++;
        await emit(r);
      } else if (nextTask < total && ready.size < MAX_READY) {
        const t = nextTask++;
        ready.set(
          t,
          await prepareBatch(job.reader, job.contexts, taskOf(t), job.ctx, job.displayPath, buffers)
        );
      } else {
        await new Promise((resolve) => wake = resolve);
        wake = void 0;
      }
    }
    done = true;
  } finally {
    pool.onReply = void 0;
    pool.onFailure = void 0;
    pool.close(!done);
  }
  const scans = job.contexts.map((rc, i) => finishRun({ ...rc, categories: categories[i] }));
  return { scans, warnings: warnings.first, warningCount: warnings.count, count };
}

// src/stream/sarif-stream.ts
var SARIF_SPEC = {
  type: "object",
  members: { runs: { type: "array", each: { type: "object", members: { results: { type: "items" } } } } }
};
var SECRET_WORDS = ["secret", "secrets", "secretvalue", "offender", "match", "raw"];
async function scanSarif(fh, file, io = {}) {
  const top = [];
  let runs = [];
  let runsIsArray = false;
  const scanner = new SkeletonScanner(
    SARIF_SPEC,
    {
      enter(path3, isObject) {
        if (path3.length === 1 && path3[0] === "runs") {
          runs = [];
          runsIsArray = true;
          for (let k = top.length - 1; k >= 0; k--) if (top[k].key === "runs") top.splice(k, 1);
        } else if (path3.length === 2)
          runs.push({ raw: null, members: [], results: new RangeList(), resultsNotArray: false });
        else if (path3.length === 3) {
          const run = runs[path3[1]];
          run.results.clear();
          run.resultsNotArray = isObject;
          run.members = run.members.filter((m) => m.key !== "results");
        }
      },
      member(path3, key, start, end) {
        if (path3.length === 0) {
          if (key === "runs") runsIsArray = false;
          top.push({ key, start, end });
        } else if (path3.length === 1)
          runs.push({
            raw: { key, start, end },
            members: [],
            results: new RangeList(),
            resultsNotArray: false
          });
        else {
          const run = runs[path3[1]];
          if (key === "results") {
            run.results.clear();
            run.resultsNotArray = false;
          }
          run.members.push({ key, start, end });
        }
      },
      item(path3, _key, start, end, flagged) {
        const run = runs[path3[1]];
        if (!run.resultsNotArray) run.results.push(start, end, flagged);
      }
    },
    { flagWords: SECRET_WORDS }
  );
  try {
    await scanFile(fh, scanner, io.chunkSize, io.onChunk);
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      throw new UserError(`not valid JSON: ${e.message}`, file, `byte ${e.offset}`);
    throw e;
  }
  if (!runsIsArray) throw new UserError('not a SARIF log: expected an object with a "runs" array', file);
  return { top, runs };
}
async function planSarif(fh, size, file, io = {}) {
  const pool = io.workers && io.path ? WorkerPool.start(io.workers) : void 0;
  try {
    return await planSarifWith(fh, size, file, io, pool);
  } catch (e) {
    pool?.close();
    throw e;
  }
}
async function planSarifWith(fh, size, file, io, pool) {
  const { top, runs } = await scanSarif(fh, file, io);
  const reader = new RangeReader(fh, size, pool ? DEFAULT_CHUNK : void 0);
  const doc = {};
  for (const m of top) if (m.key !== "runs") defineMember(doc, m.key, await parseSlice(reader, m, file));
  const verr = sarifVersionError(doc);
  if (verr) throw new UserError(verr, file);
  const words = new Set(SECRET_WORDS);
  const contexts = [];
  const headerRuns = [];
  const suspiciousRun = [];
  for (let i = 0; i < runs.length; i++) {
    const map = runs[i];
    let run;
    if (map.raw) run = await parseSlice(reader, map.raw, file);
    else {
      const obj = {};
      for (const m of map.members) defineMember(obj, m.key, await parseSlice(reader, m, file));
      run = obj;
    }
    const rc = createRunContext(run, i, file);
    contexts.push(rc);
    headerRuns.push(run);
    const tool = run.tool;
    suspiciousRun.push(rc.secretTool || anyWord(tool, words));
  }
  const fromResults = [];
  const fromDrafts = [];
  for (let i = 0; i < runs.length; i++) {
    const list2 = runs[i].results;
    const rc = contexts[i];
    const scratch = { ...rc, warnings: [], categories: /* @__PURE__ */ new Set() };
    for (let k = 0; k < list2.length; k++) {
      if (!suspiciousRun[i] && !list2.flag(k)) continue;
      const r = await parseSlice(reader, { key: String(k), start: list2.start(k), end: list2.end(k) }, file);
      const d = resultToDraft(scratch, r, k, fromResults);
      if (d?.secret) fromDrafts.push(d.secret);
    }
  }
  return {
    secrets: [...fromResults, ...fromDrafts],
    tool: contexts[0]?.scan.tool,
    async runLines(ctx, sink) {
      const items = runs.reduce((n, r) => n + r.results.length, 0);
      if (!pool || !io.path || items > (io.maxParallelItems ?? Infinity)) {
        pool?.close();
        return void 0;
      }
      return runParallel({
        file: io.path,
        displayPath: file,
        size,
        headerRuns,
        contexts,
        results: runs.map((r) => r.results),
        ctx,
        reader,
        pool,
        ...sink
      });
    },
    close: () => pool?.close(),
    async run(onDraft) {
      pool?.close();
      const scans = [];
      const warnings = new WarningList();
      const sink = [];
      for (let i = 0; i < runs.length; i++) {
        const list2 = runs[i].results;
        const rc = contexts[i];
        await forEachItem(reader, list2, file, (r, k) => {
          const d = resultToDraft(rc, r, k, sink);
          sink.length = 0;
          if (rc.warnings.length > 256) warnings.take(rc.warnings);
          return d ? onDraft(d) : void 0;
        });
        scans.push(finishRun(rc));
        warnings.take(rc.warnings);
      }
      return { scans, warnings: warnings.first, warningCount: warnings.count };
    }
  };
}

// src/stream/registry.ts
var STREAMERS = new Map([
  ["sarif", planSarif],
  ...Object.keys(GITLAB_FORMAT).map((kind) => [
    GITLAB_FORMAT[kind],
    bigArrayPlanner(gitlabStreaming(kind))
  ]),
  ["trivy", bigArrayPlanner(trivyStreaming)],
  ["semgrep", bigArrayPlanner(semgrepStreaming)],
  ["grype", bigArrayPlanner(grypeStreaming)],
  ["snyk", bigArrayPlanner(snykStreaming)],
  ["npm_audit", bigArrayPlanner(npmAuditStreaming)]
]);
function streamerFor(formatId) {
  return STREAMERS.get(formatId);
}
function streamableFormats() {
  return [...STREAMERS.keys()].sort();
}

// src/commands/read-input.ts
import { createHash as createHash2 } from "node:crypto";

// src/stream/threshold.ts
var DEFAULT_STREAM_THRESHOLD = 32 * 1024 * 1024;

// src/commands/read-input.ts
var DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
var HEAD_BYTES = 65536;
var WHOLE_FILE_LIMIT = 536870888;
var xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true
});
var MAX_DEPTH2 = 200;
function tooDeep(doc, limit = MAX_DEPTH2) {
  const stack = [{ v: doc, depth: 0, path: "" }];
  while (stack.length > 0) {
    const { v, depth, path: p } = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    if (depth >= limit) return p || "/";
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        if (typeof v[i] === "object") stack.push({ v: v[i], depth: depth + 1, path: `${p}/${i}` });
    } else {
      for (const [k, x] of Object.entries(v))
        if (typeof x === "object") stack.push({ v: x, depth: depth + 1, path: `${p}/${k}` });
    }
  }
  return void 0;
}
function decodeInput(buf, displayPath) {
  const bad = invalidUtf8Offset(buf);
  if (bad >= 0)
    throw new UserError(`not valid UTF-8 (byte offset ${bad}); scanner reports must be UTF-8`, displayPath);
  let text3 = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString("utf8");
  if (text3.charCodeAt(0) === 65279) text3 = text3.slice(1);
  const lead = text3.trimStart()[0];
  const checked = (doc, kind) => {
    const deep = tooDeep(doc);
    if (deep)
      throw new UserError(
        `nested more than ${MAX_DEPTH2} levels deep at ${deep.slice(0, 120)}: refused`,
        displayPath
      );
    return { text: text3, doc, kind };
  };
  if (lead === "{" || lead === "[" || text3.trim() === "null") {
    const r = parseJsonWithPosition(text3);
    if (!r.ok) {
      const lines = lead === "{" ? parseJsonLines(text3) : void 0;
      if (lines) return checked(lines, "json");
      throw new UserError(r.message, displayPath, r.position);
    }
    return checked(r.value, "json");
  }
  if (lead === "<") {
    let doc;
    try {
      doc = xml.parse(text3, true);
    } catch (e) {
      const m = /Line (\d+).*?col(?:umn)? (\d+)/i.exec(errorMessage(e));
      throw new UserError(
        `not well-formed XML (${errorMessage(e).split("\n")[0]})`,
        displayPath,
        m ? `${m[1]}:${m[2]}` : void 0
      );
    }
    return checked(doc, "xml");
  }
  return { text: text3, doc: void 0, kind: "text" };
}
function chooseParser(format, name, decoded, displayPath) {
  if (format !== "auto") {
    const parser = getParser(format);
    return { parser, detection: "given" };
  }
  const det = detectFormat({ name, head: decoded.text.slice(0, 65536), doc: decoded.doc });
  if (!det.parser) {
    const considered = det.candidates.length ? `; formats considered: ${det.candidates.map((c) => `${c.id} (${c.score.toFixed(2)})`).join(", ")}` : "";
    throw new UserError(
      `format not recognized${considered}. Pass --format <id> (input "format") if this is a supported format`,
      displayPath
    );
  }
  const runnerUp = det.candidates[1];
  const best = det.candidates[0];
  const note = runnerUp && runnerUp.score >= best.score - 0.05 ? `auto (unsure: also looked like ${runnerUp.id})` : "auto";
  return { parser: det.parser, detection: note };
}
function finalizeContext(displayPath, format, tool, opts, secrets) {
  return {
    sourceFile: displayPath,
    sourceFormat: format,
    tool,
    product: opts.product,
    service: opts.service,
    repo: opts.repo,
    ref: opts.ref,
    commit: opts.commit,
    observedAt: opts.observedAt,
    confidence: opts.confidence,
    roots: opts.roots,
    secrets
  };
}
function newInputFile(displayPath, hash2, bytes, status) {
  return {
    path: displayPath,
    sha256: hash2,
    bytes,
    format: null,
    detection: null,
    tool: null,
    tool_version: null,
    status,
    error: null,
    findings: 0,
    warnings: []
  };
}
function normalizeBuffer(buf, displayPath, opts) {
  const file = newInputFile(displayPath, sha256(buf), buf.byteLength, "ok");
  if (buf.byteLength === 0) {
    file.status = "skipped";
    file.error = `${displayPath}: empty file (0 bytes): the scanner wrote nothing`;
    return { file, findings: [], scans: [] };
  }
  try {
    const decoded = decodeInput(buf, displayPath);
    if (decoded.kind === "text" && decoded.text.trim() === "")
      throw new UserError("file holds only white space", displayPath);
    const { parser, detection } = chooseParser(opts.format, path.basename(displayPath), decoded, displayPath);
    file.format = parser.id;
    file.detection = detection;
    if (parser.input !== decoded.kind && !(parser.input === "text") && !parser.alsoAccepts?.includes(decoded.kind))
      throw new UserError(
        `format "${parser.id}" expects ${parser.input.toUpperCase()} input, but the file is ${decoded.kind.toUpperCase()}`,
        displayPath
      );
    const out = parser.parse(parser.input === "text" ? decoded.text : decoded.doc, {
      file: displayPath
    });
    const tool = out.scans[0]?.tool ?? { name: parser.docs.title, version: null };
    file.tool = [...new Set(out.scans.map((s) => s.tool.name))].join(", ") || tool.name;
    file.tool_version = tool.version;
    file.warnings = out.warnings.slice(0, 50);
    if (out.warnings.length > 50) file.warnings.push(`\u2026 and ${out.warnings.length - 50} more warnings`);
    const findings = finalizeDrafts(
      out.findings,
      finalizeContext(displayPath, parser.id, tool, opts, out.secrets)
    );
    file.findings = findings.length;
    if (out.scans.some((s) => !s.success)) file.status = "tool_error";
    return { file, findings, scans: out.scans };
  } catch (e) {
    if (!isUserError(e)) {
      file.status = "error";
      file.error = `${displayPath}: internal error while parsing (please report): ${errorMessage(e)}`;
      if (process.env.SECURITY_METRICS_DEBUG === "1") console.error(e);
      return { file, findings: [], scans: [] };
    }
    file.status = "error";
    file.error = e.format();
    return { file, findings: [], scans: [] };
  }
}
async function normalizeFile(filePath, displayPath, opts) {
  const base = newInputFile(displayPath, null, 0, "error");
  let stat;
  try {
    stat = await fs2.stat(filePath);
  } catch (e) {
    const code = e.code;
    base.error = `${displayPath}: cannot read (${code === "ENOENT" ? "no such file" : code ?? errorMessage(e)})`;
    return { file: base, findings: [], scans: [] };
  }
  if (stat.isDirectory()) {
    base.status = "skipped";
    base.error = `${displayPath}: is a directory, not a report file (use a glob such as ${displayPath}/**/*.sarif)`;
    return { file: base, findings: [], scans: [] };
  }
  if (stat.size > opts.maxBytes) {
    base.status = "skipped";
    base.bytes = stat.size;
    base.error = `${displayPath}: ${(stat.size / 1048576).toFixed(0)} MiB is above the ${(opts.maxBytes / 1048576).toFixed(0)} MiB limit (max_file_mb)`;
    return { file: base, findings: [], scans: [] };
  }
  if (stat.size > (opts.streamThreshold ?? DEFAULT_STREAM_THRESHOLD)) {
    const streamed = await normalizeStreamed(filePath, displayPath, stat.size, opts);
    if (streamed) return streamed;
  }
  if (stat.size > WHOLE_FILE_LIMIT) {
    base.status = "skipped";
    base.bytes = stat.size;
    base.error = `${displayPath}: ${(stat.size / 1048576).toFixed(0)} MiB is too large to read whole (Node's limit is 512 MiB) and its format has no streaming reader (streamed formats: ${streamableFormats().join(", ")})`;
    return { file: base, findings: [], scans: [] };
  }
  const buf = await fs2.readFile(filePath);
  const r = normalizeBuffer(buf, displayPath, opts);
  const sink = sinkOf(opts);
  if (sink) {
    for (const f of r.findings) {
      const p = sink(f);
      if (p) await p;
    }
    return { ...r, findings: [] };
  }
  return r;
}
function sinkOf(opts) {
  const { onLine, onFinding } = opts;
  if (onLine) return (f) => onLine(JSON.stringify(f));
  return onFinding;
}
async function streamParserFor(filePath, displayPath, opts) {
  if (opts.format !== "auto") {
    const p = getParser(opts.format);
    return streamerFor(p.id) ? p : void 0;
  }
  const fh = await fs2.open(filePath, "r");
  let head;
  try {
    const b = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(b, 0, HEAD_BYTES, 0);
    head = b.toString("utf8", 0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.charCodeAt(0) === 65279) head = head.slice(1);
  const det = detectFormat({ name: path.basename(displayPath), head });
  return det.parser && streamerFor(det.parser.id) ? det.parser : void 0;
}
async function normalizeStreamed(filePath, displayPath, size, opts) {
  const file = newInputFile(displayPath, null, size, "ok");
  const findings = [];
  let fh;
  let plan;
  try {
    const parser = await streamParserFor(filePath, displayPath, opts);
    if (!parser) return void 0;
    file.format = parser.id;
    file.detection = opts.format === "auto" ? "auto (streamed; detected from the first 64 KiB)" : "given";
    ({ fh } = await openForRead(filePath));
    const hash2 = createHash2("sha256");
    plan = await streamerFor(parser.id)(fh, size, displayPath, {
      chunkSize: opts.chunkSize,
      onChunk: (b) => hash2.update(b),
      path: filePath,
      workers: opts.onLine ? opts.workers ?? workerCount() : 0,
      maxParallelItems: opts.workers !== void 0 ? Infinity : parallelMaxResults()
    });
    file.sha256 = hash2.digest("hex");
    const tool = plan.tool ?? { name: parser.docs.title, version: null };
    const fctx = finalizeContext(displayPath, parser.id, tool, opts, plan.secrets);
    const parallel = opts.onLine && plan.runLines ? await plan.runLines(fctx, { onLine: opts.onLine, onBytes: opts.onLineBytes }) : void 0;
    let count = parallel?.count ?? 0;
    const outcome = parallel ?? await (() => {
      const fin = createFinalizer(fctx);
      const sink = sinkOf(opts);
      return plan.run((d) => {
        const f = fin.push(d);
        count++;
        if (sink) return sink(f);
        findings.push(f);
      });
    })();
    file.tool = [...new Set(outcome.scans.map((s) => s.tool.name))].join(", ") || tool.name;
    file.tool_version = tool.version;
    file.warnings = outcome.warnings.slice(0, 50);
    if (outcome.warningCount > 50) file.warnings.push(`\u2026 and ${outcome.warningCount - 50} more warnings`);
    file.findings = count;
    if (outcome.scans.some((s) => !s.success)) file.status = "tool_error";
    return { file, findings, scans: outcome.scans };
  } catch (e) {
    file.status = "error";
    file.error = isUserError(e) ? e.format() : `internal error while parsing (please report): ${errorMessage(e)}`;
    return { file, findings: [], scans: [] };
  } finally {
    plan?.close?.();
    await fh?.close();
  }
}

// src/commands/normalize.ts
function write(out, s) {
  return new Promise((resolve) => {
    if (out.write(s)) resolve();
    else out.once("drain", () => resolve());
  });
}
var BATCH2 = 1 << 16;
var LineBatcher = class {
  constructor(out, alloc = (size) => Buffer.allocUnsafe(size)) {
    this.out = out;
    this.alloc = alloc;
    this.buf = alloc(BATCH2);
  }
  out;
  alloc;
  buf;
  used = 0;
  /** Add a line (without its newline); a promise when a full batch was written and must drain. */
  add(line) {
    if (this.used + line.length * 3 + 1 > BATCH2) {
      const p = this.flush();
      if (line.length * 3 + 1 > BATCH2) {
        const big = write(this.out, Buffer.from(line + "\n", "utf8"));
        return p ? p.then(() => big) : big;
      }
      this.used = this.buf.write(line, 0);
      this.buf[this.used++] = 10;
      return p;
    }
    this.used += this.buf.write(line, this.used);
    this.buf[this.used++] = 10;
    return void 0;
  }
  /** Add a line given as `bytes[start, end)` followed by the ASCII `tail` (see `add`). */
  addBytes(bytes, start, end, tail) {
    const len = end - start + tail.length + 1;
    if (this.used + len > BATCH2) {
      const p = this.flush();
      if (len > BATCH2) {
        const big = Buffer.allocUnsafe(len);
        big.set(bytes.subarray(start, end), 0);
        big.write(tail + "\n", end - start, "latin1");
        const w = write(this.out, big);
        return p ? p.then(() => w) : w;
      }
      this.put(bytes, start, end, tail);
      return p;
    }
    this.put(bytes, start, end, tail);
    return void 0;
  }
  put(bytes, start, end, tail) {
    this.buf.set(bytes.subarray(start, end), this.used);
    this.used += end - start;
    this.used += this.buf.write(tail, this.used, "latin1");
    this.buf[this.used++] = 10;
  }
  /** Write what is collected (the Buffer goes to the stream, a new one is taken). */
  flush() {
    if (this.used === 0) return void 0;
    const chunk = this.buf.subarray(0, this.used);
    this.buf = this.alloc(BATCH2);
    this.used = 0;
    return write(this.out, chunk);
  }
};
async function runNormalize(o) {
  let readable = 0;
  const batch = new LineBatcher(o.out, o.allocBatch);
  const onLine = (line) => batch.add(line);
  const onLineBytes = (b, start, end, tail) => batch.addBytes(b, start, end, tail);
  for (const f of o.files) {
    const r = await normalizeFile(path2.resolve(o.cwd, f), f, {
      format: o.format,
      product: o.product,
      service: o.service,
      repo: null,
      ref: null,
      commit: null,
      observedAt: null,
      confidence: "A",
      roots: [path2.resolve(o.cwd)],
      // No size limit of our own: big files of streamable formats are streamed, others fail clearly.
      maxBytes: Number.MAX_SAFE_INTEGER,
      streamThreshold: o.streamThreshold,
      onLine,
      onLineBytes
    });
    await batch.flush();
    if (r.file.status === "error" || r.file.status === "skipped") {
      o.logger.error(safeLogText(r.file.error ?? `${f}: not read`));
      continue;
    }
    readable++;
    if (r.file.status === "tool_error") o.logger.warning(`${f}: the tool reported a failed or partial run`);
    for (const w of r.file.warnings) o.logger.warning(safeLogText(`${f}: ${w}`));
  }
  return readable === 0 && o.files.length > 0 ? 2 : 0;
}

// src/commands/normalize-thread.ts
var NORMALIZE_WORKER_TAG = "security-metrics/normalize-worker/v1";
var IN_FLIGHT = 4;

// src/commands/normalize-worker.ts
var PortOut = class extends Writable {
  constructor(port) {
    super({ highWaterMark: 1 << 18 });
    this.port = port;
    port.on("message", (m) => {
      if (m.kind !== "ack") return;
      if (m.buf) this.pool.give(m.buf);
      this.inFlight--;
      const w = this.waiting;
      this.waiting = void 0;
      w?.();
    });
  }
  port;
  inFlight = 0;
  waiting;
  pool = new BufferPool(16, BATCH2);
  /**
   * The ArrayBuffers `take` handed out: only those are transferred (a transfer detaches the memory,
   * which must belong to nothing else). A buffer that comes back is a new object: it is marked again
   * when it is taken again.
   */
  ours = /* @__PURE__ */ new WeakSet();
  /** A Buffer of `size` bytes at offset 0 of a pool ArrayBuffer (LineBatcher's allocator). */
  take = (size) => {
    const b = this.pool.take(size);
    this.ours.add(b.buffer);
    return b;
  };
  _write(chunk, _enc, cb) {
    this.inFlight++;
    const ab = chunk.buffer;
    if (this.ours.has(ab) && chunk.byteOffset === 0) {
      this.port.postMessage({ kind: "out", buf: ab, length: chunk.length }, [
        ab
      ]);
    } else {
      this.port.postMessage({ kind: "out", buf: chunk, length: chunk.length });
    }
    if (this.inFlight < IN_FLIGHT) cb();
    else this.waiting = () => cb();
  }
};
function portLogger(port) {
  const post = (level) => (message, where) => port.postMessage({ kind: "log", level, message, ...where ? { where } : {} });
  return { info: post("info"), warning: post("warning"), error: post("error"), debug: post("debug") };
}
async function serve(port, data2) {
  const out = new PortOut(port);
  let reply;
  try {
    reply = {
      kind: "done",
      code: await runNormalize({ ...data2.job, out, logger: portLogger(port), allocBatch: out.take })
    };
  } catch (e) {
    reply = {
      kind: "fail",
      user: isUserError(e),
      message: errorMessage(e),
      stack: e instanceof Error ? e.stack : void 0
    };
  }
  await new Promise((resolve) => out.end(() => resolve()));
  port.postMessage(reply);
  port.close();
}
var data = workerData;
if (parentPort && data?.tag === NORMALIZE_WORKER_TAG) void serve(parentPort, data);
export {
  PortOut
};
