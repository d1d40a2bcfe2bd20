import type { Post } from '@alphanode/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import { TARGETS } from '../targets/target-profiles.ts';

// decide remembers a rule's keys per post object; these hold that it never answers from memory
// what a fresh engine would answer differently.
const newPost = (topic: string, stack: string[]) => ({ title: 'A', meta: { topic, stack } }) as unknown as Post;
const decide = (engine: ReturnType<typeof fixtureEngine>, url: string, post: Post, target: (typeof TARGETS)[number] = 'fastly') => engine.decide({ url }, { target, post });

describe('keys remembered per post', () => {
  it('follow a post edited in place: a field replaced, an array item replaced, an item pushed', () => {
    const engine = fixtureEngine();
    const post = newPost('Go', ['Redis']);
    expect(decide(engine, '/posts/a', post).keys).toEqual(['post-a', 'topic-go', 'stack-redis']);
    (post.meta as { topic: string }).topic = 'Rust';
    expect(decide(engine, '/posts/a', post).keys).toEqual(['post-a', 'topic-rust', 'stack-redis']);
    (post.meta.stack as string[])[0] = 'Kafka';
    expect(decide(engine, '/posts/a', post).keys).toEqual(['post-a', 'topic-rust', 'stack-kafka']);
    (post.meta.stack as string[]).push('Node.js');
    expect(decide(engine, '/posts/a', post).headers['Surrogate-Key']).toBe('post-a topic-rust stack-kafka stack-node-js');
  });

  it('follow the path parameters: one post under two URLs gets each URL\'s keys', () => {
    const engine = fixtureEngine();
    const post = newPost('Go', []);
    expect(decide(engine, '/posts/a', post).keys).toEqual(['post-a', 'topic-go']);
    expect(decide(engine, '/posts/b', post).keys).toEqual(['post-b', 'topic-go']);
    expect(decide(engine, '/posts/a', post).keys).toEqual(['post-a', 'topic-go']);
  });

  it('are not changed by a caller that edits a decision\'s keys', () => {
    const engine = fixtureEngine();
    const post = newPost('Go', []);
    decide(engine, '/posts/a', post).keys.push('injected');
    expect(decide(engine, '/posts/a', post).keys).toEqual(['post-a', 'topic-go']);
  });

  it('give every decision a fresh engine gives, over any sequence of edits, URLs and targets', () => {
    const step = fc.record({ slug: fc.constantFrom('a', 'b', 'Ünïcode', 'x'.repeat(140)), topic: fc.constantFrom('Go', 'go', 'Slow / CDN', ''), stack: fc.array(fc.constantFrom('Go', 'Node.js', 'C++', ''), { maxLength: 3 }), inPlace: fc.boolean(), target: fc.constantFrom(...TARGETS) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const engine = fixtureEngine();
        let post = newPost('Go', ['Go']);
        for (const { slug, topic, stack, inPlace, target } of steps) {
          if (inPlace) {
            (post.meta as { topic: string }).topic = topic;
            (post.meta.stack as string[]).splice(0, Infinity, ...stack);
          } else post = newPost(topic, stack);
          const url = `/posts/${encodeURIComponent(slug)}`;
          expect(decide(engine, url, post, target)).toEqual(decide(fixtureEngine(), url, post, target));
        }
      }),
      { numRuns: 200 },
    );
  });
});
