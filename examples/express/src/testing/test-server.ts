import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { deferContinue } from '../admin/request-body.ts';

/** The app behind a real node:http server on a free loopback port, for tests and the benchmark. */
export async function listen(app: Express): Promise<{ server: Server; port: number; url: string; close(): Promise<void> }> {
  const server = createServer(app);
  server.on('checkContinue', deferContinue(app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
