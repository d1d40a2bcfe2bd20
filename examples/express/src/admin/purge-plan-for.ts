import { postSlug, purgePlan, type CacheRulesEngine, type PurgePlan, type TargetName } from '@alphanode/cache-rules';
import type { Post } from '@alphanode/parser';

/**
 * Keys the post's JSON (`/posts/<slug>.json`) carries and its page does not. The rules' `/posts/:slug`
 * pattern takes `<slug>.json` whole as `{slug}`, so the JSON is tagged `post-<slug>.json`, a key
 * `purgePlan` (which knows only the page) never names.
 */
function jsonOnlyKeys(post: Post, engine: CacheRulesEngine, target: TargetName): string[] {
  const slug = postSlug(post);
  const keysOf = (url: string) => engine.decide({ method: 'GET', url, headers: {} }, { target, post }).keys;
  const pageKeys = new Set(keysOf(`/posts/${slug}`));
  return keysOf(`/posts/${slug}.json`).filter((key) => !pageKeys.has(key));
}

/**
 * The purge for a post that was added (`before` undefined) or changed: the library's minimal plan
 * for its page and listings, and the JSON representation this site also serves.
 */
export function purgePlanFor(before: Post | undefined, after: Post, engine: CacheRulesEngine, target: TargetName): PurgePlan {
  const plan = purgePlan(before, after, { rules: engine });
  for (const post of before ? [before, after] : [after]) {
    const slug = postSlug(post);
    const url = `/posts/${slug}.json`;
    if (!plan.urls.includes(url)) {
      plan.urls.push(url);
      plan.reasons.push({ target: url, reason: 'the post changed: its JSON' });
    }
    for (const key of jsonOnlyKeys(post, engine, target)) {
      if (plan.keys.includes(key)) continue;
      plan.keys.push(key);
      plan.reasons.push({ target: key, reason: 'the post changed: its JSON' });
    }
  }
  return plan;
}
