import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderAtomFeed } from './atom-feed.ts';
import { renderRobots } from './robots.ts';

const options = { baseUrl: 'https://example.com', path: '/feed.xml', title: 'Field <Notes>', alternatePath: '/', author: 'Field Notes' };
const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, trimValues: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml) as { feed: Record<string, unknown> & { entry?: Record<string, unknown>[] } };
};

describe('renderAtomFeed', () => {
  it('is valid Atom: absolute ids and links, RFC 3339 dates, the newest entry\'s date as the feed\'s', () => {
    const { feed } = parse(renderAtomFeed([
      { path: '/posts/b', title: 'B', updated: '2026-07-01', summary: 'about b', category: 'Go' },
      { path: '/posts/a', title: 'A', updated: '2026-06-28' },
    ], options));
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['id']).toBe('https://example.com/feed.xml');
    expect(feed['title']).toBe('Field <Notes>');
    expect(feed['updated']).toBe('2026-07-01T00:00:00Z');
    expect(feed['link']).toEqual([
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': 'https://example.com/feed.xml' },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': 'https://example.com/' },
    ]);
    expect(feed.entry?.map((e) => [e['id'], e['updated'], e['summary']])).toEqual([
      ['https://example.com/posts/b', '2026-07-01T00:00:00Z', 'about b'],
      ['https://example.com/posts/a', '2026-06-28T00:00:00Z', undefined],
    ]);
  });

  it('stays well-formed for hostile titles: markup escaped, characters XML cannot hold dropped', () => {
    const title = 'a <b onmouseover="x()"> & \u0000\u0007 \uD800 tail \uFFFF';
    const { feed } = parse(renderAtomFeed([{ path: '/posts/x', title, updated: '2026-01-01', summary: ']]> <![CDATA[' }], options));
    expect(feed.entry?.[0]?.['title']).toBe('a <b onmouseover="x()"> &   tail ');
    expect(feed.entry?.[0]?.['summary']).toBe(']]> <![CDATA[');
  });

  it('renders the same bytes for the same posts, whenever it runs, and a fixed date when empty', () => {
    const entries = [{ path: '/posts/a', title: 'A', updated: '2026-06-28' }];
    expect(renderAtomFeed(entries, options)).toBe(renderAtomFeed(entries, options));
    expect(parse(renderAtomFeed([], options)).feed['updated']).toBe('1970-01-01T00:00:00Z');
  });
});

describe('renderRobots', () => {
  it('allows crawling and names the sitemap by absolute URL', () => {
    expect(renderRobots('https://example.com/blog')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.com/blog/sitemap.xml\n');
  });
});
