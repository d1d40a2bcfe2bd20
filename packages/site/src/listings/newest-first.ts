/** What the order of a listing or a feed reads of a post. */
export interface Dated {
  slug: string;
  title: string;
  /** YYYY-MM-DD; none (or empty) sorts last. */
  date?: string | undefined;
}

// Code-unit order, not localeCompare: the same on every runtime and locale, so a listing's bytes
// (and so its ETag and the purge plan) never depend on where it was rendered, nor on file order.
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order of every listing and feed: newest first by date (YYYY-MM-DD compares as text), ties by
 * title then slug, so two posts never tie and no order depends on the order they came in.
 *
 * @example
 * posts.sort(newestFirst);
 */
export function newestFirst(a: Dated, b: Dated): number {
  return compare(b.date ?? '', a.date ?? '') || compare(a.title, b.title) || compare(a.slug, b.slug);
}

/** Code-unit order of two strings, for names (topics) that must sort the same everywhere. */
export const codeUnitOrder = compare;
