import { stableHash } from './stable-hash.ts';

/**
 * The longest key every target accepts: Akamai's 128 characters is the strictest documented
 * per-tag limit (Fastly 1024 B, Vercel 256). One canonical form for all targets means the keys a
 * purge plan names are the keys every CDN was given.
 */
export const MAX_KEY_LENGTH = 128;
const HASH_SUFFIX = 9; // "-" and 8 hex digits

// Already safe, with no dash at either end: the common case (a slug) returns without copying.
const SAFE = /^[a-z0-9._](?:[a-z0-9._-]*[a-z0-9._])?$/;
const UNSAFE_RUN = /[^a-z0-9._-]+/g;
const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lowercases and turns each run of characters outside `[a-z0-9._-]` into one "-", keeping the ends. */
export function slugifyText(text: string): string {
  // NFKD splits "é" into "e" and a combining mark, which is then dropped rather than dashed.
  const folded = NON_ASCII.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
  return folded.toLowerCase().replace(UNSAFE_RUN, '-');
}

/** Removes dashes at either end. */
export function trimDashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 45) start++;
  while (end > start && text.charCodeAt(end - 1) === 45) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * Lowercases, turns each run of characters outside `[a-z0-9._-]` into one "-", and trims dashes
 * at the ends: the set that is safe in Surrogate-Key (space-separated), Cache-Tag and
 * Edge-Cache-Tag (comma-separated; Akamai refuses `: / @ , = ? ;` and more), Vercel-Cache-Tag and
 * xkey. Folding "Go" and "go" together, or "C++" and "C", can only make a purge wider.
 *
 * @example
 * slugifyKeyPart('Slow builds / Go'); // 'slow-builds-go'
 */
export function slugifyKeyPart(text: string): string {
  if (SAFE.test(text)) return text;
  // The same post fields (a topic, a stack item) come back on every request for a page, so their
  // slugs are remembered; the memo is bounded, and emptied when full, so it cannot grow with input.
  let slug = memo.get(text);
  if (slug === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    slug = trimDashes(slugifyText(text));
    memo.set(text, slug);
  }
  return slug;
}

const MEMO_LIMIT = 4096;
const memo = new Map<string, string>();

/** A key made of safe parts, finished: ends trimmed, and past 128 characters cut and suffixed with a stable hash. */
export function finishKey(joined: string): string {
  const key = trimDashes(joined);
  if (key.length <= MAX_KEY_LENGTH) return key;
  return `${key.slice(0, MAX_KEY_LENGTH - HASH_SUFFIX)}-${stableHash(key)}`;
}

/** Any text as one safe key. */
export function safeKey(raw: string): string {
  return finishKey(slugifyKeyPart(raw));
}
