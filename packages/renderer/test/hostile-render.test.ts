import { describe, expect, it } from 'vitest';
import { checkUrl, renderPostWithReport } from '../src/index.ts';
import { generated, handWritten } from './corpus.ts';
import { BREAKOUT_URL, HOSTILE_URLS, hostileOptions } from './fixtures/hostile-posts.ts';

const decode = (html: string): string =>
  html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[entity] as string);

/** What the markup itself does, read without a browser: tags, attributes and the JSON-LD. */
function inspect(page: string) {
  const tags = page.match(/<[a-zA-Z!][^>]*>/g) ?? [];
  return {
    scripts: tags.filter((tag) => /^<script/i.test(tag)),
    // Attribute names only: quoted values (escaped text) are blanked first.
    handlers: tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag.replace(/"[^"]*"/g, '""'))),
    // No inline style at all: the theme's bars are <meter> values, so no post text can reach CSS.
    styles: tags.filter((tag) => /\sstyle\s*=/i.test(tag.replace(/"[^"]*"/g, '""'))),
    urls: tags.flatMap((tag) => [...tag.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => decode(m[1] as string))),
    jsonLd: JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1] ?? 'null') as { headline: string },
    h1: decode(/<h1>([^<]*)<\/h1>/.exec(page)?.[1] ?? ''),
  };
}

const allowed = (url: string): boolean => (url.startsWith('/') && !/^\/[\\/]/.test(url)) || checkUrl(url).ok;

describe('hostile posts, read as markup', () => {
  const cases = [
    ...handWritten().map(({ name, post }) => ({ name, post, options: hostileOptions(name) })),
    ...generated(200, true, 3).map((post, i) => ({ name: `generated ${i}`, post, options: {} })),
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s: one JSON-LD script, no handlers, only allowed URLs, text as written', (_name, { post, options }) => {
    const { html } = renderPostWithReport(post, options);
    const page = inspect(html);
    expect(page.scripts).toEqual(['<script type="application/ld+json">']);
    expect(page.handlers).toEqual([]);
    expect(page.styles).toEqual([]);
    expect(page.urls.filter((url) => !allowed(url))).toEqual([]);
    expect(page.jsonLd.headline).toBe(post.title);
    expect(page.h1).toBe(post.title);
  });

  it('drops and reports every hostile image URL, and keeps the breakout URL as one encoded URL', () => {
    for (const { name, post } of handWritten()) {
      const { html, report } = renderPostWithReport(post);
      const url = post.body.find((block) => block.type === 'image')?.url as string;
      if (url === BREAKOUT_URL) {
        expect(report.droppedUrls).toEqual([]);
        expect(html).toContain('src="https://images.example.com/a.png%22%20onerror=%22window.__xss=1"');
      } else {
        expect(HOSTILE_URLS).toContain(url);
        expect(report.droppedUrls.map((d) => d.path), name).toEqual(['body.1.url', 'body.2.url', 'body.10.url']);
        expect(html).not.toContain('<img');
      }
    }
  });
});
