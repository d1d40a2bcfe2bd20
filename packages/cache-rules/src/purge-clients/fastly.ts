import { batches, jsonItemBytes, utf8Bytes } from './batch.ts';
import { absoluteUrls, definePurger, emptyPlan, prefixesNotPurged, withinKeyLimit } from './common.ts';
import type { PurgeClientOptions, Purger } from './types.ts';

export interface FastlyPurgerOptions extends PurgeClientOptions {
  serviceId: string;
  /** An API token with the `purge_select` scope. */
  token: string;
  /** Where the site is served, to purge paths by URL: `https://www.example.com`. */
  siteUrl?: string;
  /** For tests and proxies; default `https://api.fastly.com`. */
  apiBase?: string;
}

// "Up to 256 surrogate keys can be purged in one batch request."
// https://www.fastly.com/documentation/reference/api/purging/#bulk-purge-tag
const MAX_KEYS_PER_BATCH = 256;
// A surrogate key is at most 1024 bytes; a longer one is never indexed, so no object carries it.
// https://www.fastly.com/documentation/reference/http/http-headers/Surrogate-Key/
const MAX_KEY_BYTES = 1024;
// The keys travel in the JSON body, so the 16,384-byte limit on a response's Surrogate-Key header
// (target-profiles.ts, the same page) binds the origin's responses, not this request.

/**
 * Fastly: surrogate keys by the batch purge (`POST /service/{id}/purge`, `{"surrogate_keys": […]}`,
 * at most 256 a request) and each URL no key reaches by the single-URL purge
 * (`POST /purge/{host}{path}`), since a new URL's cached 404 carries no key. Soft purges send
 * `Fastly-Soft-Purge: 1`: objects are marked stale rather than evicted. Prefixes are not supported.
 *
 * @example
 * const purger = fastlyPurger({ serviceId: 'SU1Z0isxPaozGVKXdv0eY', token: env.FASTLY_TOKEN, siteUrl: 'https://www.example.com' });
 * const result = await purger.purge({ keys: ['post-a'], urls: ['/posts/a'], urlsWithoutKey: [] }, { soft: true });
 */
export function fastlyPurger(options: FastlyPurgerOptions): Purger {
  const base = (options.apiBase ?? 'https://api.fastly.com').replace(/\/+$/, '');
  return definePurger('fastly', { keys: true, urls: true, prefixes: false, soft: true }, options, (input, soft) => {
    const plan = emptyPlan();
    const headers: Record<string, string> = { 'fastly-key': options.token, accept: 'application/json', ...(soft ? { 'fastly-soft-purge': '1' } : {}) };
    const keys = withinKeyLimit('fastly', plan, input.keys, MAX_KEY_BYTES, 'bytes', 'Surrogate-Key', utf8Bytes);
    for (const batch of batches(keys, { maxItems: MAX_KEYS_PER_BATCH, itemBytes: jsonItemBytes })) {
      plan.requests.push({
        method: 'POST',
        url: `${base}/service/${encodeURIComponent(options.serviceId)}/purge`,
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ surrogate_keys: batch }),
        purges: { kind: 'keys', items: batch },
      });
    }
    // One request per URL: Fastly has no batch purge by URL. The cached URL is named without its scheme.
    for (const url of absoluteUrls('fastly', plan, input.byUrl, options.siteUrl)) {
      const { host, pathname, search } = new URL(url);
      plan.requests.push({ method: 'POST', url: `${base}/purge/${host}${pathname}${search}`, headers, purges: { kind: 'urls', items: [url] } });
    }
    prefixesNotPurged('fastly', plan, input.prefixes);
    return plan;
  });
}
