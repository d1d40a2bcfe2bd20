import type { Post } from '@alphanode/parser';
import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import type { Decision } from '../engine/decision.ts';
import { cacheRules } from './cache-rules-middleware.ts';

const engine = fixtureEngine();
const post = { title: 'Hello', meta: { topic: 'Perf', stack: ['Go'] } } as unknown as Post;
type AppEnv = { Variables: { post: Post } };

describe('cacheRules for Hono', () => {
  it('replaces the caching headers the handler set, though Hono merges an old c.res into a new one', async () => {
    const app = new Hono<AppEnv>();
    app.use(cacheRules<AppEnv>(engine, { target: 'fastly', post: (c) => c.get('post') }));
    app.get('/posts/:slug', (c) => {
      c.set('post', post);
      c.header('Cache-Control', 'public, max-age=86400');
      c.header('CDN-Cache-Control', 'max-age=86400');
      c.header('Surrogate-Key', 'handler');
      c.header('X-Handler', 'kept');
      return c.html('<h1>Hello</h1>');
    });
    const response = await app.request('/posts/hello');
    const expected = engine.decide({ url: '/posts/hello' }, { target: 'fastly', response: { status: 200, headers: { 'content-type': 'text/html; charset=UTF-8' } }, post });
    expect(response.headers.get('cache-control')).toBe(expected.headers['Cache-Control']);
    expect(response.headers.get('cdn-cache-control')).toBeNull();
    expect(response.headers.get('surrogate-key')).toBe('post-hello topic-perf stack-go');
    expect([response.headers.get('x-handler'), await response.text()]).toEqual(['kept', '<h1>Hello</h1>']);
  });

  it('sees a cookie that a middleware registered after it sets on the way out', async () => {
    const app = new Hono();
    app.use(cacheRules(engine, { target: 'cloudflare' }));
    app.use(async (c, next) => {
      await next();
      setCookie(c, 'session', 'new');
    });
    app.get('*', (c) => c.text('asset'));
    const response = await app.request('/assets/app.1.css');
    expect(response.headers.getSetCookie()).toEqual(['session=new; Path=/']);
    expect([response.headers.get('cache-control'), response.headers.get('cloudflare-cdn-cache-control'), response.headers.get('cache-tag')]).toEqual(['private, no-store', 'private, no-store', null]);
  });

  it('decides on the error response when a handler throws, and on the 404 when no route matches', async () => {
    const seen: Array<[Decision, string]> = [];
    const app = new Hono();
    app.use(cacheRules(engine, { target: 'generic', onDecision: (decision, c: Context) => seen.push([decision, c.req.path]) }));
    app.get('/posts/:slug', () => {
      throw new Error('broken');
    });
    app.onError((_error, c) => c.text('error', 500));
    const broken = await app.request('/posts/hello');
    const missing = await app.request('/topics/none/more');
    expect([broken.status, broken.headers.get('cache-control')]).toEqual([500, 'private, no-store']);
    expect(missing.status).toBe(404);
    const expected = engine.decide({ url: '/topics/none/more' }, { target: 'generic', response: { status: 404, headers: { 'content-type': 'text/plain; charset=UTF-8' } } });
    expect(missing.headers.get('cdn-cache-control')).toBe(expected.headers['CDN-Cache-Control']);
    expect(seen.map(([decision, path]) => [decision.action, path])).toEqual([
      ['no-store', '/posts/hello'],
      [expected.action, '/topics/none/more'],
    ]);
  });

  it('answers HEAD with the headers GET gets and no body', async () => {
    const app = new Hono();
    app.use(cacheRules(engine, { target: 'varnish' }));
    app.get('/topics/:topic', (c) => c.text('listing'));
    const [get, head] = [await app.request('/topics/perf'), await app.request('/topics/perf', { method: 'HEAD' })];
    expect(Object.fromEntries(head.headers)).toEqual(Object.fromEntries(get.headers));
    expect(await head.text()).toBe('');
  });
});
