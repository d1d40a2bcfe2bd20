import { readFileSync } from 'node:fs';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import type { Post } from '@alphanode/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postForKeys } from './post-for-keys.ts';
import { siteRoutesFor } from './site-routes.ts';
import { slugify } from './slugify.ts';
import { assignTopicSlugs } from './topic-slugs.ts';

const engine = compileRulesOrThrow(readFileSync(new URL('../../../../examples/rules.yaml', import.meta.url), 'utf8'));
const routes = siteRoutesFor(engine);
const post = (title: string, topic: string) => ({ title, body: [], meta: { topic, stack: ['Node.js'] }, similar: [] }) as unknown as Post;

describe('slugs and purge keys fold text one way', () => {
  it.each(['node.js apis', 'snake_case configs', 'Кэширование', 'Résumé tips', 'Go 言語', 'caching / go'])('a post in %j carries the key its topic page carries', (topic) => {
    const slug = slugify(topic);
    const topicKeys = engine.keysFor(routes.topicUrl(slug));
    const postKeys = engine.keysFor(routes.postUrl('any'), post('Any', topic));
    expect(topicKeys).toContain(`topic-${slug}`);
    expect(postKeys).toContain(`topic-${slug}`);
    // Every page of the topic's listing carries its keys, and every page of the home listing the home page's.
    expect(engine.keysFor(routes.topicPageUrl(slug, 2))).toEqual(topicKeys);
    expect(engine.keysFor(routes.homePageUrl(3))).toEqual(engine.keysFor(routes.homeUrl));
  });

  it('through postForKeys, a post carries its topic page\'s key for any set of topic names (collisions, long, letterless)', () => {
    const name = fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('caching / go', 'caching: go', 'Caching Go', '🚀🔥', '日本語', `${'edge caching '.repeat(9)}end`));
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 6 }), (names) => {
        const { slugs } = assignTopicSlugs(names);
        for (const topic of names) {
          const slug = slugs.get(topic) as string;
          const pageKeys = engine.keysFor(routes.topicUrl(slug)).filter((key) => key.startsWith('topic-'));
          const postKeys = engine.keysFor(routes.postUrl('any'), postForKeys(post('Any', topic), slug)).filter((key) => key.startsWith('topic-'));
          expect(postKeys).toEqual(pageKeys);
          expect(pageKeys).toEqual([`topic-${slug}`]);
        }
      }),
    );
  });

  it('a post\'s own key is post-<its slug>, for any title under 80 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (title) => {
        const slug = slugify(title);
        expect(engine.keysFor(routes.postUrl(slug), post(title, 't'))).toContain(`post-${slug}`);
      }),
    );
  });
});
