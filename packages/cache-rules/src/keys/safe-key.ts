import { stableHash } from './stable-hash.ts';

/**
 * The longest key every target accepts: Akamai's 128 characters is the strictest documented
 * per-tag limit (Fastly 1024 B, Vercel 256). One canonical form for all targets means the keys a
 * purge plan names are the keys every CDN was given.
 */
export const MAX_KEY_LENGTH = 128;
const HASH_SUFFIX = 9; // "-" and 8 hex digits

/**
 * Lowercases and replaces each run of characters outside `[a-z0-9._-]` with one "-": the set that
 * is safe in Surrogate-Key (space-separated), Cache-Tag and Edge-Cache-Tag (comma-separated, and
 * Akamai refuses `: / @ , = ? ;` and more), Vercel-Cache-Tag and xkey. Folding "Go" and "go"
 * together, or "C++" and "C", can only make a purge wider.
 *
 * @example
 * slugifyKeyPart('Slow builds / Go'); // 'slow-builds-go'
 */
export function slugifyKeyPart(text: string): string {
  let out = '';
  let dash = false;
  const lower = text.normalize('NFKD').toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    // Combining marks left by NFKD ("é" → "e" + U+0301) are dropped, not turned into dashes.
    if (code >= 0x300 && code <= 0x36f) continue;
    const safe = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 46 || code === 95 || code === 45;
    if (safe) {
      out += lower[i];
      dash = false;
    } else if (!dash && out !== '') {
      out += '-';
      dash = true;
    }
  }
  return dash ? out.slice(0, -1) : out;
}

/** A whole key made safe: slugified, and past 128 characters cut and suffixed with a stable hash. */
export function safeKey(raw: string): string {
  const slug = slugifyKeyPart(raw);
  if (slug.length <= MAX_KEY_LENGTH) return slug;
  return `${slug.slice(0, MAX_KEY_LENGTH - HASH_SUFFIX)}-${stableHash(slug)}`;
}
