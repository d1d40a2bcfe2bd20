import type { CacheRulesEngine } from '@alphanode/cache-rules';
import type { PurgeInput, Purger } from '@alphanode/cache-rules/purge';
import { parsePost, type Post } from '@alphanode/parser';
import { exactPurgePlan, type ExactPurgePlan, type PageRecord } from '@alphanode/site';
import type { NextFunction, Request, Response } from 'express';
import { pageRecords, withPost, type Site } from '../site/site.ts';
import { hasBearerToken } from './bearer-token.ts';
import { discardBody, hasBody, readBody } from './request-body.ts';

/** The largest post the route takes as text/plain (a sample post is under 10 KB). */
export const POST_LIMIT = 1024 * 1024;
/** The largest JSON body: `{"slug": "…"}` needs far less. */
export const JSON_LIMIT = 16 * 1024;

export interface PurgeRouteOptions {
  engine: CacheRulesEngine;
  purger: Purger;
  /** Undefined disables the route: an example must not ship an admin endpoint with a default password. */
  adminToken: string | undefined;
  getSite(): Site;
  setSite(site: Site): void;
}

type Body = { ok: false; code: string; message: string; diagnostics?: unknown[] } | Record<string, unknown>;
type Refusal = { ok: false; status: number; body: Body };

function reply(res: Response, status: number, body: Body): void {
  res.status(status).type('application/json').end(`${JSON.stringify(body, null, 2)}\n`);
}

// Every refusal is a fixed code and message: none quotes the request body, so nothing a client sent
// (a JSON parse error's fragment, a slug) is ever reflected back.
const refuse = (status: number, code: string, message: string, diagnostics?: unknown[]): Refusal => ({
  ok: false,
  status,
  body: { ok: false, code, message, ...(diagnostics ? { diagnostics } : {}) },
});

const USAGE = 'send the changed post as text/plain (add ?slug=<slug> to replace that post whatever its title), or {"slug": "<slug>"} as application/json to purge a post as it is';

type Sent = { kind: 'post'; text: string } | { kind: 'json'; value: unknown };

/** What the headers say the body is, and how much of it the route will read; checked before a byte of it is read. */
function expectedBody(req: Request): { ok: true; kind: Sent['kind']; limit: number } | Refusal {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') return refuse(415, 'unsupported-encoding', 'send the body without a Content-Encoding');
  if (!hasBody(req)) return refuse(400, 'missing-post', USAGE);
  const [mediaType = '', ...params] = (req.headers['content-type'] ?? '').split(';');
  const charset = params.map((param) => /^\s*charset\s*=\s*"?([^"\s]*)"?\s*$/i.exec(param)?.[1]?.toLowerCase()).find((value) => value !== undefined);
  if (charset !== undefined && !['utf-8', 'utf8', 'us-ascii'].includes(charset)) return refuse(415, 'unsupported-charset', 'send the body as UTF-8');
  const type = mediaType.trim().toLowerCase();
  if (type === 'text/plain') return { ok: true, kind: 'post', limit: POST_LIMIT };
  if (type === 'application/json') return { ok: true, kind: 'json', limit: JSON_LIMIT };
  return refuse(415, 'unsupported-type', USAGE);
}

