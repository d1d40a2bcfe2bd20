/**
 * @module The alphanode command line, also callable from code, and the synthetic post generator
 * that tests, benchmarks and examples build corpora with.
 */
export { runCli } from './run-cli.ts';
export type { CliIO, Command } from './command.ts';
export { generatePosts, type GeneratePostsOptions } from './generate/generate-posts.ts';
export { generateCorpus, type CorpusFile } from './generate/generate-corpus.ts';
export { generatePost, type GeneratePostOptions } from './generate/generate-post.ts';
export { createRng, type Rng } from './generate/rng.ts';
