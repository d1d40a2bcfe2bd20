import { createSiteRoutes } from '@alphanode/site';
import { describe, expect, it } from 'vitest';
import { routeOf } from './route.ts';

const routes = createSiteRoutes(['/posts/:slug', '/posts/:slug.json']);

describe('routeOf', () => {
  it('names every route the site serves, the site\'s pages by its routes', () => {
    expect(routeOf('/', routes)).toEqual({ kind: 'home', page: 1 });
    expect(routeOf('/page/2', routes)).toEqual({ kind: 'home', page: 2 });
    expect(routeOf('/topics/go-services/page/3', routes)).toEqual({ kind: 'topic', slug: 'go-services', page: 3 });
    expect(routeOf('/healthz', routes)).toEqual({ kind: 'health' });
    expect(routeOf('/posts/a-post', routes)).toEqual({ kind: 'post', slug: 'a-post', representation: 0 });
    expect(routeOf('/posts/a-post.json', routes)).toEqual({ kind: 'post', slug: 'a-post', representation: 1 });
    expect(routeOf('/topics/go-services', routes)).toEqual({ kind: 'topic', slug: 'go-services', page: 1 });
    expect(routeOf('/assets/site.0123456789.css', routes)).toEqual({ kind: 'asset', path: '/assets/site.0123456789.css' });
  });

  it('follows the rules\' post.path', () => {
    const other = createSiteRoutes('/blog/:slug/');
    expect(routeOf('/blog/a-post/', other)).toEqual({ kind: 'post', slug: 'a-post', representation: 0 });
    expect(routeOf('/posts/a-post', other)).toEqual({ kind: 'not-found' });
  });

  it('sends everything else to not-found without a lookup: a slug is [a-z0-9] words joined by dashes', () => {
    for (const path of ['/posts', '/posts/', '/posts/A-Post', '/posts/a/b', '/posts/%2e%2e', '/posts/node.js-tips', '/posts/a--b', '/topics/', '/healthz/', '/index.html', '//posts/a', '/page/1', '/page/02', '/topics/go/page/1']) {
      expect(routeOf(path, routes)).toEqual({ kind: 'not-found' });
    }
  });
});
