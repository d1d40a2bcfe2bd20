import { decideRequestOf } from '@alphanode/cache-rules/fetch';
import { cacheKey, EDGE_CACHE_HEADER, fromStored, storedCopy, type EdgeCache } from './edge-cache.ts';
import { finishResponse } from './finish-response.ts';
import { respond } from './respond.ts';
import type { Site } from './site.ts';

export interface HandleOptions {
  /** The edge cache (`caches.default`); without one every request is served by the worker. */
  cache?: EdgeCache | undefined;
  /** Keeps the isolate alive for work after the response (`ctx.waitUntil`); without it the put is awaited. */
  waitUntil?: ((promise: Promise<unknown>) => void) | undefined;
}

function marked(response: Response, status: 'MISS' | 'BYPASS'): Response {
  response.headers.set(EDGE_CACHE_HEADER, status);
  return response;
}

/**
 * Serves one request from the site: from the edge cache when the rules let a shared cache keep the
 * page and a copy is there, else rendered, and stored when the decision says `cache`. A request the
 * rules bypass (a session cookie, Authorization, a preview) neither reads nor fills the cache.
 */
export async function handleRequest(request: Request, site: Site, options: HandleOptions = {}): Promise<Response> {
  const { cache } = options;
  if (cache === undefined || request.method !== 'GET') return finishResponse(request, respond(request, site).response);

  // The request alone says whether it may share a copy; the status is not known yet, and only a
  // bypass, which depends on the request, must keep it from reading one.
  // Read as the fetch adapter reads it, so Cookie lines a runtime joined with "," still bypass.
  const ahead = site.engine.decide(decideRequestOf(request), { target: site.target });
  if (ahead.action === 'bypass') return finishResponse(request, marked(respond(request, site).response, 'BYPASS'));

  const key = cacheKey(request);
  const hit = await cache.match(key);
  if (hit !== undefined) return finishResponse(request, fromStored(hit));

  const { response, decision } = respond(request, site);
  const copy = storedCopy(response, decision);
  if (copy !== undefined) {
    // A failed write costs the next request a render, never this one its answer.
    const put = cache.put(key, copy).catch(() => undefined);
    if (options.waitUntil) options.waitUntil(put);
    else await put;
  }
  return finishResponse(request, marked(response, decision.action === 'bypass' ? 'BYPASS' : 'MISS'));
}
