import type { Post } from '@alphanode/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPost } from '../src/index.ts';
import { seedPost } from './seeds.ts';

const decode = (html: string): string =>
  html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[entity] as string);

// Any UTF-16 text, lone surrogates and controls included, biased towards markup characters.
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom('<', '>', '&', '"', "'", '/', '=', ' ', 'script', 'on', '\u2028', '<!--', ']]>', '`', 'a'), { maxLength: 20 }).map((parts) => parts.join('')),
);

function withText(seed: Post, [title, paragraph, item, caption, code, summary, entity, url]: string[]): Post {
  const body = seed.body.map((block) => {
    if (block.type === 'paragraph') return { ...block, text: paragraph as string };
    if (block.type === 'list') return { ...block, items: [item as string] };
    if (block.type === 'image') return { ...block, caption: caption as string, url: url as string };
    if (block.type === 'code') return { ...block, code: code as string, lang: entity as string };
    return block;
  });
  return { ...seed, title: title as string, body, meta: { ...seed.meta, summary: summary as string, entities: [{ name: entity as string, type: entity as string }] } };
}

describe('renderPost on any text (property)', () => {
  it('writes one script, no handler attributes, the title as written, and JSON-LD that holds it', () => {
    const seed = seedPost(1);
    fc.assert(
      fc.property(fc.array(text, { minLength: 8, maxLength: 8 }), (texts) => {
        const post = withText(seed, texts);
        const page = renderPost(post, { siteName: texts[5] as string });
        const tags = page.match(/<[a-zA-Z!/][^>]*>/g) ?? [];
        expect(tags.filter((tag) => /^<script/i.test(tag))).toEqual(['<script type="application/ld+json">']);
        expect(tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag.replace(/"[^"]*"/g, '""')))).toEqual([]);
        expect(decode(/<h1>([^<]*)<\/h1>/.exec(page)?.[1] ?? '')).toBe(post.title);
        const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1] ?? '';
        expect(JSON.parse(json).headline).toBe(post.title);
        for (const src of tags.flatMap((tag) => [...tag.matchAll(/\ssrc="([^"]*)"/g)].map((m) => decode(m[1] as string)))) expect(src).toMatch(/^https?:\/\//);
      }),
      { numRuns: 300 },
    );
  });
});
