/**
 * The one owner of a site's routes: slugs (collisions included), every URL a post is served
 * at, topic and listing pages (newest first, paginated), the purge keys and the exact purge plan,
 * and `If-None-Match`; and `createSiteHandler`, which serves a built site with the rules' headers.
 * Edge-safe: Web APIs only. The build is Node's, under `@alphanode/site/node`.
 *
 * @module @alphanode/site
 */
export { slugify, MAX_SLUG_LENGTH } from './routes/slugify.ts';
export { assignSlugs, type SlugClaim, type SlugCollision, type SlugAssignment } from './routes/assign-slugs.ts';
export { assignTopicSlugs } from './routes/topic-slugs.ts';
export { postForKeys } from './routes/post-for-keys.ts';
export { createSiteRoutes, siteRoutesFor, outputFileFor, DEFAULT_POST_PATHS, TOPICS_PREFIX, type SiteRoutes, type Route } from './routes/site-routes.ts';
export { createListings, listingEntry, type Listings, type ListingEntry, type TopicListing } from './listings/listings.ts';
export { renderHomePage, renderTopicPage, renderNotFoundPage, NOT_FOUND_URL, listingLayout, type ListingPageOptions } from './listings/listing-pages.ts';
export { DEFAULT_PAGE_SIZE, pageCount } from './listings/paginate.ts';
export { listingPages, renderListingPages, renderListingRoute, type ListingPage, type ListingRoute } from './listings/listing-routes.ts';
export { exactPurgePlan, type ExactPurgePlan, type ExactPlanOptions, type PageRecord } from './purge/exact-plan.ts';
export { ifNoneMatch } from './http/if-none-match.ts';
export { parseManifest } from './manifest/manifest-codec.ts';
export { MANIFEST_FILE, MANIFEST_JOURNAL_FILE } from './manifest/manifest-files.ts';
export type { Manifest, ManifestPost, OutputRecord } from './manifest/manifest.ts';
export { manifestRecords } from './manifest/manifest-records.ts';
export { createSiteHandler, type SiteHandler, type SiteHandlerOptions, type SiteFileReader } from './http/site-handler.ts';
export { renderSitemaps, SITEMAP_MAX_URLS, type SitemapEntry, type SitemapFile, type SitemapOptions } from './feeds/sitemap.ts';
export { renderAtomFeed, type AtomFeedOptions, type FeedEntry } from './feeds/atom-feed.ts';
export { renderRobots } from './feeds/robots.ts';
export { siteFeeds, feedPathFor, type FeedPost, type FeedFile, type SiteFeedsOptions } from './feeds/site-feeds.ts';
export { absoluteUrl, checkBaseUrl } from './feeds/absolute-url.ts';
