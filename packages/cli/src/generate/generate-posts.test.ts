import { lintPost, parsePost, stringifyPost, type Post } from '@alphanode/parser';
import { PostSchema } from '@alphanode/parser/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEYWORD_HEADINGS, ONE_WORD_HEADINGS } from './body-shapes.ts';
import { generatePosts } from './generate-posts.ts';

const SEEDS = [1, 2, 99, 0xffffffff];
const plain = SEEDS.flatMap((seed) => generatePosts({ count: 100, seed }));
const hostile = SEEDS.flatMap((seed) => generatePosts({ count: 100, seed, hostile: true }));

/** Every one-line string in a post (all but code), for checks that hold for all of them. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => (key === 'code' ? [] : strings(item)));
  return [];
}

// A surrogate half without its partner: what String.prototype.isWellFormed (ES2024) rejects.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function expectValidAndStable(post: Post): void {
  const checked = PostSchema.safeParse(post);
  expect(checked.success ? [] : checked.error.issues).toEqual([]);
  const back = parsePost(stringifyPost(post));
  expect(back.ok ? [] : back.diagnostics).toEqual([]);
  if (back.ok) expect(back.post).toEqual(post);
}

describe('generatePosts', () => {
  it.each([
    ['plain', plain],
    ['hostile', hostile],
  ])('every %s post passes PostSchema and reads back unchanged', (_, posts) => {
    expect(posts).toHaveLength(400);
    for (const post of posts) expectValidAndStable(post);
  });

  it('reads back unchanged for any seed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.boolean(), (seed, isHostile) => {
        for (const post of generatePosts({ count: 3, seed, hostile: isHostile })) expectValidAndStable(post);
      }),
      { numRuns: 60 },
    );
  });

  it('lintPost finds nothing in a plain post', () => {
    for (const post of plain) expect(lintPost(post)).toEqual([]);
  });

  it('lintPost finds at most value-format warnings in a hostile post, where the hostile shape was chosen', () => {
    const codes = new Set(hostile.flatMap((post) => lintPost(post).map((d) => d.code)));
    expect([...codes]).toEqual(['value-format']);
  });

  it('keeps every string well-formed UTF-16 and on one line', () => {
    const code = [...plain, ...hostile].flatMap((post) => post.body.flatMap((block) => (block.type === 'code' ? [block.code] : [])));
    const lines = [...plain, ...hostile].flatMap(strings);
    expect(code.filter((text) => LONE_SURROGATE.test(text))).toEqual([]);
    expect(lines.filter((text) => LONE_SURROGATE.test(text) || /[\r\n]/.test(text))).toEqual([]);
    expect(LONE_SURROGATE.test('a\uD83D')).toBe(true);
    expect(LONE_SURROGATE.test('a\u{1F600}')).toBe(false);
  });

  it('gives the same posts for the same seed and different posts for another', () => {
    expect(generatePosts({ count: 20, seed: 5 })).toEqual(generatePosts({ count: 20, seed: 5 }));
    expect(generatePosts({ count: 20, seed: 5, hostile: true })).toEqual(generatePosts({ count: 20, seed: 5, hostile: true }));
    expect(generatePosts({ count: 20, seed: 5 })).not.toEqual(generatePosts({ count: 20, seed: 6 }));
  });

  it('makes a post independent of the corpus size', () => {
    expect(generatePosts({ count: 5, seed: 8 })).toEqual(generatePosts({ count: 50, seed: 8 }).slice(0, 5));
  });

  it('accepts a count of zero and truncates a fractional one', () => {
    expect(generatePosts({ count: 0, seed: 1 })).toEqual([]);
    expect(generatePosts({ count: 2.7, seed: 1 })).toHaveLength(2);
  });

  it('varies what matters to a renderer: languages, stacks, images, code, similar posts, layout', () => {
    const distinct = <T>(values: T[]) => new Set(values).size;
    const images = (post: Post) => post.body.filter((block) => block.type === 'image').length;
    const codeBlocks = (post: Post) => post.body.filter((block) => block.type === 'code').length;
    expect(distinct(plain.map((post) => post.meta.codeLanguage))).toBeGreaterThanOrEqual(12);
    expect(distinct(plain.map((post) => post.meta.stack[0]))).toBeGreaterThanOrEqual(10);
    expect(distinct(plain.map((post) => post.meta.payload.scenario))).toBeGreaterThanOrEqual(8);
    expect(distinct(plain.map((post) => post.meta.topic.split(' / ')[0]))).toBeGreaterThanOrEqual(12);
    expect([...new Set(plain.map(images))].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    // Up to two snippets, and now and then a one-line command of its own.
    expect([...new Set(plain.map(codeBlocks))].sort()).toEqual([0, 1, 2, 3]);
    expect([...new Set(plain.map((post) => post.similar.length))].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(distinct(plain.map((post) => post.meta.payload.paragraphs))).toBeGreaterThanOrEqual(6);
    // Images straight after the checklist's list, with no blank line, as the second seed has them.
    expect(plain.some((post) => post.body.some((block, i) => block.type === 'image' && post.body[i - 1]?.type === 'list'))).toBe(true);
    expect(hostile.some((post) => post.layout?.breadcrumb === false)).toBe(true);
    expect(hostile.some((post) => post.layout?.finalNewline === true)).toBe(true);
    expect(plain.every((post) => post.layout === undefined)).toBe(true);
  });

  it('writes code the way the seeds and docs/post-format.md describe it', () => {
    const code = plain.flatMap((post) => post.body.flatMap((block) => (block.type === 'code' ? [block.code] : [])));
    expect(code.some((text) => text.includes('\n\n'))).toBe(true);
    expect(code.some((text) => text.includes('\n\t'))).toBe(true);
    expect(code.some((text) => text.includes('\n    '))).toBe(true);
    expect(code.some((text) => text.startsWith('package main\n\n'))).toBe(true);
    expect(code.some((text) => text.includes('\n\nset -euo pipefail\n\n') || text.startsWith('set -euo pipefail\n\n'))).toBe(true);
  });

  it('writes the lines that are hard to classify, and each reads back as what it is', () => {
    const blocks = plain.flatMap((post) => post.body.map((block) => ({ block, language: post.meta.codeLanguage })));
    const texts = (type: 'heading' | 'paragraph') => blocks.flatMap(({ block }) => (block.type === type ? [block.text] : []));
    const headings = new Set(texts('heading'));
    const paragraphs = texts('paragraph');
    // Headings that open with a keyword of the post's language, and one-word headings.
    expect(blocks.some(({ block, language }) => block.type === 'heading' && (KEYWORD_HEADINGS[language] ?? []).includes(block.text))).toBe(true);
    expect(ONE_WORD_HEADINGS.filter((heading) => headings.has(heading)).length).toBeGreaterThanOrEqual(3);
    // Prose with markup and no final stop, and lead-ins that end with `:`.
    expect(paragraphs.filter((text) => /[()=<`]|https:/.test(text) && !text.endsWith('.')).length).toBeGreaterThan(20);
    expect(paragraphs.filter((text) => text.endsWith(':')).length).toBeGreaterThan(20);
    // One-line commands as code blocks of their own.
    const commands = new Set(blocks.flatMap(({ block }) => (block.type === 'code' && !block.code.includes('\n') ? [block.code] : [])));
    for (const command of ['npm test', 'make', 'go test ./...', 'ls -la']) expect(commands, command).toContain(command);
  });

  it('mixes markup into hostile prose, with and without a final stop', () => {
    const paragraphs = hostile.flatMap((post) => post.body.flatMap((block) => (block.type === 'paragraph' ? [block.text] : [])));
    expect(paragraphs.some((text) => text.includes('<script>') && text.endsWith('.'))).toBe(true);
    expect(paragraphs.some((text) => /<\w|onerror=/.test(text) && !/[.:]$/.test(text))).toBe(true);
  });

  it('uses https image URLs in plain posts, one image source per body image', () => {
    for (const post of plain) {
      const images = post.body.flatMap((block) => (block.type === 'image' ? [block] : []));
      expect(post.meta.flags.hasImages).toBe(images.length > 0);
      expect(post.meta.imageSources?.map((source) => source.caption) ?? []).toEqual(images.map((image) => image.caption));
      for (const image of images) expect(image.url).toMatch(/^https:\/\/[a-z.]+\//);
    }
  });
});
