import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compiled } from '../../test/compiled-pattern.ts';
import { compilePattern } from './compile-pattern.ts';
import { compileNamePattern } from './name-pattern.ts';

describe('compilePattern', () => {
  it.each([
    ['/posts/:slug', '/posts/hello', true, { slug: 'hello' }],
    ['/posts/:slug', '/posts/hello/', false, {}],
    ['/posts/:slug', '/posts/', false, {}],
    ['/posts/:slug', '/postsx/hello', false, {}],
    ['/assets/*', '/assets/app.3f9a1c.css', true, { '*': 'app.3f9a1c.css' }],
    ['/assets/*', '/assets/a/b/c.js', true, { '*': 'a/b/c.js' }],
    ['/assets/*', '/assets', true, { '*': '' }],
    ['/assets/*', '/assetsx/a', false, {}],
    ['/*', '/', true, { '*': '' }],
    ['/', '/', true, {}],
    ['/', '/x', false, {}],
    ['/t/:topic/p/:slug', '/t/go/p/fast', true, { topic: 'go', slug: 'fast' }],
    ['/feed.xml', '/feed.xml', true, {}],
    // A parameter with a literal suffix takes the segment less the suffix, and needs something before it.
    ['/posts/:slug.json', '/posts/hello.json', true, { slug: 'hello' }],
    ['/posts/:slug.json', '/posts/a.b.json', true, { slug: 'a.b' }],
    ['/posts/:slug.json', '/posts/.json', false, {}],
    ['/posts/:slug.json', '/posts/hello', false, {}],
    ['/posts/:slug.json', '/posts/hello.json/x', false, {}],
    ['/posts/:slug.json', '/posts/hello.jsonx', false, {}],
    // Regex syntax is only literal text here: nothing to backtrack on.
    ['/((a+)+)+$', '/((a+)+)+$', true, {}],
    ['/((a+)+)+$', '/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', false, {}],
  ])('%s against %s → %s', (source, path, expected, params) => {
    const found: Record<string, string> = {};
    expect(compiled(source).match(path, found)).toBe(expected);
    if (expected) expect(found).toEqual(params);
  });

  it.each([
    ['posts/:slug', /starts with "\/"/],
    ['/a/*/b', /must be the last segment/],
    ['/a*b', /not part of one/],
    ['/:1bad', /not a parameter name/],
    ['/:a/:a', /appears twice/],
    ['/posts/:slug-:id', /one parameter at most/],
    ['/posts/:slug.j son', /literal suffix/],
    ['/a//b', /empty segment/],
    ['/a?x=1', /path only/],
    [`/${'a/'.repeat(100)}`, /at most 64 segments/],
    [`/${'a'.repeat(3000)}`, /at most 2048 characters/],
  ])('refuses %s', (source, message) => {
    const result = compilePattern(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('never throws and matches any path in time linear in its length', () => {
    const segment = fc.oneof(fc.constantFrom(':a', ':b', ':c.json', 'x', 'xx', ''), fc.stringMatching(/^[a-z.]{0,4}$/));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.boolean(), fc.string({ maxLength: 200 }), (parts, wildcard, path) => {
        const result = compilePattern(`/${[...parts, ...(wildcard ? ['*'] : [])].join('/')}`);
        if (result.ok) expect(typeof result.pattern.match(path, {})).toBe('boolean');
      }),
    );
    // A path built to make a backtracking matcher explode: time must grow with length, no faster.
    const pattern = compiled('/:a/:b/x/x/x/x/x/x/*');
    const time = (n: number) => {
      const path = `/${'x/'.repeat(n)}y`;
      const start = performance.now();
      for (let i = 0; i < 200; i++) pattern.match(path, {});
      return performance.now() - start;
    };
    time(1000);
    expect(time(20_000)).toBeLessThan(time(1000) * 20 * 8 + 50);
  });
});

describe('compileNamePattern', () => {
  it.each([
    ['session', 'session', true],
    ['session', 'session2', false],
    ['wp_logged_in_*', 'wp_logged_in_abc', true],
    ['wp_logged_in_*', 'wp_logged', false],
    ['*_token', 'csrf_token', true],
    ['*auth*', 'my_auth_x', true],
  ])('%s tests %s → %s', (source, name, expected) => {
    const result = compileNamePattern(source);
    expect(result.ok && result.pattern.test(name)).toBe(expected);
  });

  it.each(['*', '**', 'a*b', 'a b'])('refuses %s', (source) => {
    expect(compileNamePattern(source).ok).toBe(false);
  });
});
