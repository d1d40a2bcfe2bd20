import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderSitemaps, SITEMAP_MAX_URLS, type SitemapEntry } from './sitemap.ts';

const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as { urlset?: { url: { loc: string; lastmod?: string }[] }; sitemapindex?: { sitemap: { loc: string }[] } };
};
const entry = fc.record({ path: fc.stringMatching(/^\/[a-z0-9-]{1,20}(\/[a-z0-9&'"<>%-]{1,12})?$/), lastmod: fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: undefined }) });

describe('renderSitemaps', () => {
  it('writes one urlset of absolute, escaped URLs with their dates', () => {
    const [file, ...rest] = renderSitemaps([{ path: '/', lastmod: '2026-06-28' }, { path: '/posts/a&b' }], { baseUrl: 'https://example.com/blog/' });
    expect(rest).toEqual([]);
    expect(file?.path).toBe('/sitemap.xml');
    expect(file?.xml).toContain('<loc>https://example.com/blog/posts/a&amp;b</loc>');
    expect(parse(file?.xml ?? '').urlset?.url).toEqual([{ loc: 'https://example.com/blog/', lastmod: '2026-06-28' }, { loc: 'https://example.com/blog/posts/a&b' }]);
  });

  it('splits past the limit into files under a sitemap index, as the protocol requires past 50,000', () => {
    const entries = Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, i) => ({ path: `/posts/p${i}` }));
    const files = renderSitemaps(entries, { baseUrl: 'https://example.com' });
    expect(files.map((file) => file.path)).toEqual(['/sitemap.xml', '/sitemap-1.xml', '/sitemap-2.xml']);
    expect(parse(files[0]?.xml ?? '').sitemapindex?.sitemap.map((s) => s.loc)).toEqual(['https://example.com/sitemap-1.xml', 'https://example.com/sitemap-2.xml']);
    expect(parse(files[1]?.xml ?? '').urlset?.url).toHaveLength(SITEMAP_MAX_URLS);
    expect(parse(files[2]?.xml ?? '').urlset?.url.map((url) => url.loc)).toEqual([`https://example.com/posts/p${SITEMAP_MAX_URLS}`]);
  });

  it('holds every entry once, in order, in valid files within the limit, for any entries and limit', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.integer({ min: 1, max: 10 }), (entries: SitemapEntry[], limit) => {
        const files = renderSitemaps(entries, { baseUrl: 'https://example.com', limit });
        const urlsets = files.length === 1 ? files : files.slice(1);
        const urls = urlsets.flatMap((file) => parse(file.xml).urlset?.url ?? []);
        for (const file of urlsets) expect((parse(file.xml).urlset?.url ?? []).length).toBeLessThanOrEqual(limit);
        expect(urls.map((url) => url.loc)).toEqual(entries.map((e) => new URL(e.path, 'https://example.com').href));
        expect(urls.map((url) => url.lastmod)).toEqual(entries.map((e) => e.lastmod));
      }),
    );
  });
});
