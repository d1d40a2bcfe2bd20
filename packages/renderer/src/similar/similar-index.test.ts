import type { Post } from '@alphanode/parser';
import { describe, expect, it } from 'vitest';
import { generated } from '../../test/corpus.ts';
import { seedPost } from '../../test/seeds.ts';
import { keywordsOf } from './similar-config.ts';
import { createSimilarIndex } from './similar-index.ts';
import { similarPosts } from './similar-posts.ts';

interface Shape {
  title: string;
  problem: string;
  stack: string;
  tools?: string[];
  reviewed?: string;
  similar?: string[];
}

let counter = 0;
function post({ title, problem, stack, tools = [], reviewed = '2024-01-01', similar = [] }: Shape): Post {
  const base = seedPost(0);
  counter++;
  return {
    ...base,
    title,
    similar,
    meta: {
      ...base.meta,
      topic: `${problem} / ${stack}`,
      stack: [stack],
      tools,
      entities: [
        { name: stack, type: 'stack' },
        { name: problem, type: 'problem' },
      ],
      reference: `ref-${counter}`,
      revision: { ...base.meta.revision, lastReviewed: reviewed },
    },
  };
}

const query = post({ title: 'query', problem: 'caching', stack: 'python', tools: ['git', 'pytest', 'ruff', 'uv'] });
const corpus = [
  query,
  post({ title: 'only git', problem: 'logging', stack: 'go', tools: ['git'] }),
  post({ title: 'same problem', problem: 'caching', stack: 'rust' }),
  post({ title: 'same stack and problem', problem: 'caching', stack: 'python' }),
  post({ title: 'three tools', problem: 'auth', stack: 'php', tools: ['git', 'pytest', 'ruff'] }),
  post({ title: 'same stack', problem: 'auth', stack: 'python' }),
  post({ title: 'nothing shared', problem: 'queues', stack: 'java', tools: ['maven'] }),
];

const titles = (hits: { post: Post }[]) => hits.map((hit) => hit.post.title);

