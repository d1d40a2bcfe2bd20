import { detachedString } from './detached-string.ts';

/**
 * The title line of a post's text, found the way the parser finds it (after an optional byte-order
 * mark and `|` breadcrumb line) without parsing the rest: the main thread needs it to hand out
 * slugs in path order before the posts are parsed, in parallel, elsewhere.
 */
export function titleOf(text: string): string {
  const head = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, 4096).split(/\r\n|\r|\n/, 4);
  // Kept for the whole run: detached from the head it was cut from.
  return detachedString((head[0] !== '|' ? head[0] : head[1] === '' ? head[2] : head[1]) ?? '');
}
