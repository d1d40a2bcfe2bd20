import type { Decision, TargetName } from '@alphanode/cache-rules';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { cacheRulesMiddleware } from '@alphanode/cache-rules/express';
import { dryRunPurger, type Purger } from '@alphanode/cache-rules/purge';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import { ifNoneMatch, siteRoutesFor, type SlugCollision } from '@alphanode/site';
import { purgeRoute } from './admin/purge-route.ts';
import { viewerFrom, SESSION_COOKIE } from './http/session.ts';
import { DEFAULT_ASSETS_DIR, DEFAULT_CONTENT_DIR, DEFAULT_RULES_FILE, loadContent, readFolder, readText } from './load-options.ts';
import { createAssets } from './site/assets.ts';
import { createSite, page, renderListingFor, renderPostPage, type Page, type Site } from './site/site.ts';

export interface AppOptions {
  /** A folder of `*.txt` posts; default the sample corpus in `examples/content`. */
  contentDir?: string;
  /** The rules as YAML text; default `examples/rules.yaml`. */
  rules?: string;
  /** Which CDN's headers the rules write; default `generic`. Use `varnish` behind `varnish/default.vcl`. */
  target?: TargetName;
  /** Where `POST /admin/purge` sends plans; default a dry run that reports and sends nothing. */
  purger?: Purger;
  /** The Bearer token `POST /admin/purge` requires; without one the route is off. */
  adminToken?: string;
  /** Fingerprinted files served under `/assets/`; default this package's `assets/`. */
  assetsDir?: string;
  /** Posts per listing page (home and topics); default `@alphanode/site`'s `DEFAULT_PAGE_SIZE`. */
  pageSize?: number;
  /** `false` leaves the rules middleware out: only for measuring what it costs. Default true. */
  cacheRules?: boolean;
  /** Sees every caching decision, e.g. to log why a page was not cached. */
  onDecision?: (decision: Decision, req: IncomingMessage) => void;
  /** Sees every error a route threw (the visitor only gets "internal error"); default: none. */
  onError?: (error: unknown, req: IncomingMessage) => void;
}

export interface ExampleApp {
  app: Express;
  /** The site being served now (replaced when `POST /admin/purge` brings a changed post). */
  site(): Site;
  /** Posts and assets that could not be served, and posts or topics served under a suffixed slug, with why. */
  problems: string[];
}

