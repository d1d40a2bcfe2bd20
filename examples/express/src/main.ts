// `pnpm --filter @alphanode/example-express start`: serves examples/content on http://127.0.0.1:8080
// (PORT to change). TARGET picks the CDN headers (default generic; varnish behind varnish/default.vcl).
// ADMIN_TOKEN turns on POST /admin/purge; PURGER (fastly, cloudflare, varnish) picks where plans go,
// and nothing is sent unless PURGE_DRY_RUN=0.
import process from 'node:process';
import { isTargetName } from '@alphanode/cache-rules';
import { createApp } from './create-app.ts';
import { purgerFromEnv } from './purgers/purger-from-env.ts';

const env = process.env;
const target = env['TARGET'] ?? 'generic';
if (!isTargetName(target)) throw new Error(`TARGET must name a cache-rules target (generic, varnish, fastly, cloudflare, …); found "${target}"`);
const purger = purgerFromEnv(env);
const { app, problems } = await createApp({
  target,
  purger,
  cacheRules: env['CACHE_RULES'] !== 'off',
  onError: (error, req) => process.stderr.write(`${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
  ...(env['ADMIN_TOKEN'] ? { adminToken: env['ADMIN_TOKEN'] } : {}),
  ...(env['CONTENT_DIR'] ? { contentDir: env['CONTENT_DIR'] } : {}),
});
for (const problem of problems) process.stderr.write(`${problem}\n`);

const server = app.listen(Number(env['PORT'] ?? 8080), env['HOST'] ?? '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env['PORT'];
  process.stdout.write(`serving on http://127.0.0.1:${port}/ (target ${target}, purger ${purger.name}${env['ADMIN_TOKEN'] ? '' : ', admin off: no ADMIN_TOKEN'})\n`);
});
process.once('SIGTERM', () => server.close());
