import type { CacheRulesEngine } from '@alphanode/cache-rules';
import { parsePost, type Post } from '@alphanode/parser';
import { exactPurgePlan, type ExactPurgePlan, type PageRecord } from '@alphanode/site';
import type { NextFunction, Request, Response } from 'express';
import type { Purger, PurgeTargets } from '../purgers/purger.ts';
import { pageRecords, withPost, type Site } from '../site/site.ts';
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

type Change = { ok: true; id: string; before: Post | undefined; after: Post } | { ok: false; status: number; body: Body };

/**
 * The post the request names: its new text (text/plain), which replaces the post with the same
 * title or else is added, or `{ "slug": "…" }` to purge a post as it is.
 */
function changedPost(req: Request, site: Site): Change {
  if (typeof req.body === 'string') {
    const result = parsePost(req.body, { file: 'request body' });
    if (!result.ok) return { ok: false, status: 400, body: { ok: false, code: 'invalid-post', message: 'the body is not a valid alphanode post', diagnostics: result.diagnostics } };
    const same = [...site.posts.values()].find((entry) => entry.post.title === result.post.title);
    // A new post's id is its title: stable, so sending it again replaces it rather than adding a copy.
    return { ok: true, id: same?.id ?? `title:${result.post.title}`, before: same?.post, after: result.post };
  }
  const slug = (req.body as { slug?: unknown } | undefined)?.slug;
  if (typeof slug !== 'string') {
    return { ok: false, status: 400, body: { ok: false, code: 'missing-post', message: 'send the changed post as text/plain, or {"slug": "<slug>"} as application/json to purge a post as it is' } };
  }
  const entry = site.posts.get(slug);
  if (!entry) return { ok: false, status: 404, body: { ok: false, code: 'unknown-post', message: `no post has the slug "${slug.slice(0, 100)}"` } };
  return { ok: true, id: entry.id, before: entry.post, after: entry.post };
}

/**
 * What to send the purger: the URLs no planned key reaches (a new URL's cached 404 among them) by
 * URL. A purger that cannot purge by URL gets the keys those URLs carry instead, which evicts more.
 */
function targetsOf(plan: ExactPurgePlan, before: ReadonlyMap<string, PageRecord>, after: ReadonlyMap<string, PageRecord>, purger: Purger): PurgeTargets {
  if (purger.purgesUrls) return { keys: plan.keys, urls: plan.urls, urlsWithoutKey: plan.urlsWithoutKey };
  const keys = new Set(plan.keys);
  for (const url of plan.urlsWithoutKey) for (const key of [...(before.get(url)?.keys ?? []), ...(after.get(url)?.keys ?? [])]) keys.add(key);
  return { keys: [...keys].sort(), urls: plan.urls };
}

/**
 * `POST /admin/purge`: takes the changed post, serves it from now on, then sends the exact purge
 * plan to the purger: every URL whose bytes changed between the site before and after (the post's
 * pages, and the home and topic pages when what they list changed), and the keys that reach only
 * those. Updating first means whatever the CDN refetches after the purge is the new page.
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
    const unchanged = change.before === change.after;
    const next = unchanged ? site : withPost(site, change.id, change.after);
    if (!unchanged) options.setSite(next);
    const slug = next.slugs.get(change.id) as string;
    const before = pageRecords(site, options.engine);
    const after = unchanged ? before : pageRecords(next, options.engine);
    // A post purged as it is: its own URLs, as if they had changed.
    const forced = unchanged ? next.routes.postUrls(slug).filter((url) => after.has(url)) : [];
    const plan = exactPurgePlan(before, after, { forced });
    const purge = await options.purger.purge(targetsOf(plan, before, after, options.purger));
    const kind = change.before === undefined ? 'added' : unchanged ? 'unchanged' : 'changed';
    reply(res, purge.ok ? 200 : 502, { ok: purge.ok, slug, change: kind, plan, purge });
  };
  // Rejections are handed to next() here rather than left to Express 5's promise detection, so the
  // route behaves the same under Express 4.
  return (req, res, next) => {
    handle(req, res).catch(next);
  };
}
