/**
 * FNV-1a (32-bit) of a string's UTF-16 code units, as 8 hex digits. Synchronous and the same on
 * every runtime, so a shortened key is the same wherever it is computed; `crypto.subtle` would
 * make every decision async. A collision only makes a purge wider, never narrower.
 *
 * @example
 * stableHash('topic-slow-builds'); // '4a1f09c2' (always the same for the same text)
 */
export function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
