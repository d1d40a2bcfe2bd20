/**
 * Purge clients for Fastly, Cloudflare, Akamai, Netlify,
 * Vercel and Varnish under one `Purger` interface. Each batches a purge plan within its API's
 * documented limits, paces and retries (honouring `Retry-After`), dry-runs, and reports every
 * outcome as data. Edge-safe: Web APIs only (fetch, Web Crypto), and the fetch is injectable.
 *
 * @module @alphanode/cache-rules/purge
 */
export { PURGE_TARGETS, isPurgeTarget } from './types.ts';
export type {
  Fetch,
  PurgeCallOptions,
  PurgeClientOptions,
  PurgeClock,
  PurgeFailure,
  PurgeFailureCode,
  PurgeInput,
  PurgeItems,
  PurgeNotice,
  PurgeNoticeCode,
  Purger,
  PurgeRequestReport,
  PurgeResult,
  PurgeSupport,
  PurgeTarget,
  RetryOptions,
} from './types.ts';
export { fastlyPurger, type FastlyPurgerOptions } from './fastly.ts';
export { cloudflarePurger, type CloudflarePurgerOptions, type CloudflarePlan } from './cloudflare.ts';
export { akamaiPurger, type AkamaiPurgerOptions } from './akamai.ts';
export { edgeGridSigner, type EdgeGridSign, type EdgeGridCredentials, type EdgeGridSignerOptions, type SignableRequest } from './edgegrid.ts';
export { netlifyPurger, type NetlifyPurgerOptions } from './netlify.ts';
export { vercelPurger, type VercelPurgerOptions } from './vercel.ts';
export { varnishPurger, type VarnishPurgerOptions } from './varnish.ts';
export { dryRunPurger } from './dry-run.ts';
export { purgerFromEnv, PURGE_ENV, type PurgeEnvVar, type PurgerFromEnvOptions, type PurgerFromEnvResult } from './from-env.ts';
export { retryAfterMs, type TokenBucket } from './pacing.ts';
