import fc from 'fast-check';
import type { Block } from '../src/schema/block-schema.ts';
import type { PostMeta } from '../src/schema/meta-schema.ts';
import type { Post } from '../src/schema/post-schema.ts';

/** Any one line: unicode of every plane, markup, quotes, tabs; never a line break. */
export const line = fc
  .oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('<script>alert(1)</script>', '" onerror="x', '&amp; & <', '\u202Eevil', 'a\tb'))
  .map((text) => text.replace(/[\r\n\u0085]/g, ' '));

const word = fc.constantFrom('cache', 'rules', 'python', 'services', 'delivery', 'final', 'notes', 'checks', 'the', 'practical', 'approach', 'édition', '日本語', 'über');
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '));

const codeLine = fc.oneof(
  fc.constantFrom('package main', 'set -euo pipefail', 'import os', 'x = f(1)', '\tfmt.Println("hi")', '    return {"ok": True}', 'def g():', '}', 'SELECT 1;', '  indented', ''),
  line.map((text) => `  ${text}`),
);

const heading = words(1, 6).map((text): Block => ({ type: 'heading', text }));
const paragraph = fc.oneof(line.map((text) => `${text}.`), words(13, 20)).map((text): Block => ({ type: 'paragraph', text }));
const list = fc.array(line, { minLength: 1, maxLength: 5 }).map((items): Block => ({ type: 'list', items }));
const code = fc.array(codeLine, { minLength: 1, maxLength: 8 }).map((lines): Block => ({ type: 'code', code: lines.join('\n') }));
const image = fc.record({ caption: line.filter((text) => text !== ''), source: line }).map(({ caption, source }): Block => ({ type: 'image', caption, source }));

const block = fc.oneof(heading, paragraph, list, code, image);
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const whole = fc.oneof(fc.nat(1000), fc.maxSafeNat());

const extraLabel = word.map((w) => `x-${w}`);
const extraValue = fc.oneof(
  fc.constant(''),
  fc.array(words(1, 3), { minLength: 1, maxLength: 3 }),
  fc.dictionary(word, line, { minKeys: 1, maxKeys: 3 }),
  fc.array(fc.record({ id: line, note: line }), { minLength: 1, maxLength: 3 }),
);

const meta = fc.record({
  topic: line,
  summary: line,
  aiOutline: fc.record({ context: line, problem: line, stack: line, recommendedAction: line }),
  aiBrief: line,
  stack: fc.array(line, { maxLength: 4 }),
  tools: fc.array(line, { maxLength: 4 }),
  codeLanguage: fc.oneof(fc.constantFrom('python', 'go', 'bash', 'typescript', 'rust', 'sql', 'yaml', ''), line),
  difficulty: line,
  readingTime: whole,
  viewCount: whole,
  score: fc.record({ quality: whole, freshness: whole, depth: whole, clarity: whole }),
  revision: fc.record({ status: line, version: line, lastReviewed: date }),
  reference: line,
  hash: line,
  flags: fc.record({ aiGeneratedStyle: fc.boolean(), hasImages: fc.boolean(), imageHeavy: fc.boolean(), needsHumanReview: fc.boolean() }),
  checklist: fc.array(line, { maxLength: 4 }),
  entities: fc.array(fc.record({ name: line, type: line }), { maxLength: 4 }),
  payload: fc.record({ sourceId: line, generator: line, paragraphs: whole, scenario: line, seed: whole }),
  notes: fc.array(line, { maxLength: 4 }),
});

/**
 * Posts of every shape the format can hold. Code blocks take the meta's language and images their
 * URL from `image sources`, as the format ties them; callers filter with `PostSchema` for the rest.
 */
export const arbitraryPost: fc.Arbitrary<Post> = fc
  .record({
    title: line.filter((text) => text !== ''),
    body: fc.array(block, { maxLength: 12 }),
    meta,
    urls: fc.array(fc.webUrl(), { maxLength: 12 }),
    extra: fc.option(fc.dictionary(extraLabel, extraValue, { minKeys: 1, maxKeys: 3 }), { nil: undefined }),
    similar: fc.array(line.filter((text) => text !== ''), { maxLength: 4 }),
    layout: fc.option(fc.record({ breadcrumb: fc.constant(false as const), finalNewline: fc.constant(true as const) }, { requiredKeys: [] }), { nil: undefined }),
  })
  .map(({ title, body, meta: baseMeta, urls, extra, similar, layout }) => {
    const language = baseMeta.codeLanguage;
    const sources: NonNullable<PostMeta['imageSources']> = [];
    const blocks = body.map((b, index): Block => {
      if (b.type === 'code') return language === '' ? { type: 'code', code: b.code } : { type: 'code', code: b.code, lang: language };
      if (b.type !== 'image') return b;
      const url = urls[index];
      const known = sources.find((s) => s.caption === b.caption);
      if (known) return { ...b, url: known.url };
      if (url === undefined) return b;
      sources.push({ source: b.source, url, caption: b.caption });
      return { ...b, url };
    });
    const fullMeta: PostMeta = { ...baseMeta };
    if (sources.length > 0) fullMeta.imageSources = sources;
    if (extra) fullMeta.extra = extra;
    const post: Post = { title, body: blocks, meta: fullMeta, similar };
    if (layout && Object.keys(layout).length > 0) post.layout = layout;
    // fast-check builds some records without a prototype; posts from the parser are plain objects.
    return structuredClone(post);
  });
