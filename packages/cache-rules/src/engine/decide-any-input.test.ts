import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import { compileRules } from '../compile/compile-rules.ts';
import { TARGETS } from '../targets/target-profiles.ts';

const engine = fixtureEngine();
// RFC 9110 §15.1's heuristically cacheable statuses, less 206, plus 304 (decided as 200).
const CACHEABLE = new Set([200, 203, 204, 300, 301, 304, 308, 404, 405, 410, 414, 501]);
const header = fc.dictionary(fc.constantFrom('cookie', 'Cookie', 'authorization', 'host', 'accept', 'x-any'), fc.string({ maxLength: 60 }), { maxKeys: 4 });
const url = fc.oneof(fc.string({ maxLength: 200 }), fc.webUrl({ withQueryParameters: true }), fc.stringMatching(/^\/(posts|assets|topics|account)\/[a-z%0-9./-]{0,40}(\?[a-z=&]{0,20})?$/));

describe('decide on any input', () => {
  it('never throws, and never lets a shared cache store an authorized or cookie-setting response, or a status not cacheable by default', () => {
    fc.assert(
      fc.property(url, header, fc.constantFrom(...TARGETS), fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }), fc.boolean(), (path, headers, target, status, setCookie) => {
        const response = { ...(status === undefined ? {} : { status }), headers: setCookie ? { 'set-cookie': 'a=1' } : {} };
        const decision = engine.decide({ url: path, headers }, { target, response });
        const authorized = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
        // The fixture names only 404 and 410 in match.status, both cacheable by default, so any
        // other status outside the set is refused whichever rule matched.
        if (authorized || setCookie || !CACHEABLE.has(status ?? 200)) {
          expect(decision.action).not.toBe('cache');
          expect(decision.headers['Cache-Control']).toBe('private, no-store');
          expect(decision.keys).toEqual([]);
        }
        for (const value of Object.values(decision.headers)) expect(value).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes time linear in the size of the request', () => {
    const time = (n: number) => {
      const request = { url: `/posts/${'a'.repeat(n)}?${'x=1&'.repeat(n / 4)}`, headers: { cookie: 'c=1; '.repeat(n / 5) } };
      const start = performance.now();
      for (let i = 0; i < 20; i++) engine.decide(request, { target: 'fastly' });
      return performance.now() - start;
    };
    time(1000);
    expect(time(100_000)).toBeLessThan(time(1000) * 100 * 8 + 100);
  });
});

// A small generator of valid rules files: a few rules over a few paths and hosts, each with one
// of the four cache shapes, sometimes a match.status list (which may name statuses outside the
// cacheable set: those are the rule's to decide, except 1xx, 206 and 5xx, which never are).
const cache = fc.oneof(
  fc.record({ edge: fc.integer({ min: 1, max: 86_400 }), browser: fc.integer({ min: 0, max: 600 }), staleWhileRevalidate: fc.integer({ min: 0, max: 600 }), staleIfError: fc.integer({ min: 0, max: 600 }) }),
  fc.record({ edge: fc.constant('1y'), browser: fc.constant('1y'), immutable: fc.constant(true) }),
  fc.record({ private: fc.constant(true), browser: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ noStore: fc.constant(true) }),
);
const generatedRule = fc.record(
  {
    path: fc.constantFrom('/*', '/posts/:slug', '/posts/:slug.json', '/assets/*', '/'),
    status: fc.subarray([200, 204, 302, 307, 400, 404, 410, 206, 503], { minLength: 1 }),
    host: fc.constantFrom('example.com', '*.example.com', 'api.*'),
    cache,
    vary: fc.constant(['Accept-Encoding']),
    keys: fc.constant(['k', 'post:{post.meta.topic}']),
    bypass: fc.constant(['logged-in']),
  },
  { requiredKeys: ['path', 'cache'] },
);
const rulesFile = fc.array(generatedRule, { minLength: 1, maxLength: 5 }).map((rules) => ({
  version: 1,
  bypass: { 'logged-in': { cookie: ['session'] } },
  rules: rules.map(({ path, status, host, ...rest }, index) => ({ name: `r${index}`, ...rest, match: { path, ...(status ? { status } : {}), ...(host ? { host } : {}) } })),
}));
const uncacheable = fc.integer({ min: 100, max: 599 }).filter((status) => !CACHEABLE.has(status));
const neverStored = (status: number) => status < 200 || status === 206 || status >= 500;

describe('a status outside the cacheable set, for any rules file', () => {
  it('never gets a shared (or any stored) policy from decide, for any target, unless the deciding rule names it', () => {
    let checked = 0;
    fc.assert(
      fc.property(rulesFile, fc.constantFrom('/posts/a', '/posts/a.json', '/assets/x.css', '/', '/other'), fc.constantFrom('example.com', 'api.example.com', 'ADMIN.example.com.'), uncacheable, (file, url, host, status) => {
        const result = compileRules(file);
        if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
        for (const target of TARGETS) {
          const decision = result.engine.decide({ url, headers: { host } }, { target, response: { status }, post: { meta: { topic: 'T' } } as never });
          const rule = result.engine.rules.find((candidate) => candidate.name === decision.rule);
          if (!neverStored(status) && rule?.statuses?.includes(status)) continue;
          checked++;
          expect(decision.action).not.toBe('cache');
          expect(decision.keys).toEqual([]);
          expect(decision.headers['Cache-Control']).toBe('private, no-store');
          for (const [name, value] of Object.entries(decision.headers)) {
            expect(name).not.toMatch(/^(surrogate-control|surrogate-key|cache-tag|edge-cache-tag|netlify-cache-tag|vercel-cache-tag|xkey|vary|netlify-vary)$/i);
            expect(value).not.toMatch(/s-maxage|public|max-age=[1-9]|!no-store|stale-/);
            expect(value).toMatch(/no-store/);
          }
        }
      }),
      { numRuns: 600 },
    );
    expect(checked).toBeGreaterThan(1000);
  });
});
