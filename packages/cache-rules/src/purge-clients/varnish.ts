import { batches } from './batch.ts';
import { definePurger, emptyPlan, prefixesNotPurged } from './common.ts';
import type { PurgeClientOptions, Purger } from './types.ts';

export interface VarnishPurgerOptions extends PurgeClientOptions {
  /**
   * Where Varnish listens, e.g. `http://127.0.0.1:6081`. The example VCL takes PURGE only from its
   * `purgers` ACL, and purges a URL under the Host the purge is sent to: use the address visitors'
   * requests reach Varnish by.
   */
  url: string;
  /** `http_req_hdr_len` if you raised it; default 8192, Varnish's default. */
  maxHeaderBytes?: number;
}

// varnishd refuses (400) a request header line longer than http_req_hdr_len, 8 KiB by default,
// counting "name: value" (measured against varnishd 7.1: a 8,192-byte line passes, 8,193 fails).
// https://varnish-cache.org/docs/trunk/reference/varnishd.html#http-req-hdr-len
const HTTP_REQ_HDR_LEN = 8192;

/**
 * Varnish with vmod_xkey and the example VCL (`examples/express/varnish/default.vcl`): keys go in an
 * `xkey-purge` request header of an HTTP `PURGE` (`xkey-softpurge` for a soft purge: objects stay
 * servable within grace while they refetch), space-separated, each header line within
 * http_req_hdr_len; Varnish answers "Invalidated N objects". Each URL no key reaches gets a `PURGE`
 * of its own, which the VCL turns into `return (purge)`: always hard, which a soft purge reports in
 * `notices`. Prefixes are not supported.
 *
 * @example
 * const purger = varnishPurger({ url: 'http://127.0.0.1:6081' });
 */
export function varnishPurger(options: VarnishPurgerOptions): Purger {
  const maxHeaderBytes = options.maxHeaderBytes ?? HTTP_REQ_HDR_LEN;
  return definePurger('varnish', { keys: true, urls: true, prefixes: false, soft: true }, options, (input, soft) => {
    const plan = emptyPlan();
    const header = soft ? 'xkey-softpurge' : 'xkey-purge';
    for (const keys of batches(input.keys, { maxBytes: maxHeaderBytes, overhead: `${header}: `.length, separatorBytes: 1 })) {
      plan.requests.push({ method: 'PURGE', url: new URL('/', options.url).href, headers: { [header]: keys.join(' ') }, purges: { kind: 'keys', items: keys } });
    }
    for (const url of input.byUrl) {
      // An absolute URL is purged at its path: the PURGE goes to Varnish, which hashes it under the Host it is sent to.
      const path = URL.canParse(url) ? `${new URL(url).pathname}${new URL(url).search}` : url;
      plan.requests.push({ method: 'PURGE', url: new URL(path, options.url).href, headers: {}, purges: { kind: 'urls', items: [url] } });
    }
    if (soft && input.byUrl.length > 0) {
      plan.notices.push({ code: 'hard-url-purge', message: `varnish: the VCL purges a URL with return (purge), which evicts: ${input.byUrl.length} URL purge${input.byUrl.length === 1 ? ' is' : 's are'} hard`, items: input.byUrl });
    }
    prefixesNotPurged('varnish', plan, input.prefixes);
    return plan;
  });
}
