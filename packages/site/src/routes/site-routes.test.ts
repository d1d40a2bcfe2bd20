import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSiteRoutes, outputFileFor, type Route } from './site-routes.ts';
import { slugify } from './slugify.ts';

describe('createSiteRoutes', () => {
  const routes = createSiteRoutes(['/posts/:slug', '/posts/:slug.json']);

  it('names every URL of a post, its page first, and matches each back', () => {
    expect(routes.postUrls('hello-world')).toEqual(['/posts/hello-world', '/posts/hello-world.json']);
    expect(routes.match('/posts/hello-world')).toEqual({ kind: 'post', slug: 'hello-world', representation: 0 });
    expect(routes.match('/posts/hello-world.json')).toEqual({ kind: 'post', slug: 'hello-world', representation: 1 });
    expect(routes.match('/topics/go')).toEqual({ kind: 'topic', slug: 'go', page: 1 });
    expect(routes.match('/')).toEqual({ kind: 'home', page: 1 });
  });

  it('puts page n of a listing under its URL\'s /page/<n>, page 1 at the listing\'s own URL only', () => {
    expect([routes.homePageUrl(1), routes.homePageUrl(2), routes.homePageUrl(10)]).toEqual(['/', '/page/2', '/page/10']);
    expect([routes.topicPageUrl('go', 1), routes.topicPageUrl('go', 3)]).toEqual(['/topics/go', '/topics/go/page/3']);
    expect(routes.match('/page/2')).toEqual({ kind: 'home', page: 2 });
    expect(routes.match('/topics/go/page/12')).toEqual({ kind: 'topic', slug: 'go', page: 12 });
    // A topic may be called "page": its page 2 is still its own.
    expect(routes.match('/topics/page/page/2')).toEqual({ kind: 'topic', slug: 'page', page: 2 });
    // One URL per page: no /page/1, no leading zero, no trailing slash, nothing but digits.
    for (const path of ['/page/1', '/page/0', '/page/02', '/page/', '/page/2/', '/page/x', '/page/-2', '/topics/go/page/1', '/topics/go/page', '/topics/go/page/2/x', '/page/1e3']) expect(routes.match(path), path).toBeUndefined();
    for (const page of [0, -1, 1.5, Number.NaN]) expect(() => routes.homePageUrl(page), String(page)).toThrow(RangeError);
  });

  it('round-trips every listing page: its URL matches back to it, and is a file of its own', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 100_000 }), (name, page) => {
        const slug = slugify(name);
        const home: Route = { kind: 'home', page };
        const topic: Route = { kind: 'topic', slug, page };
        expect(routes.match(routes.homePageUrl(page))).toEqual(home);
        expect(routes.match(routes.topicPageUrl(slug, page))).toEqual(topic);
        expect(outputFileFor(routes.topicPageUrl(slug, page))).toBe(page === 1 ? `topics/${slug}/index.html` : `topics/${slug}/page/${page}/index.html`);
        expect(outputFileFor(routes.homePageUrl(page))).toBe(page === 1 ? 'index.html' : `page/${page}/index.html`);
      }),
    );
  });

  it('refuses a post path that could name a listing page', () => {
    for (const pattern of ['/page/:slug', '/topics/:slug', '/topics/:slug/page/2', '/:slug/2']) expect(() => createSiteRoutes(pattern), pattern).toThrow(/would take the listing page/);
    expect(createSiteRoutes('/:slug').match('/page')).toEqual({ kind: 'post', slug: 'page', representation: 0 });
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
    ['/page/2', 'page/2/index.html'],
    ['/topics/go/page/3', 'topics/go/page/3/index.html'],
  ])('%s → %s', (url, file) => expect(outputFileFor(url)).toBe(file));
});
