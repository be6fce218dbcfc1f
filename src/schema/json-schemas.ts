import { z } from 'zod';
import { Dictionary } from './dictionary.js';
import { Finding } from './finding.js';
import { AggregatedFinding, MetricsDocument } from './metrics.js';
import { RunRecord } from './run.js';

const BASE = 'https://github.com/product-security-metrics/product-security-metrics/schemas';

/**
 * JSON Schemas of the files we publish, generated from the zod schemas (one source of truth). The
 * committed copies in `schemas/` are checked against these by test/unit/schemas.test.ts
 * (`UPDATE_SCHEMAS=1 npx vitest run test/unit/schemas.test.ts` rewrites them).
 */
export function jsonSchemas(): Record<string, object> {
  const make = (schema: z.ZodType, file: string, title: string, io: 'input' | 'output') => ({
    ...(z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as Record<string, unknown>),
    $id: `${BASE}/${file}`,
    title,
  });
  return {
    'finding.schema.json': make(
      Finding,
      'finding.schema.json',
      'Normalized finding record (one line of findings.jsonl)',
      'output',
    ),
    'run.schema.json': make(RunRecord, 'run.schema.json', 'Collection run record (run.json)', 'output'),
    // Input mode: fields with defaults are optional, which is what a person writing the file needs.
    'dictionary.schema.json': make(
      Dictionary,
      'dictionary.schema.json',
      'Data dictionary (security-metrics.yml)',
      'input',
    ),
    'metrics.schema.json': make(
      MetricsDocument,
      'metrics.schema.json',
      'Monthly metrics (metrics.json)',
      'output',
    ),
    'aggregated-finding.schema.json': make(
      AggregatedFinding,
      'aggregated-finding.schema.json',
      "Aggregated finding (one line of the aggregator's findings.jsonl)",
      'output',
    ),
  };
}
