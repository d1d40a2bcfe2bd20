import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runServer } from 'verdaccio';

export interface Registry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

/**
 * A throwaway npm registry: verdaccio with its storage in `dir`, where anyone may publish
 * `@alphanode/*` (never looked up on npmjs, so only what this run published can be installed) and
 * everything else is proxied to registry.npmjs.org. It runs in this process, on a port the system
 * picks, so it cannot outlive the run.
 */
export async function startRegistry(dir: string): Promise<Registry> {
  const config = {
    storage: join(dir, 'storage'),
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: -1 } },
    uplinks: { npmjs: { url: 'https://registry.npmjs.org/', timeout: '60s', max_fails: 5 } },
    packages: {
      '@alphanode/*': { access: '$all', publish: '$all', unpublish: '$all' },
      '**': { access: '$all', publish: '$authenticated', proxy: 'npmjs' },
    },
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
  };
  // YAML is a superset of JSON.
  const configFile = join(dir, 'config.yaml');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const server: Server = await runServer(configFile);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
