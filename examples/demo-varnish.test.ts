import { describe, expect, it } from 'vitest';
import { createSiteRoutes } from '../packages/site/src/routes/site-routes.ts';
import { postLinks } from './demo-varnish.ts';

describe('the demo\'s post links', () => {
  it('takes post pages and their slugs from the site\'s routes, whatever the post path and however the slug was suffixed', () => {
    const routes = createSiteRoutes(['/articles/:slug', '/articles/:slug.json']);
    const html = [
      '<a href="/">home</a> <a href="/topics/go">go</a> <a href="/page/2">next</a>',
      '<a href="/articles/hello-world">Hello</a> <a href="/articles/hello-world.json">json</a>',
      '<a href="/articles/hello-world">again</a> <a href="/articles/hello-world-1a2b3c4d">Hello (2)</a>',
      '<a href="/posts/not-a-route">old shape</a> <a href="https://example.com/articles/x">elsewhere</a>',
    ].join('\n');
    expect(postLinks(html, routes)).toEqual([
      { path: '/articles/hello-world', slug: 'hello-world' },
      { path: '/articles/hello-world-1a2b3c4d', slug: 'hello-world-1a2b3c4d' },
    ]);
  });
});
