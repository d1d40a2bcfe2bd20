import { batches } from './batch.ts';
import { definePurger, emptyPlan, prefixesNotPurged, softUnsupported, urlsNotPurged } from './common.ts';
import type { PurgeClientOptions, Purger } from './types.ts';

export interface NetlifyPurgerOptions extends PurgeClientOptions {
  /** The site's API ID (Site configuration › Site details; `SITE_ID` inside Netlify's own builds and functions). */
  siteId: string;
  /** A personal access token, or the purge token Netlify gives functions (`NETLIFY_PURGE_API_TOKEN`). */
  token: string;
  /** Purge only this deploy alias (a branch or deploy preview); default the production site. */
  deployAlias?: string;
  /** For tests and proxies; default `https://api.netlify.com`. */
  apiBase?: string;
}

// Netlify documents no limit on the tags of one purge. Batches of 100 keep each request small and
// let a failure name what was not purged; the whole plan rarely needs more than one.
// https://docs.netlify.com/platform/caching/#on-demand-invalidation
const TAGS_PER_REQUEST = 100;

/**
 * Netlify's purge API, the one `purgeCache({ tags })` from `@netlify/functions` calls:
 * `POST /api/v1/purge` with `{"site_id", "cache_tags": […]}` and a Bearer token. Netlify purges by
 * cache tag (`Netlify-Cache-Tag`, `Cache-Tag`) only, and hard only: URLs no key reaches and soft
 * purges are reported in `notices` (its static files are invalidated on every deploy anyway).
 *
 * @example
 * const purger = netlifyPurger({ siteId: env.NETLIFY_SITE_ID, token: env.NETLIFY_PURGE_API_TOKEN });
 */
export function netlifyPurger(options: NetlifyPurgerOptions): Purger {
  const url = `${(options.apiBase ?? 'https://api.netlify.com').replace(/\/+$/, '')}/api/v1/purge`;
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json; charset=utf-8' };
  return definePurger('netlify', { keys: true, urls: false, prefixes: false, soft: false }, options, (input, soft) => {
    const plan = emptyPlan();
    if (soft) plan.notices.push(softUnsupported('netlify', 'the purge API evicts'));
    for (const tags of batches(input.keys, { maxItems: TAGS_PER_REQUEST })) {
      const body = { site_id: options.siteId, cache_tags: tags, ...(options.deployAlias === undefined ? {} : { deploy_alias: options.deployAlias }) };
      plan.requests.push({ method: 'POST', url, headers, body: JSON.stringify(body), purges: { kind: 'keys', items: tags } });
    }
    urlsNotPurged('netlify', plan, input.byUrl);
    prefixesNotPurged('netlify', plan, input.prefixes);
    return plan;
  });
}
