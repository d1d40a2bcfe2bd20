import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import { TARGETS } from '../targets/target-profiles.ts';

const engine = fixtureEngine();
const header = fc.dictionary(fc.constantFrom('cookie', 'Cookie', 'authorization', 'host', 'accept', 'x-any'), fc.string({ maxLength: 60 }), { maxKeys: 4 });
const url = fc.oneof(fc.string({ maxLength: 200 }), fc.webUrl({ withQueryParameters: true }), fc.stringMatching(/^\/(posts|assets|topics|account)\/[a-z%0-9./-]{0,40}(\?[a-z=&]{0,20})?$/));

describe('decide on any input', () => {
  it('never throws, and never lets a shared cache store an authorized or cookie-setting response', () => {
    fc.assert(
      fc.property(url, header, fc.constantFrom(...TARGETS), fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }), fc.boolean(), (path, headers, target, status, setCookie) => {
        const response = { ...(status === undefined ? {} : { status }), headers: setCookie ? { 'set-cookie': 'a=1' } : {} };
        const decision = engine.decide({ url: path, headers }, { target, response });
        const authorized = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
        if (authorized || setCookie || (status ?? 200) >= 500) {
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
