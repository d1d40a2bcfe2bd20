/**
 * The synthetic post generator alone, as `@alphanode/cli/generate`: Web APIs only, so a
 * renderer test inside workerd or a browser can build its corpus without the command line's Node code.
 *
 * @module @alphanode/cli/generate
 */
export { generatePosts, generatePostAt, type GeneratePostsOptions } from './generate-posts.ts';
export { generateCorpus, corpusFileName, type CorpusFile } from './generate-corpus.ts';
export { generatePost, type GeneratePostOptions } from './generate-post.ts';
export { createRng, type Rng } from './rng.ts';
export { contentHash } from './content-hash.ts';
