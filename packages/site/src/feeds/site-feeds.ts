import type { Listings } from '../listings/listings.ts';
import { listingPages } from '../listings/listing-routes.ts';
import { newestFirst } from '../listings/newest-first.ts';
import type { SiteRoutes } from '../routes/site-routes.ts';
import { renderAtomFeed, type FeedEntry } from './atom-feed.ts';
import { renderRobots } from './robots.ts';
import { renderSitemaps } from './sitemap.ts';

/** What the feeds read of a post. */
export interface FeedPost {
  slug: string;
  title: string;
  topic: string;
  /** YYYY-MM-DD; a post without one sorts last in feeds and has no lastmod. */
  date?: string | undefined;
  summary?: string | undefined;
}

/** Configures `siteFeeds`: the base URL, the routes its links come from, the site name (feed titles and author), posts per feed and per listing page. */
export interface SiteFeedsOptions {
  baseUrl: string;
  routes: SiteRoutes;
  siteName: string;
  /** Posts in each feed. */
  feedSize: number;
  /** Posts per listing page, as the listings were rendered with, so the sitemap names every page (`DEFAULT_PAGE_SIZE` by default). */
  pageSize?: number;
}

/** A file of the site's feeds: its URL path and its text. */
export interface FeedFile {
  path: string;
  text: string;
}

/** The feed under a listing's URL: `/feed.xml` for the home page, `/topics/go/feed.xml` for a topic. */
export function feedPathFor(listingUrl: string): string {
  return `${listingUrl.endsWith('/') ? listingUrl : `${listingUrl}/`}feed.xml`;
}

/**
 * The sitemap (every page of every listing, and every post's page with its date), an Atom feed of the newest
 * posts for the site and for each topic, and `robots.txt`. Nothing in them depends on when they
 * were made, so a site that did not change renders the same bytes and its plan purges none of them.
 */
export function siteFeeds(posts: readonly FeedPost[], listings: Listings, options: SiteFeedsOptions): FeedFile[] {
  const { baseUrl, routes, siteName } = options;
  const sorted = [...posts].sort(newestFirst);
  const entry = (post: FeedPost): FeedEntry => ({ path: routes.postUrl(post.slug), title: post.title, updated: post.date ?? '1970-01-01', summary: post.summary, category: post.topic });
  const feed = (listingUrl: string, title: string, of: readonly FeedPost[]): FeedFile => {
    const path = feedPathFor(listingUrl);
    return { path, text: renderAtomFeed(of.slice(0, options.feedSize).map(entry), { baseUrl, path, title, alternatePath: listingUrl, author: siteName }) };
  };
  const bySlug = new Map(listings.topics.map((topic) => [topic.name, topic.slug]));
  const topicFeeds = listings.topics.map((topic) => feed(routes.topicUrl(topic.slug), `${topic.name} · ${siteName}`, sorted.filter((post) => bySlug.get(post.topic) === topic.slug)));
  const sitemap = renderSitemaps(
    [...listingPages(listings, routes, options.pageSize).map((page) => ({ path: page.url })), ...sorted.map((post) => ({ path: routes.postUrl(post.slug), lastmod: post.date }))],
    { baseUrl },
  ).map((file) => ({ path: file.path, text: file.xml }));
  return [...sitemap, feed(routes.homeUrl, siteName, sorted), ...topicFeeds, { path: '/robots.txt', text: renderRobots(baseUrl) }];
}
