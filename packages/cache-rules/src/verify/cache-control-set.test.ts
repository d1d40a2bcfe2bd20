import { describe, expect, it } from 'vitest';
import { cacheControlSet } from './cache-control-set.ts';

describe('cacheControlSet', () => {
  it('compares directives as a set: order, case, spacing and quotes do not count', () => {
    expect(cacheControlSet('max-age=60, S-MaxAge="3600",public')).toEqual(['max-age=60', 'public', 's-maxage=3600']);
    expect(cacheControlSet('public, max-age=60, s-maxage=3600')).toEqual(cacheControlSet('s-maxage=3600,max-age=60,  PUBLIC'));
    expect(cacheControlSet(undefined)).toEqual([]);
    expect(cacheControlSet(' , ')).toEqual([]);
  });
});
