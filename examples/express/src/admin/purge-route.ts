import { postSlug, purgePlan, type CacheRulesEngine } from '@alphanode/cache-rules';
import { parsePost, type Post } from '@alphanode/parser';
import type { NextFunction, Request, Response } from 'express';
import type { Purger } from '../purgers/purger.ts';
import { withPost, type Site } from '../site/site.ts';
import { hasBearerToken } from './bearer-token.ts';

export interface PurgeRouteOptions {
  engine: CacheRulesEngine;
  purger: Purger;
  /** Undefined disables the route: an example must not ship an admin endpoint with a default password. */
  adminToken: string | undefined;
  getSite(): Site;
  setSite(site: Site): void;
}

type Body = { ok: false; code: string; message: string; diagnostics?: unknown[] } | Record<string, unknown>;

function reply(res: Response, status: number, body: Body): void {
  res.status(status).type('application/json').end(`${JSON.stringify(body, null, 2)}\n`);
}

/** The post the request names: its new text (text/plain), or `{ "slug": "…" }` to purge it as it is. */
function changedPost(req: Request, site: Site): { ok: true; before: Post | undefined; after: Post } | { ok: false; status: number; body: Body } {
  if (typeof req.body === 'string') {
    const result = parsePost(req.body, { file: 'request body' });
    if (!result.ok) return { ok: false, status: 400, body: { ok: false, code: 'invalid-post', message: 'the body is not a valid alphanode post', diagnostics: result.diagnostics } };
    return { ok: true, before: site.posts.get(postSlug(result.post))?.post, after: result.post };
  }
  const slug = (req.body as { slug?: unknown } | undefined)?.slug;
  if (typeof slug !== 'string') {
    return { ok: false, status: 400, body: { ok: false, code: 'missing-post', message: 'send the changed post as text/plain, or {"slug": "<slug>"} as application/json to purge a post as it is' } };
  }
  const post = site.posts.get(slug)?.post;
  if (!post) return { ok: false, status: 404, body: { ok: false, code: 'unknown-post', message: `no post has the slug "${slug.slice(0, 100)}"` } };
  return { ok: true, before: post, after: post };
}

/**
 * `POST /admin/purge`: takes the changed post, serves it from now on, then sends the purge plan for
 * it to the purger. Updating first means whatever the CDN refetches after the purge is the new page.
 */
export function purgeRoute(options: PurgeRouteOptions): (req: Request, res: Response, next: NextFunction) => void {
  const handle = async (req: Request, res: Response): Promise<void> => {
    if (options.adminToken === undefined) {
      reply(res, 403, { ok: false, code: 'admin-disabled', message: 'no admin token is configured (ADMIN_TOKEN), so purging is off' });
      return;
    }
    if (!hasBearerToken(req.headers.authorization, options.adminToken)) {
      res.setHeader('www-authenticate', 'Bearer realm="alphanode admin"');
      reply(res, 401, { ok: false, code: 'unauthorized', message: 'send Authorization: Bearer <admin token>' });
      return;
    }
    const site = options.getSite();
    const change = changedPost(req, site);
    if (!change.ok) {
      reply(res, change.status, change.body);
      return;
    }
    if (change.before !== change.after) options.setSite(withPost(site, change.after));
    const plan = purgePlan(change.before, change.after, { rules: options.engine });
    const purge = await options.purger.purge(plan);
    const kind = change.before === undefined ? 'added' : change.before === change.after ? 'unchanged' : 'changed';
    reply(res, purge.ok ? 200 : 502, { ok: purge.ok, slug: postSlug(change.after), change: kind, plan, purge });
  };
  // Rejections are handed to next() here rather than left to Express 5's promise detection, so the
  // route behaves the same under Express 4.
  return (req, res, next) => {
    handle(req, res).catch(next);
  };
}
