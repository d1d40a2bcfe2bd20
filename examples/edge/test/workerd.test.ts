import path from 'node:path';
import type { Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSiteContract, type ContractTarget } from './site-contract.ts';
import { buildWorker, type BuiltWorker } from './worker-setup.ts';

// The bundle in workerd, Cloudflare's runtime, through miniflare: the real `Request`, `Response`,
// `caches.default` and `ctx.waitUntil`. workerd's own output is captured, not printed, and must
// stay empty: a worker that logs an error would otherwise pass.
const ORIGIN = 'https://edge.example';
let built: BuiltWorker;
let mf: Miniflare;
let runtimeOutput = '';

beforeAll(async () => {
  built = await buildWorker();
  mf = new Miniflare({
    modules: true,
    scriptPath: built.outFile,
    // Module names are paths under this root, and the bundle sits in a temp folder outside the repository.
    modulesRoot: path.dirname(built.outFile),
    compatibilityDate: '2025-01-01',
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.on('data', (chunk: Buffer) => (runtimeOutput += chunk.toString()));
      stderr.on('data', (chunk: Buffer) => (runtimeOutput += chunk.toString()));
    },
  });
  await mf.ready;
});

afterAll(async () => {
  await mf?.dispose();
  built?.dispose();
});

// miniflare's fetch returns its own Response class; the contract only reads the Web API surface.
const call = async (path: string, init?: RequestInit): Promise<Response> =>
  (await mf.dispatchFetch(`${ORIGIN}${path}`, init as Parameters<Miniflare['dispatchFetch']>[1])) as unknown as Response;

/** The stored copy, read straight from miniflare's `caches.default`, once the worker's `waitUntil` put lands. */
async function stored(path: string, { wait = true } = {}): Promise<Response | undefined> {
  // miniflare types its caches with @cloudflare/workers-types, which this package does not install.
  const { default: cache } = (await mf.getCaches()) as unknown as { default: { match(url: string): Promise<Response | undefined> } };
  for (let attempt = 0; attempt < 50; attempt++) {
    const copy = await cache.match(`${ORIGIN}${path}`);
    if (copy !== undefined || !wait) return copy;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

describeSiteContract('workerd', (): ContractTarget => ({ fetch: call, data: built.data }));

describe('the edge worker with caches.default (workerd)', () => {
  it('serves a cacheable page from caches.default on the second request, with the browser lifetime restored', async () => {
    const path = `/posts/${built.data.posts[1]?.slug}`;
    const miss = await call(path);
    expect(miss.headers.get('x-edge-cache')).toBe('MISS');
    const body = await miss.text();

    const copy = await stored(path);
    expect(copy?.headers.get('cache-control')).toBe('max-age=3600, stale-while-revalidate=300, stale-if-error=86400');
    await copy?.arrayBuffer();

    const hit = await call(path);
    expect(hit.headers.get('x-edge-cache')).toBe('HIT');
    expect(hit.headers.get('cache-control')).toBe('max-age=60');
    expect(hit.headers.get('cloudflare-cdn-cache-control')).toBe(miss.headers.get('cloudflare-cdn-cache-control'));
    expect(hit.headers.get('cache-tag')).toBe(miss.headers.get('cache-tag'));
    expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'));
    expect(hit.headers.get('x-alphanode-browser-cache-control')).toBeNull();
    expect(await hit.text()).toBe(body);
  });

  it('answers If-None-Match from the stored copy with 304', async () => {
    const path = `/posts/${built.data.posts[2]?.slug}`;
    const miss = await call(path);
    await miss.arrayBuffer();
    await stored(path);
    const response = await call(path, { headers: { 'if-none-match': miss.headers.get('etag') as string } });
    expect(response.status).toBe(304);
    expect(response.headers.get('x-edge-cache')).toBe('HIT');
    expect(await response.text()).toBe('');
  });

  it('never fills the cache from a session request, and never answers one from it', async () => {
    const path = `/posts/${built.data.posts[3]?.slug}`;
    const session = await call(path, { headers: { cookie: 'session=abc' } });
    expect(session.headers.get('x-edge-cache')).toBe('BYPASS');
    expect(session.headers.get('cache-control')).toBe('private, no-store');
    await session.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await stored(path, { wait: false })).toBeUndefined();

    const anonymous = await call(path);
    expect(anonymous.headers.get('x-edge-cache')).toBe('MISS');
    await anonymous.arrayBuffer();
    await stored(path);
    const again = await call(path, { headers: { cookie: 'session=abc' } });
    expect(again.headers.get('x-edge-cache')).toBe('BYPASS');
    expect(again.headers.get('cache-control')).toBe('private, no-store');
    await again.arrayBuffer();
  });

  it('never stores a no-store page, and keeps a 404 for the minute the not-found rule gives it', async () => {
    for (let i = 0; i < 2; i++) {
      const health = await call('/healthz');
      expect(health.headers.get('x-edge-cache')).toBe('MISS');
      await health.arrayBuffer();
    }
    expect(await stored('/healthz', { wait: false })).toBeUndefined();

    const missing = await call('/posts/gone-for-good');
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
    expect((await stored('/posts/gone-for-good'))?.headers.get('cache-control')).toBe('max-age=60');
    const again = await call('/posts/gone-for-good');
    expect(again.status).toBe(404);
    expect(again.headers.get('x-edge-cache')).toBe('HIT');
    expect(again.headers.get('cache-control')).toBe('max-age=0');
    await again.arrayBuffer();
  });

  it('keeps the immutable asset for a year', async () => {
    const path = built.data.assets[0]?.path as string;
    await (await call(path)).arrayBuffer();
    expect((await stored(path))?.headers.get('cache-control')).toBe('max-age=31536000');
    expect((await call(path)).headers.get('x-edge-cache')).toBe('HIT');
  });

  it('printed nothing from workerd', () => {
    expect(runtimeOutput).toBe('');
  });
});
