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

const entryInputs = (entry: ListingEntry, topicSlug: string | undefined) => [entry.slug, entry.title, entry.topic, topicSlug ?? null, entry.date, entry.summary];

/**
 * Everything the page at `page` shows, as one JSON text: its posts (with their topics' slugs), its
 * page number and whether it has neighbours, and on the first home page every topic with its count.
 * Equal texts render equal bytes (under the same options and templates), so a build renders again
 * only the listing pages whose text changed. Kept beside `renderHomePage` and `renderTopicPage`:
 * what they read, this must name.
 */
export function listingPageInputs(listings: Listings, page: ListingPage, pageSize: number, topics: ListingTopics): string {
  const { route } = page;
  if (route.kind === 'home') {
    const slugs = topics.slugByName;
    const shown = entriesOnPage(listings.entries, route.page, pageSize) ?? [];
    const counts = route.page === 1 ? listings.topics.map((topic) => [topic.name, topic.slug, topic.entries.length]) : null;
    return JSON.stringify(['home', route.page, route.page < pageCount(listings.entries.length, pageSize), shown.map((entry) => entryInputs(entry, slugs.get(entry.topic))), counts]);
  }
  const topic = topics.bySlug.get(route.slug) as TopicListing;
  const shown = entriesOnPage(topic.entries, route.page, pageSize) ?? [];
  return JSON.stringify(['topic', topic.name, topic.slug, route.page, route.page < pageCount(topic.entries.length, pageSize), shown.map((entry) => entryInputs(entry, topic.slug))]);
}
