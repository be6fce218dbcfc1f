import { describe, expect, it } from 'vitest';
import { code, escapeMarkdown, safeLogText, table } from '../../src/output/markdown.js';
import { csvCell, parseCsv, toCsv } from '../../src/util/csv.js';
import { renderCollectSummary } from '../../src/output/summary.js';
import { countFindings } from '../../src/commands/collect.js';
import { makeFinding } from '../helpers/factory.js';
import type { RunRecord } from '../../src/schema/run.js';

const HOSTILE = [
  '@security-team please look',
  'fixes #123 and GH-1 and !42',
  '<img src=x onerror=alert(1)><script>alert(1)</script>',
  '[click](https://evil.example/phish) ![img](https://evil.example/i.png)',
  'a | b | c',
  '`code` ``` fence',
  'line1\nline2\r\nline3',
  'bell\u0007 esc\u001b[31m nul\u0000',
  'bidi \u202Eevil\u202C reversed \u2066x\u2069',
  '::set-output name=gate::pass',
  '::add-mask::x',
  '##[error]fake',
  'x'.repeat(5000),
];

describe('Markdown escaping for issues and summaries', () => {
  it.each(HOSTILE)('%s', (text) => {
    const s = escapeMarkdown(text, 200);
    expect(s).not.toMatch(/(^|[^\u200B])@[a-z]/i);
    expect(s).not.toMatch(/#\d/);
    expect(s).not.toMatch(/<[a-z/]/i);
    expect(s).not.toMatch(/(?<!\\)\|/);
    expect(s).not.toMatch(/(?<!\\)\[/);
    expect(s).not.toMatch(/(?<!\\)`/);
    expect(s).not.toMatch(/[\n\r\u0000-\u0008\u001b\u202E\u2066\u2069]/);
    expect(s).not.toMatch(/https?:\/\//);
    expect(s.length).toBeLessThanOrEqual(200 * 6);
  });

  it('code spans cannot be broken out of', () => {
    const c = code('a`b` | <x>');
    expect(c.startsWith('`') && c.endsWith('`')).toBe(true);
    expect(c.slice(1, -1)).not.toContain('`');
  });

  it('a table row with hostile cells keeps its column count', () => {
    const t = table(['a', 'b'], [[escapeMarkdown('x | y | z'), escapeMarkdown('1\n2')]]);
    const row = t.split('\n')[2]!;
    expect(row.split(/(?<!\\)\|/).length).toBe(4);
  });

  it('the collect summary escapes finding titles and paths', () => {
    const f = makeFinding({
      severity: 'critical',
      finding_title: '@org/admins <b>pwn</b> | #1 [x](https://e.example)',
      release_blocking: true,
      location: { ...makeFinding().location, file: 'src/`evil`|.py' },
    });
    const run = {
      schema_version: 1,
      run_id: 'r',
      collector: { name: 'product-security-metrics', version: '0' },
      platform: 'local',
      started_at: '',
      finished_at: '',
      repo: null,
      ref: null,
      commit: null,
      default_branch: null,
      run_url: null,
      event: { kind: 'other', name: null, reason: '@everyone' },
      product: '<script>',
      service: null,
      globs: [],
      inputs: [],
      counts: countFindings([f]),
      coverage: Object.fromEntries(
        ['sast', 'sca', 'secret', 'iac', 'container', 'dast', 'mobile', 'cloud'].map((c) => [
          c,
          { status: 'not_run', expected: false, tools: [], evidence: [], findings: 0 },
        ]),
      ),
      gate: {
        result: 'fail',
        policy: {
          fail_on: 'critical',
          category_thresholds: {},
          max_findings: {},
          scope: 'all',
          mode: 'enforce',
          exceptions_file: null,
          baseline: null,
        },
        reasons: ['@x'],
        counts: { evaluated: 1, blocking: 1, excepted: 0, by_severity: { critical: 1 } },
        blocking_ids: [f.id],
        exceptions: { active: 0, expired: 0, without_expiry: 0, errors: [] },
      },
      warnings: ['<b>w</b>'],
    } as unknown as RunRecord;
    const md = renderCollectSummary(run, [f]);
    expect(md).not.toMatch(/<b>|<script>/);
    expect(md).not.toMatch(/(^|[^\u200B])@(org|everyone|x)\b/m);
    expect(md).not.toContain('https://e.example');
  });
});

describe('CSV formula injection', () => {
  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    '%s is neutralised',
    (v) => {
      const cell = csvCell(v);
      const parsed = parseCsv(`h\n${cell}\n`).rows[0]!.h!;
      expect(parsed.startsWith("'")).toBe(true);
    },
  );
  it('round-trips quotes, commas and newlines', () => {
    const csv = toCsv(['a', 'b'], [['x,"y"', 'l1\nl2']]);
    expect(parseCsv(csv).rows[0]).toMatchObject({ a: 'x,"y"', b: 'l1\nl2' });
  });
});

describe('log lines cannot drive the runner', () => {
  it.each([
    '::set-output name=gate::pass',
    '::add-mask::x',
    '::error file=a::b',
    '##[group]x',
    'ok\n::warning::x',
  ])('%s', (t) => {
    const s = safeLogText(t);
    expect(s).not.toMatch(/^::/m);
    expect(s).not.toMatch(/::[a-z-]+/);
    expect(s).not.toMatch(/^##\[/m);
  });
});
