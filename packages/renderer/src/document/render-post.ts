import type { Post } from '@alphanode/parser';
import { escapeHtml } from '../html/escape.ts';
import { raw } from '../html/html.ts';
import type { RenderOptions } from '../options.ts';
import { createReport, type RenderReport } from '../render-report.ts';
import { fromOverride, renderParts, siteHeader } from './render-parts.ts';

/** Options of the render functions: `RenderOptions` and where to send the render report. */
export interface RenderPostOptions extends RenderOptions {
  /** Called once per render with what the render refused (URLs), for an import job to count or log. */
  onReport?: (report: RenderReport) => void;
}

function documentHtml(post: Post, options: RenderPostOptions, report: RenderReport): string {
  const { context, head, article, similar } = renderParts(post, options, report, true);
  if (options.layout !== undefined) {
    return fromOverride(options.layout({ head: raw(head), article: raw(article), similar: raw(similar) }, context));
  }
  return `<!DOCTYPE html>\n<html lang="${escapeHtml(context.lang)}">\n<head>\n${head}</head>\n<body>\n${siteHeader(options)}<main>\n${article}${similar}</main>\n</body>\n</html>\n`;
}

/**
 * A whole HTML5 document for a post: head (title, description, canonical link, Open Graph, Twitter,
 * JSON-LD `BlogPosting`), the article (title, body, meta box) and the `Similar Posts` list. Every
 * value from the post is escaped for where it lands; image URLs other than absolute `http(s)` are
 * left out (see `renderPostWithReport` for which). Edge-safe and synchronous.
 *
 * @example
 * import { parsePostOrThrow } from '@alphanode/parser';
 * const post = parsePostOrThrow(text);
 * const html = renderPost(post, { siteName: 'Notes', baseUrl: 'https://notes.example', path: '/posts/a' });
 */
export function renderPost(post: Post, options: RenderPostOptions = {}): string {
  const report = createReport();
  const html = documentHtml(post, options, report);
  options.onReport?.(report);
  return html;
}

/**
 * `renderPost`, returning the render report beside the document.
 *
 * @example
 * const { html, report } = renderPostWithReport(post, { baseUrl: 'https://notes.example', path: '/a' });
 * if (report.droppedUrls.length > 0) console.warn(`${report.droppedUrls.length} URLs refused`);
 */
export function renderPostWithReport(post: Post, options: RenderOptions = {}): { html: string; report: RenderReport } {
  const report = createReport();
  return { html: documentHtml(post, options, report), report };
}

/**
 * The `<article>` alone (title, body, meta box), for a page a site lays out itself. Takes the same
 * options; those for the head and the layout are not used.
 *
 * @example
 * const article = renderPostBody(post, { lang: 'en' });
 */
export function renderPostBody(post: Post, options: RenderPostOptions = {}): string {
  const report = createReport();
  const { article } = renderParts(post, options, report, false);
  options.onReport?.(report);
  return article;
}
