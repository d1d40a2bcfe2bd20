// The edge worker: a module worker (`export default { fetch }`, the shape workerd, Deno, Bun and
// Vercel's edge runtime all call) that serves the sample posts bundled at build time (`#site-data`)
// with the cache rules' headers, and keeps what the rules let a shared cache keep in
// `caches.default` where the runtime has one. Web APIs only.
import siteData from '#site-data';
import { defaultCache } from './edge-cache.ts';
import { handleRequest } from './handle-request.ts';
import { createSite, type Site } from './site.ts';
import { readEnv, type WorkerEnv } from './worker-env.ts';

/** The part of the Workers `ExecutionContext` the worker uses. */
export interface WorkerContext {
  waitUntil(promise: Promise<unknown>): void;
}

// One site per configuration, built on first use and kept for the isolate's life: compiling the
// rules and indexing the posts once is what makes a request cost only its render.
const sites = new Map<string, Site>();

function configError(message: string): Response {
  return new Response(`worker configuration: ${message}\n`, { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' } });
}

async function fetch(request: Request, env?: WorkerEnv, ctx?: WorkerContext): Promise<Response> {
  const config = readEnv(env);
  if (!config.ok) return configError(config.message);
  let site = sites.get(config.key);
  if (site === undefined) {
    site = createSite(siteData, config.options);
    sites.set(config.key, site);
  }
  return handleRequest(request, site, { cache: defaultCache(), waitUntil: ctx ? (promise) => ctx.waitUntil(promise) : undefined });
}

// The module worker format requires a default export; it is this file's only export.
export default { fetch };
