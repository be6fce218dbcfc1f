/**
 * Escaping for text that lands in an issue, a job summary or a table cell. Finding titles, paths and
 * messages are written by anyone who can open a pull request: they must not ping people (@team),
 * link issues (#123), inject HTML, images or links, break tables, or hide text with bidi controls.
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function escapeMarkdown(text: string, maxLength = 200): string {
  let s = String(text)
    .replace(BIDI, '')
    .replace(CONTROL, '')
    .replace(/\r?\n|\r/g, ' ');
  if (s.length > maxLength) s = s.slice(0, maxLength - 1) + '…';
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A backslash-escaped pipe is literal text in a GFM table cell (an &#124; entity would be broken by the #-rule below).
      .replace(/([\\`*_{}[\]()!~|])/g, '\\$1')
      // Break mentions and issue references with a zero-width joiner so GitHub/GitLab do not link them.
      .replace(/@(?=[A-Za-z0-9_-])/g, '@\u200B')
      .replace(/#(?=\d)/g, '#\u200B')
      .replace(/!(?=\d)/g, '!\u200B')
      .replace(/^(\s*)([-+=>])/g, '$1\\$2')
      .replace(/\b(https?):\/\//gi, '$1:\u200B//')
  );
}

/** Inline code span that cannot be broken out of (backticks in the text are replaced). */
export function code(text: string, maxLength = 120): string {
  let s = String(text)
    .replace(BIDI, '')
    .replace(CONTROL, '')
    .replace(/\r?\n|\r/g, ' ')
    .replace(/`/g, 'ˋ');
  if (s.length > maxLength) s = s.slice(0, maxLength - 1) + '…';
  return s === '' ? '' : '`' + s + '`';
}

export function table(headers: string[], rows: string[][]): string {
  const head = `| ${headers.join(' | ')} |`;
  const sep = `| ${headers.map(() => '---').join(' | ')} |`;
  return [head, sep, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/**
 * Neutralise GitHub workflow commands (`::set-output`, `::add-mask::` ...) in text we print to the
 * log, so a finding title cannot drive the runner.
 */
export function safeLogText(text: string): string {
  return String(text)
    .replace(BIDI, '')
    .replace(CONTROL, '')
    .replace(/::/g, ':\u200B:')
    .replace(/^##\[/gm, '#\u200B#[');
}
