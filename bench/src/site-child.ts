// A built site served as the sample site serves it (examples/sample-site/src/main.ts), in its own
// process, for the verify suite: `node site-child.ts OUT_DIR`, TARGET (default varnish) picking the
// CDN headers, PORT (default 0: any free port). It builds nothing: the suite built OUT_DIR with
// examples/rules.yaml. Its own process so that its CPU time can be read from /proc and the load
// generator does not share its event loop. Prints the same "serving on http://127.0.0.1:PORT/" line.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { isTargetName } from '@alphanode/cache-rules';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { createSiteHandler } from '@alphanode/site';
import { siteDirReader, toNodeListener } from '@alphanode/site/node';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: node site-child.ts OUT_DIR (TARGET, PORT in the environment)');
const target = process.env['TARGET'] ?? 'varnish';
if (!isTargetName(target)) throw new Error(`TARGET must name a cache-rules target (generic, varnish, fastly, cloudflare, …); found "${target}"`);
const engine = compileRulesOrThrow(readFileSync(fileURLToPath(new URL('../../examples/rules.yaml', import.meta.url)), 'utf8'), { file: 'rules.yaml' });

const server = createServer(toNodeListener(createSiteHandler({ read: siteDirReader(dir), engine, target })));
server.once('error', (error) => {
  process.stderr.write(`cannot listen: ${error.message}\n`);
  process.exitCode = 1;
});
server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`serving on http://127.0.0.1:${(server.address() as AddressInfo).port}/ (${dir}, target ${target})\n`);
});
// The load generator's keep-alive connections would hold close() open: drop them.
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
