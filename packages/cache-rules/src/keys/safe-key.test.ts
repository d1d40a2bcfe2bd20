import fc from 'fast-check';
import type { Post } from '@alphanode/parser';
import { describe, expect, it } from 'vitest';
import { compileKeyTemplate, expandKeyTemplate } from './key-template.ts';
import { keyHeaderValue } from './key-header.ts';
import { MAX_KEY_LENGTH, safeKey, slugifyKeyPart } from './safe-key.ts';
import { stableHash } from './stable-hash.ts';

// Safe in every target's key header: no separator (space, comma), nothing Akamai refuses.
const PORTABLE = /^[a-z0-9-]{1,128}$/;

describe('safeKey', () => {
  it.each([
    ['post:Improving Asset Delivery', 'post-improving-asset-delivery'],
    ['topic:Slow pages / CDN', 'topic-slow-pages-cdn'],
    ['stack:C++', 'stack-c'],
    ['Crème Brûlée', 'creme-brulee'],
    ['  --x--  ', 'x'],
  ])('%j → %j', (raw, key) => {
    expect(safeKey(raw)).toBe(key);
  });

  it('any text becomes a portable key (or nothing), the same every time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'grapheme' }), (text) => {
        const key = safeKey(text);
        expect(key === '' || PORTABLE.test(key)).toBe(true);
        expect(safeKey(text)).toBe(key);
        expect(slugifyKeyPart(key)).toBe(key);
      }),
    );
  });

  it('a long key is cut to 128 with a stable hash, so two long keys stay apart', () => {
    const a = safeKey(`topic-${'a'.repeat(200)}-one`);
    const b = safeKey(`topic-${'a'.repeat(200)}-two`);
    expect(a).toHaveLength(MAX_KEY_LENGTH);
    expect(a).not.toBe(b);
    expect(stableHash('x')).toBe(stableHash('x'));
    expect(stableHash('x')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('key templates', () => {
  const post = { title: 'T', meta: { topic: 'Perf', stack: ['Go', 'Rust', 'Go'], readingTime: 7 } } as unknown as Post;
  const expand = (source: string, params: Record<string, string> = {}, withPost: Post | 'no post' = post) => {
    const result = compileKeyTemplate(source, ['slug']);
    if (!result.ok) throw new Error(result.message);
    const out: string[] = [];
    expandKeyTemplate(result.template, params, withPost === 'no post' ? undefined : withPost, out);
    return out;
  };

  it('expands route params, post fields and arrays (one key per item, no duplicates)', () => {
    expect(expand('post:{slug}', { slug: 'Hello%20World' })).toEqual(['post-hello-world']);
    expect(expand('stack:{post.meta.stack}')).toEqual(['stack-go', 'stack-rust']);
    expect(expand('rt:{post.meta.readingTime}')).toEqual(['rt-7']);
    expect(expand('{slug}/{post.meta.topic}', { slug: 'a' })).toEqual(['a-perf']);
  });

  it('gives no key for a missing value, rather than one naming nothing', () => {
    expect(expand('topic:{post.meta.topic}', {}, 'no post')).toEqual([]);
    expect(expand('x:{post.meta.nope}')).toEqual([]);
    expect(expand('post:{slug}', { slug: '%%%' })).toEqual([]);
  });

  it.each([
    ['post:{nope}', /not a parameter of this rule's path/],
    ['post:{slug', /unclosed/],
    ['post:slug}', /unbalanced/],
    ['{a b}', /not a placeholder/],
    [':::', /no letters or digits/],
  ])('refuses %j', (source, message) => {
    const result = compileKeyTemplate(source, ['slug']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('keyHeaderValue', () => {
  const profile = { name: 'Edge-Cache-Tag', separator: ',' as const, maxKeys: 3, maxBytes: 20, source: 'docs' };

  it('joins within the limits, and refuses (never truncates) past them', () => {
    expect(keyHeaderValue(['a', 'b'], profile)).toEqual({ ok: true, value: 'a,b' });
    expect(keyHeaderValue(['a', 'b', 'c', 'd'], profile)).toEqual({ ok: false, reason: "4 purge keys exceed Edge-Cache-Tag's limit of 3 (docs)" });
    expect(keyHeaderValue(['a'.repeat(15), 'b'.repeat(10)], profile)).toEqual({ ok: false, reason: 'the Edge-Cache-Tag header would be 26 bytes, over its limit of 20 (docs)' });
  });
});
