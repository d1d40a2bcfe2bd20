import type { Post } from '@alphanode/parser';
import { renderPost, type RenderPostOptions } from './render-post.ts';

// Large enough that a page goes out in a few enqueues, small enough for an edge runtime's buffers.
const CHUNK_BYTES = 16 * 1024;

/**
 * `renderPost` as a `ReadableStream<Uint8Array>` of UTF-8, for `new Response(stream)` on edge
 * runtimes. Rendering a post takes microseconds, so the document is rendered whole on the first
 * pull (nothing is done before a reader asks) and handed out in 16 KiB chunks, one per pull, so a
 * slow reader applies backpressure. A render that throws (a throwing override) errors the stream.
 *
 * @example
 * return new Response(renderPostStream(post, options), { headers: { 'content-type': 'text/html; charset=utf-8' } });
 */
export function renderPostStream(post: Post, options: RenderPostOptions = {}): ReadableStream<Uint8Array> {
  let bytes: Uint8Array | undefined;
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        bytes ??= new TextEncoder().encode(renderPost(post, options));
        if (offset >= bytes.length) {
          controller.close();
          return;
        }
        const end = Math.min(offset + CHUNK_BYTES, bytes.length);
        controller.enqueue(bytes.subarray(offset, end));
        offset = end;
        if (offset >= bytes.length) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}
