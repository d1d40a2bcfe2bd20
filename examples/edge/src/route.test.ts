import { describe, expect, it } from 'vitest';
import { routeOf } from './route.ts';

describe('routeOf', () => {
  it('names every route the site serves', () => {
    expect(routeOf('/')).toEqual({ kind: 'index' });
    expect(routeOf('/healthz')).toEqual({ kind: 'health' });
    expect(routeOf('/posts/a-post')).toEqual({ kind: 'post', slug: 'a-post', format: 'html' });
    expect(routeOf('/posts/a-post.json')).toEqual({ kind: 'post', slug: 'a-post', format: 'json' });
    expect(routeOf('/topics/go-services')).toEqual({ kind: 'topic', topic: 'go-services' });
    expect(routeOf('/assets/site.0123456789.css')).toEqual({ kind: 'asset', path: '/assets/site.0123456789.css' });
  });

  it('keeps a dot inside a slug, which the key folding allows', () => {
    expect(routeOf('/posts/node.js-tips')).toEqual({ kind: 'post', slug: 'node.js-tips', format: 'html' });
    expect(routeOf('/posts/node.js-tips.json')).toEqual({ kind: 'post', slug: 'node.js-tips', format: 'json' });
  });

  it('sends everything else to not-found without a lookup', () => {
    for (const path of ['/posts', '/posts/', '/posts/A-Post', '/posts/a/b', '/posts/%2e%2e', '/topics/', '/healthz/', '/index.html', '//posts/a']) {
      expect(routeOf(path)).toEqual({ kind: 'not-found' });
    }
  });
});
