import { stringify } from 'yaml';
import { INPUTS, OUTPUTS, type InputSpec } from '../../src/schema/inputs.js';
import { PARSERS } from '../../src/parsers/registry.js';

/** Inputs that the GitHub action exposes (GitLab-only inputs are left out). */
export function actionInputs(): InputSpec[] {
  return INPUTS.filter((i) => !i.platforms || i.platforms.includes('github'));
}

/** action.yml as generated from src/schema/inputs.ts: the file in the repo must equal it. */
export function renderActionYml(): string {
  const inputs: Record<string, Record<string, unknown>> = {};
  for (const i of actionInputs()) {
    inputs[i.name] = {
      description: `${i.description}${i.command === 'all' ? '' : ` (${i.command})`}`,
      required: i.required ?? false,
      ...(i.default !== undefined ? { default: i.default } : {}),
    };
  }
  const outputs: Record<string, { description: string }> = {};
  for (const o of OUTPUTS) outputs[o.name] = { description: `${o.description} (${o.command})` };
  const doc = {
    name: 'Product security metrics',
    description:
      'Normalize scanner outputs (SARIF, Trivy, Checkov, GitLab reports, ...) into one record with coverage and a release gate; aggregate org-wide into a monthly metrics issue.',
    author: 'product-security-metrics',
    branding: { icon: 'shield', color: 'blue' },
    inputs,
    outputs,
    runs: { using: 'node24', main: 'dist/index.js' },
  };
  return (
    '# Generated from src/schema/inputs.ts by `npm run docs`; edit that file, not this one.\n' +
    stringify(doc, { lineWidth: 0 })
  );
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderInputsTable(command: 'collect' | 'aggregate'): string {
  const rows = actionInputs().filter((i) => i.command === command || i.command === 'all');
  return [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...rows.map(
      (i) =>
        `| \`${i.name}\` | ${i.default !== undefined ? `\`${i.default}\`` : ''} | ${cell(i.description)} |`,
    ),
  ].join('\n');
}

export function renderOutputsTable(): string {
  return [
    '| output | command | description |',
    '| --- | --- | --- |',
    ...OUTPUTS.map((o) => `| \`${o.name}\` | ${o.command} | ${cell(o.description)} |`),
  ].join('\n');
}

export function renderFormats(): string {
  return [...PARSERS]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (p) =>
        `<details><summary><b>${p.docs.title}</b> — <code>${p.id}</code></summary>\n\n` +
        `- **Produce it:** ${p.docs.produce}\n- **What the record takes:** ${p.docs.takes}\n\n</details>`,
    )
    .join('\n');
}

/** Replace the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceBlock(doc: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README has no ${start} … ${end} block`);
  return doc.slice(0, a + start.length) + '\n' + body + '\n' + doc.slice(b);
}

export function renderReadme(current: string): string {
  let doc = current;
  doc = replaceBlock(doc, 'inputs-collect', renderInputsTable('collect'));
  doc = replaceBlock(doc, 'inputs-aggregate', renderInputsTable('aggregate'));
  doc = replaceBlock(doc, 'outputs', renderOutputsTable());
  doc = replaceBlock(doc, 'formats', renderFormats());
  return doc;
}
