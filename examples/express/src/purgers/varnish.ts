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
 * header, as `varnish/default.vcl` expects. Varnish answers "Invalidated N objects".
 *
 * @example
 * const purger = varnishPurger({ url: 'http://127.0.0.1:6081' });
 */
export function varnishPurger(options: VarnishPurgerOptions): Purger {
  const header = options.soft ? 'xkey-softpurge' : 'xkey-purge';
  return {
    name: 'varnish',
    requests(plan) {
      return batches(plan.keys, Infinity, MAX_HEADER).map((keys) => new Request(new URL('/', options.url), { method: 'PURGE', headers: { [header]: keys.join(' ') } }));
    },
    purge(plan) {
      return sendPurge('varnish', this.requests(plan), options.fetch ?? fetch);
    },
  };
}
