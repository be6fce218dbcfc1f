/** Make the Markdown summary readable in a plain log (GitLab job log, terminal). */
export function summaryToText(md: string): string {
  return md
    .replace(/<\/?details>|<summary>|<\/summary>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#124;/g, '¦')
    .replace(/&amp;/g, '&')
    .replace(/\\([\\`*_{}[\]()!~+=>-])/g, '$1')
    .replace(/\u200B/g, '')
    .replace(/^\| (---( \| )?)+\|$/gm, '')
    .replace(/\*\*/g, '')
    .split('\n')
    .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
    .join('\n');
}
