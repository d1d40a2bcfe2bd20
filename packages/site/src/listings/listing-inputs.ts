import type { ListingPage } from './listing-routes.ts';
import type { ListingEntry, Listings, TopicListing } from './listings.ts';
import { entriesOnPage, pageCount } from './paginate.ts';

/** A listing's topics looked up both ways, made once for all of its pages. */
export interface ListingTopics {
  bySlug: ReadonlyMap<string, TopicListing>;
  slugByName: ReadonlyMap<string, string>;
}

/** `listings`' topics by slug and their slugs by name. */
export function listingTopics(listings: Listings): ListingTopics {
  return { bySlug: new Map(listings.topics.map((topic) => [topic.slug, topic])), slugByName: new Map(listings.topics.map((topic) => [topic.name, topic.slug])) };
}

/**
 * Each entry's part of the text, remembered per entry object: a build in a long-lived process
 * (`alphanode dev`) keeps an unchanged post's entry, so a rebuild serialises only what moved.
 */
const entryTexts = new WeakMap<ListingEntry, { topicSlug: string | undefined; text: string }>();

function entryText(entry: ListingEntry, topicSlug: string | undefined): string {
  const known = entryTexts.get(entry);
  if (known !== undefined && known.topicSlug === topicSlug) return known.text;
  const text = JSON.stringify([entry.slug, entry.title, entry.topic, topicSlug ?? null, entry.date, entry.summary]);
  entryTexts.set(entry, { topicSlug, text });
  return text;
}

/** `JSON.stringify([...head, entries])` with each entry's text made by `entryText`. */
const pageText = (head: readonly unknown[], entries: readonly string[], tail: string) => `${JSON.stringify(head).slice(0, -1)},[${entries.join(',')}]${tail}]`;

/**
 * What a listing page shows, in parts: its posts, each with its topic's slug, and the rest of what
 * it shows (the page number, whether it has neighbours, on the first home page every topic with its
 * count) as the text around them. A build compares parts to tell an unchanged page cheaply.
 */
export interface ListingPageParts {
  head: readonly unknown[];
  shown: readonly ListingEntry[];
  topicSlugs: readonly (string | undefined)[];
  /** JSON text after the entries (the first home page's topics), or ''. */
  tail: string;
}

/** The parts of the page at `page` (see `listingPartsText`). */
export function listingPageParts(listings: Listings, page: ListingPage, pageSize: number, topics: ListingTopics): ListingPageParts {
  const { route } = page;
  if (route.kind === 'home') {
    const shown = entriesOnPage(listings.entries, route.page, pageSize) ?? [];
    const counts = route.page === 1 ? listings.topics.map((topic) => [topic.name, topic.slug, topic.entries.length]) : null;
    return { head: ['home', route.page, route.page < pageCount(listings.entries.length, pageSize)], shown, topicSlugs: shown.map((entry) => topics.slugByName.get(entry.topic)), tail: `,${JSON.stringify(counts)}` };
  }
  const topic = topics.bySlug.get(route.slug) as TopicListing;
  const shown = entriesOnPage(topic.entries, route.page, pageSize) ?? [];
  return { head: ['topic', topic.name, topic.slug, route.page, route.page < pageCount(topic.entries.length, pageSize)], shown, topicSlugs: shown.map(() => topic.slug), tail: '' };
}

/**
 * Everything a listing page shows, as one JSON text: its posts (with their topics' slugs), its
 * page number and whether it has neighbours, and on the first home page every topic with its count.
 * Equal texts render equal bytes (under the same options and templates), so a build renders again
 * only the listing pages whose text changed. Kept beside `renderHomePage` and `renderTopicPage`:
 * what they read, `listingPageParts` must name.
 */
export function listingPartsText(parts: ListingPageParts): string {
  return pageText(parts.head, parts.shown.map((entry, i) => entryText(entry, parts.topicSlugs[i])), parts.tail);
}
