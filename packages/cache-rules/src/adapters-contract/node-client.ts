// A test helper, Node only: a real HTTP client for the adapters' test servers (never published).
/* eslint-disable no-restricted-imports, no-restricted-globals */
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientRequest, Served } from './contract-cases.ts';

/** Starts `server` on a free loopback port and returns the port. */
export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * A real HTTP/1.1 client: sends Host and then each header line as given (two `Cookie` lines stay two, which
 * `fetch` would join), and returns every response header line as sent.
 */
export function send(port: number, request: ClientRequest): Promise<Served> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method: request.method, path: request.path, headers: ['Host', `127.0.0.1:${port}`, ...request.headers.flat()], agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const headers = new Headers();
        const raw = incoming.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
        resolve({ status: incoming.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** What a Response gives a client, read whole. */
export async function servedFrom(response: Response): Promise<Served> {
  return { status: response.status, headers: response.headers, body: await response.text() };
}
