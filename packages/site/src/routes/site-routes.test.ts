import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSiteRoutes, outputFileFor } from './site-routes.ts';
import { slugify } from './slugify.ts';

describe('createSiteRoutes', () => {
  const routes = createSiteRoutes(['/posts/:slug', '/posts/:slug.json']);

  it('names every URL of a post, its page first, and matches each back', () => {
    expect(routes.postUrls('hello-world')).toEqual(['/posts/hello-world', '/posts/hello-world.json']);
    expect(routes.match('/posts/hello-world')).toEqual({ kind: 'post', slug: 'hello-world', representation: 0 });
    expect(routes.match('/posts/hello-world.json')).toEqual({ kind: 'post', slug: 'hello-world', representation: 1 });
    expect(routes.match('/topics/go')).toEqual({ kind: 'topic', slug: 'go' });
    expect(routes.match('/')).toEqual({ kind: 'home' });
  });

  it('matches nothing a slug cannot be', () => {
    for (const path of ['/posts/', '/posts/%zz', '/posts/Hello', '/posts/a--b', '/posts/a/b', '/topics/', '/posts/-a', '/assets/x.css']) expect(routes.match(path), path).toBeUndefined();
  });

  it('round-trips every title: the URLs of its slug match back to it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (title) => {
        const slug = slugify(title);
        routes.postUrls(slug).forEach((url, representation) => expect(routes.match(url)).toEqual({ kind: 'post', slug, representation }));
      }),
    );
  });

  it('takes a literal suffix after :slug that a slug cannot continue, and refuses any other pattern', () => {
    const nested = createSiteRoutes(['/p/:slug', '/p/:slug/amp']);
    expect(nested.postUrls('a-b')).toEqual(['/p/a-b', '/p/a-b/amp']);
    expect(nested.match('/p/a-b/amp')).toEqual({ kind: 'post', slug: 'a-b', representation: 1 });
    // `/p/a-b-amp` would be both the page of "a b amp" and the AMP copy of "a b".
    expect(() => createSiteRoutes(['/p/:slug', '/p/:slug-amp'])).toThrow(/must not be able to continue a slug/);
    expect(() => createSiteRoutes('/posts/:slug/:id')).toThrow(TypeError);
    expect(() => createSiteRoutes('/*/:slug')).toThrow(TypeError);
    expect(() => createSiteRoutes([])).toThrow(TypeError);
  });
});

describe('outputFileFor', () => {
  it.each([
    ['/', 'index.html'],
    ['/posts/a', 'posts/a/index.html'],
    ['/posts/a.json', 'posts/a.json'],
    ['/topics/go', 'topics/go/index.html'],
  ])('%s → %s', (url, file) => expect(outputFileFor(url)).toBe(file));
});
