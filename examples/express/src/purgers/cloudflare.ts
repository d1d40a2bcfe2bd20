import { batches, sendPurge } from './send-purge.ts';
import type { Fetch, Purger } from './purger.ts';

export interface CloudflarePurgerOptions {
  zoneId: string;
  /** An API token with the Zone › Cache Purge permission. */
  token: string;
  fetch?: Fetch;
  /** For tests and proxies; default `https://api.cloudflare.com/client/v4`. */
  apiBase?: string;
}

// Cloudflare takes at most 100 tags in one purge_cache call.
const MAX_TAGS = 100;

/**
 * Cloudflare's purge by cache tag: `POST /zones/{zone}/purge_cache` with `{"tags": [...]}` and a
 * Bearer API token. The rules send the same keys in `Cache-Tag`.
 *
 * @example
 * const purger = cloudflarePurger({ zoneId: '023e105f4ecef8ad9ca31a8372d0c353', token: process.env.CF_TOKEN ?? '' });
 */
export function cloudflarePurger(options: CloudflarePurgerOptions): Purger {
  const base = options.apiBase ?? 'https://api.cloudflare.com/client/v4';
  return {
    name: 'cloudflare',
    purgesUrls: false,
    requests(plan) {
      return batches(plan.keys, MAX_TAGS).map(
        (tags) =>
          new Request(`${base}/zones/${encodeURIComponent(options.zoneId)}/purge_cache`, {
            method: 'POST',
            headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ tags }),
          }),
      );
    },
    purge(plan) {
      return sendPurge('cloudflare', this.requests(plan), options.fetch ?? fetch);
    },
  };
}
