import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, stringify, type Document } from 'yaml';
import { gitlabInputs } from '../../src/schema/inputs.js';
import { replaceBlock } from './docs.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const TEMPLATES = {
  collect: path.join(ROOT, 'templates/collect/template.yml'),
  aggregate: path.join(ROOT, 'templates/aggregate/template.yml'),
} as const;
export type Component = keyof typeof TEMPLATES;

export interface SpecInput {
  default: string;
  description: string;
  options?: string[];
  regex?: string;
}

/** What a component's `spec:inputs` must say, from the INPUTS table (the one source of truth). */
export function expectedSpecInputs(component: Component): Record<string, SpecInput> {
  const out: Record<string, SpecInput> = {};
  for (const i of gitlabInputs(component)) {
    // GitLab makes an input without a default mandatory; ours are all optional, so '' is the default.
    const def =
      (component === 'aggregate' ? i.gitlabAggregateDefault : undefined) ?? i.gitlabDefault ?? i.default;
    const entry: SpecInput = { default: def ?? '', description: i.gitlabDescription ?? i.description };
    if (i.options) entry.options = i.options;
    if (i.regex) entry.regex = i.regex;
    out[i.name] = entry;
  }
  return out;
}

/** The spec header YAML for a component, as `UPDATE_GITLAB_SPEC=1` writes it. */
export function renderSpecHeader(component: Component): string {
  const header =
    `# Generated from src/schema/inputs.ts (INPUTS) by test/unit/gitlab-templates.test.ts with\n` +
    `# UPDATE_GITLAB_SPEC=1; edit the table, not this header.\n`;
  return header + stringify({ spec: { inputs: expectedSpecInputs(component) } }, { lineWidth: 0 });
}

export function readTemplate(component: Component): { text: string; docs: Document.Parsed[] } {
  const text = readFileSync(TEMPLATES[component], 'utf8');
  return { text, docs: parseAllDocuments(text) as Document.Parsed[] };
}

/** Replace the first YAML document (the spec header) of a template, keeping the jobs document as written. */
export function withHeader(text: string, header: string): string {
  const sep = text.indexOf('\n---\n');
  if (sep < 0) throw new Error('template has no "---" between the spec header and the jobs');
  return header + text.slice(sep + 1);
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The inputs table of a component for the README (README.md). */
export function renderGitlabInputsTable(component: Component): string {
  const rows = Object.entries(expectedSpecInputs(component));
  return [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...rows.map(([name, i]) => {
      const allowed = i.options ? ` One of: ${i.options.map((o) => `\`${o}\``).join(', ')}.` : '';
      return `| \`${name}\` | ${i.default !== '' ? `\`${cell(i.default)}\`` : ''} | ${cell(i.description)}${allowed} |`;
    }),
  ].join('\n');
}

/** Fill the `<!-- gitlab-inputs-<component>:start/end -->` blocks (README convention of test/helpers/docs.ts). */
export function withGitlabTables(doc: string): string {
  let out = doc;
  for (const c of ['collect', 'aggregate'] as const)
    if (out.includes(`<!-- gitlab-inputs-${c}:start -->`))
      out = replaceBlock(out, `gitlab-inputs-${c}`, renderGitlabInputsTable(c));
  return out;
}
