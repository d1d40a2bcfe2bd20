import { stableHash } from '@alphanode/cache-rules';
import type { SimilarLink } from '@alphanode/renderer';
import type { SiteRoutes } from '../routes/site-routes.ts';

/**
 * Title → slug of every post on the site: what a post's `Similar Posts` titles are linked by. Built
 * once a run on the main thread and sent once to each worker, not per post.
 */
export type TitleIndex = ReadonlyMap<string, string>;

/** The index of `posts` (title, slug), in the order given: where titles repeat, the first keeps it. */
export function titleIndex(posts: Iterable<readonly [title: string, slug: string]>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [title, slug] of posts) if (!index.has(title)) index.set(title, slug);
  return index;
}

/** A link for each title a post lists that names another post on the site; the others stay plain text. */
export function similarLinks(titles: readonly string[], ownSlug: string, index: TitleIndex, routes: SiteRoutes): SimilarLink[] {
  const links: SimilarLink[] = [];
  for (const title of titles) {
    const slug = index.get(title);
    if (slug !== undefined && slug !== ownSlug) links.push({ title, href: routes.postUrl(slug) });
  }
  return links;
}

/**
 * What the manifest keeps of a title a post lists: 8 hex digits, not the title (a tenth of the
 * bytes). Two titles with one key only make a page be built again for nothing, never kept stale.
 */
export const titleKey = (title: string): string => stableHash(title);

/** The keys of the titles that name another post, or none, in `after` than in `before`: only a page listing one of them can need other links. */
export function movedTitleKeys(before: TitleIndex, after: TitleIndex): Set<string> {
  const moved = new Set<string>();
  for (const [title, slug] of after) if (before.get(title) !== slug) moved.add(titleKey(title));
  for (const title of before.keys()) if (!after.has(title)) moved.add(titleKey(title));
  return moved;
}
