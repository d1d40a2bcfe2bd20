import type { Post } from '@alphanode/parser';
import { slugify } from './slugify.ts';

/**
 * The post as the cache rules read it for purge keys: its topic is the topic's slug, the one its
 * topic page is served at. So a post's `{post.meta.topic}` key is exactly the key its topic
 * page's `{topic}` gives, for topics that collide (`caching / go`, `caching: go`), run past 80
 * characters or have no Latin letters too; folding the name again could only agree by chance.
 * Without a slug (a topic no listing has placed yet) the topic's own slug is used, which is what
 * `assignTopicSlugs` gives it unless it collides.
 *
 * @example
 * const topics = assignTopicSlugs(posts.map((post) => post.meta.topic)).slugs;
 * const keys = engine.keysFor(routes.postUrl(slug), postForKeys(post, topics.get(post.meta.topic)));
 */
export function postForKeys(post: Post, topicSlug: string | undefined): Post {
  const topic = topicSlug ?? slugify(post.meta.topic);
  return topic === post.meta.topic ? post : { ...post, meta: { ...post.meta, topic } };
}
