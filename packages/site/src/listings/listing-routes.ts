import type { Route, SiteRoutes } from '../routes/site-routes.ts';
import { renderHomePage, renderTopicPage, type ListingPageOptions } from './listing-pages.ts';
import type { Listings, TopicListing } from './listings.ts';
import { DEFAULT_PAGE_SIZE, pageCount } from './paginate.ts';

/** A route that shows a listing: page `page` of the home listing or of one topic's. */
export type ListingRoute = Extract<Route, { kind: 'home' | 'topic' }>;

/** One page of a listing: the URL it is served at, and the route that URL matches. */
export interface ListingPage {
  url: string;
  route: ListingRoute;
}

/**
 * Every page of every listing at `pageSize` posts a page (default `DEFAULT_PAGE_SIZE`): the home
 * listing's pages, then each topic's, in the listings' order. These are exactly the listing URLs
 * the site serves; `routes.match(url)` gives back each one's route.
 *
 * @example
 * listingPages(listings, routes, 20).map((page) => page.url); // ['/', '/page/2', '/topics/go', …]
 */
export function listingPages(listings: Listings, routes: SiteRoutes, pageSize: number = DEFAULT_PAGE_SIZE): ListingPage[] {
  const pages: ListingPage[] = [];
  for (let page = 1; page <= pageCount(listings.entries.length, pageSize); page++) pages.push({ url: routes.homePageUrl(page), route: { kind: 'home', page } });
  for (const topic of listings.topics) {
    for (let page = 1; page <= pageCount(topic.entries.length, pageSize); page++) pages.push({ url: routes.topicPageUrl(topic.slug, page), route: { kind: 'topic', slug: topic.slug, page } });
  }
  return pages;
}

/**
 * The page a listing route shows (`routes.match` gives the route), or undefined when the site has no
 * such page: a topic no post has, or a page past the last. What a server calls per request.
 *
 * @example
 * const route = routes.match(url.pathname);
 * const body = route?.kind === 'home' || route?.kind === 'topic' ? renderListingRoute(route, listings, options) : undefined; // undefined: 404
 */
export function renderListingRoute(route: ListingRoute, listings: Listings, options: ListingPageOptions): string | undefined {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const has = (entries: number) => Number.isSafeInteger(route.page) && route.page >= 1 && route.page <= pageCount(entries, pageSize);
  if (route.kind === 'home') return has(listings.entries.length) ? renderHomePage(listings, options, route.page) : undefined;
  const topic = listings.topics.find((candidate) => candidate.slug === route.slug);
  return topic && has(topic.entries.length) ? renderTopicPage(topic, options, route.page) : undefined;
}

/**
 * Every listing page, rendered: URL → HTML, in `listingPages` order. What a build writes, or a
 * server renders up front.
 *
 * @example
 * for (const [url, body] of renderListingPages(listings, { routes, siteName: 'My blog' })) write(outputFileFor(url), body);
 */
export function renderListingPages(listings: Listings, options: ListingPageOptions): Map<string, string> {
  const topics = new Map(listings.topics.map((topic) => [topic.slug, topic]));
  const rendered = new Map<string, string>();
  for (const { url, route } of listingPages(listings, options.routes, options.pageSize)) {
    rendered.set(url, route.kind === 'home' ? renderHomePage(listings, options, route.page) : renderTopicPage(topics.get(route.slug) as TopicListing, options, route.page));
  }
  return rendered;
}
