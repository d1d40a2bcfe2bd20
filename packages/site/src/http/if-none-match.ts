/**
 * Whether an `If-None-Match` header matches a representation's entity tag, so the answer is 304
 * (RFC 9110 §13.1.2): `*` matches any current representation; otherwise any listed tag equal to
 * `etag` under weak comparison (§8.8.3.2: `W/"a"` matches `"a"`, since a proxy that compressed
 * the body weakens the tag it passes on). The list is split on the commas between tags, not those
 * inside one (an entity tag may hold a comma). A header that does not parse from some point on
 * matches nothing past that point: that only costs a full response. Pure, and linear in the header.
 *
 * @example
 * ifNoneMatch('W/"a", "b"', '"a"'); // true
 * ifNoneMatch('"a"', undefined);    // false: nothing to compare with
 */
export function ifNoneMatch(header: string | null | undefined, etag: string | undefined): boolean {
  if (header == null || etag === undefined) return false;
  const wanted = opaqueTag(etag);
  if (header.trim() === '*') return true;
  if (wanted === undefined) return false;
  let i = 0;
  while (i < header.length) {
    const c = header.charCodeAt(i);
    // Spaces, tabs and the commas of empty list elements (RFC 9110 §5.6.1 lets a recipient skip them).
    if (c === 0x20 || c === 0x09 || c === 0x2c) {
      i++;
      continue;
    }
    const start = header.startsWith('W/', i) ? i + 2 : i;
    if (header.charCodeAt(start) !== 0x22) return false;
    const end = header.indexOf('"', start + 1);
    if (end === -1) return false;
    if (header.slice(start, end + 1) === wanted) return true;
    i = end + 1;
  }
  return false;
}

/** The quoted part of `"x"` or `W/"x"`, quotes included; undefined for anything else. */
function opaqueTag(tag: string): string | undefined {
  const text = tag.startsWith('W/') ? tag.slice(2) : tag;
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') && !text.slice(1, -1).includes('"') ? text : undefined;
}
