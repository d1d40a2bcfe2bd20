import { html, raw, type Html } from '@alphanode/renderer';

/**
 * The links between a listing's pages: newer (`rel="prev"`, toward page 1) and older (`rel="next"`).
 * It names the page it is on but not how many there are, so a page's bytes change only when its
 * own posts or its neighbours' existence do, and a post added at the end of a listing leaves
 * the first pages (and their cached copies) alone.
 */
export function pager(page: number, count: number, urlOf: (page: number) => string): Html {
  if (count <= 1) return raw('');
  const newer = page > 1 ? html`<a rel="prev" href="${urlOf(page - 1)}">Newer posts</a>\n` : raw('');
  const older = page < count ? html`<a rel="next" href="${urlOf(page + 1)}">Older posts</a>\n` : raw('');
  return html`\n<nav class="pager" aria-label="Pages">
${newer}<span>Page ${String(page)}</span>
${older}</nav>`;
}
