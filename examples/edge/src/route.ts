/** What a URL path asks for; anything else is `not-found`. */
export type Route =
  | { kind: 'index' }
  | { kind: 'post'; slug: string; format: 'html' | 'json' }
  | { kind: 'topic'; topic: string }
  | { kind: 'asset'; path: string }
  | { kind: 'health' }
  | { kind: 'not-found' };

// Slugs are what postSlug and the key folding produce: lowercase [a-z0-9._-]. Anything else cannot
// name a post, so it is a 404 without a lookup.
const POST = /^\/posts\/([a-z0-9._-]+?)(\.json)?$/;
const TOPIC = /^\/topics\/([a-z0-9._-]+)$/;

/** The route of a URL path (as `URL.pathname` gives it: percent-encoded). Pure. */
export function routeOf(pathname: string): Route {
  if (pathname === '/') return { kind: 'index' };
  if (pathname === '/healthz') return { kind: 'health' };
  if (pathname.startsWith('/assets/')) return { kind: 'asset', path: pathname };
  const post = POST.exec(pathname);
  if (post) return { kind: 'post', slug: post[1] as string, format: post[2] ? 'json' : 'html' };
  const topic = TOPIC.exec(pathname);
  if (topic) return { kind: 'topic', topic: topic[1] as string };
  return { kind: 'not-found' };
}
