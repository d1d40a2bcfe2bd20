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

function responseHeaders(res: ServerResponse, passed: OutgoingHttpHeaders | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: unknown) => {
    if (value === undefined) return;
    out[name.toLowerCase()] = Array.isArray(value) ? value.map(String) : String(value);
  };
  for (const [name, value] of Object.entries(res.getHeaders())) add(name, value);
  for (const [name, value] of Object.entries(passed ?? {})) add(name, value);
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
