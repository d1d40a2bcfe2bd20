import { postSlug } from '@alphanode/cache-rules';
import type { Post } from '@alphanode/parser';
import { etagFor, renderPost } from '@alphanode/renderer';
import { renderHome, renderTopic, type ListingItem } from './listing-pages.ts';
import { postLayout, SITE_NAME, type Viewer } from './page-layout.ts';
import { topicSlug } from './slugs.ts';

/** A finished response body with its strong ETag, made once and served many times. */
export interface Page {
  body: string;
  etag: string;
  type: string;
}

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

export const page = (body: string, type = HTML): Page => ({ body, etag: etagFor(body), type });

export interface SitePost {
  slug: string;
  post: Post;
  html: Page;
  json: Page;
}

/**
 * Everything the server answers anonymous visitors with, rendered up front: the corpus is small, and
 * a page rendered once per change is what makes an origin cheap to run behind a cache. Replaced as
 * a whole (never edited in place) when a post changes, so a request never sees half an update.
 */
export interface Site {
  posts: ReadonlyMap<string, SitePost>;
  /** Topic slug → the topic's name and its page. */
  topics: ReadonlyMap<string, { topic: string; page: Page }>;
  home: Page;
  stylesheet: string;
}

/** A post page for `viewer`: the shared copy for anonymous visitors, a fresh render for a logged-in one. */
export function renderPostPage(post: Post, slug: string, stylesheet: string, viewer: Viewer): string {
  return renderPost(post, { siteName: SITE_NAME, path: `/posts/${slug}`, stylesheets: [stylesheet], layout: postLayout(viewer) });
}

function sitePost(post: Post, stylesheet: string): SitePost {
  const slug = postSlug(post);
  return { slug, post, html: page(renderPostPage(post, slug, stylesheet, undefined)), json: page(JSON.stringify(post), JSON_TYPE) };
}

const listingItems = (posts: Iterable<SitePost>): ListingItem[] =>
  [...posts].map(({ slug, post }) => ({ slug, title: post.title, topic: post.meta.topic })).sort((a, b) => a.title.localeCompare(b.title));

function withListings(posts: Map<string, SitePost>, stylesheet: string): Site {
  const items = listingItems(posts.values());
  const byTopic = new Map<string, ListingItem[]>();
  for (const item of items) byTopic.set(item.topic, [...(byTopic.get(item.topic) ?? []), item]);
  const topics = new Map([...byTopic].map(([topic, list]) => [topicSlug(topic), { topic, page: page(renderTopic(topic, list, stylesheet, undefined)) }]));
  return { posts, topics, home: page(renderHome(items, stylesheet, undefined)), stylesheet };
}

/**
 * Renders a site from its posts. Two posts whose titles give the same slug cannot both have a URL
 * (the purge key is the title's slug), so the later one is reported and left out.
 */
export function createSite(posts: readonly Post[], stylesheet: string): { site: Site; duplicates: string[] } {
  const map = new Map<string, SitePost>();
  const duplicates: string[] = [];
  for (const post of posts) {
    const entry = sitePost(post, stylesheet);
    if (map.has(entry.slug)) duplicates.push(entry.slug);
    else map.set(entry.slug, entry);
  }
  return { site: withListings(map, stylesheet), duplicates };
}

/** The site with one post added or replaced (by slug): that post's pages and the listings are rendered again. */
export function withPost(site: Site, post: Post): Site {
  const posts = new Map(site.posts);
  const entry = sitePost(post, site.stylesheet);
  posts.set(entry.slug, entry);
  return withListings(posts, site.stylesheet);
}

/** A listing page rendered for a logged-in visitor (not kept: it is theirs alone). */
export function renderListingFor(site: Site, pathname: string, viewer: string): string | undefined {
  const items = listingItems(site.posts.values());
  if (pathname === '/') return renderHome(items, site.stylesheet, viewer);
  const topic = site.topics.get(pathname.slice('/topics/'.length))?.topic;
  return topic === undefined ? undefined : renderTopic(topic, items.filter((item) => item.topic === topic), site.stylesheet, viewer);
}
