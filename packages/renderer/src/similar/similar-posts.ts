import type { Post } from '@alphanode/parser';
import type { SimilarConfig } from './similar-config.ts';
import { createSimilarIndex, type SimilarIndex, type SimilarPost, type SimilarQuery } from './similar-index.ts';

/** Configures `similarPosts`: how the index weighs shared keywords (`SimilarConfig`) and how many posts to return. */
export interface SimilarPostsOptions extends SimilarConfig, SimilarQuery {}

interface Cached {
  length: number;
  key: string;
  index: SimilarIndex;
}

// One index per corpus array (and configuration), so rendering every post of a corpus builds it once.
const cache = new WeakMap<readonly Post[], Cached>();

/**
 * Related posts of `post` in `corpus`, best first (see `createSimilarIndex` for the model): posts
 * the post lists under `Similar Posts` first, then by shared entities, topic, stack and tools.
 * The index is built on the first call for a corpus array and reused while the array keeps its
 * length; after changing a corpus in place, pass a new array or use `createSimilarIndex`.
 *
 * @example
 * const related = similarPosts(post, corpus, { limit: 5 });
 * renderPost(post, { similar: related.map((hit) => ({ title: hit.post.title, href: `/posts/${hit.position}` })) });
 */
export function similarPosts(post: Post, corpus: readonly Post[], options: SimilarPostsOptions = {}): SimilarPost[] {
  const { limit, ...config } = options;
  const key = JSON.stringify([config.indices ?? null, config.threshold ?? null]);
  let cached = cache.get(corpus);
  if (cached === undefined || cached.length !== corpus.length || cached.key !== key) {
    cached = { length: corpus.length, key, index: createSimilarIndex(corpus, config) };
    cache.set(corpus, cached);
  }
  return cached.index.similar(post, limit === undefined ? {} : { limit });
}
