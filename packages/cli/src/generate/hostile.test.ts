import { stringifyPost, type Post } from '@alphanode/parser';
import { describe, expect, it } from 'vitest';
import { generatePosts } from './generate-posts.ts';
import { QUIET_FRAGMENTS } from './hostile.ts';

const hostile = [1, 2, 3].flatMap((seed) => generatePosts({ count: 150, seed, hostile: true }));
const corpus = hostile.map(stringifyPost).join('\n');

describe('hostile posts', () => {
  it.each([
    '<script>alert(1)</script>',
    '" onerror="alert(1)',
    "'><img src=x onerror=alert(1)>",
    '</script><script>alert(1)</script>',
    '&amp',
    '&amp;',
    ' & ',
    '&#x6a;avascript:',
    '\u202E',
    '\u200D',
    '\u2028',
    '\u2029',
    '\u0440\u0430ypal',
  ])('carry %j somewhere in the corpus', (fragment) => {
    expect(corpus).toContain(fragment);
  });

  it('carry script, data and protocol-relative image URLs', () => {
    const urls = new Set(hostile.flatMap((post) => (post.meta.imageSources ?? []).map((source) => source.url)));
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(document.cookie)', 'java\tscript:alert(1)', '&#x6a;avascript:alert(1)', '//evil.example/pixel.png']) {
      expect(urls).toContain(url);
    }
    expect([...urls].some((url) => url.startsWith('data:text/html,'))).toBe(true);
  });

  it('carry very long words', () => {
    expect(/[^\s]{500,}/u.test(corpus)).toBe(true);
  });

  it('put hostile text in headings, paragraphs, list items, captions, code, meta and similar titles', () => {
    const markup = /[<"&\u0430\u043E\uFF1C]|\u202E|\u200B|\u200D|\u2028|\u2029|javascript:/i;
    const some = (pick: (post: Post) => string[]) => hostile.some((post) => pick(post).some((text) => markup.test(text)));
    const blocks = <T extends Post['body'][number]['type']>(post: Post, type: T) => post.body.filter((block) => block.type === type) as Extract<Post['body'][number], { type: T }>[];
    expect(some((post) => [post.title])).toBe(true);
    expect(some((post) => blocks(post, 'heading').map((block) => block.text))).toBe(true);
    expect(some((post) => blocks(post, 'paragraph').map((block) => block.text))).toBe(true);
    expect(some((post) => blocks(post, 'list').flatMap((block) => block.items))).toBe(true);
    expect(some((post) => blocks(post, 'image').map((block) => block.caption))).toBe(true);
    expect(some((post) => blocks(post, 'code').map((block) => block.code))).toBe(true);
    expect(some((post) => [post.meta.codeLanguage])).toBe(true);
    expect(some((post) => [post.meta.summary, post.meta.aiBrief, post.meta.difficulty])).toBe(true);
    expect(some((post) => post.meta.entities.map((entity) => entity.name))).toBe(true);
    expect(some((post) => post.meta.notes)).toBe(true);
    expect(some((post) => post.similar)).toBe(true);
  });

  it('keep quiet fragments free of what would make a heading read as code', () => {
    for (const fragment of QUIET_FRAGMENTS) expect(fragment).not.toMatch(/[{}();=<>[\]`$\\|]|[.!?\u2026]$/);
  });
});
