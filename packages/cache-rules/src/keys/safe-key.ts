import { foldText, joinFolded } from './fold-text.ts';
import { stableHash } from './stable-hash.ts';

/**
 * The longest key every target accepts: Akamai's 128 characters is the strictest documented
 * per-tag limit (Fastly 1024 B, Vercel 256). One canonical form for all targets means the keys a
 * purge plan names are the keys every CDN was given.
 */
export const MAX_KEY_LENGTH = 128;
const HASH_SUFFIX = 9; // "-" and 8 hex digits

// Already safe, with single dashes between words: the common case (a slug) returns without copying.
const SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const UNSAFE_RUN = /[^a-z0-9-]+/g;


/** The literal text of a key template: lowercased, each run of characters outside `[a-z0-9-]` one "-", the ends kept. */
export function slugifyText(text: string): string {
  // NFKD splits "é" into "e" and a combining mark, which is then dropped rather than dashed.
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(UNSAFE_RUN, '-');
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
 * A value as a key part: `foldText`'s words (and hash), the same folding as a site's slugs, so a
 * topic's `{post.meta.topic}` key matches its listing's `{topic}`. `[a-z0-9-]` is safe in
 * Surrogate-Key (space-separated), Cache-Tag and Edge-Cache-Tag (comma-separated; Akamai refuses
 * `: / @ , = ? ;` and more), Vercel-Cache-Tag and xkey. Folding "Go" and "go" together, or "C++"
 * and "C", can only make a purge wider.
 *
 * @example
 * slugifyKeyPart('Slow builds / Go'); // 'slow-builds-go'
 * slugifyKeyPart('node.js');          // 'node-js'
 */
export function slugifyKeyPart(text: string): string {
  // The same post fields (a topic, a stack item) come back on every request for a page, so their
  // slugs are remembered, safe ones too (a lookup of a string seen before is cheaper than the
  // regex); the memo is bounded, and emptied when full, so it cannot grow with input.
  let slug = memo.get(text);
  if (slug === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    // A post's field is often a view into the post's whole text (V8 substrings); the memo holds
    // a copy, or it would keep up to MEMO_LIMIT post texts alive.
    const own = detached(text);
    slug = SAFE.test(own) ? own : joinFolded(foldText(own));
    memo.set(own, slug);
  }
  return slug;
}

const MEMO_LIMIT = 4096;
const detached = (text: string): string => (text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string));
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
