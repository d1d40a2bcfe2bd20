import type { PathPattern } from '../pattern/compile-pattern.ts';

/**
 * Whether a parameter with `suffix` matches every segment `theirs` matches. A parameter's value is
 * never empty, so it covers a literal longer than its suffix that ends with it, and a parameter
 * whose suffix ends with its own.
 */
function paramCovers(suffix: string, theirs: PathPattern['segments'][number]): boolean {
  if (theirs.kind === 'literal') return theirs.text.length > suffix.length && theirs.text.endsWith(suffix);
  return theirs.kind === 'param' && theirs.suffix.endsWith(suffix);
}

/**
 * Whether every path `inner` matches is also matched by `outer`, segment by segment: a wildcard
 * covers the rest, a parameter the segments that end with its suffix, a literal only itself.
 */
export function pathCovers(outer: PathPattern, inner: PathPattern): boolean {
  const a = outer.segments;
  const b = inner.segments;
  for (let i = 0; i < a.length; i++) {
    const mine = a[i];
    const theirs = b[i];
    if (mine?.kind === 'wildcard') return true;
    if (theirs === undefined || theirs.kind === 'wildcard') return false;
    if (mine?.kind === 'literal' && (theirs.kind !== 'literal' || theirs.text !== mine.text)) return false;
    if (mine?.kind === 'param' && !paramCovers(mine.suffix, theirs)) return false;
  }
  return a.length === b.length;
}
