// html-validate's `long-title` limit, about what search results show before cutting a title.
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
 * The `<title>` text: `post title – site name` when that fits in 70 characters, the post title
 * alone when only it fits, and otherwise the post title shortened with an ellipsis. The heading,
 * Open Graph, Twitter and JSON-LD keep the whole title; only the tab and the search result are cut.
 */
export function pageTitle(title: string, siteName: string | undefined): string {
  if (siteName !== undefined && siteName !== '') {
    const full = `${title} – ${siteName}`;
    if (full.length <= MAX_TITLE) return full;
  }
  return title.length <= MAX_TITLE ? title : shorten(title, MAX_TITLE);
}
