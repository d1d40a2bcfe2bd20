import { describe, expect, it } from 'vitest';
import { ifNoneMatch } from './if-none-match.ts';

// Gathered from the examples' own copies (the edge worker's and the Express server's), which now
// use this one.
const etag = '"1f-abc"';

describe('ifNoneMatch', () => {
  it('matches the same tag, a weak copy of it, a list holding it, and *', () => {
    expect(ifNoneMatch('"1f-abc"', etag)).toBe(true);
    expect(ifNoneMatch('W/"1f-abc"', etag)).toBe(true);
    expect(ifNoneMatch('"other", W/"1f-abc"', etag)).toBe(true);
    expect(ifNoneMatch('"other",W/"1f-abc" ,"x"', etag)).toBe(true);
    expect(ifNoneMatch('*', etag)).toBe(true);
    expect(ifNoneMatch(' * ', etag)).toBe(true);
  });

  it('does not match another tag, a missing header or a tag without quotes', () => {
    expect(ifNoneMatch(null, etag)).toBe(false);
    expect(ifNoneMatch(undefined, etag)).toBe(false);
    expect(ifNoneMatch('"1f-abd"', etag)).toBe(false);
    expect(ifNoneMatch('1f-abc', etag)).toBe(false);
    expect(ifNoneMatch('', etag)).toBe(false);
  });

  it('matches nothing when there is no entity tag to compare with, not even *', () => {
    expect(ifNoneMatch('*', undefined)).toBe(false);
    expect(ifNoneMatch('"1f-abc"', undefined)).toBe(false);
  });

  it('reads a comma inside a tag as part of it, not as a separator', () => {
    expect(ifNoneMatch('"a,b"', '"a,b"')).toBe(true);
    expect(ifNoneMatch('"a,b"', '"a"')).toBe(false);
    expect(ifNoneMatch('"x", "a,b"', '"a,b"')).toBe(true);
  });

  it('stops at a malformed tag instead of guessing', () => {
    expect(ifNoneMatch('"unterminated, "1f-abc"', etag)).toBe(false);
    expect(ifNoneMatch('"x", junk, "1f-abc"', etag)).toBe(false);
    expect(ifNoneMatch('"x", "1f-abc', etag)).toBe(false);
  });

  it('compares weakly on the server side too: a weak ETag matches its strong form', () => {
    expect(ifNoneMatch('"1f-abc"', 'W/"1f-abc"')).toBe(true);
    expect(ifNoneMatch('W/"1f-abc"', 'W/"1f-abc"')).toBe(true);
  });

  it('never matches an ETag that is not a quoted tag', () => {
    expect(ifNoneMatch('"1f-abc"', '1f-abc')).toBe(false);
    expect(ifNoneMatch('"a"b"', '"a"b"')).toBe(false);
  });

  it('stays linear on a long header', () => {
    const header = `${'"x", '.repeat(100_000)}${etag}`;
    expect(ifNoneMatch(header, etag)).toBe(true);
    expect(ifNoneMatch(`${'W/'.repeat(100_000)}"x"`, etag)).toBe(false);
  });
});
