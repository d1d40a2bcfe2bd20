/**
 * A copy of `text` that holds no reference to a larger string. V8 makes a substring of 13 or more
 * characters (from `slice`, `split`, a parser's fields) a view of its parent, so a title kept
 * for the whole build would keep the 4 KB head, or the whole post text, it was cut from alive:
 * 78 MB of post heads at 10,000 posts. Only for the few short strings a build keeps.
 */
export function detachedString(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
