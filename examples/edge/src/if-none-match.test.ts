import { describe, expect, it } from 'vitest';
import { ifNoneMatchMatches } from './if-none-match.ts';

const etag = '"1f-abc"';

describe('ifNoneMatchMatches', () => {
  it('matches the same tag, a weak copy of it, a list holding it, and *', () => {
    expect(ifNoneMatchMatches('"1f-abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('W/"1f-abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"other", W/"1f-abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"other",W/"1f-abc" ,"x"', etag)).toBe(true);
    expect(ifNoneMatchMatches(' * ', etag)).toBe(true);
  });

  it('does not match another tag, a missing header or a tag without quotes', () => {
    expect(ifNoneMatchMatches(null, etag)).toBe(false);
    expect(ifNoneMatchMatches('"1f-abd"', etag)).toBe(false);
    expect(ifNoneMatchMatches('1f-abc', etag)).toBe(false);
    expect(ifNoneMatchMatches('', etag)).toBe(false);
  });

  it('reads a comma inside a tag as part of it, not as a separator', () => {
    expect(ifNoneMatchMatches('"a,b"', '"a,b"')).toBe(true);
    expect(ifNoneMatchMatches('"a,b"', '"a"')).toBe(false);
  });

  it('stops at a malformed tag instead of guessing', () => {
    expect(ifNoneMatchMatches('"unterminated, "1f-abc"', etag)).toBe(false);
    expect(ifNoneMatchMatches('"x", junk, "1f-abc"', etag)).toBe(false);
  });

  it('compares weakly on the server side too: a weak ETag matches its strong form', () => {
    expect(ifNoneMatchMatches('"1f-abc"', 'W/"1f-abc"')).toBe(true);
  });
});
