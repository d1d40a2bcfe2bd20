import { cloudflarePurger } from './cloudflare.ts';
import { dryRunPurger } from './dry-run.ts';
import { fastlyPurger } from './fastly.ts';
import type { Purger } from './purger.ts';
import { varnishPurger } from './varnish.ts';

function required(env: Record<string, string | undefined>, name: string, purger: string): string {
  const value = env[name];
  if (!value) throw new Error(`PURGER=${purger} needs ${name}`);
  return value;
}

/**
 * The purger the environment asks for, wrapped in a dry run unless `PURGE_DRY_RUN=0`: a copied
 * example must not start purging a production CDN because a token happened to be set.
 *
 * @example
 * purgerFromEnv({ PURGER: 'varnish', VARNISH_URL: 'http://127.0.0.1:6081' }).name; // 'dry-run:varnish'
 */
export function purgerFromEnv(env: Record<string, string | undefined>): Purger {
  const kind = env['PURGER'] ?? 'none';
  const soft = env['PURGE_SOFT'] === '1';
  let purger: Purger | undefined;
  if (kind === 'fastly') purger = fastlyPurger({ serviceId: required(env, 'FASTLY_SERVICE_ID', kind), token: required(env, 'FASTLY_TOKEN', kind), soft });
  else if (kind === 'cloudflare') purger = cloudflarePurger({ zoneId: required(env, 'CLOUDFLARE_ZONE_ID', kind), token: required(env, 'CLOUDFLARE_TOKEN', kind) });
  else if (kind === 'varnish') purger = varnishPurger({ url: env['VARNISH_URL'] ?? 'http://127.0.0.1:6081', soft });
  else if (kind !== 'none') throw new Error(`PURGER must be fastly, cloudflare, varnish or none; found "${kind}"`);
  return env['PURGE_DRY_RUN'] === '0' && purger ? purger : dryRunPurger(purger);
}
