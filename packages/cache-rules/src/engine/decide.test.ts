import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import { compileRulesOrThrow } from '../compile/compile-rules.ts';
import { CacheRulesError } from '../cache-rules-error.ts';
import type { Post } from '@alphanode/parser';

const engine = fixtureEngine();
const post = { title: 'Improving Asset Delivery', meta: { topic: 'Slow pages / CDN', stack: ['Go', 'PostgreSQL'] } } as unknown as Post;

describe('engine.decide', () => {
  it('caches a post page with every header Fastly reads, and its purge keys', () => {
    const decision = engine.decide({ url: '/posts/improving-asset-delivery' }, { target: 'fastly', post });
    expect(decision).toEqual({
      rule: 'post-page',
      action: 'cache',
      reason: 'rule "post-page": stored at the edge for 1h, in browsers for 1m',
      headers: {
        'Cache-Control': 'max-age=60',
        'Surrogate-Control': 'max-age=3600, stale-while-revalidate=300, stale-if-error=86400',
        'Surrogate-Key': 'post-improving-asset-delivery topic-slow-pages-cdn stack-go stack-postgresql',
        Vary: 'Accept-Encoding, Authorization',
      },
      keys: ['post-improving-asset-delivery', 'topic-slow-pages-cdn', 'stack-go', 'stack-postgresql'],
      trace: [
        // hashed-assets is not tried: its first segment, "assets", cannot match "posts".
        { rule: 'not-found', matched: false, reason: 'response status is not 404 or 410' },
        { rule: 'post-page', matched: true, reason: 'matched' },
      ],
    });
  });

  it.each([
    ['cloudflare', { 'Cloudflare-CDN-Cache-Control': 'max-age=3600, stale-while-revalidate=300, stale-if-error=86400', 'Cache-Tag': 'post-a,topic-t,stack-go,stack-postgresql' }],
    ['akamai', { 'Edge-Control': '!no-store, max-age=3600', 'Edge-Cache-Tag': 'post-a,topic-t,stack-go,stack-postgresql' }],
    ['vercel', { 'Vercel-CDN-Cache-Control': 'max-age=3600, stale-while-revalidate=300', 'Vercel-Cache-Tag': 'post-a,topic-t,stack-go,stack-postgresql' }],
    ['netlify', { 'Netlify-CDN-Cache-Control': 'max-age=3600, stale-while-revalidate=300', 'Netlify-Cache-Tag': 'post-a,topic-t,stack-go,stack-postgresql', 'Netlify-Vary': 'cookie=session|preview_token' }],
    ['varnish', { 'Cache-Control': 'max-age=60, s-maxage=3600, stale-while-revalidate=300', xkey: 'post-a topic-t stack-go stack-postgresql' }],
    ['generic', { 'CDN-Cache-Control': 'max-age=3600, stale-while-revalidate=300, stale-if-error=86400' }],
  ] as const)('writes what %s reads', (target, expected) => {
    const small = { title: 'A', meta: { topic: 'T', stack: ['Go', 'PostgreSQL'] } } as unknown as Post;
    const { headers } = engine.decide({ url: '/posts/a' }, { target, post: small });
    expect(headers).toMatchObject(expected);
  });

  it.each([
    [{ cookie: 'session=abc' }, 'bypass "logged-in": the request has the cookie session'],
    [{ Cookie: 'a=1; wp_logged_in_7=x' }, 'bypass "logged-in": the request has the cookie wp_logged_in_7'],
    [{ cookie: 'preview_token=1' }, 'bypass "preview": the request has the cookie preview_token'],
    [{ authorization: 'Basic x' }, 'the request has an Authorization header: its answer may be personal, so no shared cache stores it (RFC 9111 §3.5)'],
  ])('bypasses %j', (headers, reason) => {
    const decision = engine.decide({ url: '/posts/a', headers }, { target: 'cloudflare' });
    expect(decision).toMatchObject({ rule: 'post-page', action: 'bypass', reason, keys: [] });
    expect(decision.headers).toEqual({ 'Cache-Control': 'private, no-store', 'Cloudflare-CDN-Cache-Control': 'private, no-store' });
  });

  it('reads Headers objects, absolute URLs and a URL', () => {
    const headers = new Headers({ Cookie: 'session=1' });
    expect(engine.decide({ url: 'https://example.com/posts/a?x=1', headers }, { target: 'generic' }).action).toBe('bypass');
    expect(engine.decide({ url: new URL('https://example.com/posts/a?preview') }, { target: 'generic' }).action).toBe('bypass');
    expect(engine.decide({ url: 'https://api.example.com/posts/a' }, { target: 'generic' }).rule).toBe('post-page');
    expect(engine.decide({ url: 'https://api.example.com/search' }, { target: 'generic' }).rule).toBe('api-on-api-host');
  });

  it('a Set-Cookie response is never shared, even as a Headers object', () => {
    const response = { headers: new Headers([['set-cookie', 'a=1']]) };
    expect(engine.decide({ url: '/posts/a' }, { target: 'fastly', response })).toMatchObject({ action: 'bypass', headers: { 'Cache-Control': 'private, no-store' } });
  });

  it('stores nothing when no rule matches, and says so', () => {
    const only = compileRulesOrThrow({ version: 1, rules: [{ name: 'x', match: { path: '/x' }, cache: { edge: 60 } }] });
    expect(only.decide({ url: '/y' }, { target: 'generic' })).toMatchObject({ rule: null, action: 'no-store', reason: 'no rule matched: nothing is stored without a rule that says so' });
  });

  it('explain tries every rule; the fast path only those whose first segment can match', () => {
    expect(engine.decide({ url: '/search' }, { target: 'generic' }).trace.map((entry) => entry.rule)).toEqual(['not-found', 'api-on-api-host', 'everything-else']);
    expect(engine.decide({ url: '/search' }, { target: 'generic', explain: true }).trace.map((entry) => entry.rule)).toEqual(['hashed-assets', 'not-found', 'post-page', 'listings', 'account', 'api-on-api-host', 'everything-else']);
  });

  it('fails closed when the keys would overflow a target limit', () => {
    const many = { title: 'A', meta: { topic: 'T', stack: Array.from({ length: 200 }, (_, i) => `tool-${i}`) } } as unknown as Post;
    const decision = engine.decide({ url: '/posts/a' }, { target: 'akamai', post: many });
    expect(decision.action).toBe('no-store');
    expect(decision.reason).toMatch(/202 purge keys exceed Edge-Cache-Tag's limit of 128/);
    expect(decision.keys).toHaveLength(202);
    expect(engine.decide({ url: '/posts/a' }, { target: 'fastly', post: many }).action).toBe('cache');
  });

  it('shortens a long key with a stable hash, within 128 characters', () => {
    const long = { title: 'A', meta: { topic: 'x'.repeat(300), stack: [] } } as unknown as Post;
    const [, topic] = engine.decide({ url: '/posts/a' }, { target: 'akamai', post: long }).keys;
    expect(topic).toHaveLength(128);
    expect(topic).toMatch(/^topic-x+-[0-9a-f]{8}$/);
    expect(engine.decide({ url: '/posts/a' }, { target: 'akamai', post: long }).keys[1]).toBe(topic);
  });

  it('hands out headers a caller may change without touching the next decision', () => {
    const first = engine.decide({ url: '/assets/a.css' }, { target: 'generic' });
    first.headers['Cache-Control'] = 'changed';
    expect(engine.decide({ url: '/assets/a.css' }, { target: 'generic' }).headers['Cache-Control']).toBe('max-age=31536000, immutable');
  });

  it('throws a coded error for an unknown target (a programming error, not input)', () => {
    expect(() => engine.decide({ url: '/' }, { target: 'nope' as 'generic' })).toThrow(CacheRulesError);
  });
});
