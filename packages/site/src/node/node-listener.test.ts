import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeListener } from './node-listener.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function serve(handler: (request: Request) => Response | Promise<Response>): Promise<string> {
  server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeListener', () => {
  it('passes method, URL and headers in, and status, headers, each Set-Cookie and the body out', async () => {
    const base = await serve((request) => {
      const headers = new Headers([['content-type', 'text/plain'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2; Path=/']]);
      return new Response(`${request.method} ${new URL(request.url).pathname}?${new URL(request.url).search} ${request.headers.get('x-test')}`, { status: 203, headers });
    });
    const response = await fetch(`${base}/posts/a?x=1`, { headers: { 'x-test': 'yes' } });
    expect([response.status, response.headers.getSetCookie(), await response.text()]).toEqual([203, ['a=1', 'b=2; Path=/'], 'GET /posts/a??x=1 yes']);
  });

  it('streams a body as it comes, and cancels it and aborts the request when the client goes away', async () => {
    const encoder = new TextEncoder();
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    let signal: AbortSignal | undefined;
    const cancelled = new Promise<void>((resolve) => {
      void serve((request) => {
        signal = request.signal;
        const body = new ReadableStream<Uint8Array>({
          start(c) {
            controller = c;
            c.enqueue(encoder.encode('first\n'));
          },
          cancel: () => resolve(),
        });
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      }).then(async (base) => {
        const aborting = new AbortController();
        const response = await fetch(base, { signal: aborting.signal });
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        // The first chunk arrives while the stream is still open.
        expect(new TextDecoder().decode((await reader.read()).value)).toBe('first\n');
        controller?.enqueue(encoder.encode('second\n'));
        expect(new TextDecoder().decode((await reader.read()).value)).toBe('second\n');
        aborting.abort();
      });
    });
    await cancelled;
    expect(signal?.aborted).toBe(true);
  });

  it('answers 500 saying why when the handler throws, and 400 for a Host that makes no URL', async () => {
    const base = await serve(() => {
      throw new Error('no such site');
    });
    const failed = await fetch(base);
    expect([failed.status, await failed.text()]).toEqual([500, 'internal error: no such site\n']);
    const { port } = new URL(base);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: '/', headers: { host: 'bad host' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(400);
  });
});
