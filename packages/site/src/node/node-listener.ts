import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Web `Request` for a Node request; its body is not read (a site serves GET and HEAD). */
function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), { method: req.method ?? 'GET', headers, signal });
}

/** The Node headers of a Response: each Set-Cookie its own line, as `Headers` would otherwise fold them. */
function nodeHeaders(response: Response): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) if (name !== 'set-cookie') headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  return headers;
}

/**
 * Writes the body chunk by chunk as it comes, so that a stream that stays open (server-sent
 * events) reaches the client at once, and waits for the socket to drain, so that a slow client
 * does not make the server buffer a whole site. A client that goes away cancels the stream.
 */
async function send(response: Response, res: ServerResponse): Promise<void> {
  // A Response made without a status text has '', which Node would send as the reason phrase.
  if (response.statusText === '') res.writeHead(response.status, nodeHeaders(response));
  else res.writeHead(response.status, response.statusText, nodeHeaders(response));
  if (response.body == null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.once('close', () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read();
    if (done || res.destroyed) break;
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
  }
  res.end();
}

/**
 * A `node:http` request listener around a Web-standard handler (`createSiteHandler`'s, or one
 * that wraps it): the Node request as a `Request` whose `signal` aborts when the client goes away,
 * the `Response` streamed back. A request whose Host does not make a URL is a 400; a handler that
 * throws is a 500 that says why, never a crash.
 *
 * @example
 * createServer(toNodeListener(createSiteHandler({ read: siteDirReader('dist'), engine }))).listen(8080);
 */
export function toNodeListener(handler: (request: Request) => Response | Promise<Response>): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const aborted = new AbortController();
    res.once('close', () => aborted.abort());
    let request: Request;
    try {
      request = toRequest(req, aborted.signal);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('bad request: the Host header does not make a URL\n');
      return;
    }
    Promise.resolve()
      .then(() => handler(request))
      .then((response) => send(response, res))
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      });
  };
}
