import type { Decision } from '@alphanode/cache-rules';
import { applyCacheRules } from '@alphanode/cache-rules/fetch';
import type { Post } from '@alphanode/parser';
import { etagFor } from '@alphanode/renderer';
import { postForKeys, renderListingRoute, type ListingPageOptions } from '@alphanode/site';
import { renderPostJson, renderPostPage } from './post-page.ts';
import { routeOf } from './route.ts';
import type { Site } from './site.ts';

/** What a route serves, before any header: status, type, body, and the post when it is one. */
interface Page {
  status: number;
  contentType: string;
  body: string;
  post?: Post;
}

const HTML = 'text/html; charset=utf-8';
const NOT_FOUND: Page = { status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found\n' };
const NOT_ALLOWED: Page = { status: 405, contentType: 'text/plain; charset=utf-8', body: 'method not allowed\n' };

const listingOptions = (site: Site): ListingPageOptions => ({ routes: site.routes, siteName: site.siteName, stylesheets: site.stylesheets });

function pageFor(pathname: string, site: Site): Page {
  const route = routeOf(pathname, site.routes);
  switch (route.kind) {
    case 'home':
    case 'topic': {
      // Any page of a listing; a topic no post has, or a page past the last, is none.
      const body = renderListingRoute(route, site.listings, listingOptions(site));
      return body === undefined ? NOT_FOUND : { status: 200, contentType: HTML, body };
    }
    case 'health':
      return { status: 200, contentType: 'text/plain; charset=utf-8', body: 'ok\n' };
    case 'post': {
      const item = site.posts.get(route.slug);
      if (item === undefined) return NOT_FOUND;
      if (route.representation === 0) return { status: 200, contentType: HTML, body: renderPostPage(site, item.slug, item.post), post: item.post };
      // The rules' other post paths: the worker makes the post's JSON, and nothing else.
      if (!(site.routes.postPatterns[route.representation] ?? '').endsWith('.json')) return NOT_FOUND;
      return { status: 200, contentType: 'application/json; charset=utf-8', body: renderPostJson(item.post), post: item.post };
    }
    case 'asset': {
      const asset = site.assets.get(route.path);
      return asset === undefined ? NOT_FOUND : { status: 200, contentType: asset.contentType, body: asset.body };
    }
    case 'not-found':
      return NOT_FOUND;
  }
}

/**
 * The full response to a request, with the headers the cache rules decide for it (the fetch
 * adapter: the rules' headers over the page's, the body passed on) and, for a 200, a strong ETag
 * of the body. Never a 304 and always with a body, so that the caller can store it;
 * `finishResponse` answers conditional and HEAD requests. Pure apart from rendering.
 */
export function respond(request: Request, site: Site): { response: Response; decision: Decision } {
  const readable = request.method === 'GET' || request.method === 'HEAD';
  const page = readable ? pageFor(new URL(request.url).pathname, site) : NOT_ALLOWED;
  const headers = new Headers({ 'content-type': page.contentType });
  if (page.status === 200) headers.set('etag', etagFor(page.body));
  if (page.status === 405) headers.set('allow', 'GET, HEAD');
  const post = page.post && postForKeys(page.post, site.topicSlugs.get(page.post.meta.topic));
  const ruled = applyCacheRules(site.engine, request, new Response(page.body, { status: page.status, headers }), { target: site.target, post });
  // Every status the worker serves is one a Response can carry, so the adapter always decides.
  const decision = ruled.decision as Decision;
  ruled.response.headers.set('x-cache-rule', decision.rule ?? 'none');
  return { response: ruled.response, decision };
}
