import type { Route as SiteRoute, SiteRoutes } from '@alphanode/site';

/**
 * What a URL path asks for: one of the site's pages (`@alphanode/site`'s routes: home, a topic, a
 * post or another representation of it), or the two things only this worker serves, its assets
 * and a health check; anything else is `not-found`.
 */
export type Route = SiteRoute | { kind: 'asset'; path: string } | { kind: 'health' } | { kind: 'not-found' };

/** The route of a URL path (as `URL.pathname` gives it: percent-encoded). Pure. */
export function routeOf(pathname: string, routes: SiteRoutes): Route {
  if (pathname === '/healthz') return { kind: 'health' };
  if (pathname.startsWith('/assets/')) return { kind: 'asset', path: pathname };
  return routes.match(pathname) ?? { kind: 'not-found' };
}
