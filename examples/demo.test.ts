import { spawn } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findVarnishd } from './express/src/varnish/start-varnish.ts';

const demo = fileURLToPath(new URL('./demo.ts', import.meta.url));

/** Runs `pnpm demo`'s script on free-ish ports until both servers have printed their URLs. */
async function startDemo(ports: { site: number; express: number; varnish?: number }, ready = (out: string) => /\[site\] +health:/.test(out) && /\[express\] +health:/.test(out)) {
  const env = { ...process.env, SITE_PORT: String(ports.site), EXPRESS_PORT: String(ports.express), ...(ports.varnish === undefined ? { VARNISH: 'off' } : { VARNISH_PORT: String(ports.varnish) }) };
  const child = spawn(process.execPath, [demo], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (ready(out)) {
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
      // The post-page rule, as both servers decide it for an anonymous visitor, for Varnish: with its purge keys.
      expect(page.headers.get('cache-control')).toBe('max-age=60, s-maxage=3600, stale-while-revalidate=300');
      expect(page.headers.get('xkey')).toMatch(/^post-[a-z0-9-]+ topic-/);
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

describe('pnpm demo with Varnish in front', () => {
  it.skipIf(!findVarnishd().ok && process.env['CI'] !== 'true')('prints a walkthrough whose commands do what it says: MISS then HIT, logged-in passes, a one-post purge', async () => {
    const site = 20_000 + Math.floor(Math.random() * 20_000);
    const ports = { site, express: site + 1, varnish: site + 2 };
    const { child, output } = await startDemo(ports, (out) => /\[varnish\] .*# HIT: another post stays cached/.test(out));
    try {
      const lines = output().split('\n').filter((line) => line.startsWith('[varnish]   curl'));
      const urlOf = (line: string) => /(http:\/\/127\.0\.0\.1:\d+\/posts\/[a-z0-9-]+)/.exec(line)?.[1] as string;
      const xCache = async (url: string, init?: RequestInit) => (await fetch(url, { method: 'HEAD', ...init })).headers.get('x-cache');
      const [post, again, other] = lines.slice(0, 3).map(urlOf) as [string, string, string];
      expect(post).toBe(again);
      expect([await xCache(post), await xCache(post), await xCache(other)]).toEqual(['MISS', 'HIT', 'MISS']);
      const loggedIn = await fetch(post, { method: 'HEAD', headers: { cookie: 'session=ada' } });
      expect([loggedIn.headers.get('x-cache'), loggedIn.headers.get('cache-control')]).toEqual(['MISS', 'private, no-store']);
      // The purge command, as printed: its token, its body, its URL.
      const purge = lines.find((line) => line.includes('/admin/purge')) as string;
      const token = /Bearer ([^']+)'/.exec(purge)?.[1] as string;
      const body = /-d '([^']+)'/.exec(purge)?.[1] as string;
      const origin = /(http:\/\/127\.0\.0\.1:\d+)\/admin\/purge/.exec(purge)?.[1] as string;
      const purged = await fetch(`${origin}/admin/purge`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
      expect(purged.status).toBe(200);
      expect([await xCache(post), await xCache(other)]).toEqual(['MISS', 'HIT']);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    await expect(fetch(`http://127.0.0.1:${ports.varnish}/healthz`)).rejects.toThrow();
  }, 60_000);
});
