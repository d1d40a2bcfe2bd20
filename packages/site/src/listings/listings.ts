/** What a listing shows of one post: all it reads, so a listing changes only when this does. */
export interface ListingEntry {
  slug: string;
  title: string;
  topic: string;
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

// Code-unit order, not localeCompare: the same on every runtime and locale, so a listing's bytes
// (and so its ETag and the purge plan) do not depend on where it was rendered.
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byTitle = (a: ListingEntry, b: ListingEntry): number => compare(a.title, b.title) || compare(a.slug, b.slug);

/**
 * Sorts the entries by title (then slug) and groups them by topic, each topic under the slug
 * `topicSlugs` gives it (see `assignTopicSlugs`); topics in name order.
 *
 * @example
 * const topics = assignTopicSlugs(entries.map((e) => e.topic)).slugs;
 * const { entries: sorted, topics: byTopic } = createListings(entries, topics);
 */
export function createListings(entries: Iterable<ListingEntry>, topicSlugs: ReadonlyMap<string, string>): Listings {
  const sorted = [...entries].sort(byTitle);
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
  return { entries: sorted, topics: [...topics.values()].sort((a, b) => compare(a.name, b.name)) };
}
