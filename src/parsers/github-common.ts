import type { State } from '../schema/finding.js';
import type { Sniff } from './types.js';
import { isObj, str } from './platform-common.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GitHub API payloads are read defensively */

/**
 * GitHub alert exports (REST list responses). The three lists are told apart by keys only one of them
 * has; an empty list has no keys, so only its file name can say which list it was.
 */
export type GithubList = 'code_scanning' | 'secret_scanning' | 'dependabot';

function kindOfAlert(a: Record<string, any>): GithubList | undefined {
  if (isObj(a.most_recent_instance) || (isObj(a.rule) && isObj(a.tool) && 'number' in a))
    return 'code_scanning';
  if ('secret_type' in a && ('secret' in a || 'secret_type_display_name' in a || 'resolution' in a))
    return 'secret_scanning';
  if (isObj(a.security_advisory) && (isObj(a.dependency) || isObj(a.security_vulnerability)))
    return 'dependabot';
  return undefined;
}

const NAME_HINTS: Array<[RegExp, GithubList]> = [
  [/code[-_ ]?scanning|github[-_]sast|codeql/i, 'code_scanning'],
  [/secret/i, 'secret_scanning'],
  [/dependabot|vulnerabilit/i, 'dependabot'],
];

/** Which alert list a document is: 1 for a list whose items say so, 0.9 for one alert object, 0.6 for an empty list named like one. */
export function detectGithubList(s: Sniff): { kind: GithubList; score: number } | undefined {
  const d = s.doc;
  if (Array.isArray(d)) {
    const items = d.slice(0, 20).filter(isObj);
    if (items.length === 0) {
      if (d.length > 0) return undefined;
      const hint = NAME_HINTS.find(([re]) => re.test(s.name));
      return hint ? { kind: hint[1], score: 0.6 } : undefined;
    }
    const kinds = items.map(kindOfAlert);
    const first = kinds[0];
    if (!first || kinds.some((k) => k !== first)) return undefined;
    return { kind: first, score: 1 };
  }
  if (isObj(d) && 'number' in d && ('html_url' in d || 'url' in d)) {
    const k = kindOfAlert(d);
    return k ? { kind: k, score: 0.9 } : undefined;
  }
  return undefined;
}

/** Items of a list, or the single alert object (`gh api .../alerts/35`). */
export function alertItems(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (isObj(doc) && 'number' in doc) return [doc];
  return undefined;
}

/** `https://github.com/OWNER/REPO/security/...` → `OWNER/REPO` (GHES hosts too). */
export function repoFromHtmlUrl(url: string | undefined): string | null {
  if (!url) return null;
  const m = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/(?:security|pull|issues)\b/.exec(url);
  return m ? `${m[1]}/${m[2]}` : null;
}

/** `repository.full_name` (org-level lists) else the owner/repo in html_url. */
export function repoOf(a: Record<string, any>): string | null {
  const full = isObj(a.repository) ? str(a.repository.full_name) : undefined;
  return full ?? repoFromHtmlUrl(str(a.html_url));
}

export interface Lifecycle {
  state: State;
  state_reason: string | null;
}

function norm(reason: string | undefined): string {
  return (reason ?? '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[\s-]+/g, '_');
}

/** Code scanning: open / fixed / dismissed (false positive, won't fix, used in tests) — METRICS.md "Lifecycle states". */
export function codeScanningState(
  state: string | undefined,
  reason: string | undefined,
  comment?: string,
): Lifecycle {
  const why = (r: string) => (comment ? `${r}: ${comment}` : r);
  switch ((state ?? 'open').toLowerCase()) {
    case 'fixed':
      return { state: 'fixed', state_reason: 'fixed' };
    case 'dismissed': {
      const r = norm(reason);
      if (r === 'false_positive')
        return { state: 'false_positive', state_reason: why('dismissed: false positive') };
      if (r === 'wont_fix') return { state: 'accepted_risk', state_reason: why("dismissed: won't fix") };
      if (r === 'used_in_tests')
        return { state: 'not_applicable', state_reason: why('dismissed: used in tests') };
      return { state: 'accepted_risk', state_reason: why(`dismissed${reason ? `: ${reason}` : ''}`) };
    }
    case 'closed':
      // Closed: the rule or tool was removed from the analysis; not a remediation.
      return { state: 'not_applicable', state_reason: 'closed (rule or tool no longer analysed)' };
    default:
      return { state: 'open', state_reason: null };
  }
}

/** Secret scanning: open / resolved with false_positive, wont_fix, revoked, used_in_tests, pattern_edited, pattern_deleted. */
export function secretScanningState(
  state: string | undefined,
  resolution: string | undefined,
  comment?: string,
): Lifecycle {
  if ((state ?? 'open').toLowerCase() !== 'resolved') return { state: 'open', state_reason: null };
  const r = norm(resolution);
  const why = (x: string) => (comment ? `${x}: ${comment}` : x);
  switch (r) {
    case 'false_positive':
      return { state: 'false_positive', state_reason: why('resolved: false_positive') };
    case 'wont_fix':
      return { state: 'accepted_risk', state_reason: why('resolved: wont_fix') };
    case 'revoked':
      return { state: 'fixed', state_reason: why('resolved: revoked') };
    case 'used_in_tests':
      return { state: 'not_applicable', state_reason: why('resolved: used_in_tests') };
    case 'pattern_edited':
    case 'pattern_deleted':
      // The custom pattern changed: GitHub closed the alert, nobody remediated it.
      return { state: 'not_applicable', state_reason: why(`resolved: ${r}`) };
    default:
      return { state: 'fixed', state_reason: why(`resolved${resolution ? `: ${resolution}` : ''}`) };
  }
}

/**
 * Dependabot: open / fixed / dismissed (fix_started, inaccurate, no_bandwidth, not_used, tolerable_risk) /
 * auto_dismissed. REST gives the snake_case reasons; GraphQL `dismissReason` gives GitHub's sentences.
 */
export function dependabotState(
  state: string | undefined,
  reason: string | undefined,
  comment?: string,
): Lifecycle {
  const why = (x: string) => (comment ? `${x}: ${comment}` : x);
  const s = (state ?? 'open').toLowerCase();
  if (s === 'fixed') return { state: 'fixed', state_reason: 'fixed' };
  if (s === 'auto_dismissed')
    return { state: 'not_applicable', state_reason: why('auto_dismissed (Dependabot auto-triage rule)') };
  if (s !== 'dismissed') return { state: 'open', state_reason: null };
  const r = norm(reason);
  if (r === 'inaccurate' || /inaccurate|incorrect/.test(r))
    return { state: 'false_positive', state_reason: why('dismissed: inaccurate') };
  if (r === 'not_used' || /not_actually_used|not_used/.test(r))
    return { state: 'not_applicable', state_reason: why('dismissed: not_used') };
  if (r === 'tolerable_risk' || /tolerable/.test(r))
    return { state: 'accepted_risk', state_reason: why('dismissed: tolerable_risk') };
  if (r === 'no_bandwidth' || /bandwidth/.test(r))
    return { state: 'accepted_risk', state_reason: why('dismissed: no_bandwidth') };
  if (r === 'fix_started' || /fix_has_already_been_started|fix_started/.test(r))
    // Dismissed while the vulnerable version is still there: risk carried until the fix lands.
    return { state: 'accepted_risk', state_reason: why('dismissed: fix_started') };
  return { state: 'accepted_risk', state_reason: why(`dismissed${reason ? `: ${reason}` : ''}`) };
}
