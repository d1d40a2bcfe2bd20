import type { Decision } from '@alphanode/cache-rules';
import { edgeCacheControl } from './edge-lifetime.ts';

/** The part of the Workers `Cache` the worker uses; an in-memory stand-in satisfies it in tests. */
export interface EdgeCache {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

/** Says whether a response came from the edge cache: `HIT`, `MISS`, or `BYPASS` when the request's own rule keeps it out. */
export const EDGE_CACHE_HEADER = 'x-edge-cache';
// The visitor's Cache-Control, kept beside the stored copy, whose own Cache-Control is the edge lifetime.
const BROWSER_CACHE_CONTROL = 'x-alphanode-browser-cache-control';

/**
 * `caches.default` where the runtime has it (workerd), else undefined. Deno and browsers have a
 * `caches` without `default`, and other runtimes none, so the worker then serves every request
 * itself.
 */
export function defaultCache(): EdgeCache | undefined {
  return (globalThis as { caches?: { default?: EdgeCache } }).caches?.default;
}

/**
 * The cache key of a request: its URL alone, as GET. Only the URL picks the copy; a cookie or an
 * Authorization header never reaches the key, and the rules have already kept such requests out.
 */
export function cacheKey(request: Request): Request {
  return new Request(request.url, { method: 'GET' });
}

/**
 * A copy of the response to store (the response itself stays readable), or undefined when the
 * decision keeps it out of shared caches.
 */
export function storedCopy(response: Response, decision: Decision): Response | undefined {
  if (decision.action !== 'cache' || response.headers.has('set-cookie')) return undefined;
  const edge = edgeCacheControl(decision.headers);
  if (edge === undefined) return undefined;
  const headers = new Headers(response.headers);
  headers.set(BROWSER_CACHE_CONTROL, response.headers.get('cache-control') ?? '');
  headers.set('cache-control', edge);
  headers.delete(EDGE_CACHE_HEADER);
  return new Response(response.clone().body, { status: response.status, headers });
}

/** A stored copy as the visitor gets it: the browser's Cache-Control back, marked as a hit. */
export function fromStored(stored: Response): Response {
  const headers = new Headers(stored.headers);
  const browser = headers.get(BROWSER_CACHE_CONTROL);
  headers.delete(BROWSER_CACHE_CONTROL);
  if (browser == null || browser === '') headers.delete('cache-control');
  else headers.set('cache-control', browser);
  headers.set(EDGE_CACHE_HEADER, 'HIT');
  return new Response(stored.body, { status: stored.status, headers });
}
