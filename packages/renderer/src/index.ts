/**
 * Safe, valid, fast HTML for alphanode posts: the whole page (head, article, meta box,
 * similar posts) as a string or a stream, related posts, and ETags. Edge-safe: Web APIs only.
 *
 * @module @alphanode/renderer
 */
export { renderPost, renderPostWithReport, renderPostBody, type RenderPostOptions } from './document/render-post.ts';
export { renderPostStream } from './document/render-stream.ts';
export type {
  RenderOptions,
  RenderContext,
  SimilarLink,
  Stylesheet,
  LayoutParts,
  HeadParts,
  MetaBoxParts,
  MetaBoxField,
} from './options.ts';
export type { RenderReport, DroppedUrl } from './render-report.ts';
export { html, raw, isHtml, type Html } from './html/html.ts';
export { escapeHtml } from './html/escape.ts';
export { checkUrl, safeUrl, type UrlCheck, type UrlDropReason } from './html/safe-url.ts';
export { similarPosts, type SimilarPostsOptions } from './similar/similar-posts.ts';
export { createSimilarIndex, type SimilarIndex, type SimilarPost, type SimilarQuery } from './similar/similar-index.ts';
export type { SimilarConfig, SimilarIndexConfig, SimilarIndexName } from './similar/similar-config.ts';
export { etagFor } from './etag/etag-for.ts';
