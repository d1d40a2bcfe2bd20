import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPost } from '../../test/arbitrary-post.ts';
import { seedText } from '../../test/paths.ts';
import { parsePost } from '../parse/parse-post.ts';
import { PostSchema } from '../schema/post-schema.ts';
import { stringifyPost } from './stringify-post.ts';

const validPost = arbitraryPost.filter((post) => PostSchema.safeParse(post).success);

describe('stringifyPost and parsePost', () => {
  it('read back every valid post unchanged, warning only of unknown labels', () => {
    fc.assert(
      fc.property(validPost, (post) => {
        const result = parsePost(stringifyPost(post));
        // Fields under unknown labels read back with a warning each, control characters with one
        // warning for the file, lines the classifier's rules disagree on with an info each, and
        // nothing else is said.
        const codes = result.diagnostics.map((d) => d.code).filter((code) => code !== 'control-character' && code !== 'ambiguous-line');
        expect(codes).toEqual(Object.keys(post.meta.extra ?? {}).map(() => 'unknown-label'));
        expect(result.diagnostics.filter((d) => d.code === 'control-character').length).toBeLessThanOrEqual(1);
        expect(result.ok && result.post).toStrictEqual(post);
      }),
      { numRuns: 1000 },
    );
  });

  it('the generator yields mostly valid posts, so the property above tests many', () => {
    const sample = fc.sample(arbitraryPost, { numRuns: 300, seed: 7 });
    const valid = sample.filter((post) => PostSchema.safeParse(post).success);
    expect(valid.length).toBeGreaterThan(sample.length * 0.3);
    expect(new Set(valid.flatMap((post) => post.body.map((block) => block.type)))).toEqual(new Set(['heading', 'paragraph', 'list', 'code', 'image']));
  });

  it('everything parsePost accepts, the schema accepts, and it writes back to the same post', () => {
    const seed = seedText(1);
    // Random edits of a real post: whatever parses must be a valid post and survive a round trip.
    const edit = fc.record({ at: fc.nat(seed.length), remove: fc.nat(40), insert: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('\n', '\n\n', '  • x\n', 'reading time', ': ', '\r\n')) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = seed;
        for (const { at, remove, insert } of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        const result = parsePost(text);
        if (!result.ok) return;
        expect(PostSchema.safeParse(result.post).error?.issues ?? []).toEqual([]);
        expect(parsePost(stringifyPost(result.post)).ok && parsePost(stringifyPost(result.post))).toMatchObject({ post: result.post });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any text, and positions every diagnostic inside it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string()), (text) => {
        const result = parsePost(text);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const d of result.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(typeof d.message).toBe('string');
        }
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
      }),
      { numRuns: 1000 },
    );
  });
});
