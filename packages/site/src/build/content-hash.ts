import { createHash } from 'node:crypto';

/** A hex SHA-256 of text or bytes, cut to `length` digits: what the manifest compares outputs and settings by. */
export function contentHash(content: string | Uint8Array, length = 32): string {
  return createHash('sha256').update(content).digest('hex').slice(0, length);
}
