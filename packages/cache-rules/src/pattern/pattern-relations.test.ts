import { describe, expect, it } from 'vitest';
import { compiled } from '../../test/compiled-pattern.ts';
import { pathCovers, pathsOverlap } from './pattern-relations.ts';

// Paths to try both patterns on: a witness for every overlap the table below claims.
const PATHS = ['/', '/posts/a', '/posts/a.json', '/posts/index', '/posts/a/b', '/assets/x.css', '/a.json', '/feed.xml', '/posts', '/posts/x.v1.json'];

describe('pathsOverlap', () => {
  it.each([
    ['/posts/:slug', '/posts/:slug.json', true],
    ['/posts/:slug', '/:section/index', true],
    ['/posts/:slug', '/assets/*', false],
    ['/*', '/', true],
    ['/', '/posts/:slug', false],
    ['/posts/:slug.json', '/posts/:id.v1.json', true],
    ['/posts/:slug.json', '/posts/:slug.xml', false],
    ['/posts/:slug.json', '/posts/.json', false],
    ['/posts/:slug', '/posts/:slug/:part', false],
    ['/posts/*', '/posts/:slug/:part', true],
    ['/feed.xml', '/:file.xml', true],
  ])('%s and %s → %s', (a, b, expected) => {
    expect(pathsOverlap(compiled(a), compiled(b))).toBe(expected);
    expect(pathsOverlap(compiled(b), compiled(a))).toBe(expected);
  });

  it('agrees with matching: two patterns that both match a path overlap', () => {
    const sources = ['/posts/:slug', '/posts/:slug.json', '/:section/index', '/assets/*', '/*', '/', '/posts/*', '/:file.json', '/feed.xml', '/posts/:id.v1.json'];
    for (const a of sources) {
      for (const b of sources) {
        const witness = PATHS.some((path) => compiled(a).match(path) && compiled(b).match(path));
        if (witness) expect(pathsOverlap(compiled(a), compiled(b)), `${a} ${b}`).toBe(true);
        if (pathCovers(compiled(a), compiled(b))) expect(pathsOverlap(compiled(a), compiled(b)), `${a} covers ${b}`).toBe(true);
      }
    }
  });
});
