import { batches, sendPurge } from './send-purge.ts';
import type { Fetch, Purger } from './purger.ts';

export interface VarnishPurgerOptions {
  /** Where Varnish listens, e.g. `http://127.0.0.1:6081`; the VCL only accepts PURGE from its `purgers` ACL. */
  url: string;
  /** `xkey-softpurge` instead of `xkey-purge`: objects stay servable within grace while they refetch. */
  soft?: boolean;
  fetch?: Fetch;
}

// varnishd refuses request header lines over http_req_hdr_len (8 KiB by default); stay well under.
const MAX_HEADER = 4_000;

/**
 * Purges by key through vmod_xkey: an HTTP `PURGE` to Varnish with the keys in an `xkey-purge`
 * header, as `varnish/default.vcl` expects; Varnish answers "Invalidated N objects". Each URL no
 * key reaches gets a `PURGE` of its own, which the VCL turns into a purge of that URL (under the
 * Host the purge is sent to, so `url` must be the address visitors' requests reach Varnish by).
 *
 * @example
 * const purger = varnishPurger({ url: 'http://127.0.0.1:6081' });
 */
export function varnishPurger(options: VarnishPurgerOptions): Purger {
  const header = options.soft ? 'xkey-softpurge' : 'xkey-purge';
  return {
    name: 'varnish',
    purgesUrls: true,
    requests(plan) {
      const byKey = batches(plan.keys, Infinity, MAX_HEADER).map((keys) => new Request(new URL('/', options.url), { method: 'PURGE', headers: { [header]: keys.join(' ') } }));
      return [...byKey, ...(plan.urlsWithoutKey ?? []).map((url) => new Request(new URL(url, options.url), { method: 'PURGE' }))];
    },
    purge(plan) {
      return sendPurge('varnish', this.requests(plan), options.fetch ?? fetch);
    },
  };
}
