import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutantOf } from '../../test/mutants.ts';
import { fixturesDir, readSeeds } from '../../test/paths.ts';
import { lintPost } from '../lint/lint-post.ts';
import { parsePost } from '../parse/parse-post.ts';
import { PostSchema } from '../schema/post-schema.ts';
import { stringifyPost } from './stringify-post.ts';

// The laws `format`, `check` and `PostSchema` rest on, over mutants of the seeds and of the fixture
// posts that parse (code in Go and shell, hostile markup, unknown and prototype-named labels, CRLF).
// The CLI's tests run the same laws over mutants of generated posts.
const fixtures = ['go-code', 'bash-code-no-breadcrumb', 'hostile-markup', 'unknown-labels', 'prototype-labels', 'crlf-bom'];
const sources = [...readSeeds().map((seed) => seed.text), ...fixtures.map((name) => readFileSync(path.join(fixturesDir, `${name}.txt`), 'utf8'))];
const mutant = mutantOf(sources);

/** What `alphanode check` concludes: the parse must succeed, and under `strict` lint must find nothing. */
function checkAccepts(text: string, strict: boolean): boolean {
  const result = parsePost(text, { strict });
  return result.ok && (!strict || lintPost(result.post).length === 0);
}

describe('round-trip laws over mutants', () => {
  it('sources mostly parse, and so do enough mutants that the laws below test many', () => {
    expect(sources.every((text) => parsePost(text).ok)).toBe(true);
    const sample = fc.sample(mutant, { numRuns: 1000, seed: 12 });
    expect(sample.filter(({ text }) => parsePost(text).ok).length).toBeGreaterThan(200);
  });

  it('format never writes a file that check rejects', () => {
    fc.assert(
      fc.property(mutant, fc.boolean(), ({ text }, strict) => {
        // `alphanode format [--strict]` writes only what parses; `check` must then accept it.
        const formatted = parsePost(text, { strict });
        if (formatted.ok) expect(parsePost(stringifyPost(formatted.post), { strict }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        // And a file check accepts stays accepted once formatted, lint included under --strict.
        if (checkAccepts(text, strict) && formatted.ok) expect(checkAccepts(stringifyPost(formatted.post), strict)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('PostSchema accepts everything parsePost returns', () => {
    fc.assert(
      fc.property(mutant, ({ text }) => {
        const result = parsePost(text);
        if (result.ok) expect(PostSchema.safeParse(result.post).error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('stringifyPost(parsePost(x).post) is a fixed point after one pass', () => {
    fc.assert(
      fc.property(mutant, ({ text }) => {
        const first = parsePost(text);
        if (!first.ok) return;
        const written = stringifyPost(first.post);
        const second = parsePost(written);
        expect(second.ok && second.post).toEqual(first.post);
        if (second.ok) expect(stringifyPost(second.post)).toBe(written);
      }),
      { numRuns: 1500 },
    );
  });
});
