import type { Purger } from './types.ts';

/**
 * A purger that never sends: every purge is a dry run of `target` (what it would send, credentials
 * masked), or, with no target, an empty report. A safe default for code that must not purge a real
 * CDN until told to.
 *
 * @example
 * const result = await dryRunPurger(fastlyPurger({ serviceId, token })).purge(plan); // result.requests, nothing sent
 */
export function dryRunPurger(target?: Purger): Purger {
  return {
    name: target ? `dry-run:${target.name}` : 'dry-run',
    supports: target?.supports ?? { keys: true, urls: true, prefixes: true, soft: true },
    async purge(plan, options = {}) {
      if (target) return target.purge(plan, { ...options, dryRun: true });
      return { ok: true, purger: 'dry-run', dryRun: true, soft: options.soft ?? false, requests: [], failures: [], notices: [], unpurged: { keys: [], urls: [], prefixes: [] } };
    },
  };
}
