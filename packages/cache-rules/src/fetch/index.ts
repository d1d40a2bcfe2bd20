/**
 * `@alphanode/cache-rules` for Web-standard Request and Response (workerd, Deno, Bun,
 * Node, Next.js route handlers). Edge-safe: Web APIs only.
 *
 * @module @alphanode/cache-rules/fetch
 */
export { withCacheRules, applyCacheRules, type ApplyCacheRules, type FetchCacheRulesOptions } from './with-cache-rules.ts';
export { decideRequestOf } from './request-view.ts';
export { decideResponseOf } from './response-view.ts';
export { OWNED_HEADERS } from './owned-headers.ts';
