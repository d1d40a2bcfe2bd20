import { describe, expect, it } from 'vitest';
import { absoluteUrl, checkBaseUrl } from './absolute-url.ts';

describe('absoluteUrl', () => {
  it.each([
    ['/posts/a', 'https://example.com', 'https://example.com/posts/a'],
    ['/posts/a', 'https://example.com/', 'https://example.com/posts/a'],
    ['/posts/a', 'https://example.com/blog', 'https://example.com/blog/posts/a'],
    ['/', 'https://example.com/blog/', 'https://example.com/blog/'],
    ['posts/a', 'http://localhost:4321', 'http://localhost:4321/posts/a'],
  ])('%s against %s is %s', (path, base, expected) => {
    expect(absoluteUrl(path, base)).toBe(expected);
  });
});

describe('checkBaseUrl', () => {
  it('takes an absolute http(s) URL and says what is wrong with anything else', () => {
    expect(checkBaseUrl('https://example.com/blog')).toBeUndefined();
    expect(checkBaseUrl('example.com')).toMatch(/expected an absolute URL/);
    expect(checkBaseUrl('ftp://example.com')).toMatch(/http or https/);
    expect(checkBaseUrl('https://example.com/?a=1')).toMatch(/without a query/);
  });
});
