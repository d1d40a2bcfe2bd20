import { lintPost, parsePost, type Diagnostic, type Post } from '@alphanode/parser';
import { renderPost } from '@alphanode/renderer';
import type { PageSettings } from './page-settings.ts';
import { postUrl } from './site-paths.ts';

export interface PostPage {
  /** Output path (relative to the out dir) and content. */
  outputs: { path: string; content: string }[];
}

/** Reads one post's text; the post, or the diagnostics that say why not. */
export function readPost(text: string, file: string, strict: boolean): { post?: Post; diagnostics: Diagnostic[] } {
  const result = parsePost(text, { file, strict });
  if (!result.ok) return { diagnostics: result.diagnostics };
  return { post: result.post, diagnostics: [...result.diagnostics, ...lintPost(result.post, { locations: result.locations, file })] };
}

/** A post's page and its JSON, under `posts/<slug>/`. */
export function renderPostPage(post: Post, slug: string, settings: PageSettings): PostPage {
  const path = postUrl(slug);
  const options = {
    siteName: settings.siteName,
    path,
    lang: settings.lang,
    stylesheets: settings.stylesheets,
    ...(settings.baseUrl === undefined ? {} : { baseUrl: settings.baseUrl }),
  };
  return {
    outputs: [
      { path: `posts/${slug}/index.html`, content: renderPost(post, options) },
      { path: `posts/${slug}/index.json`, content: `${JSON.stringify(post)}\n` },
    ],
  };
}
