/** Where posts live when the rules do not say (`post: { path: … }`): the page, and the post as JSON. */
export const DEFAULT_POST_PATHS: readonly string[] = ['/posts/:slug', '/posts/:slug.json'];
/** The folder of topic listings. */
export const TOPICS_PREFIX = '/topics/';

/**
 * What a URL path shows. `representation` is the index of the `post.path` pattern it matched (0: the
 * page); `page` is the page of a listing, from 1 (the listing's own URL).
 */
export type Route =
  | { kind: 'home'; page: number }
  | { kind: 'post'; slug: string; representation: number }
  | { kind: 'topic'; slug: string; page: number };

/** The one map between content and URLs: every server, the build and the purge plan ask it. */
export interface SiteRoutes {
  /** `post.path` patterns, the page first. */
  readonly postPatterns: readonly string[];
  /** Every URL a post is served at: its page, then each other representation the rules list. */
  postUrls(slug: string): string[];
  /** A post's page. */
  postUrl(slug: string): string;
  /** A topic's listing page, from the topic's slug: `/topics/<slug>`. */
  topicUrl(topicSlug: string): string;
  /** Page `page` (from 1) of a topic's listing: `topicUrl` for page 1, `/topics/<slug>/page/<n>` after. */
  topicPageUrl(topicSlug: string, page: number): string;
  readonly homeUrl: string;
  /** Page `page` (from 1) of the home listing: `homeUrl` for page 1, `/page/<n>` after. */
  homePageUrl(page: number): string;
  /** What a URL path (percent-encoded, as `URL.pathname` gives it) shows; undefined for none of the site's pages. */
  match(pathname: string): Route | undefined;
}

// A slug is slugify's output: [a-z0-9] words joined by single dashes. Nothing else names a page,
// so a path outside that shape is a 404 without a lookup.
const SLUG = '([a-z0-9]+(?:-[a-z0-9]+)*)';
// Page 1 of a listing is the listing's own URL, so `/page/1` and `/page/01` name no page: one URL per page.
const PAGE = '/page/([2-9]|[1-9][0-9]{1,8})';
const HOME_PAGE = new RegExp(`^${PAGE}$`);
const TOPIC = new RegExp(`^${TOPICS_PREFIX}${SLUG}(?:${PAGE})?$`);
// Listing URLs a post path must not be able to name, or one URL would be two pages.
const LISTING_SAMPLES = ['/page/2', '/page/10', '/topics/a', '/topics/page', '/topics/a/page/2', '/topics/page/page/10'];

function pageSuffix(page: number): string {
  if (!Number.isSafeInteger(page) || page < 1) throw new RangeError(`a listing page is a whole number from 1; found ${page}`);
  return page === 1 ? '' : `/page/${page}`;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compilePostPattern(pattern: string): RegExp {
  const at = pattern.indexOf(':slug');
  if (!pattern.startsWith('/') || at === -1 || pattern.indexOf(':slug', at + 1) !== -1 || /:[A-Za-z]/.test(pattern.slice(at + 5)) || /[*:]/.test(pattern.slice(0, at))) {
    throw new TypeError(`post path "${pattern}" must be a path with one :slug and no other parameter or wildcard`);
  }
  const after = pattern.slice(at + 5);
  // `/p/:slug-amp` would make `/p/a-b-amp` both the page of "a b amp" and the AMP copy of "a b".
  if (/^[a-z0-9-]/i.test(after)) throw new TypeError(`post path "${pattern}": what follows :slug must not be able to continue a slug (start it with "." or "/")`);
  const compiled = new RegExp(`^${escape(pattern.slice(0, at))}${SLUG}${escape(after)}$`);
  const taken = LISTING_SAMPLES.find((url) => compiled.test(url));
  if (taken !== undefined) throw new TypeError(`post path "${pattern}" would take the listing page ${taken}: put posts outside /page/ and ${TOPICS_PREFIX}`);
  return compiled;
}

/**
 * The site's routes for the rules' `post.path` patterns (`engine.config.post?.path`): a post's page
 * and representations, topic listings under `/topics/`, and the home page; page n (from 2) of a
 * listing under its URL's `/page/<n>` (`/page/2`, `/topics/go/page/2`). Throws a `TypeError` for a
 * pattern that is not a path with exactly one `:slug`, or that could name a listing page.
 *
 * @example
 * const routes = createSiteRoutes(['/posts/:slug', '/posts/:slug.json']);
 * routes.postUrls('hello'); // ['/posts/hello', '/posts/hello.json']
 * routes.match('/posts/hello.json'); // { kind: 'post', slug: 'hello', representation: 1 }
 * routes.topicPageUrl('go', 2); // '/topics/go/page/2'
 * routes.match('/page/3'); // { kind: 'home', page: 3 }
 */
export function createSiteRoutes(postPatterns: string | readonly string[] = DEFAULT_POST_PATHS): SiteRoutes {
  const patterns = [postPatterns].flat();
  if (patterns.length === 0) throw new TypeError('a site needs at least one post path');
  const compiled = patterns.map(compilePostPattern);
  const fill = (slug: string) => patterns.map((pattern) => pattern.replace(':slug', slug));
  return {
    postPatterns: patterns,
    postUrls: fill,
    postUrl: (slug) => (patterns[0] as string).replace(':slug', slug),
    topicUrl: (topicSlug) => `${TOPICS_PREFIX}${topicSlug}`,
    topicPageUrl: (topicSlug, page) => `${TOPICS_PREFIX}${topicSlug}${pageSuffix(page)}`,
    homeUrl: '/',
    homePageUrl: (page) => pageSuffix(page) || '/',
    match(pathname) {
      if (pathname === '/') return { kind: 'home', page: 1 };
      for (let i = 0; i < compiled.length; i++) {
        const found = (compiled[i] as RegExp).exec(pathname);
        if (found) return { kind: 'post', slug: found[1] as string, representation: i };
      }
      const home = HOME_PAGE.exec(pathname);
      if (home) return { kind: 'home', page: Number(home[1]) };
      const topic = TOPIC.exec(pathname);
      return topic ? { kind: 'topic', slug: topic[1] as string, page: topic[2] === undefined ? 1 : Number(topic[2]) } : undefined;
    },
  };
}

/**
 * The file (relative to the out dir, `/`-separated) that serves a page URL on a static host: a path
 * whose last segment has an extension is that file (`/posts/a.json` → `posts/a.json`); any other
 * is a folder's `index.html` (`/posts/a` → `posts/a/index.html`, `/` → `index.html`).
 *
 * @example
 * outputFileFor('/topics/go'); // 'topics/go/index.html'
 */
export function outputFileFor(url: string): string {
  // The common case, one leading slash and no trailing one, without a regex: a manifest read maps 20,000 URLs.
  const plain = url.charCodeAt(0) === 47 && url.charCodeAt(1) !== 47 && url.charCodeAt(url.length - 1) !== 47;
  const trimmed = plain ? url.slice(1) : url.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return 'index.html';
  const last = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return last.includes('.') ? trimmed : `${trimmed}/index.html`;
}

/**
 * The routes a compiled rules engine describes (its `post.path`), or the defaults without one.
 *
 * @example
 * const routes = siteRoutesFor(compileRulesOrThrow(yaml));
 */
export function siteRoutesFor(engine: { config: { post?: { path: string | readonly string[] } | undefined } } | undefined): SiteRoutes {
  return createSiteRoutes(engine?.config.post?.path ?? DEFAULT_POST_PATHS);
}
