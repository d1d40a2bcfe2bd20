import type { Post } from '@alphanode/parser';
import type { Context, Env, MiddlewareHandler } from 'hono';
import type { CacheRulesEngine } from '../engine/create-engine.ts';
import type { Decision } from '../engine/decision.ts';
import { applyCacheRules } from '../fetch/with-cache-rules.ts';
import type { TargetName } from '../targets/target-profiles.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Hono's own MiddlewareHandler: an app's Env flows in where it is given, and `c.get` stays usable where it is not
type AnyEnv = any;

/**
 * `E` is the app's Env: pass it (`cacheRules<AppEnv>(…)`) for typed `c.get`; left out, it is
 * `any`, as in Hono's own middleware, because `app.use` does not pass its Env to an argument.
 */
export interface HonoCacheRulesOptions<E extends Env = AnyEnv> {
  target: TargetName;
  /** The post a request shows, for `{post.…}` keys: often `(c) => c.get('post')`. */
  post?: ((c: Context<E>) => Post | undefined) | undefined;
  /** Sees each decision, e.g. to log `decision.reason` for a MISS that should have been a HIT. */
  onDecision?: ((decision: Decision, c: Context<E>) => void) | undefined;
}

/**
 * Hono middleware: after the handler (and every middleware registered after this one) has
 * answered, replaces `c.res` with the response the fetch adapter gives: the rules' headers in
 * place of any caching header set, the body still streaming. Register it before middleware that
 * may set a cookie on the way out, so that it sees the response they finish.
 *
 * @example
 * app.use(cacheRules(engine, { target: 'cloudflare', post: (c) => c.get('post') }));
 */
export function cacheRules<E extends Env = AnyEnv>(engine: CacheRulesEngine, options: HonoCacheRulesOptions<E>): MiddlewareHandler<E> {
  const { target, post, onDecision } = options;
  return async (c, next) => {
    await next();
    const result = applyCacheRules(engine, c.req.raw, c.res, { target, post: post?.(c) });
    if (result.decision === undefined) return;
    onDecision?.(result.decision, c);
    // Most responses were changed in place, and are c.res already.
    if (result.response === c.res) return;
    // Setting c.res over a response merges the old one's headers into the new one, which would
    // bring back every caching header the rules just replaced; clearing it first does not.
    c.res = undefined;
    c.res = result.response;
  };
}
