import { batches } from './batch.ts';
import { absoluteUrls, definePurger, emptyPlan, softUnsupported } from './common.ts';
import { RateLimiter, type TokenBucket } from './pacing.ts';
import type { PlannedPurge } from './send.ts';
import type { PurgeClientOptions, Purger } from './types.ts';

/** A Cloudflare plan: it sets the purge rate limit, and how many URLs one request may name. */
export type CloudflarePlan = 'free' | 'pro' | 'business' | 'enterprise';

export interface CloudflarePurgerOptions extends PurgeClientOptions {
  zoneId: string;
  /** An API token with the Zone › Cache Purge permission. */
  token: string;
  /** Where the site is served, to purge paths by URL (`files`) and prefix: `https://www.example.com`. */
  siteUrl?: string;
  /** The account's plan; default `free`, the slowest, so an unknown plan is never paced too fast. */
  plan?: CloudflarePlan;
  /** Replaces the plan's pacing; `false` turns pacing off (429s are still retried). */
  rateLimit?: TokenBucket | false;
  /** For tests and proxies; default `https://api.cloudflare.com/client/v4`. */
  apiBase?: string;
}

// Per-account purge limits by plan, a token bucket each: a burst of `capacity` requests, then
// `refillPerSecond`. Free: 5 requests a minute (bucket 25); Pro: 5 a second (25); Business: 10 a
// second (50); Enterprise: 50 a second (500). At most 100 operations (tags, URLs, prefixes) in one
// request on every plan, except purge by URL on Enterprise: 500.
// https://developers.cloudflare.com/cache/how-to/purge-cache/#availability-and-limits
const PLAN_LIMITS: Record<CloudflarePlan, { bucket: TokenBucket; maxItems: number; maxUrls: number }> = {
  free: { bucket: { capacity: 25, refillPerSecond: 5 / 60 }, maxItems: 100, maxUrls: 100 },
  pro: { bucket: { capacity: 25, refillPerSecond: 5 }, maxItems: 100, maxUrls: 100 },
  business: { bucket: { capacity: 50, refillPerSecond: 10 }, maxItems: 100, maxUrls: 100 },
  enterprise: { bucket: { capacity: 500, refillPerSecond: 50 }, maxItems: 100, maxUrls: 500 },
};
// "Maximum 30 prefixes per API call", stricter than the general 100 operations.
// https://developers.cloudflare.com/cache/how-to/purge-cache/purge_by_prefix/
const MAX_PREFIXES = 30;

/** A prefix as Cloudflare takes it, host and path without a scheme: `www.example.com/posts/`. */
function prefixOf(prefix: string, siteUrl: string | undefined, plan: PlannedPurge): string | undefined {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(prefix) ? prefix : prefix.startsWith('/') ? (siteUrl === undefined ? undefined : new URL(prefix, siteUrl).href) : `https://${prefix}`;
  if (absolute === undefined || !URL.canParse(absolute)) {
    plan.failures.push({ code: 'invalid-input', message: `cloudflare: the prefix ${JSON.stringify(prefix)} needs a host (set siteUrl, or give host/path); nothing was sent`, retryable: false });
    return undefined;
  }
  const url = new URL(absolute);
  return `${url.host}${url.pathname}${url.search}`;
}

/**
 * Cloudflare's `POST /zones/{zone}/purge_cache` with a Bearer API token: purge keys as `tags`, each
 * URL no key reaches as `files` (absolute URLs), and `prefixes` when the plan has them; one kind per
 * request, at most 100 items each (500 URLs on Enterprise), paced to the plan's rate limit.
 * Cloudflare purges hard only: a soft purge is done hard and reported in `notices`.
 *
 * @example
 * const purger = cloudflarePurger({ zoneId: '023e105f4ecef8ad9ca31a8372d0c353', token: env.CLOUDFLARE_TOKEN, plan: 'pro', siteUrl: 'https://www.example.com' });
 */
export function cloudflarePurger(options: CloudflarePurgerOptions): Purger {
  const base = (options.apiBase ?? 'https://api.cloudflare.com/client/v4').replace(/\/+$/, '');
  const limits = PLAN_LIMITS[options.plan ?? 'free'];
  const bucket = options.rateLimit === undefined ? limits.bucket : options.rateLimit;
  const url = `${base}/zones/${encodeURIComponent(options.zoneId)}/purge_cache`;
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  return definePurger(
    'cloudflare',
    { keys: true, urls: true, prefixes: true, soft: false },
    options,
    (input, soft) => {
      const plan = emptyPlan();
      if (soft) plan.notices.push(softUnsupported('cloudflare', 'every purge evicts; https://developers.cloudflare.com/cache/how-to/purge-cache/'));
      for (const tags of batches(input.keys, { maxItems: limits.maxItems })) plan.requests.push({ method: 'POST', url, headers, body: JSON.stringify({ tags }), purges: { kind: 'keys', items: tags } });
      const files = absoluteUrls('cloudflare', plan, input.byUrl, options.siteUrl);
      for (const batch of batches(files, { maxItems: limits.maxUrls })) plan.requests.push({ method: 'POST', url, headers, body: JSON.stringify({ files: batch }), purges: { kind: 'urls', items: batch } });
      const prefixes = input.prefixes.flatMap((prefix) => prefixOf(prefix, options.siteUrl, plan) ?? []);
      for (const batch of batches([...new Set(prefixes)].sort(), { maxItems: MAX_PREFIXES })) {
        plan.requests.push({ method: 'POST', url, headers, body: JSON.stringify({ prefixes: batch }), purges: { kind: 'prefixes', items: batch } });
      }
      return plan;
    },
    {
      limiter: bucket === false ? undefined : new RateLimiter({ requests: bucket }),
      // Cloudflare can answer 200 with `"success": false` and the reasons in `errors`.
      refused: (_status, body) => {
        try {
          const parsed = JSON.parse(body) as { success?: unknown; errors?: { code?: unknown; message?: unknown }[] };
          if (parsed.success !== false) return undefined;
          return (parsed.errors ?? []).map((error) => `${String(error.code)} ${String(error.message)}`).join('; ') || 'success: false';
        } catch {
          return undefined;
        }
      },
    },
  );
}
