import { CacheRulesError, loadCompiledRulesOrThrow, type CacheRulesEngine, type TargetName } from '@alphanode/cache-rules';
import { createSimilarIndex, type SimilarIndex } from '@alphanode/renderer';
import { assignTopicSlugs, createListings, listingEntry, siteRoutesFor, type Listings, type SiteRoutes } from '@alphanode/site';
import type { Asset, SiteData, SitePost } from './site-data.ts';

/** The site data indexed for serving: built once per isolate, read by every request. */
export interface Site {
  siteName: string;
  target: TargetName;
  /** Origin of the deployed site, for canonical URLs; none when not configured. */
  baseUrl: string | undefined;
  engine: CacheRulesEngine;
  /** Every URL of the site, from the rules' `post.path`: the same map the build and the purge plan use. */
  routes: SiteRoutes;
  /** By slug. */
  posts: ReadonlyMap<string, SitePost>;
  /** Every post in data order: `similar` answers with positions in this list. */
  corpus: readonly SitePost[];
  /** The home page's entries and each topic's, newest first: `@alphanode/site` pages them. */
  listings: Listings;
  /** Topic name → slug: a post's topic key is its topic page's (`postForKeys`). */
  topicSlugs: ReadonlyMap<string, string>;
  assets: ReadonlyMap<string, Asset>;
  stylesheets: string[];
  similar: SimilarIndex;
}

export interface SiteOptions {
  target: TargetName;
  baseUrl?: string;
}

/**
 * Indexes the data. Topic slugs come from `assignTopicSlugs`, as the build's do (`build-posts.ts`
 * reports their collisions). Loading the compiled rules can throw (a `CacheRulesError`), but the
 * build compiled and checked them already.
 */
export function createSite(data: SiteData, options: SiteOptions): Site {
  if (data.rules == null) throw new CacheRulesError('invalid-rules', 'the cache rules did not compile when the site data was built; the build printed why');
  const engine = loadCompiledRulesOrThrow(data.rules);
  const topicSlugs = assignTopicSlugs(data.posts.map((item) => item.post.meta.topic)).slugs;
  const listings = createListings(data.posts.map(({ slug, post }) => listingEntry(slug, post)), topicSlugs);
  return {
    siteName: data.siteName,
    target: options.target,
    baseUrl: options.baseUrl,
    engine,
    routes: siteRoutesFor(engine),
    posts: new Map(data.posts.map((item) => [item.slug, item])),
    corpus: data.posts,
    listings,
    topicSlugs,
    assets: new Map(data.assets.map((asset) => [asset.path, asset])),
    stylesheets: data.assets.filter((asset) => asset.contentType.startsWith('text/css')).map((asset) => asset.path),
    similar: createSimilarIndex(data.posts.map((item) => item.post)),
  };
}
