import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlugs, type SlugClaim } from './assign-slugs.ts';
import { assignTopicSlugs } from './topic-slugs.ts';

describe('assignSlugs', () => {
  it('gives the smallest id the free slug and every other claim a suffix from its own id', () => {
    const { slugs, collisions } = assignSlugs([
      { id: 'b.txt', base: 'hello' },
      { id: 'a.txt', base: 'hello' },
      { id: 'c.txt', base: 'other' },
    ]);
    expect(slugs.get('a.txt')).toBe('hello');
    expect(slugs.get('b.txt')).toMatch(/^hello-[0-9a-f]{8}$/);
    expect(slugs.get('c.txt')).toBe('other');
    expect(collisions).toEqual([{ base: 'hello', ids: ['a.txt', 'b.txt'], slugs: ['hello', slugs.get('b.txt')] }]);
  });

  it('keeps a slug across runs while the title gives it, even when its rival leaves', () => {
    const first = assignSlugs([{ id: 'a.txt', base: 'hello' }, { id: 'b.txt', base: 'hello' }]).slugs;
    const again = assignSlugs([{ id: 'b.txt', base: 'hello' }], first).slugs;
    expect(again.get('b.txt')).toBe(first.get('b.txt'));
    // A new arrival does not move the post already there.
    const later = assignSlugs([{ id: 'a.txt', base: 'hello' }, { id: '0.txt', base: 'hello' }], new Map([['a.txt', 'hello']])).slugs;
    expect(later.get('a.txt')).toBe('hello');
    expect(later.get('0.txt')).toMatch(/^hello-/);
  });

  it('moves a post whose new title drops a last word that looked like a suffix (a date) to the plain slug', () => {
    const { slugs } = assignSlugs([{ id: 'a.txt', base: 'incident-report' }], new Map([['a.txt', 'incident-report-20240115']]));
    expect(slugs.get('a.txt')).toBe('incident-report');
  });

  it('gives two posts that swap titles each other\'s slugs, not suffixes', () => {
    const previous = new Map([['a.txt', 'alpha'], ['b.txt', 'beta']]);
    const { slugs } = assignSlugs([{ id: 'a.txt', base: 'beta' }, { id: 'b.txt', base: 'alpha' }], previous);
    expect(slugs).toEqual(new Map([['a.txt', 'beta'], ['b.txt', 'alpha']]));
  });

  it('gives the same answer in any order of claims, and unique slugs', () => {
    const claim = fc.record({ id: fc.stringMatching(/^[a-e]{1,2}\.txt$/), base: fc.constantFrom('a', 'b', 'a-b', 'c') });
    fc.assert(
      fc.property(fc.uniqueArray(claim, { selector: (c) => c.id, maxLength: 12 }), fc.func(fc.integer()), (claims: SlugClaim[], order) => {
        const shuffled = [...claims].sort((x, y) => order(x.id) - order(y.id));
        const a = assignSlugs(claims).slugs;
        const b = assignSlugs(shuffled).slugs;
        expect(new Map([...b].sort())).toEqual(new Map([...a].sort()));
        expect(new Set(a.values()).size).toBe(claims.length);
      }),
    );
  });
});

describe('assignTopicSlugs', () => {
  it('resolves topics that slugify alike, and reports them', () => {
    const { slugs, collisions } = assignTopicSlugs(['caching: go', 'caching / go', 'performance', 'caching / go']);
    expect(slugs.get('caching / go')).toBe('caching-go');
    expect(slugs.get('caching: go')).toMatch(/^caching-go-[0-9a-f]{8}$/);
    expect(collisions.map((c) => c.ids)).toEqual([['caching / go', 'caching: go']]);
  });
});
