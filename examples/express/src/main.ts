// `pnpm --filter @alphanode/example-express start`: serves examples/content on http://127.0.0.1:8080
// (PORT to change). TARGET picks the CDN headers (default generic; varnish behind varnish/default.vcl).
// ADMIN_TOKEN turns on POST /admin/purge; PURGER (fastly, cloudflare, akamai, netlify, vercel, varnish)
// picks where plans go, with the credentials @alphanode/cache-rules/purge reads (PURGE_ENV), and
// nothing is sent unless PURGE_DRY_RUN=0.
import process from 'node:process';
import { isTargetName } from '@alphanode/cache-rules';
import { deferContinue } from './admin/request-body.ts';
import { createApp } from './create-app.ts';
import { purgerFromEnv } from './purgers/purger-from-env.ts';

const env = process.env;
const target = env['TARGET'] ?? 'generic';
if (!isTargetName(target)) throw new Error(`TARGET must name a cache-rules target (generic, varnish, fastly, cloudflare, …); found "${target}"`);
const purger = purgerFromEnv(env);
const { app, problems, site } = await createApp({
  target,
  purger,
  cacheRules: env['CACHE_RULES'] !== 'off',
  onError: (error, req) => process.stderr.write(`${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
  ...(env['ADMIN_TOKEN'] ? { adminToken: env['ADMIN_TOKEN'] } : {}),
  ...(env['CONTENT_DIR'] ? { contentDir: env['CONTENT_DIR'] } : {}),
});
for (const problem of problems) process.stderr.write(`${problem}\n`);

// Express 5 hands a listen error (a port in use) to this callback rather than throwing it.
const server = app.listen(Number(env['PORT'] ?? 8080), env['HOST'] ?? '127.0.0.1', (error?: Error) => {
  if (error) {
    process.stderr.write(`cannot listen: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env['PORT'];
  const base = `http://127.0.0.1:${port}`;
  process.stdout.write(`serving on ${base}/ (target ${target}, purger ${purger.name}${env['ADMIN_TOKEN'] ? '' : ', admin off: no ADMIN_TOKEN'})\n`);
  const { routes, posts, listings, listingPages } = site();
  const [slug] = posts.keys();
  const topic = listings.topics[0]?.slug;
  if (slug !== undefined) {
    const [page, ...others] = routes.postUrls(slug);
    process.stdout.write(`  a post:      ${base}${page}\n${others.map((url) => `  also:        ${base}${url}\n`).join('')}`);
  }
  if (topic !== undefined) process.stdout.write(`  a topic:     ${base}${routes.topicUrl(topic)}\n`);
  if (listingPages.has(routes.homePageUrl(2))) process.stdout.write(`  page 2:      ${base}${routes.homePageUrl(2)}\n`);
  process.stdout.write(`  log in:      ${base}/login?name=ada (a session cookie: pages turn private and greet you)\n  health:      ${base}/healthz\n`);
});
// `Expect: 100-continue` is answered only once the purge route has checked the token.
server.on('checkContinue', deferContinue(app));
process.once('SIGTERM', () => server.close());
