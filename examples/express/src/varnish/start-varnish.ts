import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped recipe. */
export const DEFAULT_VCL = fileURLToPath(new URL('../../varnish/default.vcl', import.meta.url));

export interface RunningVarnish {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** What varnishd printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartVarnishOptions {
  /** The origin's port on 127.0.0.1: replaces the recipe's `.port`. */
  backendPort: number;
  vcl?: string;
  /** Where Varnish listens on 127.0.0.1; default a free port. */
  port?: number;
  /** Give up after this long; default 15 s. */
  timeoutMs?: number;
}

/** The varnishd binary, or a message saying how to get it. */
export function findVarnishd(): { ok: true; path: string } | { ok: false; message: string } {
  for (const candidate of ['varnishd', '/usr/sbin/varnishd']) {
    const probe = spawnSync(candidate, ['-V'], { encoding: 'utf8' });
    if (probe.status === 0) return { ok: true, path: candidate };
  }
  return { ok: false, message: 'varnishd was not found: install Varnish 7 and varnish-modules (Debian: `bash scripts/system-deps.sh` as root installs `varnish varnish-modules`)' };
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, deadline: number, output: () => string): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`varnishd exited with ${child.exitCode}:\n${output()}`);
    try {
      await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`varnishd did not answer on ${url} in time:\n${output()}`);
}

/**
 * Starts varnishd in the foreground on a free loopback port with the recipe (its backend port
 * swapped for `backendPort`), in a throwaway working directory. Small thread pools and storage:
 * it shares the machine with the tests.
 */
export async function startVarnish(options: StartVarnishOptions): Promise<RunningVarnish> {
  const binary = findVarnishd();
  if (!binary.ok) throw new Error(binary.message);
  const dir = mkdtempSync(path.join(tmpdir(), 'alphanode-varnish-'));
  const vcl = readFileSync(options.vcl ?? DEFAULT_VCL, 'utf8').replace(/\.port = "\d+";/, `.port = "${options.backendPort}";`);
  writeFileSync(path.join(dir, 'default.vcl'), vcl);
  const port = options.port ?? (await freePort());
  const args = ['-F', '-n', path.join(dir, 'work'), '-a', `127.0.0.1:${port}`, '-f', path.join(dir, 'default.vcl'), '-T', '127.0.0.1:0', '-s', 'malloc,64m', '-j', 'none'];
  for (const param of ['thread_pools=1', 'thread_pool_min=10', 'thread_pool_max=200', 'vcl_cooldown=1']) args.push('-p', param);
  const child = spawn(binary.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode == null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode == null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, Date.now() + (options.timeoutMs ?? 15_000), () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => log, stop };
}
