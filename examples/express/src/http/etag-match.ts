/**
 * Whether `If-None-Match` names `etag` (RFC 9110 §13.1.2): a list of tags or `*`, compared weakly,
 * so `W/"x"` matches `"x"` (a proxy that compressed the body weakens the tag it passes on).
 */
export function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}
