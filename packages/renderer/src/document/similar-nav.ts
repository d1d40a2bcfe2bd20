import { escapeHtml } from '../html/escape.ts';
import { checkLink } from '../html/safe-url.ts';
import type { SimilarLink } from '../options.ts';
import type { RenderReport } from '../render-report.ts';

/**
 * The `Similar Posts` navigation: first the titles the post lists itself (linked when `links` has
 * one with the same title), then the other links, each title once. Empty when there is nothing to
 * list, so the page has no empty landmark.
 */
export function similarNav(listed: readonly string[], links: readonly SimilarLink[] | undefined, report: RenderReport): string {
  const hrefs = new Map<string, string | undefined>();
  if (links !== undefined) {
    for (let i = 0; i < links.length; i++) {
      const link = links[i] as SimilarLink;
      if (hrefs.has(link.title)) continue;
      let href: string | undefined;
      if (link.href !== undefined) {
        const check = checkLink(link.href);
        if (check.ok) href = check.href;
        else report.droppedUrls.push({ path: `options.similar.${i}.href`, url: link.href, reason: check.reason });
      }
      hrefs.set(link.title, href);
    }
  }
  const shown = new Set<string>();
  let items = '';
  const item = (title: string): void => {
    if (shown.has(title)) return;
    shown.add(title);
    const href = hrefs.get(title);
    items += href === undefined ? `<li>${escapeHtml(title)}</li>` : `<li><a href="${escapeHtml(href)}">${escapeHtml(title)}</a></li>`;
  };
  for (const title of listed) item(title);
  for (const title of hrefs.keys()) item(title);
  if (items === '') return '';
  return `<nav class="similar-posts" aria-labelledby="similar-posts-title">\n<h2 id="similar-posts-title">Similar Posts</h2>\n<ul>${items}</ul>\n</nav>\n`;
}
