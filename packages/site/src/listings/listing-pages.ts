import { html, raw, type Html, type Stylesheet } from '@alphanode/renderer';
import type { SiteRoutes } from '../routes/site-routes.ts';
import type { ListingEntry, Listings, TopicListing } from './listings.ts';
import { pager } from './pager.ts';
import { DEFAULT_PAGE_SIZE, entriesOnPage, pageCount } from './paginate.ts';

/**
 * Configures the listing pages (home, topic, not found): the routes their links come from, posts per
 * page, the site name, language and stylesheets, and a header or whole layout of the site's own.
 */
export interface ListingPageOptions {
  routes: SiteRoutes;
  /** Posts per listing page (`DEFAULT_PAGE_SIZE`, 20, by default). */
  pageSize?: number;
  siteName: string;
  lang?: string;
  /** Paths from the root or http(s) URLs, or `{ href, integrity?, media? }` as the renderer takes them. */
  stylesheets?: readonly Stylesheet[];
  /** Markup before `<main>`: a site's own header (and, for a logged-in visitor, a greeting); by default the site name, linked home. */
  header?: Html;
  /** The whole document around a listing's body, for a site that wants its own; `listingLayout` by default. */
  layout?: (page: { title: string; body: Html }, options: ListingPageOptions) => string;
}

// The renderer's header for post pages, with the same classes, so the default theme styles both alike.
const siteHeader = (options: ListingPageOptions): Html => html`<header class="site-header">
<p class="site-name"><a href="${options.routes.homeUrl}">${options.siteName}</a></p>
</header>
`;

// As the renderer links a post page's: an integrity hash brings the `crossorigin` that SRI needs.
function stylesheetLink(sheet: Stylesheet): Html {
  const { href, integrity, media } = typeof sheet === 'string' ? { href: sheet, integrity: undefined, media: undefined } : sheet;
  const sri = integrity === undefined ? '' : html` integrity="${integrity}" crossorigin="anonymous"`;
  return html`<link rel="stylesheet" href="${href}"${sri}${media === undefined ? '' : html` media="${media}"`}>\n`;
}

/** The default page around a listing. Every value goes through `html`, which escapes it: titles are imported text. */
export function listingLayout(page: { title: string; body: Html }, options: ListingPageOptions): string {
  const styles = (options.stylesheets ?? []).map(stylesheetLink);
  return html`<!DOCTYPE html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${options.siteName}</title>
${styles}</head>
<body>
${options.header ?? siteHeader(options)}<main>
${page.body}
</main>
</body>
</html>
`.value;
}

/** One post in a list: its title (linked), its date, its topic (linked to the topic's page), its summary. */
function postItem(entry: ListingEntry, routes: SiteRoutes, topicSlug: string | undefined): Html {
  const date = entry.date === '' ? raw('') : html`<time datetime="${entry.date}">${entry.date}</time>`;
  const topic = topicSlug === undefined ? html`${entry.topic}` : html`<a href="${routes.topicUrl(topicSlug)}">${entry.topic}</a>`;
  const summary = entry.summary === '' ? raw('') : html`\n<p class="summary">${entry.summary}</p>`;
  return html`<li><a href="${routes.postUrl(entry.slug)}">${entry.title}</a>
<p class="post-meta">${date}${entry.date === '' ? '' : ' · '}${topic}</p>${summary}</li>\n`;
}

function postList(entries: readonly ListingEntry[], routes: SiteRoutes, topicSlugOf: (name: string) => string | undefined): Html {
  if (entries.length === 0) return raw('<p>No posts yet.</p>');
  return html`<ul class="posts">
${entries.map((entry) => postItem(entry, routes, topicSlugOf(entry.topic)))}</ul>`;
}

/** The entries of page `page`, or a `RangeError` naming the pages there are. */
function onPage(entries: readonly ListingEntry[], page: number, pageSize: number, what: string): ListingEntry[] {
  const shown = entriesOnPage(entries, page, pageSize);
  if (shown === undefined) throw new RangeError(`${what} has pages 1 to ${pageCount(entries.length, pageSize)}; asked for page ${page}`);
  return shown;
}

const wrap = (options: ListingPageOptions, title: string, body: Html): string => (options.layout ?? listingLayout)({ title, body }, options);
const onPageN = (title: string, page: number): string => (page === 1 ? title : `${title}, page ${page}`);

/**
 * Page `page` (from 1, the default) of the home listing: on page 1 every topic (with its count of
 * posts); then that page's posts, newest first, each with its date, topic and summary; then links to
 * the newer and older pages. Pages hold `options.pageSize` posts; a page past the last is a
 * `RangeError` (`pageCount` says how many there are; `renderListingRoute` answers undefined instead).
 *
 * @example
 * const body = renderHomePage(listings, { routes, siteName: 'My blog' });
 * const second = renderHomePage(listings, { routes, siteName: 'My blog' }, 2); // served at routes.homePageUrl(2)
 */
export function renderHomePage(listings: Listings, options: ListingPageOptions, page = 1): string {
  const { routes } = options;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const shown = onPage(listings.entries, page, pageSize, 'the home listing');
  const slugs = new Map(listings.topics.map((topic) => [topic.name, topic.slug]));
  const topics = page > 1 ? raw('') : html`<h2>Topics</h2>
<ul>
${listings.topics.map((topic) => html`<li><a href="${routes.topicUrl(topic.slug)}">${topic.name}</a> (${String(topic.entries.length)})</li>\n`)}</ul>
`;
  return wrap(options, onPageN('All posts', page), html`<h1>${options.siteName}</h1>
${topics}<h2>${onPageN('Posts', page)}</h2>
${postList(shown, routes, (name) => slugs.get(name))}${pager(page, pageCount(listings.entries.length, pageSize), (n) => routes.homePageUrl(n))}`);
}

/**
 * Page `page` (from 1, the default) of one topic's listing: its posts, newest first, as on the home
 * page, a link home, and links to the topic's newer and older pages. A page past the last is a `RangeError`.
 *
 * @example
 * const body = renderTopicPage(listings.topics[0], { routes, siteName: 'My blog' }); // at routes.topicUrl(slug)
 */
export function renderTopicPage(topic: TopicListing, options: ListingPageOptions, page = 1): string {
  const { routes } = options;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const shown = onPage(topic.entries, page, pageSize, `the topic "${topic.name}"`);
  return wrap(options, onPageN(topic.name, page), html`<h1>${onPageN(topic.name, page)}</h1>
<p><a href="${routes.homeUrl}">All posts</a></p>
${postList(shown, routes, () => topic.slug)}${pager(page, pageCount(topic.entries.length, pageSize), (n) => routes.topicPageUrl(topic.slug, n))}`);
}

/** The page a host serves for a URL it has no file for (Netlify, Cloudflare Pages, GitHub Pages read `404.html`). */
export const NOT_FOUND_URL = '/404.html';

/** The page for a URL the site has no page for: a short note and a link home. */
export function renderNotFoundPage(options: ListingPageOptions): string {
  return wrap(options, 'Page not found', html`<h1>Page not found</h1>
<p>There is no page at this address. <a href="${options.routes.homeUrl}">All posts</a></p>`);
}
