import type { PathPattern } from './compile-pattern.ts';

type Segment = PathPattern['segments'][number];

/**
 * Whether a parameter with `suffix` matches every segment `theirs` matches. A parameter's value is
 * never empty, so it covers a literal longer than its suffix that ends with it, and a parameter
 * whose suffix ends with its own.
 */
function paramCovers(suffix: string, theirs: Segment): boolean {
  if (theirs.kind === 'literal') return theirs.text.length > suffix.length && theirs.text.endsWith(suffix);
  return theirs.kind === 'param' && theirs.suffix.endsWith(suffix);
}

/**
 * Whether every path `inner` matches is also matched by `outer`, segment by segment: a wildcard
 * covers the rest, a parameter the segments that end with its suffix, a literal only itself.
 *
 * @example
 * pathCovers(compiled('/posts/:slug'), compiled('/posts/:slug.json')); // true
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

/** Whether one segment can be matched by both: literals only when equal; a parameter takes any text longer than its suffix. */
function segmentsMeet(a: Segment, b: Segment): boolean {
  if (a.kind === 'literal' && b.kind === 'literal') return a.text === b.text;
  if (a.kind === 'literal' && b.kind === 'param') return paramCovers(b.suffix, a);
  if (a.kind === 'param' && b.kind === 'literal') return paramCovers(a.suffix, b);
  // Two parameters share a value exactly when one suffix ends with the other.
  return a.kind === 'param' && b.kind === 'param' && (a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix));
}

/**
 * Whether some path matches both patterns. Where rules are applied by every matching pattern
 * rather than the first (a `_headers` file), two overlapping patterns mix their headers.
 *
 * @example
 * pathsOverlap(compiled('/posts/:slug'), compiled('/:section/index')); // true: /posts/index
 */
export function pathsOverlap(a: PathPattern, b: PathPattern): boolean {
  for (let i = 0; ; i++) {
    const mine = a.segments[i];
    const theirs = b.segments[i];
    if (mine === undefined || theirs === undefined) return mine === theirs;
    // A wildcard takes the rest of the path, whatever the other pattern asks of it.
    if (mine.kind === 'wildcard' || theirs.kind === 'wildcard') return true;
    if (!segmentsMeet(mine, theirs)) return false;
  }
}
