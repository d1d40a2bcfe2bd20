import { escapeHtml } from '../html/escape.ts';

// html-validate's `long-title` limit (counted on the markup, entities included), about what search
// results show before cutting a title.
export const MAX_TITLE = 70;
const ELLIPSIS = '…';

/** `text` cut to `max` UTF-16 units on a word boundary where one is near, never inside a surrogate pair. */
function shorten(text: string, max: number): string {
  let end = max - ELLIPSIS.length;
  const space = text.lastIndexOf(' ', end);
  if (space > end / 2) end = space;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

/**
 * The `<title>` content, escaped: `post title – site name` when that fits in 70 characters of
 * markup, the post title alone when only it fits, and otherwise the post title shortened with an
 * ellipsis. The heading, Open Graph, Twitter and JSON-LD keep the whole title; only the tab and the
 * search result are cut.
 */
export function pageTitleHtml(title: string, siteName: string | undefined): string {
  if (siteName !== undefined && siteName !== '') {
    const full = escapeHtml(`${title} – ${siteName}`);
    if (full.length <= MAX_TITLE) return full;
  }
  let out = escapeHtml(title);
  if (out.length <= MAX_TITLE) return out;
  let max = MAX_TITLE;
  out = escapeHtml(shorten(title, max));
  // Entities make the markup longer than the text: cut in proportion until it fits.
  while (out.length > MAX_TITLE && max > 1) {
    max = Math.max(1, Math.min(max - 1, Math.floor((max * MAX_TITLE) / out.length)));
    out = escapeHtml(shorten(title, max));
  }
  return out;
}
