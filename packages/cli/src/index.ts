/**
 * @module The alphanode command line, also callable from code, and the synthetic post generator
 * that tests, benchmarks and examples build corpora with.
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
export { buildSite, PURGE_PLAN_FILE, type BuildOptions, type BuildSummary } from './build/build-site.ts';
export { BuildError, type BuildErrorCode } from './build/build-error.ts';
export { LOCK_FILE } from './build/build-lock.ts';
