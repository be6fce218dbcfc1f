import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import { exceptionFromIssue } from '../../src/exceptions/issue-form.js';
import { INPUTS } from '../../src/schema/inputs.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = path.join(root, 'templates/github');
const schemaFile = path.resolve(root, '../shared/schemas/github-workflow.json');

interface FormField {
  type: string;
  id?: string;
  attributes: { label?: string; options?: string[] };
}

describe('templates/github', () => {
  const workflows = readdirSync(dir).filter((f) => f.startsWith('security-metrics-'));

  it('workflows validate against the GitHub workflow schema and use only known inputs', (ctx) => {
    const known = new Set(INPUTS.map((i) => i.name));
    for (const f of workflows) {
      const wf = parse(readFileSync(path.join(dir, f), 'utf8')) as {
        jobs: Record<string, { steps?: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
      };
      for (const job of Object.values(wf.jobs))
        for (const step of job.steps ?? [])
          if (step.uses?.includes('product-security-metrics'))
            for (const k of Object.keys(step.with ?? {})) expect(known.has(k), `${f}: input ${k}`).toBe(true);
    }
    if (!existsSync(schemaFile)) ctx.skip();
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    for (const f of workflows) {
      const doc = parse(readFileSync(path.join(dir, f), 'utf8')) as unknown;
      expect(validate(doc), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('the issue form renders into a body the exception parser reads', () => {
    const form = parse(readFileSync(path.join(dir, 'security-exception.yml'), 'utf8')) as {
      labels: string[];
      body: FormField[];
    };
    expect(form.labels).toContain(INPUTS.find((i) => i.name === 'exception_label')!.default);
    const answers: Record<string, string> = {
      scope_type: 'package',
      scope_value: 'lodash',
      repo: '',
      reason: 'Not reachable.',
      owner: '@acme/web',
      approver: '@acme/ciso',
      expires: '2027-03-31',
      ticket: '',
    };
    // GitHub renders each field as "### <label>" + answer, "_No response_" when empty.
    const body = form.body
      .filter((f) => f.type !== 'markdown')
      .map((f) => `### ${f.attributes.label}\n\n${answers[f.id!] || '_No response_'}`)
      .join('\n\n');
    const r = exceptionFromIssue({
      number: 3,
      html_url: 'https://github.test/a/b/issues/3',
      title: 'x',
      body,
      created_at: '2026-11-01T00:00:00Z',
    });
    expect(r.errors).toEqual([]);
    expect(r.exception).toMatchObject({
      scope: { type: 'package', value: 'lodash' },
      owner: '@acme/web',
      approver: '@acme/ciso',
      expires: '2027-03-31',
      reason: 'Not reachable.',
    });
  });
});