/** The body, read only now that the token is known to be right, up to the limit for its type. */
async function readSent(req: Request, res: Response): Promise<{ ok: true; sent: Sent } | Refusal | { ok: false; aborted: true }> {
  const expected = expectedBody(req);
  if (!expected.ok) {
    discardBody(req, res, POST_LIMIT);
    return expected;
  }
  const read = await readBody(req, res, expected.limit);
  if (!read.ok) {
    if (read.reason === 'aborted') return { ok: false, aborted: true };
    return refuse(413, 'body-too-large', `a post is at most ${POST_LIMIT} bytes, and a JSON body at most ${JSON_LIMIT}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return refuse(400, 'invalid-encoding', 'the body is not UTF-8 text');
  }
  if (expected.kind === 'post') return { ok: true, sent: { kind: 'post', text } };
  try {
    return { ok: true, sent: { kind: 'json', value: JSON.parse(text) as unknown } };
  } catch {
    return refuse(400, 'invalid-json', 'the body is not JSON: send {"slug": "<slug>"} as application/json');
  }
}

type Change = { ok: true; id: string; before: Post | undefined; after: Post } | Refusal;

/**
 * The post the request names: its new text (text/plain), which replaces the post at `?slug=` or
 * else the post with the same title, or else is added; or `{ "slug": "…" }` to purge a post as it is.
 */
function changedPost(sent: Sent, query: Request['query'], site: Site): Change {
  if (sent.kind === 'post') {
    const result = parsePost(sent.text, { file: 'request body' });
    if (!result.ok) {
      // Positions and codes only: a finding's message may quote the text.
      const diagnostics = result.diagnostics.map(({ severity, code, line, column }) => ({ severity, code, line, column }));
      return refuse(400, 'invalid-post', 'the body is not a valid alphanode post: `alphanode check <file>` prints each finding in full', diagnostics);
    }
    const named = query['slug'];
    if (named !== undefined) {
      if (typeof named !== 'string') return refuse(400, 'invalid-slug', 'name one post: ?slug=<slug>');
      const entry = site.posts.get(named);
      if (!entry) return refuse(404, 'unknown-post', 'no post has that slug');
      // The post keeps its id, so a new title moves it to the new title's slug.
      return { ok: true, id: entry.id, before: entry.post, after: result.post };
    }
    const same = [...site.posts.values()].find((entry) => entry.post.title === result.post.title);
    if (same) return { ok: true, id: same.id, before: same.post, after: result.post };
    // A new post's id is its title: stable, so sending it again replaces it rather than adding a copy
    // (suffixed if a post added under that title has since been retitled, and holds the id).
    let id = `title:${result.post.title}`;
    for (let n = 2; site.slugs.has(id); n++) id = `title:${result.post.title}#${n}`;
    return { ok: true, id, before: undefined, after: result.post };
  }
  const slug = (sent.value as { slug?: unknown } | null)?.slug;
  if (typeof slug !== 'string') return refuse(400, 'missing-post', USAGE);
  const entry = site.posts.get(slug);
  if (!entry) return refuse(404, 'unknown-post', 'no post has that slug');
  return { ok: true, id: entry.id, before: entry.post, after: entry.post };
}

/**
 * What to send the purger: the URLs no planned key reaches (a new URL's cached 404 among them) by
 * URL. A purger that cannot purge by URL (Netlify, Vercel) gets the keys those URLs carry instead,
 * which evicts more; only a URL whose cached copy carried no key at all (a 404) is left for it to
 * report as not purged.
 */
function targetsOf(plan: ExactPurgePlan, before: ReadonlyMap<string, PageRecord>, after: ReadonlyMap<string, PageRecord>, purger: Purger): PurgeInput {
  if (purger.supports.urls) return { keys: plan.keys, urls: plan.urls, urlsWithoutKey: plan.urlsWithoutKey };
  const keys = new Set(plan.keys);
  for (const url of plan.urlsWithoutKey) for (const key of [...(before.get(url)?.keys ?? []), ...(after.get(url)?.keys ?? [])]) keys.add(key);
  const keyless = plan.urlsWithoutKey.filter((url) => (before.get(url)?.keys ?? []).length === 0);
  return { keys: [...keys].sort(), urls: plan.urls, urlsWithoutKey: keyless };
}

/**
 * `POST /admin/purge`: takes the changed post, serves it from now on, then sends the exact purge
 * plan to the purger: every URL whose bytes changed between the site before and after (the post's
 * pages, and the home and topic pages when what they list changed), and the keys that reach only
 * those. Updating first means whatever the CDN refetches after the purge is the new page.
 *
 * Mount it with no body parser in front: it checks the token before it reads a byte of the body,
 * then reads at most POST_LIMIT (text/plain) or JSON_LIMIT (application/json) bytes.
 */
export function purgeRoute(options: PurgeRouteOptions): (req: Request, res: Response, next: NextFunction) => void {
  const handle = async (req: Request, res: Response): Promise<void> => {
    if (options.adminToken === undefined) {
      discardBody(req, res, POST_LIMIT);
      reply(res, 403, { ok: false, code: 'admin-disabled', message: 'no admin token is configured (ADMIN_TOKEN), so purging is off' });
      return;
    }
    if (!hasBearerToken(req.headers.authorization, options.adminToken)) {
      discardBody(req, res, POST_LIMIT);
      res.setHeader('www-authenticate', 'Bearer realm="alphanode admin"');
      reply(res, 401, { ok: false, code: 'unauthorized', message: 'send Authorization: Bearer <admin token>' });
      return;
    }
    const read = await readSent(req, res);
    if (!read.ok) {
      if ('status' in read) reply(res, read.status, read.body);
      return;
    }
    const site = options.getSite();
    const change = changedPost(read.sent, req.query, site);
    if (!change.ok) {
      reply(res, change.status, change.body);
      return;
    }
    const unchanged = change.before === change.after;
    const next = unchanged ? site : withPost(site, change.id, change.after);
    if (!unchanged) options.setSite(next);
    const slug = next.slugs.get(change.id) as string;
    const previousSlug = site.slugs.get(change.id);
    const before = pageRecords(site, options.engine);
    const after = unchanged ? before : pageRecords(next, options.engine);
    // A post purged as it is: its own URLs, as if they had changed.
    const forced = unchanged ? next.routes.postUrls(slug).filter((url) => after.has(url)) : [];
    const plan = exactPurgePlan(before, after, { forced });
    const purge = await options.purger.purge(targetsOf(plan, before, after, options.purger));
    const kind = change.before === undefined ? 'added' : unchanged ? 'unchanged' : 'changed';
    const moved = previousSlug !== undefined && previousSlug !== slug ? { previousSlug } : {};
    reply(res, purge.ok ? 200 : 502, { ok: purge.ok, slug, ...moved, change: kind, plan, purge });
  };
  // Rejections are handed to next() here rather than left to Express 5's promise detection, so the
  // route behaves the same under Express 4.
  return (req, res, next) => {
    handle(req, res).catch(next);
  };
}
