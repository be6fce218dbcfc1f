import type { RunAggregate } from './aggregate-api.js';
import { UserError } from '../util/errors.js';

/**
 * The aggregator core the platform jobs call. Until `src/commands/aggregate.ts` is merged this is a
 * stub that says so; after the merge this file becomes
 * `export { runAggregate as aggregateCore } from './aggregate.js';`.
 */
export const aggregateCore: RunAggregate = () =>
  Promise.reject(
    new UserError('the aggregator core is not part of this build yet (src/commands/aggregate.ts)'),
  );
