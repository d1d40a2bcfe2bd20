import { batches } from './batch.ts';
import { definePurger, emptyPlan, prefixesNotPurged, urlsNotPurged, withinKeyLimit } from './common.ts';
import type { PurgeClientOptions, Purger } from './types.ts';

export interface VercelPurgerOptions extends PurgeClientOptions {
  /** The project's ID or name. */
  projectId: string;
  /** A Vercel access token allowed to purge the project's cache. */
  token: string;
  /** The team that owns the project, if any. */
  teamId?: string;
  /** Purge only `production` or `preview` deployments; default both. */
  target?: 'production' | 'preview';
  /** For tests and proxies; default `https://api.vercel.com`. */
  apiBase?: string;
}

// Each tag is at most 256 characters; the tags as one comma-separated string at most 8,196.
// https://vercel.com/docs/rest-api/edge-cache/invalidate-by-tag
const MAX_TAG_CHARS = 256;
const MAX_JOINED_CHARS = 8196;
// No count is documented for the array form: at most 128 tags a request, the number one cached
// response may carry (https://nextjs.org/docs/app/api-reference/functions/cacheTag), within the
// same 8,196 characters the string form allows.
const TAGS_PER_REQUEST = 128;

/**
 * Vercel's CDN cache by tag (`Vercel-Cache-Tag`): a soft purge is `POST /v1/edge-cache/invalidate-by-tags`
 * (entries turn stale and revalidate in the background), a hard one
 * `POST /v1/edge-cache/dangerously-delete-by-tags` (the next request waits for the origin). Vercel
 * has no purge by URL: URLs no key reaches are reported in `notices`.
 *
 * @example
 * const purger = vercelPurger({ projectId: 'prj_123', teamId: 'team_456', token: env.VERCEL_TOKEN });
 * await purger.purge(plan, { soft: true }); // invalidate rather than delete
 */
export function vercelPurger(options: VercelPurgerOptions): Purger {
  const base = (options.apiBase ?? 'https://api.vercel.com').replace(/\/+$/, '');
  const query = new URLSearchParams({ projectIdOrName: options.projectId, ...(options.teamId === undefined ? {} : { teamId: options.teamId }) });
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  return definePurger('vercel', { keys: true, urls: false, prefixes: false, soft: true }, options, (input, soft) => {
    const plan = emptyPlan();
    const url = `${base}/v1/edge-cache/${soft ? 'invalidate-by-tags' : 'dangerously-delete-by-tags'}?${query}`;
    const tags = withinKeyLimit('vercel', plan, input.keys, MAX_TAG_CHARS, 'characters', 'https://vercel.com/docs/rest-api/edge-cache/invalidate-by-tag', (tag) => tag.length);
    for (const batch of batches(tags, { maxItems: TAGS_PER_REQUEST, maxBytes: MAX_JOINED_CHARS, itemBytes: (tag) => tag.length })) {
      const body = { tags: batch, ...(options.target === undefined ? {} : { target: options.target }) };
      plan.requests.push({ method: 'POST', url, headers, body: JSON.stringify(body), purges: { kind: 'keys', items: batch } });
    }
    urlsNotPurged('vercel', plan, input.byUrl);
    prefixesNotPurged('vercel', plan, input.prefixes);
    return plan;
  });
}
