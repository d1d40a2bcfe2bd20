import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Post } from '@alphanode/parser';
import type { CacheRulesEngine } from '../engine/create-engine.ts';
import type { Decision } from '../engine/decision.ts';
import { OWNED_HEADERS } from '../fetch/owned-headers.ts';
import { foldCookieHeader } from '../fetch/request-view.ts';
import type { TargetName } from '../targets/target-profiles.ts';

/**
 * Generic over the request and response types, so that Express's own types flow into `post` and
 * `onDecision` (`res.locals` included) without this module importing Express.
 */
export interface CacheRulesMiddlewareOptions<Req extends IncomingMessage = IncomingMessage, Res extends ServerResponse = ServerResponse> {
  target: TargetName;
  /** The post a request shows, for `{post.…}` keys: often `(req, res) => res.locals.post`. */
  post?: ((req: Req, res: Res) => Post | undefined) | undefined;
  /** Sees each decision, e.g. to log `decision.reason` for a MISS that should have been a HIT. */
  onDecision?: ((decision: Decision, req: Req) => void) | undefined;
}

type Next = (error?: unknown) => void;
type WriteHead = ServerResponse['writeHead'];

/**
 * Moves the headers a handler gave to `writeHead` onto the response, the way Node itself applies
 * them once any header was set (an object: setHeader per key; a flat `[k, v, k, v]` list or a list
 * of `[k, v]` pairs: remove each name, then append). Afterwards `getHeader` sees every header the
 * response will carry, whichever of Node's documented forms set it, so nothing reaches the wire
 * unread: a Set-Cookie passed in a form we did not parse once let a shared cache store a session.
 */
function applyPassedHeaders(res: ServerResponse, headers: unknown): void {
  if (headers == null || typeof headers !== 'object') return;
  if (!Array.isArray(headers)) {
    for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
      if (name && value !== undefined) res.setHeader(name, value);
    }
    return;
  }
  const pairs: Array<[string, unknown]> = [];
  if (headers.length > 0 && Array.isArray(headers[0])) {
    for (const entry of headers as unknown[][]) pairs.push([String(entry[0]), entry[1]]);
  } else {
    // Node refuses an odd-length list (ERR_INVALID_ARG_VALUE); so do we, before anything is sent.
    if (headers.length % 2 !== 0) throw new TypeError('writeHead: a flat header list needs an even length');
    for (let i = 0; i < headers.length; i += 2) pairs.push([String(headers[i]), headers[i + 1]]);
  }
  for (const [name] of pairs) res.removeHeader(name);
  for (const [name, value] of pairs) {
    if (name) res.appendHeader(name, Array.isArray(value) ? value.map(String) : String(value));
  }
}

// The response headers decide reads: a response that sets a cookie is never shared, and rules may
// match on the content type. Reading just these two, rather than copying every header of every
// response, is most of what the middleware costs.
const READ = ['set-cookie', 'content-type'] as const;

function responseHeaders(res: ServerResponse): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of READ) {
    const value = res.getHeader(name);
    if (value !== undefined) out[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return out;
}

/**
 * The request headers as decide reads them. Node joins repeated Cookie fields with "; ", but a
 * client or proxy that joined them with "," (as `Headers` does) would hide every cookie after the
 * first from the bypass; read as ";", a comma can only add cookie names (see `foldCookieHeader`).
 */
function requestHeaders(req: IncomingMessage): IncomingMessage['headers'] {
  const cookie = req.headers.cookie;
  return cookie === undefined || !cookie.includes(',') ? req.headers : { ...req.headers, cookie: foldCookieHeader(cookie) };
}

/**
 * Connect/Express middleware: decides when the response head is written, so the final status,
 * Set-Cookie and Content-Type take part, then sets the rules' headers over whatever the handler
 * set for caching (the rules own those headers, `OWNED_HEADERS`: each is removed first).
 *
 * @example
 * app.use(cacheRulesMiddleware(engine, { target: 'fastly', post: (req, res) => res.locals.post }));
 */
export function cacheRulesMiddleware<Req extends IncomingMessage = IncomingMessage, Res extends ServerResponse = ServerResponse>(
  engine: CacheRulesEngine,
  options: CacheRulesMiddlewareOptions<Req, Res>,
): (req: Req, res: Res, next: Next) => void {
  return (req, res, next) => {
    const response: ServerResponse = res;
    const writeHead = response.writeHead as (...args: unknown[]) => ServerResponse;
    // Node writes the head through writeHead on every path (res.end, res.write, explicit calls).
    response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]): ServerResponse {
      // writeHead(status, headers?) or writeHead(status, statusMessage, headers?).
      const message = typeof rest[0] === 'string' ? rest[0] : undefined;
      applyPassedHeaders(res, message === undefined ? rest[0] : rest[1]);
      const post = options.post?.(req, res);
      const decision = engine.decide(
        { method: req.method ?? 'GET', url: req.url ?? '/', headers: requestHeaders(req) },
        { target: options.target, response: { status: statusCode, headers: responseHeaders(res) }, ...(post === undefined ? {} : { post }) },
      );
      options.onDecision?.(decision, req);
      // The rules own every caching header, for every CDN: a Surrogate-Control or CDN-Cache-Control
      // the handler set would otherwise outlive a no-store.
      for (const name of res.getHeaderNames()) if (OWNED_HEADERS.has(name)) res.removeHeader(name);
      for (const name in decision.headers) res.setHeader(name, decision.headers[name] as string);
      return message === undefined ? writeHead.call(this, statusCode) : writeHead.call(this, statusCode, message);
    } as WriteHead;
    next();
  };
}
