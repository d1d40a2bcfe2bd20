import { batches, sendPurge } from './send-purge.ts';
import type { Fetch, Purger } from './purger.ts';

export interface FastlyPurgerOptions {
  serviceId: string;
  /** An API token with the `purge_select` scope. */
  token: string;
  /** Mark objects stale instead of evicting them (`Fastly-Soft-Purge: 1`), so they can be served while refetching. */
  soft?: boolean;
  fetch?: Fetch;
  /** For tests and proxies; default `https://api.fastly.com`. */
  apiBase?: string;
}

// Fastly's bulk purge takes at most 256 keys per call; the Surrogate-Key header at most 16 KB.
const MAX_KEYS = 256;
const MAX_HEADER = 16_000;

/**
 * Fastly's surrogate-key bulk purge: `POST /service/{id}/purge` with the keys in a `Surrogate-Key`
 * request header, space-separated, authenticated by `Fastly-Key`.
 *
 * @example
 * const purger = fastlyPurger({ serviceId: 'SU1Z0isxPaozGVKXdv0eY', token: process.env.FASTLY_TOKEN ?? '' });
 */
export function fastlyPurger(options: FastlyPurgerOptions): Purger {
  const base = options.apiBase ?? 'https://api.fastly.com';
  return {
    name: 'fastly',
    purgesUrls: false,
    requests(plan) {
      return batches(plan.keys, MAX_KEYS, MAX_HEADER).map((keys) => {
        const headers = new Headers({ 'fastly-key': options.token, 'surrogate-key': keys.join(' '), accept: 'application/json' });
        if (options.soft) headers.set('fastly-soft-purge', '1');
        return new Request(`${base}/service/${encodeURIComponent(options.serviceId)}/purge`, { method: 'POST', headers });
      });
    },
    purge(plan) {
      return sendPurge('fastly', this.requests(plan), options.fetch ?? fetch);
    },
  };
}
