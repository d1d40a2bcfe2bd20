import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.ts';

describe('contentHash', () => {
  it('is 16 lowercase hex digits, the same for the same text', () => {
    expect(contentHash('hello')).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash('hello')).toBe(contentHash('hello'));
    expect(contentHash('')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs for texts that differ in one character, including outside the BMP', () => {
    const hashes = new Set(['post a', 'post b', 'post a ', 'Post a', 'post \u{1F600}', 'post \u{1F601}'].map(contentHash));
    expect(hashes.size).toBe(6);
  });

  it('pins one value, so that corpus file names stay stable', () => {
    expect(contentHash('alphanode')).toMatchInlineSnapshot(`"5fe62279c098ed45"`);
  });
});
