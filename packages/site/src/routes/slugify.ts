import { foldText, stableHash } from '@alphanode/cache-rules';

/** The longest slug: long enough for any real title's words, short enough for any file system. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Cuts a slug to `max` characters at a `-`, so no word is cut in half; a single word longer than
 * `max` is cut where it must be.
 */
export function cutSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.lastIndexOf('-', max);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, max);
}

/** `slug-suffix`, with the slug cut on a word boundary so the whole stays within the limit. */
export function withSuffix(slug: string, suffix: string, max = MAX_SLUG_LENGTH): string {
  if (slug === '') return suffix;
  return `${cutSlug(slug, max - suffix.length - 1)}-${suffix}`;
}

/**
 * A title's slug: `[a-z0-9]` words joined by `-`, at most 80 characters, cut between words. It is
 * a URL path segment, a folder name and a purge key part at once, so it stays ASCII.
 *
 * - Accents fold (`Résumé` → `resume`); `.`, `_` and every other separator split words
 *   (`Node.js` → `node-js`), the same everywhere.
 * - Cyrillic and Greek are transliterated (`Кэширование` → `keshirovanie`).
 * - Letters of any other script, which have no short agreed Latin spelling, are kept out of the
 *   words and stand as an 8-digit hash of the whole title at the end (`日本語のタイトル` →
 *   `5b1c7e0a`, `Go 言語` → `go-9f3e21c4`): stable, non-empty, and distinct for distinct titles
 *   where the Latin words alone would collide.
 * - A title of no letters or digits at all (emoji, punctuation) is its hash; an empty one `untitled`.
 *
 * @example
 * slugify('Résumé tips for Node.js'); // 'resume-tips-for-node-js'
 */
export function slugify(title: string): string {
  const { words, hash } = foldText(title);
  if (hash !== undefined) return withSuffix(words, hash);
  if (words !== '') return cutSlug(words, MAX_SLUG_LENGTH);
  // No letters or digits (emoji, punctuation): still a page, so its own stable name.
  const trimmed = title.trim();
  return trimmed === '' ? 'untitled' : stableHash(trimmed.normalize('NFC'));
}
