import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../test/paths.ts';
import { PostSchema } from '../schema/post-schema.ts';
import { stringifyPost } from '../stringify/stringify-post.ts';
import { parsePost } from './parse-post.ts';

const seeds = readSeeds();

describe('parsePost on the seed posts', () => {
  it('finds both seeds', () => {
    expect(seeds.map((seed) => seed.name)).toEqual(['000_27b4b2d52350f568.txt', '001_b1a441183c0bf237.txt']);
  });

  for (const seed of seeds) {
    describe(seed.name, () => {
      const result = parsePost(seed.text, { file: seed.name });

      it('parses with no diagnostics, to a post the schema accepts', () => {
        expect(result.diagnostics).toEqual([]);
        expect(result.ok).toBe(true);
        if (result.ok) expect(PostSchema.safeParse(result.post).success).toBe(true);
      });

      it('writes back byte for byte', () => {
        if (!result.ok) throw new Error('seed did not parse');
        expect(stringifyPost(result.post)).toBe(seed.text);
      });

      it('writes back byte for byte with a final newline too', () => {
        const withNewline = parsePost(`${seed.text}\n`);
        if (!withNewline.ok) throw new Error('seed with final newline did not parse');
        expect(withNewline.post.layout).toEqual({ finalNewline: true });
        expect(stringifyPost(withNewline.post)).toBe(`${seed.text}\n`);
      });

      it('reads CRLF and a byte-order mark to the same post, saying so', () => {
        const crlf = parsePost(`\uFEFF${seed.text.replace(/\n/g, '\r\n')}`);
        expect(crlf.ok).toBe(true);
        if (crlf.ok && result.ok) expect(crlf.post).toEqual(result.post);
        expect(crlf.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
          ['byte-order-mark', 'info', 1, 1],
          ['crlf-line-endings', 'info', 1, 2],
        ]);
      });
    });
  }

  it('reads the first seed as the format describes it', () => {
    const result = parsePost((seeds[0] as { text: string }).text);
    if (!result.ok) throw new Error('seed did not parse');
    const { post } = result;
    expect(post.title).toBe('production checklist for improving asset delivery in python services');
    expect(post.body.map((block) => block.type)).toEqual([
      'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'heading',
      'paragraph', 'paragraph', 'paragraph', 'heading', 'list', 'heading', 'paragraph',
    ]);
    expect(post.body[11]).toEqual({
      type: 'list',
      items: ['inspect cache headers', 'test logged-in traffic', 'purge only the affected route', 'measure response time', 'keep a rollback command ready'],
    });
    expect(post.meta.topic).toBe('improving asset delivery / python services');
    expect(post.meta.readingTime).toBe(10);
    expect(post.meta.viewCount).toBe(56310);
    expect(post.meta.aiOutline).toEqual({
      context: 'behind a cdn',
      problem: 'improving asset delivery',
      stack: 'python services',
      recommendedAction: 'measure first, change carefully, document the result',
    });
    expect(post.meta.revision).toEqual({ status: 'expanded', version: '1.0.2', lastReviewed: '2021-05-25' });
    expect(post.meta.flags).toEqual({ aiGeneratedStyle: true, hasImages: false, imageHeavy: false, needsHumanReview: false });
    expect(post.meta.entities).toEqual([
      { name: 'python services', type: 'stack' },
      { name: 'backend', type: 'area' },
      { name: 'improving asset delivery', type: 'problem' },
    ]);
    expect(post.meta.payload).toEqual({ sourceId: 'alphanode-005817', generator: 'anp content synthesizer', paragraphs: 8, scenario: 'behind a cdn', seed: 5817 });
    expect(post.meta.imageSources).toBeUndefined();
    expect(post.similar).toEqual([]);
    expect(post.layout).toBeUndefined();
  });

  it('reads the second seed: images after a paragraph and after a list, code with a blank line inside', () => {
    const result = parsePost((seeds[1] as { text: string }).text);
    if (!result.ok) throw new Error('seed did not parse');
    const { body, meta } = result.post;
    expect(body[1]).toEqual({
      type: 'image',
      caption: 'improving asset delivery with python services visual reference 1',
      source: 'unsplash',
      url: 'https://images.unsplash.com/photo-1515879218367-8466d910aaa4?auto=format&fit=crop&w=1200&q=80',
    });
    expect(body[7]).toEqual({
      type: 'code',
      lang: 'python',
      code: "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/health')\ndef health():\n    return {'ok': True}",
    });
    expect(body.slice(9, 11).map((block) => block.type)).toEqual(['list', 'image']);
    expect(meta.imageSources?.map((source) => source.source)).toEqual(['unsplash', 'loremflickr.com', 'dummyimage.com']);
  });

  it('gives the position of every field it read', () => {
    const result = parsePost((seeds[0] as { text: string }).text);
    expect(result.locations.get('title')).toEqual({ line: 3, column: 1 });
    expect(result.locations.get('meta.readingTime')).toEqual({ line: 60, column: 13 });
    expect(result.locations.get('meta.payload.paragraphs')).toEqual({ line: 94, column: 17 });
    expect(result.locations.get('body.0')).toEqual({ line: 5, column: 1 });
  });
});
