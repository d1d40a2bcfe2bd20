import { describe, expect, it } from 'vitest';
import { hasBearerToken } from '../admin/bearer-token.ts';
import { viewerFrom } from './session.ts';

describe('viewerFrom', () => {
  it('reads the session cookie among others, and only a name-like value', () => {
    expect(viewerFrom('_ga=1; session=alice; theme=dark')).toBe('alice');
    expect(viewerFrom('session=<b>x</b>')).toBe('reader');
    expect(viewerFrom('mysession=alice')).toBeUndefined();
    expect(viewerFrom('session=')).toBeUndefined();
    expect(viewerFrom(undefined)).toBeUndefined();
  });
});

describe('hasBearerToken', () => {
  it('accepts exactly the token, in a Bearer header', () => {
    expect(hasBearerToken('Bearer s3cret', 's3cret')).toBe(true);
    expect(hasBearerToken('bearer s3cret', 's3cret')).toBe(true);
    expect(hasBearerToken('Bearer s3cre', 's3cret')).toBe(false);
    expect(hasBearerToken('Basic s3cret', 's3cret')).toBe(false);
    expect(hasBearerToken(undefined, 's3cret')).toBe(false);
    expect(hasBearerToken('Bearer ', '')).toBe(false);
  });
});
