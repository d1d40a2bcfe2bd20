// The Express example's pages served by a Web-standard app in its own process, for the express
// suite: `node web-child.ts hono|fetch on|off|headers`. Both apps run on @hono/node-server, so the
// Node server stack is the same with and without rules and only the adapter differs. `headers` is
// the control: no adapter, but the app sends the very headers the rules give each page, worked out
// once at start, so that what sending those headers costs is told apart from the adapter's work.
// Prints the same "serving on http://127.0.0.1:PORT/" line as the example.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import type { TargetName } from '@alphanode/cache-rules';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { withCacheRules } from '@alphanode/cache-rules/fetch';
import { cacheRules } from '@alphanode/cache-rules/hono';
import { createApp } from '@alphanode/example-express';
import type { Post } from '@alphanode/parser';
import { ifNoneMatch } from '@alphanode/site';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [kind, rules] = process.argv.slice(2);
if ((kind !== 'hono' && kind !== 'fetch') || (rules !== 'on' && rules !== 'off' && rules !== 'headers')) throw new Error('usage: node web-child.ts hono|fetch on|off|headers');

const target: TargetName = 'varnish';
const engine = compileRulesOrThrow(readFileSync(fileURLToPath(new URL('../../examples/rules.yaml', import.meta.url)), 'utf8'), { file: 'rules.yaml' });
// The very pages (bodies, ETags, routes) the Express example serves: its site is built, its app never listens.
const site = (await createApp({ target, cacheRules: false })).site();

/** What the Express example answers an anonymous GET with: a page of the home or a topic listing, or a post in one of its representations. */
function pageFor(pathname: string): { body: string; etag: string; type: string; post?: Post } | undefined {
  const route = site.routes.match(pathname);
  if (route?.kind === 'home' || route?.kind === 'topic') return site.listingPages.get(pathname);
  if (route?.kind !== 'post') return undefined;
  const entry = site.posts.get(route.slug);
  const shared = entry?.pages[route.representation];
  return entry && shared ? { ...shared, post: entry.post } : undefined;
}

/** For the `headers` control: the headers the rules give each page's 200, by path, decided once. */
const ruledHeaders = new Map<string, Readonly<Record<string, string>>>();
function headersOf(pathname: string, page: { type: string; post?: Post }): Readonly<Record<string, string>> {
  let headers = ruledHeaders.get(pathname);
  if (headers === undefined) {
    const decision = engine.decide({ url: pathname }, { target, response: { status: 200, headers: { 'content-type': page.type } }, ...(page.post ? { post: page.post } : {}) });
    ruledHeaders.set(pathname, (headers = decision.headers));
  }
  return headers;
}

const NOT_FOUND = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } };

/** The plain Fetch handler: the page as a Response (304 for a matching If-None-Match), and the post it shows. */
function respond(request: Request): { response: Response; post?: Post | undefined } {
  const pathname = new URL(request.url).pathname;
  const page = request.method === 'GET' || request.method === 'HEAD' ? pageFor(pathname) : undefined;
  if (!page) return { response: new Response('not found\n', NOT_FOUND) };
  const headers = rules === 'headers' ? { ...headersOf(pathname, page), 'content-type': page.type, etag: page.etag } : { 'content-type': page.type, etag: page.etag };
  if (ifNoneMatch(request.headers.get('if-none-match'), page.etag)) return { response: new Response(null, { status: 304, headers }), post: page.post };
  return { response: new Response(page.body, { status: 200, headers }), post: page.post };
}

function fetchApp(): (request: Request) => Response {
  if (rules !== 'on') return (request) => respond(request).response;
  const apply = withCacheRules(engine, { target });
  return (request) => {
    const { response, post } = respond(request);
    return apply(request, response, post);
  };
}

function honoApp(): Hono<{ Variables: { post: Post } }> {
  const app = new Hono<{ Variables: { post: Post } }>();
  if (rules === 'on') app.use(cacheRules(engine, { target, post: (c) => c.get('post') }));
  app.get('*', (c) => {
    const page = pageFor(c.req.path);
    if (!page) return c.text('not found\n', 404);
    if (page.post) c.set('post', page.post);
    if (rules === 'headers') for (const [name, value] of Object.entries(headersOf(c.req.path, page))) c.header(name, value);
    c.header('etag', page.etag);
    if (ifNoneMatch(c.req.header('if-none-match'), page.etag)) return c.body(null, 304);
    return c.body(page.body, 200, { 'content-type': page.type });
  });
  app.notFound((c) => c.text('not found\n', 404));
  return app;
}

const fetch = kind === 'hono' ? honoApp().fetch : fetchApp();
const server = serve({ fetch, port: Number(process.env['PORT'] ?? 0), hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`serving on http://127.0.0.1:${info.port}/ (${kind}, rules ${rules}, target ${target})\n`);
});
process.once('SIGTERM', () => server.close());
