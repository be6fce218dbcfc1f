import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/schema/json-schemas.js';
import { DEFAULT_DICTIONARY_YAML } from '../../src/schema/default-dictionary.js';
import { parseDocument } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const update = process.env.UPDATE_SCHEMAS === '1';

describe('shipped JSON Schemas', () => {
  const generated = jsonSchemas();
  for (const [file, schema] of Object.entries(generated)) {
    it(`schemas/${file} equals the one generated from zod`, async () => {
      const p = path.join(root, 'schemas', file);
      const text = JSON.stringify(schema, null, 2) + '\n';
      if (update) {
        await fs.mkdir(path.dirname(p), { recursive: true });
        await fs.writeFile(p, text);
      }
      expect(
        readFileSync(p, 'utf8'),
        `run UPDATE_SCHEMAS=1 npx vitest run ${path.relative(root, import.meta.filename)}`,
      ).toBe(text);
    });
  }

  it('the bundled default dictionary equals security-metrics.default.yml', async () => {
    const p = path.join(root, 'security-metrics.default.yml');
    const mod = path.join(root, 'src/schema/default-dictionary.ts');
    const text = readFileSync(p, 'utf8');
    if (update && text !== DEFAULT_DICTIONARY_YAML) {
      await fs.writeFile(
        mod,
        `// Generated from security-metrics.default.yml by test/unit/schemas.test.ts (UPDATE_SCHEMAS=1). Do not edit.\nexport const DEFAULT_DICTIONARY_YAML = ${JSON.stringify(text)};\n`,
      );
      return;
    }
    expect(DEFAULT_DICTIONARY_YAML).toBe(text);
  });

  it('the default dictionary validates against dictionary.schema.json', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(generated['dictionary.schema.json']!);
    const ok = validate(parseDocument(DEFAULT_DICTIONARY_YAML).toJS());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
