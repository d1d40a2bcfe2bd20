import { html, raw, type Html } from '@alphanode/renderer';
import type { SiteRoutes } from '../routes/site-routes.ts';
import type { ListingEntry, Listings, TopicListing } from './listings.ts';

/**
 * Configures the listing pages (home, topic, not found): the routes their links come from, the site name,
 * language and stylesheets, and a header or whole layout of the site's own.
 */
export interface ListingPageOptions {
  routes: SiteRoutes;
  siteName: string;
  lang?: string;
  stylesheets?: readonly string[];
  /** Markup before `<main>`: a site's own header (and, for a logged-in visitor, a greeting). */
  header?: Html;
  /** The whole document around a listing's body, for a site that wants its own; `listingLayout` by default. */
  layout?: (page: { title: string; body: Html }, options: ListingPageOptions) => string;
}

/** The default page around a listing. Every value goes through `html`, which escapes it: titles are imported text. */
export function listingLayout(page: { title: string; body: Html }, options: ListingPageOptions): string {
  const styles = (options.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">\n`);
  return html`<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${options.siteName}</title>
${styles}</head>
<body>
${options.header ?? raw('')}<main>
${page.body}
</main>
</body>
</html>
`.value;
}

function postList(entries: readonly ListingEntry[], routes: SiteRoutes): Html {
  if (entries.length === 0) return raw('<p>No posts yet.</p>');
  return html`<ul>
${entries.map((entry) => html`<li><a href="${routes.postUrl(entry.slug)}">${entry.title}</a></li>\n`)}</ul>`;
}

const wrap = (options: ListingPageOptions, title: string, body: Html): string => (options.layout ?? listingLayout)({ title, body }, options);

/**
 * The home page: every topic (with its count of posts), then every post by title.
 *
 * @example
 * const body = renderHomePage(listings, { routes, siteName: 'My blog' });
 */
export function renderHomePage(listings: Listings, options: ListingPageOptions): string {
  const topics = html`<ul>
${listings.topics.map((topic) => html`<li><a href="${options.routes.topicUrl(topic.slug)}">${topic.name}</a> (${String(topic.entries.length)})</li>\n`)}</ul>`;
  return wrap(options, 'All posts', html`<h1>${options.siteName}</h1>
<h2>Topics</h2>
${topics}
<h2>Posts</h2>
${postList(listings.entries, options.routes)}`);
}

/** One topic's page: its posts, by title, and a link home. */
export function renderTopicPage(topic: TopicListing, options: ListingPageOptions): string {
  return wrap(options, topic.name, html`<h1>${topic.name}</h1>
<p><a href="${options.routes.homeUrl}">All posts</a></p>
${postList(topic.entries, options.routes)}`);
}

/** The page a host serves for a URL it has no file for (Netlify, Cloudflare Pages, GitHub Pages read `404.html`). */
export const NOT_FOUND_URL = '/404.html';

/** The page for a URL the site has no page for: a short note and a link home. */
export function renderNotFoundPage(options: ListingPageOptions): string {
  return wrap(options, 'Page not found', html`<h1>Page not found</h1>
<p>There is no page at this address. <a href="${options.routes.homeUrl}">All posts</a></p>`);
}
