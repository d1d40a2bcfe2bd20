/**
 * @module Node-only glue for `@alphanode/cache-rules`: Connect/Express middleware.
 */
export { cacheRulesMiddleware, type CacheRulesMiddlewareOptions } from './cache-rules-middleware.ts';
