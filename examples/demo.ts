// `pnpm demo` (the README's main job): the sample posts in examples/content, served two ways side by
// side, each printing its URLs:
//   site     the static site `alphanode build` makes, served with the cache rules (examples/sample-site)
//   express  the Express example with its rules middleware, session bypass and purge endpoint
// SITE_PORT and EXPRESS_PORT move them (4321 and 8080). Ctrl-C stops both; if one cannot start,
// the other is stopped too and the exit code is its.
import { spawn, type ChildProcess } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const servers = [
  { name: 'site', main: 'sample-site/src/main.ts', port: process.env['SITE_PORT'] ?? '4321' },
  { name: 'express', main: 'express/src/main.ts', port: process.env['EXPRESS_PORT'] ?? '8080' },
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

const children: ChildProcess[] = servers.map(({ name, main, port }) => {
  const child = spawn(process.execPath, ['--conditions=@alphanode/source', fileURLToPath(new URL(main, import.meta.url))], {
    env: { ...process.env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  relay(name, child.stdout, process.stdout);
  relay(name, child.stderr, process.stderr);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`[${name}] stopped (${signal ?? `exit ${code}`}); stopping the other one\n`);
    stop(code === 0 || code == null ? 1 : code);
  });
  return child;
});

let stopping = false;
function stop(code: number): void {
  stopping = true;
  process.exitCode = code;
  for (const child of children) if (child.exitCode == null && child.signalCode == null) child.kill('SIGTERM');
}
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
