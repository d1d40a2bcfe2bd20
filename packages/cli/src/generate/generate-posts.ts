import type { Post } from '@alphanode/parser';
import { generatePost } from './generate-post.ts';
import { createRng } from './rng.ts';

/** Configures `generatePosts` and `generatePostAt`: how many posts, the seed that makes them reproducible, and hostile text. */
export interface GeneratePostsOptions {
  /** How many posts. */
  count: number;
  /** Names the corpus: the same seed gives the same posts. Taken modulo 2^32. */
  seed: number;
  /** Mix hostile text into every text field (see `generatePost`). Default false. */
  hostile?: boolean;
}

/**
 * Post `index` of a corpus. Each index has its own random stream, so a post does not depend on how
 * many come before or after it: the first 10 posts of a 1000-post corpus are the 10-post corpus.
 */
export function generatePostAt(index: number, options: Omit<GeneratePostsOptions, 'count'>): Post {
  return generatePost(createRng(options.seed, index), { hostile: options.hostile === true });
}

/**
 * A deterministic list of synthetic posts, valid by `PostSchema`, for tests, benchmarks and demos.
 *
 * @example
 * import { generatePosts } from '@alphanode/cli';
 * const posts = generatePosts({ count: 100, seed: 1, hostile: true });
 */
export function generatePosts(options: GeneratePostsOptions): Post[] {
  return Array.from({ length: Math.max(0, Math.floor(options.count)) }, (_, index) => generatePostAt(index, options));
}
