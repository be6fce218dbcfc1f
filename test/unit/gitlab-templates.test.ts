import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import addFormatsModule from 'ajv-formats';
import { INPUTS, gitlabInputs } from '../../src/schema/inputs.js';
import { VERSION } from '../../src/version.js';
import {
  ROOT,
  TEMPLATES,
  expectedSpecInputs,
  readTemplate,
  renderSpecHeader,
  withGitlabTables,
  withHeader,
  type Component,
} from '../helpers/gitlab-spec.js';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const SCHEMA_PATH = path.resolve(ROOT, '../shared/schemas/gitlab-ci.json');

function loadValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // The schema is draft-07 ("$schema": draft-07): the default Ajv class.
  expect(schema.$schema).toMatch(/draft-07/);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const COMPONENTS: Component[] = ['collect', 'aggregate'];

if (process.env.UPDATE_GITLAB_SPEC === '1') {
  for (const c of COMPONENTS) {
    const text = readFileSync(TEMPLATES[c], 'utf8');
    writeFileSync(TEMPLATES[c], withHeader(text, renderSpecHeader(c)));
  }
}

describe('GitLab component templates', () => {
  const validate = loadValidator();

  for (const c of COMPONENTS) {
    describe(c, () => {
      const { text, docs } = readTemplate(c);

      it('is two YAML documents (spec header, jobs) that validate against gitlab-ci.json', () => {
        expect(docs).toHaveLength(2);
        for (const d of docs) {
          expect(d.errors).toEqual([]);
          const ok = validate(d.toJS());
          expect(ok ? [] : validate.errors).toEqual([]);
        }
      });

      it('declares exactly the INPUTS entries flagged for it (names, order, defaults, descriptions, options)', () => {
        const spec = (docs[0]!.toJS() as { spec: { inputs: Record<string, unknown> } }).spec.inputs;
        expect(spec).toEqual(expectedSpecInputs(c));
        expect(Object.keys(spec)).toEqual(gitlabInputs(c).map((i) => i.name));
      });

      it('has defaults that GitLab accepts (in options, matching regex)', () => {
        for (const [name, i] of Object.entries(expectedSpecInputs(c))) {
          if (i.options) expect(i.options, name).toContain(i.default);
          if (i.regex) expect(new RegExp(i.regex).test(i.default), `${name}: ${i.regex}`).toBe(true);
        }
      });

      it('uses every declared input and no undeclared one', () => {
        const jobs = text.slice(text.indexOf('\n---\n'));
        const used = new Set([...jobs.matchAll(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g)].map((m) => m[1]!));
        expect([...used].sort()).toEqual(Object.keys(expectedSpecInputs(c)).sort());
      });

      it('follows the component conventions (one job, no global keywords, no host, stage/job name inputs)', () => {
        const jobs = docs[1]!.toJS() as Record<string, Record<string, unknown>>;
        expect(Object.keys(jobs)).toEqual(['$[[ inputs.job_name ]]']);
        const job = jobs['$[[ inputs.job_name ]]']!;
        expect(job.stage).toBe('$[[ inputs.stage ]]');
        expect(text).not.toMatch(/gitlab\.com|https?:\/\//);
        expect(text).toContain('product-security-metrics@$SM_TOOL_VERSION');
      });
    });
  }

  it('pins the tool to the component version', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const tv = INPUTS.find((i) => i.name === 'tool_version');
    expect(tv?.default).toBe(pkg.version);
    expect(VERSION).toBe(pkg.version);
  });

  it("the project's own .gitlab-ci.yml validates and includes both components at the commit", () => {
    const text = readFileSync(path.join(ROOT, '.gitlab-ci.yml'), 'utf8');
    const doc = parse(text) as { include: Array<{ component: string }> };
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc.include.map((i) => i.component)).toEqual([
      '$CI_SERVER_FQDN/$CI_PROJECT_PATH/collect@$CI_COMMIT_SHA',
      '$CI_SERVER_FQDN/$CI_PROJECT_PATH/aggregate@$CI_COMMIT_SHA',
    ]);
  });

  it('the GitLab inputs tables in the docs are generated from the table (UPDATE_GITLAB_SPEC=1 rewrites them)', () => {
    for (const file of ['README.md'].map((f) => path.join(ROOT, f))) {
      if (!existsSync(file)) continue;
      const current = readFileSync(file, 'utf8');
      if (!current.includes('<!-- gitlab-inputs-collect:start -->')) continue;
      const expected = withGitlabTables(current);
      if (process.env.UPDATE_GITLAB_SPEC === '1') {
        writeFileSync(file, expected);
        continue;
      }
      expect(current).toBe(expected);
      expect(current).toContain('<!-- gitlab-inputs-aggregate:start -->');
    }
  });

  it('has unique input names', () => {
    const names = INPUTS.map((i) => i.name);
    expect(names.length).toBe(new Set(names).size);
  });

  it('collect writes the gate as a dotenv report and the record as artifacts', () => {
    const job = (
      readTemplate('collect').docs[1]!.toJS() as Record<string, { artifacts: Record<string, unknown> }>
    )['$[[ inputs.job_name ]]']!;
    expect(job.artifacts).toMatchObject({
      when: 'always',
      paths: ['$[[ inputs.output_dir ]]/'],
      reports: { dotenv: '$[[ inputs.output_dir ]]/gate.env' },
    });
  });
});
