import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import type { Post } from '@alphanode/parser';
import type { Decision } from '../engine/decision.ts';
import { OWNED_HEADERS } from './owned-headers.ts';
import { applyCacheRules, withCacheRules } from './with-cache-rules.ts';

const engine = fixtureEngine();
const post = { title: 'Hello', meta: { topic: 'Perf', stack: ['Go'] } } as unknown as Post;
const lowercase = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
const get = (path: string, headers: HeadersInit = {}) => new Request(`https://example.com${path}`, { headers });

describe('withCacheRules', () => {
  it('passes the body on as the same stream, never read', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls++;
          controller.enqueue(new TextEncoder().encode(`chunk ${pulls};`));
          if (pulls === 3) controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const response = new Response(body, { headers: { 'content-type': 'text/html' } });
    const out = withCacheRules(engine, { target: 'fastly' })(get('/posts/hello'), response, post);
    expect(pulls).toBe(0);
    expect(out.body).toBe(body);
    expect(await out.text()).toBe('chunk 1;chunk 2;chunk 3;');
  });

  it('keeps status, status text, every other header and each Set-Cookie; replaces every caching header the rules own', async () => {
    const headers = new Headers([['content-type', 'text/html'], ['x-handler', 'kept'], ['etag', '"e"'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2; Path=/']]);
    for (const name of OWNED_HEADERS) headers.set(name, 'public, max-age=86400');
    const response = new Response('<p>hi</p>', { status: 203, statusText: 'Translated', headers });
    const out = withCacheRules(engine, { target: 'generic' })(get('/posts/hello'), response);
    expect([out.status, out.statusText, await out.text()]).toEqual([203, 'Translated', '<p>hi</p>']);
    expect(out.headers.getSetCookie()).toEqual(['a=1', 'b=2; Path=/']);
    expect([out.headers.get('x-handler'), out.headers.get('etag')]).toEqual(['kept', '"e"']);
    const caching = Object.fromEntries([...out.headers].filter(([name]) => OWNED_HEADERS.has(name)));
    expect(caching).toEqual({ 'cache-control': 'private, no-store', 'cdn-cache-control': 'private, no-store' });
    // A handler's own response is changed in place: no copy, so a string body stays a string.
    expect(out).toBe(response);
  });

  it('copies a response whose headers are immutable (from fetch()), passing its body on unread', async () => {
    const immutable = new Response('<p>hi</p>', { headers: { 'cache-control': 'public, max-age=86400' } });
    const frozen = new Proxy(immutable, {
      get(target, property) {
        if (property !== 'headers') return Reflect.get(target, property, target);
        return new Proxy(target.headers, {
          get(headers, name) {
            if (name === 'set' || name === 'delete' || name === 'append') return () => { throw new TypeError('immutable'); };
            const value = Reflect.get(headers, name, headers);
            return typeof value === 'function' ? value.bind(headers) : value;
          },
        });
      },
    });
    const out = withCacheRules(engine, { target: 'generic' })(get('/posts/hello'), frozen);
    expect(out).not.toBe(frozen);
    expect(out.headers.get('cache-control')).not.toBe('public, max-age=86400');
    expect(await out.text()).toBe('<p>hi</p>');
    expect(immutable.headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('gives the rule\'s headers and the post\'s keys: the call\'s post first, else the option\'s', () => {
    const decisions: Decision[] = [];
    const other = { title: 'Other', meta: { topic: 'Rust', stack: [] } } as unknown as Post;
    const apply = withCacheRules(engine, { target: 'fastly', post: () => other, onDecision: (decision) => decisions.push(decision) });
    const page = () => new Response('x', { headers: { 'content-type': 'text/html', 'cache-control': 'no-cache' } });
    const own = apply(get('/posts/hello'), page(), post);
    const expected = engine.decide({ url: '/posts/hello' }, { target: 'fastly', response: { status: 200, headers: { 'content-type': 'text/html' } }, post });
    expect(Object.fromEntries(own.headers)).toEqual({ ...lowercase(expected.headers), 'content-type': 'text/html' });
    expect(own.headers.get('surrogate-key')).toBe('post-hello topic-perf stack-go');
    expect(apply(get('/posts/hello'), page()).headers.get('surrogate-key')).toBe('post-hello topic-rust');
    expect(decisions.map((decision) => decision.rule)).toEqual(['post-page', 'post-page']);
  });

  it('never shares a response that sets a cookie, however the Set-Cookie lines were put on it', () => {
    const apply = withCacheRules(engine, { target: 'cloudflare' });
    const appended = new Response('x', { headers: { 'content-type': 'text/css' } });
    appended.headers.append('Set-Cookie', 'a=1');
    appended.headers.append('Set-Cookie', 'b=2');
    for (const response of [appended, new Response('x', { headers: [['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']] })]) {
      const out = apply(get('/assets/app.1.css'), response);
      expect([out.headers.get('cache-control'), out.headers.get('cloudflare-cdn-cache-control'), out.headers.get('cache-tag')]).toEqual(['private, no-store', 'private, no-store', null]);
      expect(out.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    }
  });

  it('reads Cookie lines a runtime joined with "," as separate cookies, so a session after another cookie still bypasses', () => {
    const { decision } = applyCacheRules(engine, get('/posts/hello', { cookie: 'theme=dark, session=alice' }), new Response('x'), { target: 'fastly' });
    expect([decision?.action, decision?.reason]).toEqual(['bypass', 'bypass "logged-in": the request has the cookie session']);
  });

  it('takes an immutable response (from fetch or Response.redirect) and gives a mutable one', () => {
    const redirect = Response.redirect('https://example.com/posts/hello', 301);
    expect(() => redirect.headers.set('x', '1')).toThrow();
    const out = withCacheRules(engine, { target: 'varnish' })(get('/posts/old'), redirect);
    const expected = engine.decide({ url: '/posts/old' }, { target: 'varnish', response: { status: 301 } });
    expect([out.status, out.headers.get('location'), out.headers.get('cache-control')]).toEqual([301, 'https://example.com/posts/hello', expected.headers['Cache-Control']]);
    out.headers.set('x', '1');
  });

  it('returns a response whose status no Response can be built with (an upgrade, a network error) untouched, with no decision', () => {
    const failed = Response.error();
    const decisions: Decision[] = [];
    expect(withCacheRules(engine, { target: 'fastly', onDecision: (decision) => decisions.push(decision) })(get('/'), failed)).toBe(failed);
    expect(decisions).toEqual([]);
  });
});

describe('OWNED_HEADERS', () => {
  it('names every caching and purge-key header of every target, and nothing else', () => {
    expect([...OWNED_HEADERS].sort()).toEqual([
      'cache-control',
      'cache-tag',
      'cdn-cache-control',
      'cloudflare-cdn-cache-control',
      'edge-cache-tag',
      'edge-control',
      'netlify-cache-tag',
      'netlify-cdn-cache-control',
      'netlify-vary',
      'surrogate-control',
      'surrogate-key',
      'vercel-cache-tag',
      'vercel-cdn-cache-control',
      'xkey',
    ]);
  });
});
