import { describe, expect, it } from 'vitest';
import { seedPost } from '../../test/seeds.ts';
import { html, raw } from '../html/html.ts';
import { renderPost, renderPostBody, renderPostWithReport } from './render-post.ts';

const site = { siteName: 'Notes', baseUrl: 'https://notes.example', path: '/posts/a', lang: 'en-GB' };

/** The content of every `<meta property|name=key>` in a page, in order. */
const metaContent = (page: string, key: string): string[] =>
  [...page.matchAll(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`, 'g'))].map((m) => m[1] as string);

const jsonLd = (page: string): Record<string, unknown> => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? 'null');

describe('renderPost', () => {
  it('writes a whole document: doctype, language, head, one h1, the article and its meta box', () => {
    const page = renderPost(seedPost(0), site);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(page.endsWith('</main>\n</body>\n</html>\n')).toBe(true);
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toContain('<title>production checklist for improving asset delivery in python services</title>');
    expect(page).toContain('<link rel="canonical" href="https://notes.example/posts/a">');
    expect(page).toContain('<aside class="post-meta" aria-labelledby="post-meta-title">');
    expect(page).not.toContain('<nav');
  });

  it('fills Open Graph and Twitter from the post', () => {
    const page = renderPost(seedPost(1), site);
    expect(metaContent(page, 'og:type')).toEqual(['article']);
    expect(metaContent(page, 'og:url')).toEqual(['https://notes.example/posts/a']);
    expect(metaContent(page, 'og:locale')).toEqual(['en_GB']);
    expect(metaContent(page, 'og:image')).toEqual(['https://images.unsplash.com/photo-1515879218367-8466d910aaa4?auto=format&amp;fit=crop&amp;w=1200&amp;q=80']);
    expect(metaContent(page, 'og:image:width')).toEqual(['1200']);
    expect(metaContent(page, 'article:modified_time')).toEqual(['2026-06-28']);
    expect(metaContent(page, 'article:tag')).toEqual(['python services', 'backend', 'python', 'fastapi', 'pytest', 'uvicorn', 'ruff', 'git', 'logs']);
    expect(metaContent(page, 'twitter:card')).toEqual(['summary_large_image']);
    expect(metaContent(page, 'description')).toEqual([seedPost(1).meta.summary]);
    expect(metaContent(renderPost(seedPost(0)), 'twitter:card')).toEqual(['summary']);
  });

  it('writes a BlogPosting with headline, dates, keywords, about, images and the canonical URL', () => {
    expect(jsonLd(renderPost(seedPost(1), { ...site, datePublished: '2026-01-02' }))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'practical guide to improving asset delivery with python services',
      description: seedPost(1).meta.summary,
      inLanguage: 'en-GB',
      datePublished: '2026-01-02',
      dateModified: '2026-06-28',
      keywords: ['python services', 'backend', 'python', 'fastapi', 'pytest', 'uvicorn', 'ruff', 'git', 'logs'],
      about: [
        { '@type': 'Thing', name: 'python services', disambiguatingDescription: 'stack' },
        { '@type': 'Thing', name: 'backend', disambiguatingDescription: 'area' },
        { '@type': 'Thing', name: 'improving asset delivery', disambiguatingDescription: 'problem' },
      ],
      image: [
        'https://images.unsplash.com/photo-1515879218367-8466d910aaa4?auto=format&fit=crop&w=1200&q=80',
        'https://loremflickr.com/1200/630/code,developer?lock=3493',
        'https://dummyimage.com/1200x630/111827/ffffff.png&text=improving+asset+delivery+with+python+s',
      ],
      timeRequired: 'PT5M',
      url: 'https://notes.example/posts/a',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://notes.example/posts/a' },
      publisher: { '@type': 'Organization', name: 'Notes' },
    });
  });

  it('keeps JSON-LD intact whatever a field holds', () => {
    const post = seedPost(0);
    post.title = '</script><script>alert(1)</script> \u2028 <!--';
    const page = renderPost(post);
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(jsonLd(page).headline).toBe(post.title);
  });

  it('lists the titles the post gives and the links passed in under Similar Posts, each once', () => {
    const post = { ...seedPost(0), similar: ['listed <one>', 'linked'] };
    const page = renderPost(post, { similar: [{ title: 'linked', href: '/posts/linked' }, { title: 'extra', href: 'javascript:alert(1)' }, { title: 'linked', href: '/other' }] });
    expect(page).toContain(
      '<nav class="similar-posts" aria-labelledby="similar-posts-title">\n<h2 id="similar-posts-title">Similar Posts</h2>\n<ul><li>listed &lt;one&gt;</li><li><a href="/posts/linked">linked</a></li><li>extra</li></ul>\n</nav>',
    );
  });

  it('reports every URL it refused, with where it came from', () => {
    const post = seedPost(1);
    const at = post.body.findIndex((block) => block.type === 'image');
    post.body[at] = { type: 'image', caption: 'c', source: 's', url: '//evil.example/x.png' };
    const { html: page, report } = renderPostWithReport(post, {
      baseUrl: 'https://notes.example',
      path: '//evil.example/p',
      stylesheets: ['javascript:x', '/ok.css'],
      similar: [{ title: 't', href: 'data:text/html,x' }],
    });
    expect(report.droppedUrls).toEqual([
      { path: 'options.path', url: '//evil.example/p', reason: 'protocol-relative' },
      { path: `body.${at}.url`, url: '//evil.example/x.png', reason: 'protocol-relative' },
      { path: 'options.similar.0.href', url: 'data:text/html,x', reason: 'scheme' },
      { path: 'options.stylesheets.0', url: 'javascript:x', reason: 'scheme' },
    ]);
    expect(page).not.toMatch(/evil\.example|javascript:|data:/);
    expect(page).toContain('<link rel="stylesheet" href="/ok.css">');
    let seen = -1;
    renderPost(post, { onReport: (r) => (seen = r.droppedUrls.length) });
    expect(seen).toBe(1);
  });
});

describe('override points', () => {
  it('layout gets the parts as Html and returns the page', () => {
    const page = renderPost(seedPost(0), {
      layout: (parts, context) => html`<!DOCTYPE html><html lang="${context.lang}"><head>${parts.head}</head><body><div class="shell">${parts.article}${parts.similar}</div></body></html>`,
    });
    expect(page.startsWith('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">')).toBe(true);
    expect(page).toContain('<div class="shell"><article class="post">');
  });

  it('head can add to the default head or rebuild it from its parts', () => {
    const added = renderPost(seedPost(0), { head: (parts) => html`${parts.default}<link rel="icon" href="/favicon.svg">` });
    expect(added).toContain('<link rel="icon" href="/favicon.svg"></head>');
    const rebuilt = renderPost(seedPost(0), { head: (parts) => html`${parts.basics}${parts.jsonLd}` });
    expect(rebuilt).not.toContain('og:title');
    expect(rebuilt).toContain('application/ld+json');
  });

  it('metaBox gets the rendered fields and the context', () => {
    const body = renderPostBody(seedPost(0), {
      metaBox: ({ fields }, { post }) => html`<footer data-ref="${post.meta.reference}">${fields.filter((f) => f.key === 'viewCount').map((f) => html`<p>${f.label}: ${f.value}</p>`)}</footer>`,
    });
    expect(body).toContain('<footer data-ref="anp-ref-005817-5421"><p>view count: <data value="56310">56,310</data></p></footer></article>');
  });

  it('metaBox sees which rows the default box folds, to lay out the same split its own way', () => {
    const body = renderPostBody(seedPost(0), {
      metaBox: ({ fields }) => html`<footer><p>${fields.filter((f) => !f.folded).map((f) => f.key).join(' ')}</p></footer>`,
    });
    expect(body).toContain('<footer><p>topic summary aiOutline stack tools difficulty score entities</p></footer>');
  });

  it('escapes a plain string an untyped override returns instead of trusting it', () => {
    const page = renderPost(seedPost(0), { layout: (() => '<script>alert(1)</script>') as never });
    expect(page).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(renderPost(seedPost(0), { layout: () => raw('<p>ok</p>') })).toBe('<p>ok</p>');
  });
});

describe('renderPostBody', () => {
  it('is the article alone, the same as in the whole page', () => {
    const body = renderPostBody(seedPost(1), site);
    expect(body.startsWith('<article class="post">\n<header>\n<h1>practical guide')).toBe(true);
    expect(body.endsWith('</aside>\n</article>\n')).toBe(true);
    expect(renderPost(seedPost(1), site)).toContain(body);
  });
});
