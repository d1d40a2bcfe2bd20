/**
 * A site path made absolute against `baseUrl` (its origin and any path prefix: a site served under
 * `https://example.com/blog/` keeps `/blog/`). Sitemaps and feeds need absolute URLs; pages do not.
 *
 * @example
 * absoluteUrl('/posts/a', 'https://example.com/blog'); // 'https://example.com/blog/posts/a'
 */
export function absoluteUrl(path: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const prefix = base.pathname.endsWith('/') ? base.pathname.slice(0, -1) : base.pathname;
  return new URL(prefix + (path.startsWith('/') ? path : `/${path}`), base.origin).href;
}

/** Whether `baseUrl` is an absolute http(s) URL, with no query or fragment, that sitemaps and feeds can use. */
export function checkBaseUrl(baseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `expected an absolute URL such as https://example.com, found ${JSON.stringify(baseUrl.slice(0, 80))}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `expected an http or https URL, found ${url.protocol}`;
  if (url.search !== '' || url.hash !== '') return 'expected a base URL without a query or fragment';
  return undefined;
}
