/**
 * @module Node entry of @alphanode/parser: loading posts from disk. The main entry stays edge-safe.
 */
export { loadPost, loadPosts, readFailureDiagnostic, type LoadOptions, type LoadedPost } from './load-posts.ts';
