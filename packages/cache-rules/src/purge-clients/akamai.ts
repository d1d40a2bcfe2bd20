import { batches, jsonItemBytes, utf8Bytes } from './batch.ts';
import { absoluteUrls, definePurger, emptyPlan, prefixesNotPurged, withinKeyLimit } from './common.ts';
import { edgeGridSigner, type EdgeGridCredentials, type EdgeGridSign } from './edgegrid.ts';
import { RateLimiter, type TokenBucket } from './pacing.ts';
import type { PurgeClientOptions, Purger } from './types.ts';

export interface AkamaiPurgerOptions extends PurgeClientOptions {
  /** The API client's host from `.edgerc` (`akab-….luna.akamaiapis.net`), or a base URL for tests and proxies. */
  host: string;
  /**
   * Signs each request (EdgeGrid). Inject your own so that no crypto code is forced on you, or give
   * `credentials` and the built-in Web Crypto signer (`edgeGridSigner`) is used.
   */
  sign?: EdgeGridSign;
  credentials?: EdgeGridCredentials;
  /** Default `production`. */
  network?: 'production' | 'staging';
  /** Where the site is served, to purge paths by URL: `https://www.example.com`. */
  siteUrl?: string;
  /** Replaces the documented buckets; `false` turns pacing off (429s are still retried). */
  rateLimit?: { requests?: TokenBucket; tags?: TokenBucket; urls?: TokenBucket } | false;
}

// "Purge requests have a body size limit of 50KB. Requests with body sizes greater than 50KB
// result in a 413 error"; the 413 page names the limit exactly: 50,000 bytes.
// https://techdocs.akamai.com/purge-cache/reference/rate-limiting
// https://techdocs.akamai.com/purge-cache/reference/413
const MAX_BODY_BYTES = 50_000;
// Token buckets per account: 100 requests refilled at 50 a second; 10,000 URLs at 12,000 a minute;
// 5,000 cache tags at 500 a minute. A request needs enough object tokens for all its objects.
// https://techdocs.akamai.com/purge-cache/reference/rate-limiting
const BUCKETS = {
  requests: { capacity: 100, refillPerSecond: 50 },
  urls: { capacity: 10_000, refillPerSecond: 12_000 / 60 },
  tags: { capacity: 5_000, refillPerSecond: 500 / 60 },
} satisfies Record<string, TokenBucket>;
// "A single tag can't exceed 128 characters."
// https://techdocs.akamai.com/purge-cache/docs/purge-content-cache-tag
const MAX_TAG_CHARS = 128;
const EMPTY_BODY_BYTES = utf8Bytes('{"objects":[]}');

/**
 * Akamai Fast Purge v3: `POST /ccu/v3/{invalidate|delete}/{tag|url}/{network}` with
 * `{"objects": […]}`, signed with EdgeGrid. A soft purge invalidates (objects are revalidated with
 * the origin, and served stale if it is down); a hard purge deletes. Keys go as cache tags, each URL
 * no key reaches as an absolute URL; every body stays within 50,000 bytes, and requests are paced to
 * the documented token buckets. Prefixes are not supported.
 *
 * @example
 * const purger = akamaiPurger({ host: 'akab-xxxx.luna.akamaiapis.net', sign: myEdgeGridSigner, siteUrl: 'https://www.example.com' });
 * await purger.purge(plan, { soft: true }); // invalidate rather than delete
 */
export function akamaiPurger(options: AkamaiPurgerOptions): Purger {
  const base = (/^https?:\/\//.test(options.host) ? options.host : `https://${options.host}`).replace(/\/+$/, '');
  const network = options.network ?? 'production';
  const sign = options.sign ?? (options.credentials ? edgeGridSigner(options.credentials) : undefined);
  const rate = options.rateLimit;
  const limiter = rate === false ? undefined : new RateLimiter({ ...BUCKETS, ...rate });
  return definePurger(
    'akamai',
    { keys: true, urls: true, prefixes: false, soft: true },
    options,
    (input, soft) => {
      const plan = emptyPlan();
      if (sign === undefined) plan.failures.push({ code: 'invalid-input', message: 'akamai: no signer: pass `sign` (an EdgeGrid signer) or `credentials`; nothing was sent', retryable: false });
      const operation = soft ? 'invalidate' : 'delete';
      // The signer adds Authorization when each attempt is sent; shown here so a dry run says it will be there.
      const headers = { 'content-type': 'application/json', accept: 'application/json', authorization: 'EG1-HMAC-SHA256 (signed when sent)' };
      const tags = withinKeyLimit('akamai', plan, input.keys, MAX_TAG_CHARS, 'characters', 'https://techdocs.akamai.com/purge-cache/docs/purge-content-cache-tag', (tag) => tag.length);
      const urls = absoluteUrls('akamai', plan, input.byUrl, options.siteUrl);
      for (const [type, items, bucket] of [['tag', tags, BUCKETS.tags], ['url', urls, BUCKETS.urls]] as const) {
        for (const objects of batches(items, { maxItems: bucket.capacity, maxBytes: MAX_BODY_BYTES, overhead: EMPTY_BODY_BYTES, itemBytes: jsonItemBytes })) {
          plan.requests.push({
            method: 'POST',
            url: `${base}/ccu/v3/${operation}/${type}/${network}`,
            headers,
            body: JSON.stringify({ objects }),
            purges: { kind: type === 'tag' ? 'keys' : 'urls', items: objects },
            cost: { [type === 'tag' ? 'tags' : 'urls']: objects.length },
          });
        }
      }
      prefixesNotPurged('akamai', plan, input.prefixes);
      return plan;
    },
    {
      limiter,
      authorize: async (request) => {
        const headers = { ...request.headers };
        delete headers['authorization'];
        return { authorization: await (sign as EdgeGridSign)({ method: request.method, url: request.url, headers, body: request.body ?? '' }) };
      },
    },
  );
}
