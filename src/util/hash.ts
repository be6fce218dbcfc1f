import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Short stable hash of parts, joined with a separator that cannot appear in text. */
export function hashParts(parts: readonly string[], length = 24): string {
  return sha256(parts.join('\u0000')).slice(0, length);
}
