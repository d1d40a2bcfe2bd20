import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import { compileRulesOrThrow } from '../compile/compile-rules.ts';
import { TARGETS } from '../targets/target-profiles.ts';

const engine = compileRulesOrThrow(`
version: 1
rules:
  - name: not-found
    match: { path: "/*", status: [404, 410] }
    cache: { edge: 3m }
  - name: moved
    match: { path: "/old/*", status: [302, 206, 503] }
    cache: { edge: 1h }
  - name: only-ok
    match: { path: "/ok/*", status: 200 }
    cache: { edge: 1h }
  - name: post-page
    match: { path: /posts/:slug }
    cache: { edge: 1h, browser: 60s }
    keys: ["post:{slug}"]
  - name: account
    match: { path: "/account/*" }
    cache: { private: true, browser: 5m }
  - name: everything-else
    match: { path: "/*" }
    cache: { noStore: true }
`);

const decide = (url: string, status?: number, target: (typeof TARGETS)[number] = 'varnish') => engine.decide({ url }, { target, ...(status === undefined ? {} : { response: { status } }) });

// RFC 9110 §15.1's heuristically cacheable statuses, less 206, plus 304 (decided as 200).
const CACHEABLE = [200, 203, 204, 300, 301, 304, 308, 404, 405, 410, 414, 501];

describe('a status no rule names is stored only when RFC 9110 makes it cacheable by default', () => {
  it.each(CACHEABLE.filter((status) => status !== 404 && status !== 410))('%i gets the rule\'s policy', (status) => {
    expect(decide('/posts/a', status)).toMatchObject({ rule: 'post-page', action: 'cache', headers: { 'Cache-Control': 'max-age=60, s-maxage=3600' }, keys: ['post-a'] });
  });

  it.each([100, 101, 201, 202, 205, 206, 302, 303, 307, 400, 401, 403, 409, 418, 422, 429, 451, 500, 502, 503, 504])('%i is stored nowhere, whatever the target', (status) => {
    for (const target of TARGETS) {
      const decision = decide('/posts/a', status, target);
      expect(decision).toMatchObject({ rule: 'post-page', action: 'no-store', keys: [] });
      expect(decision.headers['Cache-Control']).toBe('private, no-store');
      expect(Object.values(decision.headers).join(' ')).not.toMatch(/s-maxage|public|max-age=[1-9]|!no-store/);
    }
  });

  it('says why', () => {
    expect(decide('/posts/a', 400).reason).toBe('a 400 response is never stored unless its rule names it: RFC 9110 §15.1 does not make 400 cacheable by default, and rule "post-page" has no match.status with 400');
    expect(decide('/posts/a', 206).reason).toBe('a 206 response is never stored: it holds part of a resource, which a cache keeping it under this rule could serve as the whole');
    expect(decide('/posts/a', 503).reason).toBe('a 503 response is never stored: an error must not outlive its cause');
  });

  it('a browser-only rule keeps an error out of the browser cache too, as it always did for 5xx', () => {
    expect(decide('/account/settings', 200)).toMatchObject({ action: 'cache', headers: { 'Cache-Control': 'private, max-age=300' } });
    expect(decide('/account/settings', 302)).toMatchObject({ action: 'no-store', headers: { 'Cache-Control': 'private, no-store' } });
  });
});

describe('a status a rule names is that rule\'s to decide', () => {
  it('404 and 410 under the not-found rule', () => {
    expect(decide('/posts/gone', 404)).toMatchObject({ rule: 'not-found', action: 'cache', headers: { 'Cache-Control': 'max-age=0, s-maxage=180' } });
    expect(decide('/posts/gone', 410).rule).toBe('not-found');
  });

  it('a named 302 is stored; a named 206 or 5xx still never is', () => {
    expect(decide('/old/page', 302)).toMatchObject({ rule: 'moved', action: 'cache' });
    expect(decide('/old/page', 206)).toMatchObject({ rule: 'moved', action: 'no-store' });
    expect(decide('/old/page', 503)).toMatchObject({ rule: 'moved', action: 'no-store' });
  });
});

describe('a 304 is decided as the 200 it confirms', () => {
  it.each(TARGETS)('%s: the same headers and keys, so a revalidation keeps the stored policy', (target) => {
    const ok = decide('/posts/a', 200, target);
    const notModified = decide('/posts/a', 304, target);
    expect({ ...notModified, trace: [] }).toEqual({ ...ok, trace: [] });
  });

  it('a rule naming 200 takes a 304; one naming only 404 does not', () => {
    expect(decide('/ok/x', 304)).toMatchObject({ rule: 'only-ok', action: 'cache' });
    expect(decide('/posts/a', 304).trace[0]).toEqual({ rule: 'not-found', matched: false, reason: 'response status is not 404 or 410' });
  });
});

describe('GET /posts/%zz', () => {
  it('a path parameter that does not percent-decode matches no pattern, so it keys nothing', () => {
    const decision = decide('/posts/%zz');
    expect(decision).toMatchObject({ rule: 'everything-else', action: 'no-store', keys: [] });
    expect(engine.decide({ url: '/posts/%zz' }, { target: 'generic', explain: true }).trace.find((entry) => entry.rule === 'post-page')?.reason).toBe(
      'the path parameter :slug is not valid percent-encoding, so path does not match /posts/:slug',
    );
    expect(engine.keysFor('/posts/%zz')).toEqual([]);
    expect(engine.keysFor('/posts/caf%C3%A9')).toEqual(['post-cafe']);
  });

  it('its 400, with the example rules, is not shared, not keyed post-zz', () => {
    const fixture = fixtureEngine();
    for (const target of TARGETS) {
      const decision = fixture.decide({ url: '/posts/%zz' }, { target, response: { status: 400 } });
      expect(decision).toMatchObject({ action: 'no-store', keys: [], headers: { 'Cache-Control': 'private, no-store' } });
      expect(JSON.stringify(decision.headers)).not.toMatch(/zz|s-maxage/);
    }
    // A parameter that decodes is still a post.
    expect(fixture.decide({ url: '/posts/a%20b' }, { target: 'fastly' })).toMatchObject({ rule: 'post-page', keys: ['post-a-b'] });
  });
});
