import { dryRunPurger, isPurgeTarget, PURGE_TARGETS, purgerFromEnv as fromEnv, type Purger } from '@alphanode/cache-rules/purge';

/**
 * The purger the environment asks for (`PURGER`: fastly, cloudflare, akamai, netlify, vercel,
 * varnish, or none), configured from the variables `@alphanode/cache-rules/purge` reads for it
 * (`PURGE_ENV`), soft when `PURGE_SOFT=1`, and wrapped in a dry run unless `PURGE_DRY_RUN=0`: a
 * copied example must not start purging a production CDN because a token happened to be set.
 *
 * @example
 * purgerFromEnv({ PURGER: 'varnish', VARNISH_URL: 'http://127.0.0.1:6081' }).name; // 'dry-run:varnish'
 */
export function purgerFromEnv(env: Record<string, string | undefined>): Purger {
  const kind = env['PURGER'] ?? 'none';
  if (kind === 'none') return dryRunPurger();
  if (!isPurgeTarget(kind)) throw new Error(`PURGER must be ${PURGE_TARGETS.join(', ')} or none; found "${kind}"`);
  const made = fromEnv(kind, env, { soft: env['PURGE_SOFT'] === '1' });
  if (!made.ok) throw new Error(`PURGER=${kind}: ${made.message}`);
  return env['PURGE_DRY_RUN'] === '0' ? made.purger : dryRunPurger(made.purger);
}
