import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The path of `name` (a worker bundle) beside the running bundle in dist/, when it is there; undefined
 * when running from sources (tests, tsx), where this module is not in dist/ and there is no such file.
 */
export function besideBundle(name: string): string | undefined {
  try {
    const p = fileURLToPath(new URL(`./${name}`, import.meta.url));
    return existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}
