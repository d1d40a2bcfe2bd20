import { describe, expect, it } from 'vitest';
import { compileRulesOrThrow } from '../compile/compile-rules.ts';
import { withCacheRules } from '../fetch/with-cache-rules.ts';
import type { Purger, PurgeInput } from '../purge-clients/types.ts';
import { sitemapUrls, sampleUrls } from './sample-urls.ts';
import { verifySite } from './verify-site.ts';

// verifySite against an in-memory site behind an in-memory cache that behaves like the Varnish
// recipe (pass on a session cookie or Authorization, X-Cache HIT/MISS, Age), or like one of its
// broken variants. The same checks against a real varnishd are in examples/express.
const RULES = `
version: 1
bypass:
  logged-in: { cookie: [session], header: [authorization] }
rules:
  - name: post-page
    match: { path: /posts/:slug }
    cache: { edge: 1h, browser: 60s }
    bypass: [logged-in]
    vary: [Accept-Encoding]
    keys: ["post:{slug}"]
    examples: { cached: [/posts/example] }
  - name: home
    match: { path: / }
    cache: { edge: 5m, browser: 30s }
    bypass: [logged-in]
    keys: [listings]
    examples: { cached: [/] }
  - name: everything-else
    match: { path: "/*" }
    cache: { noStore: true }
`;
const engine = compileRulesOrThrow(RULES);

function origin(rules = engine) {
  const cacheRules = withCacheRules(rules, { target: 'varnish' });
  return (request: Request): Response => {
    const path = new URL(request.url).pathname;
    const user = /session=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1];
    const page = path === '/' || path.startsWith('/posts/') ? `<h1>${path}</h1>${user ? `<p>hi ${user}</p>` : ''}` : undefined;
    return cacheRules(request, new Response(page ?? 'not found', { status: page ? 200 : 404 }));
  };
}

/** A cache in front of `serve`; `leaky` ignores the session cookie, as a VCL without the pass would. */
function cdn(serve: (request: Request) => Response, options: { leaky?: boolean } = {}) {
  const store = new Map<string, { response: Response; body: string; at: number }>();
  const keys = new Map<string, Set<string>>();
  const log: string[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    log.push(url.host);
    const key = url.pathname + url.search;
    const personal = request.headers.has('authorization') || (!options.leaky && /session=/.test(request.headers.get('cookie') ?? ''));
    const cached = personal ? undefined : store.get(key);
    if (cached) {
      const headers = new Headers(cached.response.headers);
      headers.set('x-cache', 'HIT');
      headers.set('age', '3');
      return new Response(cached.body, { status: cached.response.status, headers });
    }
    const response = serve(request);
    const body = await response.text();
    const headers = new Headers(response.headers);
    if (!personal && !/no-store|private/.test(headers.get('cache-control') ?? '')) {
      store.set(key, { response: new Response(null, { status: response.status, headers }), body, at: Date.now() });
      for (const k of (headers.get('xkey') ?? '').split(' ').filter(Boolean)) keys.set(k, new Set([...(keys.get(k) ?? []), key]));
    }
    headers.delete('xkey');
    headers.set('x-cache', 'MISS');
    return new Response(body, { status: response.status, headers });
  };
  const purger: Purger = {
    name: 'varnish',
    supports: { keys: true, urls: true, prefixes: false, soft: true },
    async purge(input: PurgeInput) {
      for (const k of input.keys) for (const key of keys.get(k) ?? []) store.delete(key);
      return { ok: true, purger: 'varnish', dryRun: false, soft: false, requests: [], failures: [], notices: [], unpurged: { keys: [], urls: [], prefixes: [] } };
    },
  } as unknown as Purger;
  return { fetch, purger, log };
}

const pages = ['/', '/posts/a', '/posts/b', '/posts/c', '/elsewhere'];

