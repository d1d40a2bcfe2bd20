import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSiteRoutes } from '../routes/site-routes.ts';
import { renderHomePage, renderTopicPage, type ListingPageOptions } from './listing-pages.ts';
import { listingPages, renderListingPages, renderListingRoute } from './listing-routes.ts';
import { createListings, type ListingEntry } from './listings.ts';
import { entriesOnPage, pageCount } from './paginate.ts';

const routes = createSiteRoutes();
const day = (n: number) => `2025-01-${String(n).padStart(2, '0')}`;
// Post n is dated day n: newest first, post 25 leads.
const posts = (count: number, topic = (n: number) => (n % 3 === 0 ? 'Go <fast>' : 'Rust')): ListingEntry[] =>
  Array.from({ length: count }, (_, i) => ({ slug: `post-${i + 1}`, title: `Post ${i + 1}`, topic: topic(i + 1), date: day(i + 1), summary: `Summary & ${i + 1}` }));
const slugs = new Map([['Go <fast>', 'go-fast'], ['Rust', 'rust']]);
const options = (pageSize?: number): ListingPageOptions => ({ routes, siteName: 'Blog', ...(pageSize === undefined ? {} : { pageSize }) });
const postsOn = (html: string) => [...html.matchAll(/<li><a href="\/posts\/([^"]+)"/g)].map((match) => match[1]);

describe('pageCount and entriesOnPage', () => {
  it('cuts a listing into pages of pageSize, the last one shorter, and an empty listing into one', () => {
    expect([pageCount(0, 20), pageCount(1, 20), pageCount(20, 20), pageCount(21, 20), pageCount(41)]).toEqual([1, 1, 1, 2, 3]);
    expect(entriesOnPage([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(entriesOnPage([1, 2, 3, 4, 5], 3, 2)).toEqual([5]);
    expect([entriesOnPage([1, 2], 2, 2), entriesOnPage([1], 0, 2), entriesOnPage([], 1, 2)]).toEqual([undefined, undefined, []]);
    for (const size of [0, -1, 2.5, Number.NaN]) expect(() => pageCount(3, size), String(size)).toThrow(RangeError);
  });

  it('holds every entry exactly once, in order, on its pages', () => {
    fc.assert(
      fc.property(fc.nat({ max: 200 }), fc.integer({ min: 1, max: 30 }), (count, size) => {
        const entries = Array.from({ length: count }, (_, i) => i);
        const pages = Array.from({ length: pageCount(count, size) }, (_, i) => entriesOnPage(entries, i + 1, size) as number[]);
        expect(pages.flat()).toEqual(entries);
        for (const page of pages.slice(0, -1)) expect(page).toHaveLength(size);
      }),
    );
  });
});

describe('the listing pages', () => {
  const listings = createListings(posts(25), slugs);

  it('show each post newest first with its date, its topic linked, its summary, escaped', () => {
    const home = renderHomePage(listings, options(10));
    expect(postsOn(home)).toEqual(['post-25', 'post-24', 'post-23', 'post-22', 'post-21', 'post-20', 'post-19', 'post-18', 'post-17', 'post-16']);
    expect(home).toContain(`<li><a href="/posts/post-24">Post 24</a>
<p class="post-meta"><time datetime="2025-01-24">2025-01-24</time> · <a href="/topics/go-fast">Go &lt;fast&gt;</a></p>
<p class="summary">Summary &amp; 24</p></li>`);
    expect(home).toContain('<h2>Topics</h2>');
  });

  it('link each page to its neighbours with rel="prev" and rel="next", and only to pages that exist', () => {
    const [first, second, third] = [1, 2, 3].map((page) => renderHomePage(listings, options(10), page)) as [string, string, string];
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('<a rel="next" href="/page/2">');
    expect(second).toContain('<a rel="prev" href="/">');
    expect(second).toContain('<a rel="next" href="/page/3">');
    expect(second).not.toContain('<h2>Topics</h2>');
    expect(postsOn(third)).toEqual(['post-5', 'post-4', 'post-3', 'post-2', 'post-1']);
    expect(third).not.toContain('rel="next"');
    expect(() => renderHomePage(listings, options(10), 4)).toThrow(/pages 1 to 3; asked for page 4/);
    // One page: no pager at all.
    expect(renderHomePage(listings, options(30))).not.toContain('class="pager"');
    expect(renderHomePage(listings, options())).toContain('<a rel="next" href="/page/2">'); // 25 posts at the default 20
    const rust = listings.topics.find((topic) => topic.slug === 'rust');
    expect(renderTopicPage(rust!, options(5), 2)).toContain('<a rel="prev" href="/topics/rust">');
    expect(renderTopicPage(rust!, options(5), 2)).toContain('<a rel="next" href="/topics/rust/page/3">');
  });

  it('are exactly the URLs the routes name, each matching back to the route that renders it', () => {
    fc.assert(
      fc.property(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 25 }), (count, pageSize) => {
        const site = createListings(posts(count), slugs);
        const rendered = renderListingPages(site, options(pageSize));
        const pages = listingPages(site, routes, pageSize);
        expect([...rendered.keys()]).toEqual(pages.map((page) => page.url));
        expect(pages.length).toBe(pageCount(count, pageSize) + site.topics.reduce((sum, topic) => sum + pageCount(topic.entries.length, pageSize), 0));
        for (const { url, route } of pages) {
          expect(routes.match(url)).toEqual(route);
          expect(renderListingRoute(route, site, options(pageSize))).toBe(rendered.get(url));
        }
        const homePosts = pages.filter((page) => page.route.kind === 'home').flatMap((page) => postsOn(rendered.get(page.url) as string));
        expect(homePosts).toEqual(site.entries.map((entry) => entry.slug));
        // One page past the last, and a topic no post has, are no page.
        expect(renderListingRoute({ kind: 'home', page: pageCount(count, pageSize) + 1 }, site, options(pageSize))).toBeUndefined();
        expect(renderListingRoute({ kind: 'topic', slug: 'nope', page: 1 }, site, options(pageSize))).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });
});
