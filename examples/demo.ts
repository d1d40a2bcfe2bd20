// `pnpm demo` (the README's main job): the sample posts in examples/content, served two ways side by
// side, each printing its URLs, with the target `varnish` (its purge keys in an `xkey` header):
//   site     the static site `alphanode build` makes, served with the cache rules (examples/sample-site)
//   express  the Express example with its rules middleware, session bypass and purge endpoint
// When varnishd is installed, a real Varnish with the example VCL goes in front of the Express
// example, and the demo prints a few curl commands that show the cache at work (demo-varnish.ts).
// SITE_PORT, EXPRESS_PORT and VARNISH_PORT move them (4321, 8080 and 6081); VARNISH=off leaves
// Varnish out. Ctrl-C stops all; if one server cannot start, the others are stopped too and the
// exit code is its.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
// `pnpm demo` runs on plain `node` from outside any workspace package, so it reaches the packages'
// sources by path (these two import no other workspace package at run time): the route contract
// and the rules compiler are the ones the Express example uses.
import { compileRulesOrThrow } from '../packages/cache-rules/src/compile/index.ts';
import { siteRoutesFor } from '../packages/site/src/routes/site-routes.ts';
import type { RunningVarnish } from './express/src/varnish/start-varnish.ts';
import { startDemoVarnish, twoPosts, walkthrough } from './demo-varnish.ts';

const expressPort = process.env['EXPRESS_PORT'] ?? '8080';
const varnishPort = Number(process.env['VARNISH_PORT'] ?? 6081);
// The purge route's token, printed in the walkthrough: the demo listens on loopback only.
const adminToken = process.env['ADMIN_TOKEN'] ?? randomUUID();
const servers = [
  { name: 'site', main: 'sample-site/src/main.ts', port: process.env['SITE_PORT'] ?? '4321', env: { TARGET: 'varnish' } },
  {
    name: 'express',
    main: 'express/src/main.ts',
    port: expressPort,
    // Purges go to the demo's Varnish for real.
    env: { TARGET: 'varnish', ADMIN_TOKEN: adminToken, PURGER: 'varnish', VARNISH_URL: `http://127.0.0.1:${varnishPort}`, PURGE_DRY_RUN: '0' },
  },
];

/** Prefixes each line a child prints with its name, so the two logs stay readable together. */
function relay(name: string, from: NodeJS.ReadableStream | null, to: NodeJS.WritableStream): void {
  let pending = '';
  from?.setEncoding('utf8');
  from?.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) to.write(`[${name}] ${line}\n`);
  });
}

const children: ChildProcess[] = servers.map(({ name, main, port, env }) => {
  const child = spawn(process.execPath, ['--conditions=@alphanode/source', fileURLToPath(new URL(main, import.meta.url))], {
    env: { ...process.env, ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  relay(name, child.stdout, process.stdout);
  if (name === 'express') {
    child.stdout?.on('data', (chunk: Buffer | string) => {
      if (!String(chunk).includes('health:')) return;
      startVarnish().catch((error: unknown) => process.stderr.write(`[varnish] ${error instanceof Error ? error.message : String(error)}\n`));
    });
  }
  relay(name, child.stderr, process.stderr);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`[${name}] stopped (${signal ?? `exit ${code}`}); stopping the other one\n`);
    stop(code === 0 || code == null ? 1 : code);
  });
  return child;
});

let varnish: RunningVarnish | undefined;
let varnishStarted = false;

/** Once the Express example is up: Varnish in front of it and the walkthrough, or why not. */
async function startVarnish(): Promise<void> {
  if (varnishStarted || stopping) return;
  varnishStarted = true;
  if (process.env['VARNISH'] === 'off') return;
  const started = await startDemoVarnish(Number(expressPort), varnishPort);
  if (!started.ok) {
    process.stdout.write(`[varnish] ${started.message}\n`);
    return;
  }
  varnish = started.varnish;
  if (stopping) return void varnish.stop();
  const origin = `http://127.0.0.1:${expressPort}`;
  // The Express example's routes: those of the rules it serves with (examples/rules.yaml).
  const routes = siteRoutesFor(compileRulesOrThrow(readFileSync(fileURLToPath(new URL('rules.yaml', import.meta.url)), 'utf8'), { file: 'rules.yaml' }));
  const [post, other] = await twoPosts(origin, routes);
  const urls = { origin, varnish: varnish.url, post: post.path, other: other.path, slug: post.slug, adminToken };
  for (const line of walkthrough(urls).split('\n')) process.stdout.write(`[varnish] ${line}\n`);
}

let stopping = false;
function stop(code: number): void {
  stopping = true;
  process.exitCode = code;
  for (const child of children) if (child.exitCode == null && child.signalCode == null) child.kill('SIGTERM');
  void varnish?.stop();
}
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