describe('verifySite', () => {
  it('passes a site that serves what its rules say, with hits, misses and passes measured', async () => {
    const site = cdn(origin());
    const report = await verifySite({ base: 'http://cdn.test', engine, target: 'varnish', fetch: site.fetch, pages });
    expect([report.ok, report.drifts, report.leaks, report.notices]).toEqual([true, [], [], []]);
    expect(report.sample.map((s) => [s.url, s.rule])).toEqual([
      ['/posts/example', 'post-page'], ['/', 'home'], ['/posts/a', 'post-page'], ['/posts/b', 'post-page'], ['/posts/c', 'post-page'], ['/elsewhere', 'everything-else'],
    ]);
    expect(Object.keys(report.latency.byStatus).sort()).toEqual(['hit', 'miss']);
    expect(report.requests).toBe(6 * 10);
    expect(new Set(site.log)).toEqual(new Set(['cdn.test']));
  });

  it('reports a header that drifted from the rules with the URL, the rule, and both values', async () => {
    const other = compileRulesOrThrow(RULES.replace('edge: 1h', 'edge: 2h'));
    const report = await verifySite({ base: 'http://cdn.test', engine, target: 'varnish', fetch: cdn(origin(other)).fetch, pages: ['/posts/a'] });
    expect(report.ok).toBe(false);
    expect(report.drifts.filter((d) => d.visitor === 'anonymous')).toEqual([
      { url: '/posts/example', visitor: 'anonymous', rule: 'post-page', header: 'Cache-Control', expected: 'max-age=60, s-maxage=3600', actual: 'max-age=60, s-maxage=7200' },
      { url: '/posts/a', visitor: 'anonymous', rule: 'post-page', header: 'Cache-Control', expected: 'max-age=60, s-maxage=3600', actual: 'max-age=60, s-maxage=7200' },
    ]);
  });

  it('reports a cache that serves the anonymous copy to a session as a leak', async () => {
    const report = await verifySite({ base: 'http://cdn.test', engine, target: 'varnish', fetch: cdn(origin(), { leaky: true }).fetch, pages: ['/posts/a'] });
    expect(report.ok).toBe(false);
    const cookieLeaks = report.leaks.filter((leak) => leak.url === '/posts/a' && leak.visitor === 'cookie').map((leak) => leak.code);
    expect(cookieLeaks).toEqual(['served-from-cache', 'shareable', 'anonymous-bytes', 'served-from-cache', 'shareable', 'anonymous-bytes']);
    expect(report.leaks.some((leak) => leak.visitor === 'authorization')).toBe(false);
  });

  it('checks a purge evicts its plan and nothing else', async () => {
    const site = cdn(origin());
    const report = await verifySite({ base: 'http://cdn.test', engine, target: 'varnish', fetch: site.fetch, pages, purge: { plan: { urls: ['/posts/a'], keys: ['post-a'] }, purger: site.purger } });
    expect(report.purge?.urls.map((u) => [u.url, u.role, u.warm, u.after, u.ok])).toEqual([
      ['/posts/a', 'purged', 'hit', 'miss', true],
      ['/posts/example', 'unrelated', 'hit', 'hit', true],
      ['/', 'unrelated', 'hit', 'hit', true],
      ['/posts/b', 'unrelated', 'hit', 'hit', true],
      ['/posts/c', 'unrelated', 'hit', 'hit', true],
    ]);
    expect(report.ok).toBe(true);
    // A plan that names a page its keys do not reach: that page stays, and the check says so.
    const wrong = await verifySite({ base: 'http://cdn.test', engine, target: 'varnish', fetch: cdn(origin()).fetch, pages, purge: { plan: { urls: ['/posts/b'], keys: ['post-a'] }, purger: site.purger } });
    expect([wrong.ok, wrong.purge?.urls[0]?.ok]).toEqual([false, false]);
  });

  it('never leaves the base origin, stops at the request budget, and diffs the previous rules', async () => {
    const site = cdn(origin());
    const previous = compileRulesOrThrow(RULES.replace('edge: 5m', 'edge: 10m'));
    const report = await verifySite({ base: 'http://cdn.test', engine, target: 'varnish', fetch: site.fetch, pages: ['https://prod.example/posts/a', '/'], maxRequests: 15, previous });
    expect(new Set(site.log)).toEqual(new Set(['cdn.test']));
    expect([report.requests, report.notices.map((n) => n.code)]).toEqual([15, ['budget-exhausted']]);
    expect(report.rollback).toEqual({ changes: [{ url: '/', before: 'home', after: 'home', changes: ['~ Cache-Control: max-age=30, s-maxage=600 → max-age=30, s-maxage=300'] }], plan: { urls: ['/'], keys: ['listings'] } });
  });
});

describe('sampling', () => {
  it('takes every kind of page at least once, then spreads the rest', () => {
    // '/' is one of the rules' examples, so it is sampled as one, not again as a page.
    const many = [...Array.from({ length: 40 }, (_, i) => `/posts/p${i}`), '/', '/healthz'];
    const sampled = sampleUrls(engine, { pages: many, maxPages: 5 });
    expect(sampled.filter((s) => s.from === 'example').map((s) => s.url)).toEqual(['/posts/example', '/']);
    expect(sampled.filter((s) => s.from === 'page').map((s) => s.url)).toEqual(['/posts/p0', '/posts/p1', '/posts/p14', '/posts/p27', '/healthz']);
  });

  it('reads a sitemap', () => {
    expect(sitemapUrls('<urlset><url><loc> https://a.example/x?a=1&amp;b=2 </loc></url><url><loc>/y</loc></url></urlset>')).toEqual(['https://a.example/x?a=1&b=2', '/y']);
  });
});
