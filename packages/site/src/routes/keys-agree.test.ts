import { readFileSync } from 'node:fs';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import type { Post } from '@alphanode/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { siteRoutesFor } from './site-routes.ts';
import { slugify } from './slugify.ts';

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

  it('a post\'s own key is post-<its slug>, for any title under 80 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (title) => {
        const slug = slugify(title);
        expect(engine.keysFor(routes.postUrl(slug), post(title, 't'))).toContain(`post-${slug}`);
      }),
    );
  });
});
