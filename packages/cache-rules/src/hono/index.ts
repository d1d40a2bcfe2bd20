/**
 * `@alphanode/cache-rules` for Hono: middleware over the fetch adapter. Edge-safe: Web APIs
 * only, and nothing of Hono's but its types.
 *
 * @module @alphanode/cache-rules/hono
 */
export { cacheRules, type HonoCacheRulesOptions } from './cache-rules-middleware.ts';
