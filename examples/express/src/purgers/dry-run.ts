import { summarise } from './send-purge.ts';
import type { Purger } from './purger.ts';

/**
 * A purger that sends nothing and reports what `target` would send (or the plan alone when there
 * is no target): the default, so a misconfigured example never purges a real CDN.
 *
 * @example
 * const result = await dryRunPurger(fastlyPurger({ serviceId, token })).purge(plan); // result.requests
 */
export function dryRunPurger(target?: Purger): Purger {
  return {
    name: target ? `dry-run:${target.name}` : 'dry-run',
    purgesUrls: target?.purgesUrls ?? true,
    requests: (plan) => target?.requests(plan) ?? [],
    async purge(plan) {
      const requests = await Promise.all(this.requests(plan).map(summarise));
      return { ok: true, purger: this.name, dryRun: true, requests, responses: [] };
    },
  };
}
