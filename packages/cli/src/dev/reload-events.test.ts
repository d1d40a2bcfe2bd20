import { describe, expect, it } from 'vitest';
import { createReloadHub, RELOAD_EVENTS_PATH } from './reload-events.ts';

const decoder = new TextDecoder();
const open = (signal?: AbortSignal) => new Request(`http://localhost${RELOAD_EVENTS_PATH}`, signal ? { signal } : {});
async function next(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | undefined> {
  const { value, done } = await reader.read();
  return done ? undefined : decoder.decode(value);
}

describe('createReloadHub', () => {
  it('opens an event stream that asks for a quick reconnect, and sends each page the changed URLs', async () => {
    const hub = createReloadHub();
    const response = hub.connect(open());
    expect([response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual(['text/event-stream; charset=utf-8', 'no-store']);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(await next(reader)).toBe('retry: 500\n\n');
    hub.reload(['/posts/a', '/']);
    expect(await next(reader)).toBe('event: reload\ndata: {"urls":["/posts/a","/"],"moved":{}}\n\n');
    hub.reload();
    expect(await next(reader)).toBe('event: reload\ndata: {"urls":null,"moved":{}}\n\n');
    // A retitled post: its old URLs map to its new ones, for a page open there to follow.
    hub.reload(['/posts/a', '/posts/b'], [{ from: '/posts/a', to: '/posts/b' }]);
    expect(await next(reader)).toBe('event: reload\ndata: {"urls":["/posts/a","/posts/b"],"moved":{"/posts/a":"/posts/b"}}\n\n');
    // Past a thousand URLs (new rules touch every page) the event names none: every page reloads.
    const many = Array.from({ length: 1001 }, (_, i) => `/posts/p${i}`);
    hub.reload(many, many.map((from) => ({ from, to: `${from}x` })));
    expect(await next(reader)).toBe('event: reload\ndata: {"urls":null,"moved":{}}\n\n');
  });

  it('forgets a page that went away, and ends every stream on close', async () => {
    const hub = createReloadHub();
    const gone = new AbortController();
    const first = hub.connect(open(gone.signal)).body as ReadableStream<Uint8Array>;
    const second = (hub.connect(open()).body as ReadableStream<Uint8Array>).getReader();
    expect(hub.size()).toBe(2);
    gone.abort();
    await first.cancel();
    expect(hub.size()).toBe(1);
    hub.close();
    expect(hub.size()).toBe(0);
    expect(await next(second)).toBe('retry: 500\n\n');
    expect(await second.read()).toEqual({ done: true, value: undefined });
    hub.reload(['/']);
  });
});
