import { lintPost, parsePost, stringifyPost } from '@alphanode/parser';
import { PostSchema } from '@alphanode/parser/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The parser's mutator, by path: one definition of what a mutant of a post is, for both packages.
import { mutantOf } from '../../../parser/test/mutants.ts';
import { generateCorpus } from './generate-corpus.ts';

// The round-trip laws over mutants of generated posts, plain and hostile: they hold the shapes
// the seeds lack (keyword headings, prose with markup, one-line commands, hostile text and layouts).
const sources = [...generateCorpus({ count: 12, seed: 31 }), ...generateCorpus({ count: 12, seed: 31, hostile: true })].map((file) => file.text);
const mutant = mutantOf(sources);

describe('round-trip laws over mutants of generated posts', () => {
  it('format never writes a file that check rejects', () => {
    fc.assert(
      fc.property(mutant, fc.boolean(), ({ text }, strict) => {
        const formatted = parsePost(text, { strict });
        if (!formatted.ok) return;
        const written = parsePost(stringifyPost(formatted.post), { strict });
        expect(written.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        // Under --strict, check also lints; the post is the same, so lint finds the same things.
        if (written.ok) expect(lintPost(written.post).map((d) => d.code)).toEqual(lintPost(formatted.post).map((d) => d.code));
      }),
      { numRuns: 1000 },
    );
  });

  it('PostSchema accepts everything parsePost returns, and one write makes a fixed point', () => {
    fc.assert(
      fc.property(mutant, ({ text }) => {
        const first = parsePost(text);
        if (!first.ok) return;
        expect(PostSchema.safeParse(first.post).error?.issues ?? []).toEqual([]);
        const written = stringifyPost(first.post);
        const second = parsePost(written);
        expect(second.ok && second.post).toEqual(first.post);
        if (second.ok) expect(stringifyPost(second.post)).toBe(written);
      }),
      { numRuns: 1000 },
    );
  });
});
