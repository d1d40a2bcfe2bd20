import type { CacheRulesEngine } from '@alphanode/cache-rules';
import type { Post } from '@alphanode/parser';
import { etagFor, html, renderPost } from '@alphanode/renderer';
import {
  assignSlugs,
  assignTopicSlugs,
  postForKeys,
  createListings,
  listingEntry,
  renderListingPages,
  renderListingRoute,
  slugify,
  type ListingPageOptions,
  type ListingRoute,
  type Listings,
  type PageRecord,
  type SiteRoutes,
  type SlugCollision,
} from '@alphanode/site';
import { postLayout, siteHeader, SITE_NAME, type Viewer } from './page-layout.ts';

/** A finished response body with its strong ETag, made once and served many times. */
export interface Page {
  body: string;
  etag: string;
  type: string;
}

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

export const page = (body: string, type = HTML): Page => ({ body, etag: etagFor(body), type });

/** A post to serve and the stable id it is known by (its source file), which keeps its slug across changes. */
export interface PostInput {
  id: string;
  post: Post;
}

export interface SitePost extends PostInput {
  slug: string;
  /** The post as the cache rules read it for keys (`postForKeys`): its topic key is its topic page's. */
  keyed: Post;
  /**
   * One per URL of `routes.postUrls(slug)`: the HTML page first, then the post as JSON for a path
   * ending in `.json`; undefined for any other representation, which this example does not make.
   */
  pages: (Page | undefined)[];
}

/**
 * Everything the server answers anonymous visitors with, rendered up front: the corpus is small, and
 * a page rendered once per change is what makes an origin cheap to run behind a cache. Replaced as
 * a whole (never edited in place) when a post changes, so a request never sees half an update.
 */
export interface Site {
  /** The URLs, from the rules' `post.path`: `@alphanode/site` decides them, for the build and every server alike. */
  routes: SiteRoutes;
  /** By slug. */
  posts: ReadonlyMap<string, SitePost>;
  /** Post id → slug. */
  slugs: ReadonlyMap<string, string>;
  listings: Listings;
  /** Every page of the home and topic listings, by URL: `@alphanode/site` paginates them and names their URLs. */
  listingPages: ReadonlyMap<string, Page>;
  stylesheet: string;
  /** Posts per listing page; the site package's default when unset. */
  pageSize: number | undefined;
}

export interface SiteOptions {
  routes: SiteRoutes;
  stylesheet: string;
  /** Posts per listing page (default `DEFAULT_PAGE_SIZE` of `@alphanode/site`). */
  pageSize?: number | undefined;
}

/** Titles (and topics) that gave the same slug: each is served, under a suffixed slug after the first. */
export interface SiteCollisions {
  posts: SlugCollision[];
  topics: SlugCollision[];
}

/** A post page for `viewer`: the shared copy for anonymous visitors, a fresh render for a logged-in one. */
export function renderPostPage(post: Post, url: string, stylesheet: string, viewer: Viewer): string {
  return renderPost(post, { siteName: SITE_NAME, path: url, stylesheets: [stylesheet], layout: postLayout(viewer) });
}

function listingOptions(site: Pick<Site, 'routes' | 'stylesheet' | 'pageSize'>, viewer: Viewer): ListingPageOptions {
  return { routes: site.routes, siteName: SITE_NAME, stylesheets: [site.stylesheet], header: html`${siteHeader(viewer)}\n`, ...(site.pageSize === undefined ? {} : { pageSize: site.pageSize }) };
}

function renderPages(post: Post, urls: readonly string[], stylesheet: string): (Page | undefined)[] {
  return urls.map((url, i) => {
    if (i === 0) return page(renderPostPage(post, url, stylesheet, undefined));
    return url.endsWith('.json') ? page(JSON.stringify(post), JSON_TYPE) : undefined;
  });
}

/**
 * Renders a site from its posts. Slugs come from `assignSlugs`: a post keeps the slug it had in
 * `previous`, and of two titles that give the same slug the smaller id gets it and the other the
 * slug with a hash of its id, so no post is left out. Only posts that are new, changed or moved are
 * rendered again; the listings always are.
 */
export function createSite(inputs: readonly PostInput[], options: SiteOptions, previous?: Site): { site: Site; collisions: SiteCollisions } {
  const { routes, stylesheet, pageSize } = options;
  const { slugs, collisions } = assignSlugs(
    inputs.map(({ id, post }) => ({ id, base: slugify(post.title) })),
    previous?.slugs,
  );
  const previousTopics = new Map(previous?.listings.topics.map((topic) => [topic.name, topic.slug]));
  const topicSlugs = assignTopicSlugs(inputs.map(({ post }) => post.meta.topic), previousTopics);
  const posts = new Map<string, SitePost>();
  for (const { id, post } of [...inputs].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const slug = slugs.get(id) as string;
    const kept = previous?.posts.get(slug);
    const pages = kept?.id === id && kept.post === post ? kept.pages : renderPages(post, routes.postUrls(slug), stylesheet);
    posts.set(slug, { id, post, slug, pages, keyed: postForKeys(post, topicSlugs.slugs.get(post.meta.topic)) });
  }
  const listings = createListings([...posts.values()].map(({ slug, post }) => listingEntry(slug, post)), topicSlugs.slugs);
  const shared = listingOptions({ routes, stylesheet, pageSize }, undefined);
  const listingPages = new Map([...renderListingPages(listings, shared)].map(([url, body]) => [url, page(body)]));
  const site: Site = { routes, posts, slugs, listings, listingPages, stylesheet, pageSize };
  return { site, collisions: { posts: collisions, topics: topicSlugs.collisions } };
}

/** The site with the post of `id` added or replaced: its pages and the listings are rendered again. */
export function withPost(site: Site, id: string, post: Post): Site {
  const inputs = [...site.posts.values()].filter((entry) => entry.id !== id).map((entry) => ({ id: entry.id, post: entry.post }));
  return createSite([...inputs, { id, post }], { routes: site.routes, stylesheet: site.stylesheet, pageSize: site.pageSize }, site).site;
}

/** A listing page (home or topic, any page) rendered for a logged-in visitor (not kept: it is theirs alone); undefined for no such page. */
export function renderListingFor(site: Site, route: ListingRoute, viewer: string): string | undefined {
  return renderListingRoute(route, site.listings, listingOptions(site, viewer));
}

/**
 * Every URL the site serves anonymously, with the ETag of its bytes and the purge keys the rules
 * give it: what `exactPurgePlan` compares between two states of the site.
 */
export function pageRecords(site: Site, engine: Pick<CacheRulesEngine, 'keysFor'>): Map<string, PageRecord> {
  const records = new Map<string, PageRecord>();
  for (const entry of site.posts.values()) {
    site.routes.postUrls(entry.slug).forEach((url, i) => {
      const served = entry.pages[i];
      if (served) records.set(url, { hash: served.etag, keys: engine.keysFor(url, entry.keyed) });
    });
  }
  // Every listing page: a post that shifts the pages changes the bytes of each page it moves a post onto or off.
  for (const [url, listing] of site.listingPages) records.set(url, { hash: listing.etag, keys: engine.keysFor(url) });
  return records;
}
