import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import { INPUTS, CollectInputs } from '../src/schema/inputs.js';
import { VERSION } from '../src/version.js';
import { renderActionYml, renderReadme } from './helpers/docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(root, '../shared/schemas');
const update = process.env.UPDATE_DOCS === '1';

// One source of truth: src/schema/inputs.ts → action.yml, README tables. `npm run docs` rewrites them.
describe('contracts', () => {
  it('action.yml is generated from the inputs table', () => {
    const expected = renderActionYml();
    const file = path.join(root, 'action.yml');
    if (update) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('README tables and formats are generated from the code', () => {
    const file = path.join(root, 'README.md');
    const current = readFileSync(file, 'utf8');
    const expected = renderReadme(current);
    if (update) writeFileSync(file, expected);
    expect(current).toBe(expected);
  });

  it('the zod collect schema reads exactly the collect inputs of the table', () => {
    const zodKeys = Object.keys(CollectInputs.shape).sort();
    const tableKeys = INPUTS.filter(
      (i) => i.command === 'collect' || (i.command === 'all' && i.name in CollectInputs.shape),
    )
      .map((i) => i.name)
      .sort();
    expect(zodKeys).toEqual(tableKeys);
  });

  it('action.yml validates against the GitHub action schema', (ctx) => {
    const schemaFile = path.join(SHARED, 'github-action.json');
    if (!existsSync(schemaFile)) ctx.skip();
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as Record<string, unknown>;
    expect(validate(action), JSON.stringify(validate.errors)).toBe(true);
    expect((action.runs as { using: string }).using).toBe('node24');
  });

  it("the project's own CI workflow validates against the GitHub workflow schema and dogfoods uses: ./", (ctx) => {
    const schemaFile = path.join(SHARED, 'github-workflow.json');
    if (!existsSync(schemaFile)) ctx.skip();
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    const text = readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8');
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(text).toMatch(/uses: \.\/\n/);
    expect(text).toMatch(/^permissions:/m);
  });

  it('VERSION matches package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
