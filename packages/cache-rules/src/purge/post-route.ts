import type { Post } from '@alphanode/parser';
import type { CacheRulesEngine } from '../engine/create-engine.ts';
import { slugifyKeyPart } from '../keys/safe-key.ts';

/** Where posts live when a rules file does not say (`post: { path: ... }`). */
export const DEFAULT_POST_PATH = '/posts/:slug';

/**
 * A post's slug: its title slugified (lowercase, `[a-z0-9._-]`, runs of anything else as one "-").
 * Posts carry no slug of their own, and a title-derived one is stable across re-imports; a site
 * that routes by this slug gets the same `{slug}` from the URL as a purge plan computes.
 *
 * @example
 * postSlug({ title: 'Improving Asset Delivery', ... }); // 'improving-asset-delivery'
 */
export function postSlug(post: Pick<Post, 'title'>): string {
  return slugifyKeyPart(post.title);
}

/**
 * The URL paths of a post under the rules' `post.path` (only `:slug` is filled in): its page first,
 * then any other representation the rules list (`/posts/:slug.json`).
 *
 * @example
 * postPaths(post, engine); // ['/posts/improving-asset-delivery', '/posts/improving-asset-delivery.json']
 */
export function postPaths(post: Pick<Post, 'title'>, engine?: CacheRulesEngine): string[] {
  const slug = postSlug(post);
  return (engine?.config.post?.path ?? [DEFAULT_POST_PATH]).map((pattern) => pattern.replace(/:slug(?![A-Za-z0-9_])/, slug));
}

/**
 * The URL path of a post's page: the first of its `post.path` patterns.
 *
 * @example
 * postPath(post, engine); // '/posts/improving-asset-delivery'
 */
export function postPath(post: Pick<Post, 'title'>, engine?: CacheRulesEngine): string {
  return postPaths(post, engine)[0] as string;
}