function send(req: Request, res: Response, page: Page): void {
  res.setHeader('content-type', page.type);
  res.setHeader('etag', page.etag);
  if (ifNoneMatch(req.headers['if-none-match'], page.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('content-length', Buffer.byteLength(page.body));
  res.status(200).end(page.body);
}

function collisionProblems(kind: 'post' | 'topic', collisions: readonly SlugCollision[], urlOf: (slug: string) => string): string[] {
  return collisions.flatMap((collision) =>
    collision.ids.slice(1).map((id, i) => `${kind} ${id}: its title gives the slug "${collision.base}", as ${collision.ids[0]}'s does; it is served at ${urlOf(collision.slugs[i + 1] as string)}`),
  );
}

function notFound(_req: Request, res: Response): void {
  res.status(404).type('text/plain').end('not found\n');
}

/**
 * The example server: posts as HTML and JSON, topic listings, fingerprinted assets, health, and a
 * token-protected purge endpoint, with every cache header decided by the rules middleware. Loads and
 * renders the whole corpus before it returns, so the first request is as fast as the rest.
 *
 * @example
 * const { app } = await createApp({ target: 'varnish', adminToken: 'secret' });
 * app.listen(8080, '127.0.0.1');
 */
export async function createApp(options: AppOptions = {}): Promise<ExampleApp> {
  const target = options.target ?? 'generic';
  const engine = compileRulesOrThrow(options.rules ?? (await readText(DEFAULT_RULES_FILE)), { file: 'rules.yaml' });
  const [content, assetFiles] = await Promise.all([loadContent(options.contentDir ?? DEFAULT_CONTENT_DIR), readFolder(options.assetsDir ?? DEFAULT_ASSETS_DIR)]);
  const { assets, refused } = createAssets(assetFiles);
  const stylesheet = [...assets.keys()].find((name) => name.endsWith('.css'));
  const routes = siteRoutesFor(engine);
  const built = createSite(content.posts, { routes, stylesheet: stylesheet ? `/assets/${stylesheet}` : '/assets/missing.css', pageSize: options.pageSize });
  let site = built.site;
  const problems = [
    ...content.diagnostics.map((d) => `${d.file ?? '?'}:${d.line}:${d.column}: ${d.code}: ${d.message}`),
    ...collisionProblems('post', built.collisions.posts, routes.postUrl),
    ...collisionProblems('topic', built.collisions.topics, routes.topicUrl),
    ...refused.map((name) => `asset ${name} has no content hash in its name (name.<hex>.ext), so it is not served as immutable`),
  ];

  const app = express();
  app.disable('x-powered-by');
  // Express's own ETag is weak and computed per response; ours is strong and made once per page.
  app.set('etag', false);
  if (options.cacheRules !== false) {
    app.use(cacheRulesMiddleware(engine, { target, post: (_req, res) => (res as Response).locals['post'], ...(options.onDecision ? { onDecision: options.onDecision } : {}) }));
  }

  app.get('/healthz', (_req, res) => {
    res.type('text/plain').end('ok\n');
  });
  app.get('/assets/:file', (req, res, next) => {
    const asset = assets.get(req.params.file);
    if (!asset) return next();
    send(req, res, asset);
  });
  // A stand-in for a real login form: sets the session cookie that turns caching off for this visitor.
  app.get('/login', (req, res) => {
    const name = typeof req.query['name'] === 'string' ? req.query['name'] : 'reader';
    res.cookie(SESSION_COOKIE, viewerFrom(`${SESSION_COOKIE}=${name}`) ?? 'reader', { httpOnly: true, sameSite: 'lax', path: '/' });
    res.redirect(303, '/');
  });
  app.get('/logout', (_req, res) => {
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/');
  });
  // Every page of the site: the site's routes say what a path shows (a page of the home or a topic
  // listing, a post or one of its representations), so this server and the build agree on every URL.
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const route = site.routes.match(req.path);
    const viewer = viewerFrom(req.headers.cookie);
    if (route?.kind === 'home' || route?.kind === 'topic') {
      // The routes match only a listing URL in its one spelling, so the path is the page's key.
      const shared = site.listingPages.get(req.path);
      if (!shared) return next();
      if (viewer === undefined) return send(req, res, shared);
      const own = renderListingFor(site, route, viewer);
      return own === undefined ? next() : send(req, res, page(own));
    }
    if (route?.kind !== 'post') return next();
    const entry = site.posts.get(route.slug);
    const shared = entry?.pages[route.representation];
    if (!entry || !shared) return next();
    res.locals['post'] = entry.keyed;
    // Only the HTML page greets a visitor; every other representation is the same for all.
    if (route.representation !== 0 || viewer === undefined) return send(req, res, shared);
    send(req, res, page(renderPostPage(entry.post, site.routes.postUrl(entry.slug), site.stylesheet, viewer)));
  });
  // No body parser: the route checks the token before it reads the body, and reads it itself.
  app.post('/admin/purge', purgeRoute({ engine, purger: options.purger ?? dryRunPurger(), adminToken: options.adminToken, getSite: () => site, setSite: (next) => (site = next) }));
  app.use(notFound);
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    options.onError?.(error, req);
    const status = (error as { status?: unknown }).status;
    const code = typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
    // A fixed text per status: an error's message can quote the request (a path that did not decode).
    res.status(code).type('text/plain').end(code === 500 ? 'internal error\n' : `${(STATUS_CODES[code] ?? 'error').toLowerCase()}\n`);
  });
  return { app, site: () => site, problems };
}
