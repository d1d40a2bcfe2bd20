import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerEnv } from '../src/worker-env.ts';
import { describeSiteContract, type ContractTarget } from './site-contract.ts';
import { buildWorker, type BuiltWorker } from './worker-setup.ts';

// The same bundle workerd runs, imported by Node and called as Deno, Bun and Vercel's edge runtime
// call a module worker: `fetch(request, env)`, with no `caches.default` and no execution context.
// That it runs here unchanged is the check that it needs nothing but Web APIs.
type Worker = { fetch(request: Request, env?: WorkerEnv): Promise<Response> };

let built: BuiltWorker;
let worker: Worker;

beforeAll(async () => {
  built = await buildWorker();
  worker = ((await import(pathToFileURL(built.outFile).href)) as { default: Worker }).default;
});

afterAll(() => built?.dispose());

const call = (path: string, init?: RequestInit, env?: WorkerEnv) => worker.fetch(new Request(`https://edge.example${path}`, init), env);

describeSiteContract('the bundle under Node', (): ContractTarget => ({ fetch: (path, init) => call(path, init), data: built.data }));

describe('the bundle', () => {
  it('holds no Node built-in, no zod and no yaml: the graph is the worker, the libraries and the data', () => {
    expect(built.inputs.filter((input) => input.startsWith('node:') || input.includes('/parser/src/node/'))).toEqual([]);
    // The rules arrive compiled (loadCompiledRules), so neither the YAML parser nor zod is bundled.
    expect(built.inputs.filter((input) => /node_modules\/(zod|yaml)\//.test(input))).toEqual([]);
    expect(built.inputs).toContain('examples/edge/generated/site-data.js');
  });

  it('serves without the Cache API and says nothing about it', async () => {
    const response = await call('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-edge-cache')).toBeNull();
  });
});

describe('the worker environment', () => {
  it('writes the headers of the CDN that CACHE_TARGET names', async () => {
    const slug = built.data.posts[0]?.slug as string;
    const response = await call(`/posts/${slug}`, {}, { CACHE_TARGET: 'fastly' });
    expect(response.headers.get('surrogate-control')).toBe('max-age=3600, stale-while-revalidate=300, stale-if-error=86400');
    expect(response.headers.get('surrogate-key')?.split(' ')[0]).toBe(`post-${slug}`);
    expect(response.headers.get('cloudflare-cdn-cache-control')).toBeNull();
  });

  it('puts the canonical URL on the BASE_URL origin', async () => {
    const slug = built.data.posts[0]?.slug as string;
    const body = await (await call(`/posts/${slug}`, {}, { BASE_URL: 'https://blog.example' })).text();
    expect(body).toContain(`<link rel="canonical" href="https://blog.example/posts/${slug}">`);
  });

  it('refuses a target it does not know, with a 500 nothing stores, rather than guess', async () => {
    const response = await call('/', {}, { CACHE_TARGET: 'cloudfront' });
    expect(response.status).toBe(500);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.text()).toBe(
      'worker configuration: CACHE_TARGET must be one of generic, fastly, cloudflare, akamai, netlify, vercel, varnish; found "cloudfront"\n',
    );
  });
});
