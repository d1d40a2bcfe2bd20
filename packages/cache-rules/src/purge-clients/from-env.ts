import { akamaiPurger } from './akamai.ts';
import { cloudflarePurger, type CloudflarePlan } from './cloudflare.ts';
import { fastlyPurger } from './fastly.ts';
import { netlifyPurger } from './netlify.ts';
import type { PurgeClientOptions, Purger, PurgeTarget } from './types.ts';
import { varnishPurger } from './varnish.ts';
import { vercelPurger } from './vercel.ts';

/** One setting read from the environment: the first of its names that is set. */
export interface PurgeEnvVar {
  names: readonly string[];
  required: boolean;
  description: string;
}

const SITE_URL: PurgeEnvVar = { names: ['SITE_URL'], required: false, description: 'where the site is served (https://www.example.com), to purge paths by URL' };

/**
 * The environment variables each target's purger reads (`purgerFromEnv`, `alphanode purge`). Where
 * a setting has two names, the first that is set wins.
 */
export const PURGE_ENV: Readonly<Record<PurgeTarget, Readonly<Record<string, PurgeEnvVar>>>> = {
  fastly: {
    serviceId: { names: ['FASTLY_SERVICE_ID'], required: true, description: 'the service ID' },
    token: { names: ['FASTLY_API_TOKEN', 'FASTLY_TOKEN'], required: true, description: 'an API token with the purge_select scope' },
    siteUrl: SITE_URL,
  },
  cloudflare: {
    zoneId: { names: ['CLOUDFLARE_ZONE_ID'], required: true, description: 'the zone ID' },
    token: { names: ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_TOKEN'], required: true, description: 'an API token with Zone › Cache Purge' },
    plan: { names: ['CLOUDFLARE_PLAN'], required: false, description: 'free (default), pro, business or enterprise: the purge rate limit' },
    siteUrl: SITE_URL,
  },
  akamai: {
    host: { names: ['AKAMAI_HOST'], required: true, description: 'the API client host from .edgerc (akab-….luna.akamaiapis.net)' },
    clientToken: { names: ['AKAMAI_CLIENT_TOKEN'], required: true, description: 'client_token from .edgerc' },
    clientSecret: { names: ['AKAMAI_CLIENT_SECRET'], required: true, description: 'client_secret from .edgerc' },
    accessToken: { names: ['AKAMAI_ACCESS_TOKEN'], required: true, description: 'access_token from .edgerc' },
    network: { names: ['AKAMAI_NETWORK'], required: false, description: 'production (default) or staging' },
    siteUrl: SITE_URL,
  },
  netlify: {
    siteId: { names: ['NETLIFY_SITE_ID', 'SITE_ID'], required: true, description: 'the site API ID' },
    token: { names: ['NETLIFY_PURGE_API_TOKEN', 'NETLIFY_AUTH_TOKEN'], required: true, description: 'a purge token or personal access token' },
  },
  vercel: {
    projectId: { names: ['VERCEL_PROJECT_ID'], required: true, description: 'the project ID or name' },
    token: { names: ['VERCEL_TOKEN'], required: true, description: 'an access token' },
    teamId: { names: ['VERCEL_TEAM_ID'], required: false, description: 'the team that owns the project' },
  },
  varnish: {
    url: { names: ['VARNISH_URL'], required: false, description: 'where Varnish listens (default http://127.0.0.1:6081)' },
  },
};

export interface PurgerFromEnvOptions extends PurgeClientOptions {
  /**
   * Build the purger even when required variables are missing, with `$NAME` in their place: for a
   * dry run, which shows what would be sent without credentials. `missing` names them.
   */
  allowMissing?: boolean;
}

/** What `purgerFromEnv` returns: the configured purger, or a message naming the missing variables; `missing` lists them either way. */
export type PurgerFromEnvResult = { ok: true; purger: Purger; missing: string[] } | { ok: false; message: string; missing: string[] };

/**
 * The purger for a target, configured from environment variables (`PURGE_ENV` lists them), or
 * which are missing. Edge-safe: pass the environment as a record (`process.env`, a Worker's `env`).
 *
 * @example
 * const made = purgerFromEnv('fastly', process.env);
 * if (!made.ok) throw new Error(made.message); // "fastly needs FASTLY_SERVICE_ID, FASTLY_API_TOKEN (or FASTLY_TOKEN)"
 */
export function purgerFromEnv(target: PurgeTarget, env: Readonly<Record<string, string | undefined>>, options: PurgerFromEnvOptions = {}): PurgerFromEnvResult {
  const { allowMissing = false, ...client } = options;
  const missing: string[] = [];
  const values: Record<string, string> = {};
  for (const [setting, variable] of Object.entries(PURGE_ENV[target])) {
    const value = variable.names.map((name) => env[name]).find((candidate) => candidate !== undefined && candidate !== '');
    if (value !== undefined) values[setting] = value;
    else if (variable.required) {
      missing.push(variable.names.length === 1 ? (variable.names[0] as string) : `${variable.names[0]} (or ${variable.names.slice(1).join(', ')})`);
      values[setting] = `$${variable.names[0]}`;
    }
  }
  if (missing.length > 0 && !allowMissing) return { ok: false, message: `${target} needs ${missing.join(', ')}`, missing };
  const siteUrl = values['siteUrl'] === undefined ? {} : { siteUrl: values['siteUrl'] };
  const get = (setting: string): string => values[setting] as string;
  switch (target) {
    case 'fastly':
      return { ok: true, missing, purger: fastlyPurger({ ...client, serviceId: get('serviceId'), token: get('token'), ...siteUrl }) };
    case 'cloudflare': {
      const plan = values['plan'];
      if (plan !== undefined && !['free', 'pro', 'business', 'enterprise'].includes(plan)) return { ok: false, message: `CLOUDFLARE_PLAN must be free, pro, business or enterprise; found "${plan}"`, missing };
      return { ok: true, missing, purger: cloudflarePurger({ ...client, zoneId: get('zoneId'), token: get('token'), ...siteUrl, ...(plan === undefined ? {} : { plan: plan as CloudflarePlan }) }) };
    }
    case 'akamai': {
      const network = values['network'];
      if (network !== undefined && network !== 'production' && network !== 'staging') return { ok: false, message: `AKAMAI_NETWORK must be production or staging; found "${network}"`, missing };
      const credentials = { clientToken: get('clientToken'), clientSecret: get('clientSecret'), accessToken: get('accessToken') };
      return { ok: true, missing, purger: akamaiPurger({ ...client, host: get('host'), credentials, ...siteUrl, ...(network === undefined ? {} : { network }) }) };
    }
    case 'netlify':
      return { ok: true, missing, purger: netlifyPurger({ ...client, siteId: get('siteId'), token: get('token') }) };
    case 'vercel':
      return { ok: true, missing, purger: vercelPurger({ ...client, projectId: get('projectId'), token: get('token'), ...(values['teamId'] === undefined ? {} : { teamId: values['teamId'] }) }) };
    case 'varnish':
      return { ok: true, missing, purger: varnishPurger({ ...client, url: values['url'] ?? 'http://127.0.0.1:6081' }) };
  }
}
