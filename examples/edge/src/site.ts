import { compileRulesOrThrow, postSlug, type CacheRulesEngine, type TargetName } from '@alphanode/cache-rules';
import { createSimilarIndex, type SimilarIndex } from '@alphanode/renderer';
import type { Asset, SiteData, SitePost } from './site-data.ts';

/** A topic and the posts in it, by title. */
export interface Topic {
  name: string;
  slug: string;
  posts: SitePost[];
}

/** The site data indexed for serving: built once per isolate, read by every request. */
export interface Site {
  siteName: string;
  target: TargetName;
  /** Origin of the deployed site, for canonical URLs; none when not configured. */
  baseUrl: string | undefined;
  engine: CacheRulesEngine;
  posts: ReadonlyMap<string, SitePost>;
  /** Every post in data order: `similar` answers with positions in this list. */
  corpus: readonly SitePost[];
  /** Every post, by title: the home page's order. */
  byTitle: readonly SitePost[];
  topics: ReadonlyMap<string, Topic>;
  assets: ReadonlyMap<string, Asset>;
  stylesheets: string[];
  similar: SimilarIndex;
}

export interface SiteOptions {
  target: TargetName;
  baseUrl?: string;
}

/**
 * A topic's URL slug. It must fold exactly as the rules fold `{post.meta.topic}` into a purge key,
 * so that the listing's key (`topic:{topic}`, from its URL) is the key its posts carry; postSlug is
 * that folding.
 */
export function topicSlug(topic: string): string {
  return postSlug({ title: topic });
}

const byTitle = (a: SitePost, b: SitePost): number => a.post.title.localeCompare(b.post.title, 'en') || (a.slug < b.slug ? -1 : 1);

/** Indexes the data. Compiling the rules can throw (a `CacheRulesError`), but the build compiled them already. */
export function createSite(data: SiteData, options: SiteOptions): Site {
  const sorted = [...data.posts].sort(byTitle);
  const topics = new Map<string, Topic>();
  for (const item of sorted) {
    const slug = topicSlug(item.post.meta.topic);
    const topic = topics.get(slug) ?? { name: item.post.meta.topic, slug, posts: [] };
    topic.posts.push(item);
    topics.set(slug, topic);
  }
  return {
    siteName: data.siteName,
    target: options.target,
    baseUrl: options.baseUrl,
    engine: compileRulesOrThrow(data.rulesYaml),
    posts: new Map(data.posts.map((item) => [item.slug, item])),
    corpus: data.posts,
    byTitle: sorted,
    topics,
    assets: new Map(data.assets.map((asset) => [asset.path, asset])),
    stylesheets: data.assets.filter((asset) => asset.contentType.startsWith('text/css')).map((asset) => asset.path),
    similar: createSimilarIndex(data.posts.map((item) => item.post)),
  };
}
