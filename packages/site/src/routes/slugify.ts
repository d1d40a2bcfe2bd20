import { stableHash } from '@alphanode/cache-rules';
import { transliterate } from './transliterate.ts';

/** The longest slug: long enough for any real title's words, short enough for any file system. */
export const MAX_SLUG_LENGTH = 80;

const MARKS = /\p{M}+/gu;
const ASCII_WORD = /[a-z0-9]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

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
  const folded = title.normalize('NFKD').replace(MARKS, '').toLowerCase();
  let words = '';
  let dash = false;
  let foreign = false;
  for (const char of folded) {
    const latin = ASCII_WORD.test(char) ? char : transliterate(char);
    if (latin !== undefined && latin !== '') {
      if (dash && words !== '') words += '-';
      words += latin;
      dash = false;
    } else if (latin === undefined) {
      // A hard or soft sign transliterates to nothing and joins its word; anything else splits.
      dash = true;
      if (LETTER_OR_DIGIT.test(char)) foreign = true;
    }
  }
  const trimmed = title.trim();
  if (foreign || (words === '' && trimmed !== '')) return withSuffix(words, stableHash(trimmed.normalize('NFC')));
  return words === '' ? 'untitled' : cutSlug(words, MAX_SLUG_LENGTH);
}
