import { compileRulesToJson } from '@alphanode/cache-rules/compile';
import { describe, expect, it } from 'vitest';
import type { EdgeCache } from './edge-cache.ts';
import { handleRequest } from './handle-request.ts';
import { createSite } from './site.ts';
import type { SiteData } from './site-data.ts';

// The cache logic against an in-memory stand-in for caches.default; test/workerd.test.ts runs the
// same behaviour against the real one.
function memoryCache(): EdgeCache & { keys(): string[] } {
  const entries = new Map<string, Response>();
  return {
    async match(request) {
      return entries.get(request.url)?.clone();
    },
    async put(request, response) {
      entries.set(request.url, new Response(await response.arrayBuffer(), response));
    },
    keys: () => [...entries.keys()],
  };
}

const compiled = compileRulesToJson(`
version: 1
bypass:
  logged-in: { cookie: [session] }
rules:
  - name: home
    match: { path: / }
    cache: { edge: 5m, browser: 30s }
    bypass: [logged-in]
  - name: rest
    match: { path: "/*" }
    cache: { noStore: true }
`);
const data: SiteData = { siteName: 'test', rules: compiled.ok ? compiled.json : null, posts: [], assets: [] };
const site = createSite(data, { target: 'cloudflare' });
const get = (headers: Record<string, string> = {}, method = 'GET') => new Request('https://a.example/', { method, headers });

describe('handleRequest', () => {
  it('stores a cacheable page and serves the next request from the cache', async () => {
    const cache = memoryCache();
    const first = await handleRequest(get(), site, { cache });
    expect(first.headers.get('x-edge-cache')).toBe('MISS');
    expect(cache.keys()).toEqual(['https://a.example/']);
    const second = await handleRequest(get(), site, { cache });
    expect(second.headers.get('x-edge-cache')).toBe('HIT');
    expect(second.headers.get('cache-control')).toBe('max-age=30');
    expect(await second.text()).toBe(await first.text());
  });

  it('hands the put to waitUntil when there is one', async () => {
    const cache = memoryCache();
    const pending: Promise<unknown>[] = [];
    await handleRequest(get(), site, { cache, waitUntil: (promise) => pending.push(promise) });
    expect(pending.length).toBe(1);
    await Promise.all(pending);
    expect(cache.keys()).toEqual(['https://a.example/']);
  });

  it('neither reads nor fills the cache for a session, and never stores a no-store page', async () => {
    const cache = memoryCache();
    const session = await handleRequest(get({ cookie: 'session=1' }), site, { cache });
    expect(session.headers.get('x-edge-cache')).toBe('BYPASS');
    await handleRequest(new Request('https://a.example/healthz'), site, { cache });
    expect(cache.keys()).toEqual([]);
    await handleRequest(get(), site, { cache });
    const again = await handleRequest(get({ cookie: 'session=1' }), site, { cache });
    expect([again.headers.get('x-edge-cache'), again.headers.get('cache-control')]).toEqual(['BYPASS', 'private, no-store']);
  });

  it('answers HEAD and conditional requests without touching the cache for HEAD', async () => {
    const cache = memoryCache();
    const head = await handleRequest(get({}, 'HEAD'), site, { cache });
    expect([head.status, await head.text(), cache.keys()]).toEqual([200, '', []]);
    const etag = head.headers.get('etag') as string;
    const notModified = await handleRequest(get({ 'if-none-match': etag }), site, { cache });
    expect([notModified.status, notModified.headers.get('x-edge-cache')]).toEqual([304, 'MISS']);
    expect(cache.keys()).toEqual(['https://a.example/']);
    const fromCache = await handleRequest(get({ 'if-none-match': etag }), site, { cache });
    expect([fromCache.status, fromCache.headers.get('x-edge-cache')]).toEqual([304, 'HIT']);
  });

  it('serves on when a write to the cache fails', async () => {
    const failing: EdgeCache = { match: async () => undefined, put: async () => Promise.reject(new Error('quota')) };
    const response = await handleRequest(get(), site, { cache: failing });
    expect(response.status).toBe(200);
  });
});
