import type { Post } from '../schema/post-schema.ts';
import { PostParseError } from '../post-parse-error.ts';
import { parsePost, type ParseOptions } from './parse-post.ts';

/**
 * Like `parsePost`, for callers that prefer an exception: returns the post, or throws one
 * `PostParseError` that carries every diagnostic.
 *
 * @example
 * const post = parsePostOrThrow(text, { file: 'a.txt' });
 */
export function parsePostOrThrow(text: string, options: ParseOptions = {}): Post {
  const result = parsePost(text, options);
  if (!result.ok) throw new PostParseError(result.diagnostics);
  return result.post;
}