describe('createSimilarIndex', () => {
  it('ranks by summed weight, Hugo-style, and drops weak lone matches', () => {
    const hits = createSimilarIndex(corpus).similar(query, { limit: 10 });
    expect(hits.map(({ post: { title }, weight, matches, listed }) => ({ title, weight, matches, listed }))).toEqual([
      // entities 2×100, topic 2×80, stack 60
      { title: 'same stack and problem', weight: 420, matches: 5, listed: false },
      { title: 'same stack', weight: 240, matches: 3, listed: false },
      { title: 'same problem', weight: 180, matches: 2, listed: false },
      // three tools: average 30, 30% of the top weight, clears 80/3 = 26
      { title: 'three tools', weight: 90, matches: 3, listed: false },
    ]);
  });

  it('never returns the post itself, and honours the limit', () => {
    const index = createSimilarIndex(corpus);
    expect(titles(index.similar(query, { limit: 2 }))).toEqual(['same stack and problem', 'same stack']);
    expect(index.similar(query, { limit: 0 })).toEqual([]);
    const copy = { ...query };
    expect(titles(index.similar(copy, { limit: 10 }))).not.toContain('query');
  });

  it('takes posts that are not in the corpus', () => {
    const outsider = post({ title: 'outsider', problem: 'queues', stack: 'java' });
    expect(titles(createSimilarIndex(corpus).similar(outsider))).toEqual(['nothing shared']);
  });

  it('puts the posts a post lists under Similar Posts first, in its order', () => {
    const listing = { ...query, similar: ['nothing shared', 'only git', 'not in the corpus'] };
    const hits = createSimilarIndex(corpus).similar(listing, { limit: 3 });
    expect(hits.map((hit) => [hit.post.title, hit.listed])).toEqual([
      ['nothing shared', true],
      ['only git', true],
      ['same stack and problem', false],
    ]);
  });

  it('follows the threshold and the weights it is given', () => {
    expect(titles(createSimilarIndex(corpus, { threshold: 100 }).similar(query, { limit: 10 }))).toEqual(['same stack and problem', 'same stack', 'same problem']);
    expect(titles(createSimilarIndex(corpus, { threshold: 0, indices: [{ name: 'tools', weight: 10 }] }).similar(query, { limit: 10 }))).toEqual(['three tools', 'only git']);
    expect(() => createSimilarIndex(corpus, { threshold: 101 })).toThrow(RangeError);
    expect(() => createSimilarIndex(corpus, { indices: [{ name: 'tools', weight: 1.5 }] })).toThrow(/whole number/);
  });

  it('breaks ties by last review (newest first), then title, then position: the same order for any corpus order', () => {
    const twins = ['b', 'a', 'c'].map((title) => post({ title, problem: 'caching', stack: 'rust', reviewed: title === 'c' ? '2025-01-01' : '2024-01-01' }));
    const forward = createSimilarIndex([query, ...twins]).similar(query);
    const backward = createSimilarIndex([...twins].reverse().concat(query)).similar(query);
    expect(titles(forward)).toEqual(['c', 'a', 'b']);
    expect(titles(backward)).toEqual(['c', 'a', 'b']);
  });

  it('drops keywords most of a corpus shares when a cardinality threshold asks, from 20 posts up', () => {
    const many = Array.from({ length: 30 }, (_, i) => post({ title: `p${i}`, problem: `problem ${i}`, stack: `stack ${i}`, tools: ['git', 'pytest', 'ruff'] }));
    const loose = createSimilarIndex([query, ...many], { indices: [{ name: 'tools', weight: 30 }] });
    const strict = createSimilarIndex([query, ...many], { indices: [{ name: 'tools', weight: 30, cardinalityThreshold: 50 }] });
    expect(loose.similar(query, { limit: 100 })).toHaveLength(30);
    expect(strict.similar(query, { limit: 100 })).toEqual([]);
  });

  it('agrees with a brute-force scoring on a generated corpus', () => {
    const posts = generated(400, false, 5);
    const index = createSimilarIndex(posts);
    const weights = { entities: 100, topic: 80, stack: 60, tools: 30 } as const;
    for (const q of posts.slice(0, 25)) {
      const expected = posts
        .map((candidate, position) => {
          let weight = 0;
          let matches = 0;
          for (const name of Object.keys(weights) as (keyof typeof weights)[]) {
            const theirs = new Set(keywordsOf(candidate, name));
            for (const keyword of keywordsOf(q, name)) {
              if (!theirs.has(keyword)) continue;
              weight += weights[name];
              matches++;
            }
          }
          return { position, weight, matches };
        })
        .filter((c) => c.matches > 0 && posts[c.position]?.meta.reference !== q.meta.reference && Math.round(Math.floor(c.weight / c.matches)) >= Math.floor(80 / c.matches))
        .map((c) => c.weight)
        .sort((a, b) => b - a)
        .slice(0, 5);
      expect(index.similar(q).filter((hit) => !hit.listed).map((hit) => hit.weight)).toEqual(expected.slice(0, 5 - index.similar(q).filter((hit) => hit.listed).length));
    }
  });

  it('is fast on 10,000 posts: one index build, then a query per post well under a millisecond', () => {
    const posts = generated(10_000, false, 9);
    const start = performance.now();
    const index = createSimilarIndex(posts);
    const built = performance.now() - start;
    const queried = performance.now();
    for (let i = 0; i < 1000; i++) index.similar(posts[i] as Post);
    const perQuery = (performance.now() - queried) / 1000;
    // Generous bounds for a shared CI machine; the figures this measures are in the README.
    expect(built).toBeLessThan(3000);
    expect(perQuery).toBeLessThan(5);
  }, 60_000);
});

describe('similarPosts', () => {
  it('gives what the index gives, building the index once per corpus array', () => {
    expect(titles(similarPosts(query, corpus, { limit: 3 }))).toEqual(['same stack and problem', 'same stack', 'same problem']);
    expect(similarPosts(query, corpus)).toEqual(createSimilarIndex(corpus).similar(query));
    const grown = [...corpus, post({ title: 'new twin', problem: 'caching', stack: 'python' })];
    expect(titles(similarPosts(query, grown, { limit: 2 }))).toEqual(['new twin', 'same stack and problem']);
    expect(titles(similarPosts(query, corpus, { limit: 3, threshold: 100, indices: [{ name: 'stack', weight: 60 }] }))).toEqual(['same stack', 'same stack and problem']);
  });
});
