import type { Decision } from '@alphanode/cache-rules';
import { describe, expect, it } from 'vitest';
import { cacheKey, fromStored, storedCopy } from './edge-cache.ts';

const decision = (action: Decision['action'], headers: Record<string, string>): Decision => ({ rule: 'r', action, reason: '', headers, keys: [], trace: [] });
const cached = decision('cache', { 'Cache-Control': 'max-age=60', 'Cloudflare-CDN-Cache-Control': 'max-age=3600' });
const page = () => new Response('<p>page</p>', { headers: { 'cache-control': 'max-age=60', 'cloudflare-cdn-cache-control': 'max-age=3600', 'content-type': 'text/html', etag: '"b-1"' } });

describe('storedCopy and fromStored', () => {
  it('stores the edge lifetime in Cache-Control, and gives the visitor the browser lifetime back', async () => {
    const response = page();
    const copy = storedCopy(response, cached);
    expect(copy?.headers.get('cache-control')).toBe('max-age=3600');
    expect(await response.text()).toBe('<p>page</p>');

    const served = fromStored(copy as Response);
    expect(Object.fromEntries(served.headers)).toEqual({
      'cache-control': 'max-age=60',
      'cloudflare-cdn-cache-control': 'max-age=3600',
      'content-type': 'text/html',
      etag: '"b-1"',
      'x-edge-cache': 'HIT',
    });
    expect(await served.text()).toBe('<p>page</p>');
  });

  it('stores nothing for a bypass, a no-store decision or a response that sets a cookie', () => {
    expect(storedCopy(page(), decision('bypass', { 'Cache-Control': 'private, no-store' }))).toBeUndefined();
    expect(storedCopy(page(), decision('no-store', { 'Cache-Control': 'private, no-store' }))).toBeUndefined();
    const withCookie = page();
    withCookie.headers.set('set-cookie', 'a=1');
    expect(storedCopy(withCookie, cached)).toBeUndefined();
  });

  it('keys a copy by URL alone, as GET', () => {
    const key = cacheKey(new Request('https://a.example/p?x=1', { method: 'HEAD', headers: { cookie: 'session=1', 'if-none-match': '"x"' } }));
    expect([key.method, key.url, [...key.headers]]).toEqual(['GET', 'https://a.example/p?x=1', []]);
  });
});
