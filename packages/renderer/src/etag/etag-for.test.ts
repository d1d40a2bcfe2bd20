import { describe, expect, it } from 'vitest';
import { seedPost } from '../../test/seeds.ts';
import { renderPost } from '../document/render-post.ts';
import { etagFor } from './etag-for.ts';
import { hashBytes } from './hash-bytes.ts';

describe('etagFor', () => {
  it('is a quoted strong validator: byte length in hex, then 16 hex digits', () => {
    expect(etagFor('')).toMatch(/^"0-[0-9a-f]{16}"$/);
    expect(etagFor('caf\u00e9')).toMatch(/^"5-[0-9a-f]{16}"$/);
  });

  it('is the same for the same bytes and differs when one byte does', () => {
    const html = renderPost(seedPost(1));
    expect(etagFor(html)).toBe(etagFor(`${html}`));
    expect(etagFor(html)).not.toBe(etagFor(html.replace('practical', 'Practical')));
    expect(etagFor('a')).not.toBe(etagFor('b'));
  });

  it('spreads: 20,000 near-identical inputs give 20,000 tags', () => {
    const tags = new Set(Array.from({ length: 20_000 }, (_, i) => etagFor(`<p>${i}</p>`)));
    expect(tags.size).toBe(20_000);
  });

  it('tags a post by its content and a salt, apart from any HTML', () => {
    const post = seedPost(0);
    expect(etagFor(post)).toBe(etagFor(structuredClone(post)));
    expect(etagFor(post)).not.toBe(etagFor({ ...post, title: 'changed' }));
    expect(etagFor(post, { salt: 'site-v2' })).not.toBe(etagFor(post));
    expect(etagFor('x', { salt: 's' })).not.toBe(etagFor('x'));
  });

  it('hashes bytes the same way on every call (a fixed vector)', () => {
    // Pinned so that a change to the hash, which would change every ETag a CDN holds, shows in review.
    expect(hashBytes(new TextEncoder().encode('alphanode'))).toBe('74151415b66e7339');
    expect(hashBytes(new Uint8Array([]))).toBe('488bdcb81aee8d83');
  });
});
