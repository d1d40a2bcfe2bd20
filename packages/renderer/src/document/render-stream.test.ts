import { describe, expect, it } from 'vitest';
import { seedPost } from '../../test/seeds.ts';
import { renderPost } from './render-post.ts';
import { renderPostStream } from './render-stream.ts';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { text: new TextDecoder().decode(bytes), chunks: parts.length };
}

describe('renderPostStream', () => {
  it('streams the same document as renderPost, as UTF-8', async () => {
    const post = seedPost(1);
    post.title = 'caf\u00e9 \u{1F468}\u200D\u{1F469} <x>';
    const { text } = await readAll(renderPostStream(post, { siteName: 'Notes' }));
    expect(text).toBe(renderPost(post, { siteName: 'Notes' }));
  });

  it('hands a large page out in several chunks, and serves as a Response body', async () => {
    const post = seedPost(1);
    post.body = Array.from({ length: 200 }, (_, i) => ({ type: 'paragraph' as const, text: `paragraph ${i} ${'word '.repeat(40)}.` }));
    const { text, chunks } = await readAll(renderPostStream(post));
    expect(chunks).toBeGreaterThan(2);
    expect(await new Response(renderPostStream(post)).text()).toBe(text);
  });

  it('renders nothing until read, and errors the stream when an override throws', async () => {
    let calls = 0;
    const stream = renderPostStream(seedPost(0), {
      layout: () => {
        calls++;
        throw new Error('broken layout');
      },
    });
    expect(calls).toBe(0);
    await expect(readAll(stream)).rejects.toThrow('broken layout');
  });
});
