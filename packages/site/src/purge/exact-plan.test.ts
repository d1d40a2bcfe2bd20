import { describe, expect, it } from 'vitest';
import { exactPurgePlan, type PageRecord } from './exact-plan.ts';

const page = (hash: string, ...keys: string[]): PageRecord => ({ hash, keys });

describe('exactPurgePlan', () => {
  const before = new Map([
    ['/', page('h1', 'listings')],
    ['/topics/go', page('t1', 'topic-go', 'listings')],
    ['/posts/a', page('a1', 'post-a', 'topic-go')],
    ['/posts/b', page('b1', 'post-b', 'topic-go')],
  ]);

  it('names the changed, new and gone URLs, and only keys that reach no unchanged page', () => {
    const after = new Map([
      ['/', page('h2', 'listings')],
      ['/topics/go', page('t1', 'topic-go', 'listings')],
      ['/posts/a', page('a2', 'post-a', 'topic-go')],
      ['/posts/c', page('c1', 'post-c', 'topic-go')],
    ]);
    expect(exactPurgePlan(before, after)).toEqual({
      urls: ['/', '/posts/a', '/posts/b', '/posts/c'],
      keys: ['post-a', 'post-b', 'post-c'],
      // '/posts/c' is new: a cached 404 there carries no key.
      urlsWithoutKey: ['/', '/posts/c'],
    });
  });

  it('plans nothing when nothing changed, and forced URLs always', () => {
    expect(exactPurgePlan(before, before)).toEqual({ urls: [], keys: [], urlsWithoutKey: [] });
    expect(exactPurgePlan(before, before, { forced: ['/posts/a'] }).urls).toEqual(['/posts/a']);
    expect(exactPurgePlan(before, before, { forced: ['/posts/a'] }).keys).toEqual(['post-a']);
  });

  it('reads the keys of pages left out as unchanged, so a shared key is still left out', () => {
    const touched = new Map([['/posts/a', page('a1', 'post-a', 'topic-go')]]);
    const edited = new Map([['/posts/a', page('a2', 'post-a', 'topic-go')]]);
    expect(exactPurgePlan(touched, edited).keys).toEqual(['post-a', 'topic-go']);
    expect(exactPurgePlan(touched, edited, { unchanged: () => [page('b1', 'post-b', 'topic-go')] }).keys).toEqual(['post-a']);
  });
});
