import { absoluteUrl } from './absolute-url.ts';
import { xmlText } from './xml-text.ts';

/** One post in a feed. `updated` is a date (YYYY-MM-DD) or an RFC 3339 date-time. */
export interface FeedEntry {
  path: string;
  title: string;
  updated: string;
  summary?: string | undefined;
  category?: string | undefined;
}

/** Configures `renderAtomFeed`: the base URL, the feed's own path and title, the page it follows, and its author. */
export interface AtomFeedOptions {
  baseUrl: string;
  /** The feed's own path, e.g. `/feed.xml`: its `self` link and, absolute, its id. */
  path: string;
  title: string;
  /** The page the feed follows (the home page or a topic's page). */
  alternatePath: string;
  /** Who wrote the feed; Atom requires an author for the feed or every entry. */
  author: string;
}

const EPOCH = '1970-01-01T00:00:00Z';

/** A date (YYYY-MM-DD) as the RFC 3339 date-time Atom requires; a date-time is kept as it is. */
function dateTime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

/**
 * An Atom feed (RFC 4287) of the entries in the order given (newest first is the caller's choice).
 * Ids are the absolute URLs. The feed's `updated` is its newest entry's, never the build time: a
 * feed whose posts did not change keeps its bytes, so a rebuild purges nothing.
 *
 * @example
 * renderAtomFeed(entries, { baseUrl: 'https://example.com', path: '/feed.xml', title: 'Notes', alternatePath: '/', author: 'Notes' });
 */
export function renderAtomFeed(entries: readonly FeedEntry[], options: AtomFeedOptions): string {
  const url = (path: string) => xmlText(absoluteUrl(path, options.baseUrl));
  const dates = entries.map((entry) => dateTime(entry.updated));
  // RFC 3339 date-times in UTC compare as strings.
  const updated = dates.reduce((newest, date) => (date > newest ? date : newest), EPOCH);
  const items = entries.map((entry, index) => {
    const summary = entry.summary ? `\n  <summary>${xmlText(entry.summary)}</summary>` : '';
    const category = entry.category ? `\n  <category term="${xmlText(entry.category)}"/>` : '';
    return `<entry>
  <id>${url(entry.path)}</id>
  <title>${xmlText(entry.title)}</title>
  <link rel="alternate" type="text/html" href="${url(entry.path)}"/>
  <updated>${xmlText(dates[index] as string)}</updated>${summary}${category}
</entry>
`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${url(options.path)}</id>
<title>${xmlText(options.title)}</title>
<link rel="self" type="application/atom+xml" href="${url(options.path)}"/>
<link rel="alternate" type="text/html" href="${url(options.alternatePath)}"/>
<updated>${updated}</updated>
<author><name>${xmlText(options.author)}</name></author>
${items.join('')}</feed>
`;
}
