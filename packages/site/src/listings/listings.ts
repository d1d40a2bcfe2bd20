import type { Post } from '@alphanode/parser';
import { codeUnitOrder, newestFirst } from './newest-first.ts';

/** What a listing shows of one post: all it reads, so a listing changes only when this does. */
export interface ListingEntry {
  slug: string;
  title: string;
  topic: string;
  /** The post's date, YYYY-MM-DD: its meta `revision.lastReviewed`. Listings are newest first; an empty one sorts last and is not shown. */
  date: string;
  /** The post's meta `summary`, shown under its title (empty: none shown). */
  summary: string;
}

/**
 * What a listing shows of a parsed post served at `slug`: its title, topic, date (meta
 * `revision.lastReviewed`) and summary. The one place a post becomes a listing entry.
 *
 * @example
 * const listings = createListings(posts.map(({ slug, post }) => listingEntry(slug, post)), topicSlugs);
 */
export function listingEntry(slug: string, post: Post): ListingEntry {
  return { slug, title: post.title, topic: post.meta.topic, date: post.meta.revision.lastReviewed, summary: post.meta.summary };
}

/** A topic's listing: its name, its URL slug, its posts. */
export interface TopicListing {
  name: string;
  slug: string;
  entries: ListingEntry[];
}

/** Every listing of a site: the home page's entries and one listing per topic. */
export interface Listings {
  entries: ListingEntry[];
  topics: TopicListing[];
}

/**
 * Sorts the entries newest first (ties by title, then slug: see `newestFirst`) and groups them by
 * topic, each topic under the slug `topicSlugs` gives it (see `assignTopicSlugs`); topics in name
 * order. Nothing in the result depends on the order the entries came in.
 *
 * @example
 * const topics = assignTopicSlugs(entries.map((e) => e.topic)).slugs;
 * const { entries: sorted, topics: byTopic } = createListings(entries, topics);
 */
export function createListings(entries: Iterable<ListingEntry>, topicSlugs: ReadonlyMap<string, string>): Listings {
  const sorted = [...entries].sort(newestFirst);
  const topics = new Map<string, TopicListing>();
  for (const entry of sorted) {
    let topic = topics.get(entry.topic);
    if (!topic) {
      const slug = topicSlugs.get(entry.topic);
      if (slug === undefined) throw new TypeError(`no slug was assigned to the topic "${entry.topic}"`);
      topic = { name: entry.topic, slug, entries: [] };
      topics.set(entry.topic, topic);
    }
    topic.entries.push(entry);
  }
  return { entries: sorted, topics: [...topics.values()].sort((a, b) => codeUnitOrder(a.name, b.name)) };
}
