import { lintPost, parsePost, type Diagnostic, type Post } from '@alphanode/parser';
import { renderPost, type SimilarLink } from '@alphanode/renderer';
import { outputFileFor, type SiteRoutes } from '../routes/site-routes.ts';
import type { PageSettings } from './page-settings.ts';
import { linkedStylesheets } from './theme-asset.ts';

/** One file the build writes for a URL. */
export interface PageOutput {
  url: string;
  file: string;
  content: string;
}

/**
 * Reads one post's text; the post, or the diagnostics that say why not. With `lint`, the linter's
 * findings and the parse's `info` ones too (lines the rules disagreed on: about one a post, which
 * at 100,000 posts would be tens of MB held to the end of the run for a reader the build has not).
 */
export function readPost(text: string, file: string, strict: boolean, lint: boolean): { post?: Post; diagnostics: Diagnostic[] } {
  const result = parsePost(text, { file, strict });
  if (!result.ok) return { diagnostics: result.diagnostics };
  if (!lint) return { post: result.post, diagnostics: result.diagnostics.filter((d) => d.severity !== 'info') };
  return { post: result.post, diagnostics: [...result.diagnostics, ...lintPost(result.post, { locations: result.locations, file })] };
}

/**
 * What a representation URL serves, by its extension: the page (no extension) or the post as JSON
 * (`.json`); undefined for one the build cannot make.
 */
export function representationOf(url: string): 'html' | 'json' | undefined {
  const last = url.slice(url.lastIndexOf('/') + 1);
  if (!last.includes('.')) return 'html';
  return last.endsWith('.json') ? 'json' : undefined;
}

/** A post's files: one per URL the routes give it, the page first, its `Similar Posts` titles linked by `similar`. */
export function renderPostPage(post: Post, slug: string, routes: SiteRoutes, settings: PageSettings, similar: readonly SimilarLink[] = []): PageOutput[] {
  const urls = routes.postUrls(slug);
  const options = {
    similar,
    siteName: settings.siteName,
    path: urls[0] as string,
    lang: settings.lang,
    stylesheets: linkedStylesheets(settings),
    ...(settings.baseUrl === undefined ? {} : { baseUrl: settings.baseUrl }),
  };
  let json: string | undefined;
  return urls.map((url) => {
    const content = representationOf(url) === 'json' ? (json ??= `${JSON.stringify(post)}\n`) : renderPost(post, options);
    return { url, file: outputFileFor(url), content };
  });
}
