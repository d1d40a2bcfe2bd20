import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A Web `Request` for a Node request (bodies are not read: the site serves GET and HEAD only). */
function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers });
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

/** A node:http server around a fetch-style handler. */
export function serve(handler: (request: Request) => Promise<Response>): Server {
  return createServer((req, res) => {
    handler(toRequest(req)).then(
      (response) => send(response, res),
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
        res.end(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  });
}
