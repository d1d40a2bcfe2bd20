import { describe, expect, it } from 'vitest';
import { seedText } from '../../test/paths.ts';
import { PostParseError } from '../post-parse-error.ts';
import { parsePost } from './parse-post.ts';
import { parsePostOrThrow } from './parse-post-or-throw.ts';

describe('parsePostOrThrow', () => {
  it('returns the post that parsePost gives', () => {
    const text = seedText(0);
    expect(parsePostOrThrow(text)).toEqual(parsePost(text).ok && (parsePost(text) as { post: unknown }).post);
  });

  it('throws one PostParseError carrying every diagnostic, with a readable message', () => {
    const text = seedText(1);
    const bad = text.replace('reading time5', 'reading timeten').replace('view count187623', 'view countx');
    let error: unknown;
    try {
      parsePostOrThrow(bad, { file: 'b.txt' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PostParseError);
    const parseError = error as PostParseError;
    expect(parseError.code).toBe('ALPHANODE_PARSE_FAILED');
    expect(parseError.diagnostics.map((d) => d.code)).toEqual(['invalid-number', 'invalid-number']);
    expect(parseError.message).toBe(
      '@alphanode/parser: 2 errors in the post\n' +
        'b.txt:64:13: error invalid-number: "reading time" must be followed by a whole number (digits only), found "ten" (retrying will not help: fix the input)\n' +
        'b.txt:65:11: error invalid-number: "view count" must be followed by a whole number (digits only), found "x" (retrying will not help: fix the input)',
    );
  });
});
