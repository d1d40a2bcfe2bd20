import type { Post } from '@alphanode/parser';
import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import { postPath, postSlug } from './post-route.ts';
import { purgeKeys, purgePlan } from './purge-plan.ts';

const rules = fixtureEngine();

function post(changes: { title?: string; topic?: string; stack?: string[]; summary?: string; body?: string } = {}): Post {
  return {
    title: changes.title ?? 'Improving Asset Delivery',
    body: [{ type: 'paragraph', text: changes.body ?? 'Text.' }],
    meta: { topic: changes.topic ?? 'Slow pages / CDN', stack: changes.stack ?? ['Go', 'PostgreSQL'], summary: changes.summary ?? 'S.', readingTime: 5 },
    similar: [],
  } as unknown as Post;
}

describe('postSlug and postPath', () => {
  it('slug the title, and place it in the rules file\'s post path', () => {
    expect(postSlug({ title: 'Ünïcode & C++: a “tour”' })).toBe('unicode-c-a-tour');
    expect(postPath(post(), rules)).toBe('/posts/improving-asset-delivery');
  });
});

describe('purgeKeys', () => {
  it('the keys the post page is tagged with, the same as decide gives it', () => {
    const keys = ['post-improving-asset-delivery', 'topic-slow-pages-cdn', 'stack-go', 'stack-postgresql'];
    expect(purgeKeys(post(), { rules })).toEqual(keys);
    expect(rules.decide({ url: postPath(post(), rules) }, { target: 'fastly', post: post() }).keys).toEqual(keys);
    expect(purgeKeys(post())).toEqual(keys);
  });
});

describe('purgePlan', () => {
  it('a body edit purges the post\'s own page only', () => {
    expect(purgePlan(post(), post({ body: 'New text.' }), { rules })).toEqual({
      keys: ['post-improving-asset-delivery'],
      urls: ['/posts/improving-asset-delivery'],
      reasons: [
        { target: '/posts/improving-asset-delivery', reason: 'the post changed' },
        { target: 'post-improving-asset-delivery', reason: 'the post changed: its own page' },
      ],
    });
  });

  it('a new stack item purges that stack\'s listing, not the others', () => {
    const plan = purgePlan(post(), post({ stack: ['Go', 'PostgreSQL', 'Redis'] }), { rules });
    expect(plan.keys).toEqual(['post-improving-asset-delivery', 'stack-redis', 'topic-slow-pages-cdn', 'stack-go', 'stack-postgresql']);
    expect(plan.reasons.find((reason) => reason.target === 'stack-redis')?.reason).toBe('the post joined this listing');
    expect(plan.reasons.find((reason) => reason.target === 'stack-go')?.reason).toBe('what listings show changed (meta.stack)');
  });

  it('a topic change purges the old and the new topic', () => {
    const plan = purgePlan(post(), post({ topic: 'Builds / CI' }), { rules });
    expect(plan.keys).toContain('topic-builds-ci');
    expect(plan.keys).toContain('topic-slow-pages-cdn');
  });

  it('a title change moves the URL: both pages, and every listing that shows the title', () => {
    const plan = purgePlan(post(), post({ title: 'Faster Asset Delivery' }), { rules });
    expect(plan.urls).toEqual(['/posts/improving-asset-delivery', '/posts/faster-asset-delivery']);
    expect(plan.keys).toEqual(['post-improving-asset-delivery', 'post-faster-asset-delivery', 'topic-slow-pages-cdn', 'stack-go', 'stack-postgresql']);
  });

  it('an added and a removed post purge their page and their listings', () => {
    expect(purgePlan(undefined, post(), { rules }).keys).toEqual(['post-improving-asset-delivery', 'topic-slow-pages-cdn', 'stack-go', 'stack-postgresql']);
    expect(purgePlan(post(), undefined, { rules }).reasons.at(-1)).toEqual({ target: 'stack-postgresql', reason: 'the post was removed: listings that show it change' });
    expect(purgePlan(undefined, undefined, { rules })).toEqual({ keys: [], urls: [], reasons: [] });
  });
});
