import type { Post } from '@alphanode/parser';
import { hashBytes } from './hash-bytes.ts';

// Bumped whenever the renderer's output for the same post and options changes, so that `etagFor(post)`
// changes with it and a cache does not keep a page the new renderer would write differently.
export const RENDER_OUTPUT_VERSION = 1;

const encoder = new TextEncoder();

/**
 * A strong `ETag` (RFC 9110) for a representation: `"<length in hex>-<64-bit hash>"` of the UTF-8
 * bytes. Pass the HTML you send, and the tag changes exactly when the bytes do (up to a 2^-64
 * accident). Pass a `Post` to tag it before rendering (to answer `If-None-Match` without
 * rendering): the tag then covers the post and the renderer's output version, not the options, so
 * fold anything else the page depends on (similar posts, site settings) into `salt`.
 * Synchronous and runtime-agnostic; not a defence against collisions crafted on purpose.
 *
 * Answering `If-None-Match` takes more than `===`: the header may list several tags, be `*`, or
 * carry a weakened `W/` copy of this tag (RFC 9110 §13.1.2). `ifNoneMatch` from `@alphanode/site`
 * does that comparison; the renderer only makes the tag.
 *
 * @example
 * import { ifNoneMatch } from '@alphanode/site';
 *
 * const etag = etagFor(html);
 * if (ifNoneMatch(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: { etag } });
 */
export function etagFor(input: string | Post, options: { salt?: string } = {}): string {
  const text = typeof input === 'string' ? input : `alphanode-post:${RENDER_OUTPUT_VERSION}:${options.salt ?? ''}:${JSON.stringify(input)}`;
  const source = typeof input === 'string' && options.salt !== undefined ? `${options.salt}\u0000${text}` : text;
  const bytes = encoder.encode(source);
  return `"${bytes.length.toString(16)}-${hashBytes(bytes)}"`;
}
