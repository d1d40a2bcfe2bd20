import type { Post } from '@alphanode/parser';
import { whyNotMatch, type RequestContext } from '../engine/match-rule.ts';
import type { CacheRulesEngine } from '../engine/create-engine.ts';
import { splitUrl } from '../engine/request-view.ts';
import { compileKeyTemplate, expandKeyTemplate, type KeyTemplate } from '../keys/key-template.ts';

/** What listings show about a post: when none of these change, no listing needs a purge. */
export const LISTING_FIELDS = ['title', 'meta.summary', 'meta.topic', 'meta.stack', 'meta.readingTime'] as const;

/** The keys and URLs to purge, each with the reason it is in the plan. */
export interface PurgePlan {
  keys: string[];
  urls: string[];
  reasons: { target: string; reason: string }[];
}

/**
 * A post and every URL it is served at, its page first: the site's routes decide those
 * (`@alphanode/site`), never this package, so a plan names the URLs the site really serves.
 */
export interface PostPage {
  post: Post;
  urls: readonly string[];
}

/** Configures `purgeKeys` and `purgePlan`: the rules whose key templates tag a post, and which fields listings show. */
export interface PurgeOptions {
  /** The compiled rules whose key templates tag the post's page; without them, the defaults. */
  rules?: CacheRulesEngine;
  /** Post fields (dotted paths) that listings show: a change to one purges the post's listings; default `LISTING_FIELDS`. */
  listingFields?: readonly string[];
}

const DEFAULT_TEMPLATES = ['post:{slug}', 'topic:{post.meta.topic}', 'stack:{post.meta.stack}'];

interface PostKeys {
  /** The post's page, then its other representations. */
  urls: string[];
  /** Keys naming this post's own pages. */
  route: string[];
  /** Keys naming listings the post appears in. */
  listing: string[];
}

function templatesFor(url: string, engine: CacheRulesEngine | undefined): { templates: readonly KeyTemplate[]; params: Record<string, string> } {
  const params: Record<string, string> = {};
  if (!engine) {
    const templates = DEFAULT_TEMPLATES.map((source) => compileKeyTemplate(source, ['slug'])).flatMap((result) => (result.ok ? [result.template] : []));
    params['slug'] = url.slice(url.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
    return { templates, params };
  }
  const context: RequestContext = { request: { url }, response: undefined, method: 'GET', url: splitUrl(url), params, cookies: undefined };
  const rule = engine.rules.find((candidate) => whyNotMatch(candidate, context) === undefined);
  return { templates: rule?.policy.kind === 'shared' ? rule.keys : [], params };
}

function keysOf({ post, urls }: PostPage, engine: CacheRulesEngine | undefined): PostKeys {
  const route: string[] = [];
  const listing: string[] = [];
  for (const url of urls) {
    const { templates, params } = templatesFor(url, engine);
    // A template that reads only the post (topic, stack) names a listing; one that reads the route is the page's own.
    for (const template of templates) expandKeyTemplate(template, params, post, template.usesPost && template.params.length === 0 ? listing : route);
  }
  return { urls: [...urls], route: [...new Set(route)], listing: [...new Set(listing)] };
}

/**
 * The purge keys a post's page carries (its route key and its listing keys).
 *
 * @example
 * purgeKeys({ post, urls: ['/posts/improving-asset-delivery'] }); // ['post-improving-asset-delivery', 'topic-…', 'stack-go', …]
 */
export function purgeKeys(page: PostPage, options: PurgeOptions = {}): string[] {
  const keys = keysOf(page, options.rules);
  return [...keys.route, ...keys.listing];
}

function read(post: Post, field: string): string {
  let node: unknown = post;
  for (const step of field.split('.')) node = node != null && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined;
  return JSON.stringify(node) ?? '';
}

/**
 * The smallest purge for one post that was added (`before` undefined), changed, or removed (`after`
 * undefined), each side with the URLs the site serves it at: its own pages always; a listing key
 * only when the post joined or left that listing, or when something listings show about it (title,
 * summary, topic, stack, reading time) changed. A whole site's exact plan, by what each URL's bytes
 * did, is `@alphanode/site`'s `exactPurgePlan`.
 *
 * @example
 * purgePlan({ post: old, urls }, { post: edited, urls }, { rules: engine }); // { keys: ['post-…'], urls, reasons }
 */
export function purgePlan(before: PostPage | undefined, after: PostPage | undefined, options: PurgeOptions = {}): PurgePlan {
  const plan: PurgePlan = { keys: [], urls: [], reasons: [] };
  const add = (list: string[], target: string, reason: string) => {
    if (list.includes(target)) return;
    list.push(target);
    plan.reasons.push({ target, reason });
  };
  const old = before && keysOf(before, options.rules);
  const now = after && keysOf(after, options.rules);
  const change = !old ? 'the post was added' : !now ? 'the post was removed' : 'the post changed';
  for (const side of [old, now]) {
    if (!side) continue;
    for (const url of side.urls) add(plan.urls, url, change);
    for (const key of side.route) add(plan.keys, key, `${change}: its own page`);
  }
  if (!old || !now) {
    for (const key of (old ?? now)?.listing ?? []) add(plan.keys, key, `${change}: listings that show it change`);
    return plan;
  }
  for (const key of now.listing) if (!old.listing.includes(key)) add(plan.keys, key, 'the post joined this listing');
  for (const key of old.listing) if (!now.listing.includes(key)) add(plan.keys, key, 'the post left this listing');
  const changed = (options.listingFields ?? LISTING_FIELDS).filter((field) => read((before as PostPage).post, field) !== read((after as PostPage).post, field));
  if (changed.length > 0) for (const key of now.listing) add(plan.keys, key, `what listings show changed (${changed.join(', ')})`);
  return plan;
}
