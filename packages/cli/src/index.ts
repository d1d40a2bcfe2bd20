/**
 * The alphanode command line, also callable from code, and the synthetic post generator
 * that tests, benchmarks and examples build corpora with.
 *
 * @module @alphanode/cli
 */
export { runCli } from './run-cli.ts';
export type { CliIO, Command } from './command.ts';
export {
  generatePosts,
  generateCorpus,
  generatePost,
  createRng,
  type GeneratePostsOptions,
  type CorpusFile,
  type GeneratePostOptions,
  type Rng,
} from './generate/index.ts';
