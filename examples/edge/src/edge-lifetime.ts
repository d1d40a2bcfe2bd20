// The fields in which targets carry the edge lifetime in Cache-Control syntax (RFC 9213 and its
// vendor variants, and Fastly's Surrogate-Control), most specific first.
const EDGE_FIELDS = ['Cloudflare-CDN-Cache-Control', 'Vercel-CDN-Cache-Control', 'Netlify-CDN-Cache-Control', 'CDN-Cache-Control', 'Surrogate-Control'];

function storable(directives: string): boolean {
  const list = directives.toLowerCase();
  if (/(^|[\s,])(private|no-store|no-cache)\b/.test(list)) return false;
  const maxAge = /(?:^|[\s,])(?:s-maxage|max-age)=(\d+)/.exec(list);
  return maxAge != null && Number(maxAge[1]) > 0;
}

/**
 * The `Cache-Control` a copy kept in the Workers Cache API should carry: the edge lifetime the rules
 * gave the target, or undefined when nothing may be kept there. The Cache API reads only
 * `Cache-Control` (developers.cloudflare.com/workers/runtime-apis/cache), and the visitor's
 * `Cache-Control` holds the browser lifetime, which is shorter. Akamai's `Edge-Control` is not in
 * Cache-Control syntax, so that target stores nothing here.
 */
export function edgeCacheControl(decisionHeaders: Readonly<Record<string, string>>): string | undefined {
  const headers = new Headers(decisionHeaders);
  for (const name of EDGE_FIELDS) {
    const value = headers.get(name);
    if (value != null) return storable(value) ? value : undefined;
  }
  // Varnish puts both lifetimes in Cache-Control; s-maxage is the one a shared cache reads.
  const cacheControl = headers.get('Cache-Control');
  return cacheControl != null && cacheControl.includes('s-maxage=') && storable(cacheControl) ? cacheControl : undefined;
}
