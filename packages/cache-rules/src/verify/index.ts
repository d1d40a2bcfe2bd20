/**
 * `alphanode verify` as a library: checks a live site against its cache rules (header drift,
 * logged-in leaks, a purge that evicts exactly its plan, latency by cache status, the rules'
 * difference from the previous ones). Edge-safe: Web APIs only, and the fetch is injectable.
 *
 * @module @alphanode/cache-rules/verify
 */
export { verifySite, type VerifyOptions, type VerifyReport } from './verify-site.ts';
export { readCacheStatus, type CacheStatus, type CacheStatusReading } from './cache-status.ts';
export { cacheControlSet } from './cache-control-set.ts';
export { headerDrift } from './header-drift.ts';
export { loggedInLeaks, type LoggedInExchange } from './logged-in-leaks.ts';
export { latencyByStatus, type LatencyStats } from './latency-stats.ts';
export { checkPurge, type PurgeCheck, type PurgeCheckOptions, type PurgeUrlCheck } from './purge-check.ts';
export { rollbackPlan, type RuleChange } from './rollback-plan.ts';
export { sampleUrls, sitemapUrls, type SampleOptions, type SampledUrl } from './sample-urls.ts';
export type { BoundedFetch } from './request-budget.ts';
export type { Drift, Leak, LeakCode, Observation, VerifyFetch, VerifyNotice, VerifyNoticeCode, Visitor } from './types.ts';
