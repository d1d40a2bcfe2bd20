import type { Post } from '@alphanode/parser';
import type { CacheRulesEngine } from '../engine/create-engine.ts';
import type { Decision } from '../engine/decision.ts';
import type { TargetName } from '../targets/target-profiles.ts';
import { applyDecision } from './apply-decision.ts';
import { decideRequestOf } from './request-view.ts';
import { decideResponseOf } from './response-view.ts';

/** Configures `withCacheRules`: the CDN to write headers for, where a response's post comes from, and a hook for each decision. */
export interface FetchCacheRulesOptions {
  /** The CDN (or cache) whose headers the rules write. */
  target: TargetName;
  /** The post a response shows, for `{post.…}` keys, when the call does not pass one. */
  post?: ((request: Request, response: Response) => Post | undefined) | undefined;
  /** Sees each decision, e.g. to log `decision.reason` for a MISS that should have been a HIT. */
  onDecision?: ((decision: Decision, request: Request) => void) | undefined;
}

/** Applies the rules to one response: `post` overrides the options' `post` for this call. */
export type ApplyCacheRules = (request: Request, response: Response, post?: Post) => Response;

/**
 * The rules applied to one response, and the decision behind them. A response whose status is
 * below 200 (a 101 upgrade) is returned as it is, with no decision: no cache stores it, and a
 * Response cannot be rebuilt with such a status.
 */
export function applyCacheRules(engine: CacheRulesEngine, request: Request, response: Response, options: Pick<FetchCacheRulesOptions, 'target'> & { post?: Post | undefined }): { response: Response; decision: Decision | undefined } {
  if (response.status < 200) return { response, decision: undefined };
  const decision = engine.decide(decideRequestOf(request), {
    target: options.target,
    response: decideResponseOf(response),
    ...(options.post === undefined ? {} : { post: options.post }),
  });
  return { response: applyDecision(response, decision), decision };
}

/**
 * The rules for Web-standard Request and Response (workerd, Deno, Bun, Node, Next.js route
 * handlers): the returned function takes the request and the handler's response, and returns a
 * response with the rules' headers in place of any caching header the handler set, a body that
 * still streams, and everything else as the handler left it. A response that sets a cookie is
 * never shared. Web APIs only.
 *
 * @example
 * const cacheRules = withCacheRules(engine, { target: 'cloudflare' });
 * export default { fetch: async (request) => cacheRules(request, await render(request)) };
 */
export function withCacheRules(engine: CacheRulesEngine, options: FetchCacheRulesOptions): ApplyCacheRules {
  const { target, onDecision } = options;
  const postOf = options.post;
  return (request, response, post) => {
    const result = applyCacheRules(engine, request, response, { target, post: post ?? postOf?.(request, response) });
    if (result.decision !== undefined) onDecision?.(result.decision, request);
    return result.response;
  };
}
