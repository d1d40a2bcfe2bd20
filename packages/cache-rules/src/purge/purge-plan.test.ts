import type { Post } from '@alphanode/parser';
import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import { compileRulesOrThrow } from '../compile/compile-rules.ts';
import { purgeKeys, purgePlan, type PostPage } from './purge-plan.ts';

const rules = fixtureEngine();

interface Changes { title?: string; topic?: string; stack?: string[]; summary?: string; body?: string; slug?: string }

// The site's routes own slugs and URLs; here each post is simply placed at /posts/<slug>.
function post(changes: Changes = {}, paths: readonly string[] = ['/posts/:slug']): PostPage {
  const slug = changes.slug ?? 'improving-asset-delivery';
  return { post: postValue(changes), urls: paths.map((path) => path.replace(':slug', slug)) };
}

function postValue(changes: Changes): Post {
  return {
    title: changes.title ?? 'Improving Asset Delivery',
    body: [{ type: 'paragraph', text: changes.body ?? 'Text.' }],
    meta: { topic: changes.topic ?? 'Slow pages / CDN', stack: changes.stack ?? ['Go', 'PostgreSQL'], summary: changes.summary ?? 'S.', readingTime: 5 },
    similar: [],
  } as unknown as Post;
}

describe('a post with more than one representation', () => {
  // The JSON rule comes first: `/posts/:slug` would take `hello.json` whole as the slug.
  const both = compileRulesOrThrow(`version: 1
post: { path: [/posts/:slug, /posts/:slug.json] }
rules:
  - { name: post-json, match: { path: /posts/:slug.json }, cache: { edge: 1h }, keys: ["post:{slug}", "json"] }
  - { name: post-page, match: { path: /posts/:slug }, cache: { edge: 1h }, keys: ["post:{slug}", "topic:{post.meta.topic}"] }
`);

  it('a body edit purges both representations, by the key they share and each one\'s own', () => {
    const paths = ['/posts/:slug', '/posts/:slug.json'];
    const plan = purgePlan(post({}, paths), post({ body: 'New text.' }, paths), { rules: both });
    expect(plan.urls).toEqual(['/posts/improving-asset-delivery', '/posts/improving-asset-delivery.json']);
    expect(plan.keys).toEqual(['post-improving-asset-delivery', 'json']);
    // The keys named are the keys the two responses carry.
    const carried = ['/posts/improving-asset-delivery', '/posts/improving-asset-delivery.json'].flatMap((url) => both.decide({ url }, { target: 'fastly', post: post().post }).keys);
    expect(new Set([...plan.keys, 'topic-slow-pages-cdn'])).toEqual(new Set(carried));
  });
});

describe('purgeKeys', () => {
  it('the keys the post page is tagged with, the same as decide gives it', () => {
    const keys = ['post-improving-asset-delivery', 'topic-slow-pages-cdn', 'stack-go', 'stack-postgresql'];
    expect(purgeKeys(post(), { rules })).toEqual(keys);
    expect(rules.decide({ url: '/posts/improving-asset-delivery' }, { target: 'fastly', post: post().post }).keys).toEqual(keys);
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
    const plan = purgePlan(post(), post({ title: 'Faster Asset Delivery', slug: 'faster-asset-delivery' }), { rules });
    expect(plan.urls).toEqual(['/posts/improving-asset-delivery', '/posts/faster-asset-delivery']);
    expect(plan.keys).toEqual(['post-improving-asset-delivery', 'post-faster-asset-delivery', 'topic-slow-pages-cdn', 'stack-go', 'stack-postgresql']);
  });

  it('an added and a removed post purge their page and their listings', () => {
    expect(purgePlan(undefined, post(), { rules }).keys).toEqual(['post-improving-asset-delivery', 'topic-slow-pages-cdn', 'stack-go', 'stack-postgresql']);
    expect(purgePlan(post(), undefined, { rules }).reasons.at(-1)).toEqual({ target: 'stack-postgresql', reason: 'the post was removed: listings that show it change' });
    expect(purgePlan(undefined, undefined, { rules })).toEqual({ keys: [], urls: [], reasons: [] });
  });
});
