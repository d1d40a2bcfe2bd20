import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Post } from '@alphanode/parser';
import type { CacheRulesEngine } from '../engine/create-engine.ts';
import type { Decision } from '../engine/decision.ts';
import type { TargetName } from '../targets/target-profiles.ts';

export interface CacheRulesMiddlewareOptions {
  target: TargetName;
  /** The post a request shows, for `{post.…}` keys: often `(req, res) => res.locals.post`. */
  post?: (req: IncomingMessage, res: ServerResponse) => Post | undefined;
  /** Sees each decision, e.g. to log `decision.reason` for a MISS that should have been a HIT. */
  onDecision?: (decision: Decision, req: IncomingMessage) => void;
}

type Next = (error?: unknown) => void;
type WriteHead = ServerResponse['writeHead'];

function headersArgument(rest: unknown[]): OutgoingHttpHeaders | undefined {
  const last = rest.at(-1);
  return last != null && typeof last === 'object' && !Array.isArray(last) ? (last as OutgoingHttpHeaders) : undefined;
}

// The response headers decide reads: a response that sets a cookie is never shared, and rules may
// match on the content type. Reading just these two, rather than copying every header of every
// response, is most of what the middleware costs.
const READ = ['set-cookie', 'content-type'] as const;

function responseHeaders(res: ServerResponse, passed: OutgoingHttpHeaders | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: unknown) => {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.map(String) : String(value);
  };
  for (const name of READ) add(name, res.getHeader(name));
  // Headers given to writeHead win over setHeader, as Node sends them.
  if (passed) for (const [name, value] of Object.entries(passed)) {
    const lower = name.toLowerCase();
    if (lower === READ[0] || lower === READ[1]) add(lower, value);
  }
  return out;
}

/**
 * Connect/Express middleware: decides when the response head is written, so the final status,
 * Set-Cookie and Content-Type take part, then sets the rules' headers over whatever the handler
 * set for caching (the rules own those headers).
 *
 * @example
 * app.use(cacheRulesMiddleware(engine, { target: 'fastly', post: (req, res) => res.locals.post }));
 */
export function cacheRulesMiddleware(engine: CacheRulesEngine, options: CacheRulesMiddlewareOptions) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
    // Node writes the head through writeHead on every path (res.end, res.write, explicit calls).
    res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]): ServerResponse {
      const passed = headersArgument(rest);
      const post = options.post?.(req, res);
      const decision = engine.decide(
        { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers },
        { target: options.target, response: { status: statusCode, headers: responseHeaders(res, passed) }, ...(post === undefined ? {} : { post }) },
      );
      options.onDecision?.(decision, req);
      for (const [name, value] of Object.entries(decision.headers)) {
        // Headers given to writeHead win over setHeader, so ours must replace them there too.
        if (passed) for (const key of Object.keys(passed)) if (key.toLowerCase() === name.toLowerCase()) delete passed[key];
        res.setHeader(name, value);
      }
      return writeHead.call(this, statusCode, ...rest);
    } as WriteHead;
    next();
  };
}
