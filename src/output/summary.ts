import { CATEGORIES, SEVERITIES, type Finding } from '../schema/finding.js';
import { CONTROLS, type RunRecord } from '../schema/run.js';
import { code, escapeMarkdown, table } from './markdown.js';

const GATE_ICON: Record<string, string> = { pass: '✅ pass', fail: '❌ fail', no_data: '⚠️ no data' };

/** Job summary (GitHub step summary / GitLab log) for one collect run. Pure. */
export function renderCollectSummary(run: RunRecord, findings: readonly Finding[], maxBlocking = 20): string {
  const out: string[] = [];
  const c = run.counts;
  out.push(`## Security metrics: ${escapeMarkdown(run.product ?? run.repo ?? 'collect')}`);
  out.push('');
  out.push(
    `**${c.total}** finding record(s) from **${run.inputs.filter((i) => i.status === 'ok' || i.status === 'tool_error').length}** file(s)` +
      ` · event: ${code(run.event.kind)} (${escapeMarkdown(run.event.reason)})` +
      (run.gate ? ` · gate: **${GATE_ICON[run.gate.result]}**` : ''),
  );
  out.push('');
  out.push('### By severity');
  out.push(table([...SEVERITIES], [SEVERITIES.map((s) => String(c.by_severity[s] ?? 0))]));
  out.push('');
  const cats = CATEGORIES.filter((k) => (c.by_category[k] ?? 0) > 0);
  if (cats.length > 0) {
    out.push('### By category');
    out.push(
      table(
        cats.map((k) => k),
        [cats.map((k) => String(c.by_category[k] ?? 0))],
      ),
    );
    out.push('');
  }
  out.push('### Coverage');
  out.push(
    table(
      ['control', 'status', 'tools', 'findings'],
      CONTROLS.filter((k) => run.coverage[k].status !== 'not_run' || run.coverage[k].expected).map((k) => {
        const cov = run.coverage[k];
        return [
          k,
          cov.status === 'ran'
            ? '✅ ran'
            : cov.status === 'failed'
              ? '❌ failed'
              : cov.status === 'missing'
                ? '⚠️ missing'
                : 'not run',
          cov.tools.map((t) => escapeMarkdown(t.version ? `${t.name} ${t.version}` : t.name, 60)).join(', '),
          String(cov.findings),
        ];
      }),
    ),
  );
  out.push('');
  if (run.gate) {
    const g = run.gate;
    out.push('### Release gate');
    out.push(
      `Verdict **${GATE_ICON[g.result]}** (mode ${code(g.policy.mode)}, fail_on ${code(g.policy.fail_on)}, scope ${code(g.policy.scope)}). ` +
        `${g.counts.evaluated} evaluated, ${g.counts.blocking} blocking, ${g.counts.excepted} covered by exceptions.`,
    );
    for (const r of g.reasons) out.push(`- ${escapeMarkdown(r, 300)}`);
    if (g.exceptions.errors.length > 0) {
      out.push('');
      out.push(`Exception log problems (${g.exceptions.errors.length}):`);
      for (const e of g.exceptions.errors.slice(0, 10)) out.push(`- ${escapeMarkdown(e, 300)}`);
    }
    const blocking = findings.filter((f) => f.release_blocking).slice(0, maxBlocking);
    if (blocking.length > 0) {
      out.push('');
      out.push(
        table(
          ['severity', 'finding', 'location', 'tool'],
          blocking.map((f) => [
            f.severity,
            escapeMarkdown(f.finding_title, 120),
            f.location.file
              ? code(`${f.location.file}${f.location.start_line ? `:${f.location.start_line}` : ''}`)
              : '',
            escapeMarkdown(f.source_tool, 40),
          ]),
        ),
      );
      if (g.counts.blocking > blocking.length)
        out.push(`\n… and ${g.counts.blocking - blocking.length} more in run.json.`);
    }
    out.push('');
  }
  out.push('### Files');
  out.push(
    table(
      ['file', 'format', 'tool', 'status', 'records'],
      run.inputs.map((i) => [
        code(i.path),
        i.format ? code(i.format) : '',
        escapeMarkdown(i.tool ? `${i.tool}${i.tool_version ? ' ' + i.tool_version : ''}` : '', 60),
        i.status === 'ok'
          ? 'ok'
          : `${i.status}: ${escapeMarkdown(i.error ?? (i.status === 'tool_error' ? 'the tool reported a failed run' : ''), 200)}`,
        String(i.findings),
      ]),
    ),
  );
  const unmatched = run.globs.filter((g) => g.matched === 0);
  if (unmatched.length > 0) {
    out.push('');
    out.push(`Globs that matched nothing: ${unmatched.map((g) => code(g.pattern)).join(', ')}`);
  }
  if (run.warnings.length > 0) {
    out.push('');
    out.push('<details><summary>Warnings (' + run.warnings.length + ')</summary>\n');
    for (const w of run.warnings.slice(0, 50)) out.push(`- ${escapeMarkdown(w, 300)}`);
    out.push('\n</details>');
  }
  out.push('');
  return out.join('\n');
}
