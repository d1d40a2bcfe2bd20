/**
 * Node-only glue for `@alphanode/cache-rules`: Connect/Express middleware.
 *
 * @module @alphanode/cache-rules/express
 */
export { cacheRulesMiddleware, type CacheRulesMiddlewareOptions } from './cache-rules-middleware.ts';
