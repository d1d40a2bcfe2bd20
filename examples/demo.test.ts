import { spawn } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const demo = fileURLToPath(new URL('./demo.ts', import.meta.url));

/** Runs `pnpm demo`'s script on free-ish ports until both servers have printed their URLs. */
async function startDemo(ports: { site: number; express: number }) {
  const child = spawn(process.execPath, [demo], { env: { ...process.env, SITE_PORT: String(ports.site), EXPRESS_PORT: String(ports.express) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/\[site\] +health:/.test(out) && /\[express\] +health:/.test(out)) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`the demo exited with ${code}:\n${out}`));
    });
  });
  return { child, output: () => out };
}

describe('pnpm demo', () => {
  it('builds and serves the sample site and starts the Express example, printing the URLs of both; Ctrl-C stops both', async () => {
    const ports = { site: 20_000 + Math.floor(Math.random() * 20_000), express: 0 };
    ports.express = ports.site + 1;
    const { child, output } = await startDemo(ports);
    const urls = [...output().matchAll(/^\[(site|express)\] +a post: +(\S+)$/gm)].map((match) => match[2] as string);
    expect(urls).toHaveLength(2);
    for (const url of urls) {
      const page = await fetch(url);
      expect(page.status).toBe(200);
      // The post-page rule, as both servers decide it for an anonymous visitor.
      expect(page.headers.get('cache-control')).toBe('max-age=60');
      expect(await page.text()).toMatch(/^<!doctype html>/i);
      const json = await fetch(`${url}.json`);
      expect((await json.json()).title).toBeTypeOf('string');
    }
    expect(output()).toMatch(/^\[site\] built \d+, unchanged \d+, skipped 0/m);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${ports.express}/healthz`)).rejects.toThrow();
  });
});

describe('pnpm demo when a server cannot start', () => {
  it('says why, stops the other one and exits non-zero', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, [demo], { env: { ...process.env, SITE_PORT: String(port), EXPRESS_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    // Whichever of the two lost the race for the port says so, and the other is stopped.
    expect(out).toMatch(/^\[(site|express)\] .*EADDRINUSE/m);
    expect(out).toMatch(/^\[(site|express)\] stopped \(exit \d+\); stopping the other one$/m);
  });
});
