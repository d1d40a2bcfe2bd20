import type { PathPattern } from '../pattern/compile-pattern.ts';

/**
 * Whether every path `inner` matches is also matched by `outer`, segment by segment: a wildcard
 * covers the rest, a parameter covers any one segment, a literal only itself.
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
    // A parameter never matches an empty segment, so it covers only a non-empty literal.
    if (mine?.kind === 'param' && theirs.kind === 'literal' && theirs.text === '') return false;
  }
  return a.length === b.length;
}
