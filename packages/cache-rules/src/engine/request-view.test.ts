import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookieNames, getHeader, hasQueryParam, splitUrl } from './request-view.ts';

describe('splitUrl', () => {
  it.each([
    ['/posts/a', { path: '/posts/a', query: '', host: undefined }],
    ['/posts/a?preview=1#top', { path: '/posts/a', query: 'preview=1', host: undefined }],
    ['/a#x?y', { path: '/a', query: '', host: undefined }],
    ['https://Example.com:8443/a?b', { path: '/a', query: 'b', host: 'example.com:8443' }],
    ['https://example.com', { path: '/', query: '', host: 'example.com' }],
    ['https://example.com?q', { path: '/', query: 'q', host: 'example.com' }],
  ])('%s', (url, parts) => {
    expect(splitUrl(url)).toEqual(parts);
  });

  it('agrees with URL on the path and query of any absolute URL URL accepts', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const parsed = new URL(url);
        const parts = splitUrl(parsed.href);
        expect(parts.path).toBe(parsed.pathname);
        expect(parts.query).toBe(parsed.search.slice(1));
      }),
    );
  });
});

describe('headers, cookies and queries', () => {
  it('reads any case from a record, lists folded, and Headers', () => {
    expect(getHeader({ Cookie: ['a=1', 'b=2'] }, 'cookie')).toBe('a=1; b=2');
    expect(getHeader({ 'X-A': 'v' }, 'x-a')).toBe('v');
    expect(getHeader(new Headers({ 'X-A': 'v' }), 'x-a')).toBe('v');
    expect(getHeader({}, 'x-a')).toBeUndefined();
  });

  it('finds cookie names and decoded query parameter names', () => {
    expect(cookieNames(' a=1;b ; =x; c=d=e')).toEqual(['a', 'b', 'c']);
    // Two Cookie lines a runtime joined with ", ": the session in the second is still seen.
    expect(cookieNames('a=1, session=alice')).toEqual(['a', 'session']);
    expect(hasQueryParam('x=1&pre%76iew', 'preview')).toBe(true);
    expect(hasQueryParam('previewer=1', 'preview')).toBe(false);
    expect(hasQueryParam('%E0%A4%A=1', 'preview')).toBe(false);
  });
});
