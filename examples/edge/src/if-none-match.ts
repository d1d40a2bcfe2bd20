/**
 * Whether an `If-None-Match` header matches a representation's ETag, so the answer is 304 (RFC 9110
 * §13.1.2): `*`, or any listed tag equal to it under weak comparison (`W/"a"` matches `"a"`). A
 * header that does not parse matches nothing, which only costs a full response. Pure.
 */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (header == null) return false;
  const trimmed = header.trim();
  if (trimmed === '*') return true;
  const wanted = opaque(etag);
  if (wanted === undefined) return false;
  for (const tag of entityTags(trimmed)) if (tag === wanted) return true;
  return false;
}

/** The quoted part of `"x"` or `W/"x"`, quotes included; undefined for anything else. */
function opaque(tag: string): string | undefined {
  const text = tag.startsWith('W/') ? tag.slice(2) : tag;
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') && !text.slice(1, -1).includes('"') ? text : undefined;
}

// Splits on the commas between tags, not on those inside one: an entity tag may contain a comma.
function* entityTags(list: string): Generator<string> {
  let i = 0;
  while (i < list.length) {
    while (list[i] === ' ' || list[i] === '\t' || list[i] === ',') i++;
    if (i >= list.length) return;
    const start = list.startsWith('W/', i) ? i + 2 : i;
    if (list[start] !== '"') return;
    const end = list.indexOf('"', start + 1);
    if (end === -1) return;
    yield list.slice(start, end + 1);
    i = end + 1;
  }
}
