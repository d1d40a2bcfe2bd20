import type { DecideRequest } from '../engine/request-view.ts';

/** A Cookie header with every "," read as the ";" between cookies (see `decideRequestOf`). */
export function foldCookieHeader(cookie: string): string {
  return cookie.replaceAll(',', ';');
}

/**
 * The request as `engine.decide` reads it. The Fetch standard combines repeated fields with ", "
 * (Node's undici makes an exception for Cookie; a runtime or proxy need not), so two Cookie lines
 * (`a=1` then `session=alice`) may arrive as `a=1, session=alice`, in which a parser that splits
 * on ";" sees one cookie, `a`, and misses the session. Only then is the Cookie header re-read with
 * "," as ";": that can only add cookie names, never hide one, so a bypass can only fire more often.
 */
export function decideRequestOf(request: Request): DecideRequest {
  const cookie = request.headers.get('cookie');
  if (cookie == null || !cookie.includes(',')) return { method: request.method, url: request.url, headers: request.headers };
  const headers = new Headers(request.headers);
  headers.set('cookie', foldCookieHeader(cookie));
  return { method: request.method, url: request.url, headers };
}
