/**
 * Node entry of `@alphanode/parser`: loading posts from disk. The main entry stays edge-safe.
 *
 * @module @alphanode/parser/node
 */
export { loadPost, loadPosts, readFailureDiagnostic, type LoadOptions, type LoadedPost } from './load-posts.ts';
