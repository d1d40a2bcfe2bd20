import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { varnishPurger } from '@alphanode/cache-rules/purge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findVarnishd, startVarnish, type RunningVarnish } from '../varnish/start-varnish.ts';

// @alphanode/cache-rules/purge's Varnish client against a real varnishd 7 with vmod_xkey and the
// shipped varnish/default.vcl, in front of a small origin whose pages each carry one long key.

const PAGES = 300;
/** About 60 bytes a key, so 300 keys need three header lines of at most 8,192 bytes. */
const keyOf = (n: number) => `post-${String(n).padStart(3, '0')}-${'a-long-generated-slug-'.repeat(2)}x`;

let varnish: RunningVarnish | undefined;
let origin: Server;
let version = 1;
let missingExists = false;
const hits = new Map<string, number>();

beforeAll(async () => {
  const binary = findVarnishd();
  // Never skipped: a missing varnishd is a broken CI image, and the proof must not silently vanish.
  if (!binary.ok) throw new Error(binary.message);
  origin = createServer((req, res) => {
    const url = req.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const page = /^\/k\/(\d+)$/.exec(url);
    if (page) {
      res.writeHead(200, { 'cache-control': 'max-age=0, s-maxage=3600', xkey: keyOf(Number(page[1])), 'content-type': 'text/plain' }).end(`page ${page[1]} v${version}`);
    } else if (url === '/missing' && missingExists) {
      res.writeHead(200, { 'cache-control': 'max-age=0, s-maxage=3600', 'content-type': 'text/plain' }).end('here now');
    } else {
      // A 404 the cache keeps, with no key: only a purge by URL reaches it.
      res.writeHead(404, { 'cache-control': 'max-age=0, s-maxage=60', 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  varnish = await startVarnish({ backendPort: (origin.address() as AddressInfo).port });
}, 30_000);

afterAll(async () => {
  await varnish?.stop();
  origin.closeAllConnections();
  await new Promise((resolve) => origin.close(resolve));
}, 15_000);

async function get(path: string): Promise<{ status: number; cache: string | null; body: string }> {
  const response = await fetch(`${varnish?.url}${path}`);
  return { status: response.status, cache: response.headers.get('x-cache'), body: await response.text() };
}
const pages = Array.from({ length: PAGES }, (_, n) => `/k/${n}`);
async function states(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) out.push((await get(path)).cache ?? 'none');
  return out;
}

describe('varnishPurger against varnishd with the example VCL', () => {
  it('purges many keys in header lines that fill, but never pass, http_req_hdr_len', async () => {
    await states(pages);
    expect(new Set(await states(pages))).toEqual(new Set(['HIT']));
    const result = await varnishPurger({ url: varnish?.url as string }).purge({ keys: pages.map((_, n) => keyOf(n)), urls: pages, urlsWithoutKey: [] });
    expect(result.failures).toEqual([]);
    const lines = result.requests.map((request) => `xkey-purge: ${request.headers['xkey-purge']}`.length);
    expect(lines.length).toBe(3);
    expect(lines.every((length) => length <= 8192) && (lines[0] as number) > 8100).toBe(true);
    const gone = result.requests.map((request) => Number(/^Invalidated (\d+) objects$/.exec(request.response?.trim() ?? '')?.[1]));
    expect(gone.reduce((a, b) => a + b, 0)).toBe(PAGES);
    expect(new Set(await states(pages))).toEqual(new Set(['MISS']));
  });

  it('sends the same plan twice harmlessly: the second purge finds nothing left to invalidate', async () => {
    const plan = { keys: [keyOf(0), keyOf(1)], urls: ['/k/0', '/k/1'], urlsWithoutKey: [] };
    await states(['/k/0', '/k/1']);
    const purger = varnishPurger({ url: varnish?.url as string });
    const first = await purger.purge(plan);
    const second = await purger.purge(plan);
    expect([first.requests[0]?.response, second.requests[0]?.response]).toEqual(['Invalidated 2 objects\n', 'Invalidated 0 objects\n']);
    expect(second.requests.map(({ method, url, headers }) => ({ method, url, headers }))).toEqual(first.requests.map(({ method, url, headers }) => ({ method, url, headers })));
  });

  it('is refused by Varnish itself (400) for a line one byte over the limit, which it reports as not worth retrying', async () => {
    const key = 'k'.repeat(8192 - 'xkey-purge: '.length + 1);
    const result = await varnishPurger({ url: varnish?.url as string, maxHeaderBytes: 9000 }).purge({ keys: [key], urls: [] });
    expect(result.requests[0]).toMatchObject({ outcome: 'failed', status: 400, attempts: 1 });
    expect(result.failures[0]).toMatchObject({ code: 'rejected', retryable: false });
    // At the limit exactly, it goes through.
    const fits = await varnishPurger({ url: varnish?.url as string }).purge({ keys: [key.slice(1)], urls: [] });
    expect([fits.ok, fits.requests[0]?.status]).toEqual([true, 200]);
  });

  it('soft-purges with xkey-softpurge: the stale page is served at once while Varnish refetches it', async () => {
    await states(['/k/7', '/k/7']);
    version = 2;
    const before = hits.get('/k/7') ?? 0;
    const result = await varnishPurger({ url: varnish?.url as string }).purge({ keys: [keyOf(7)], urls: ['/k/7'], urlsWithoutKey: [] }, { soft: true });
    expect([result.ok, result.soft, result.requests[0]?.response, result.notices]).toEqual([true, true, 'Soft-invalidated 1 objects\n', []]);
    const stale = await get('/k/7');
    // The recipe marks a copy served in grace STALE, which verify reads as revalidating.
    expect([stale.cache, stale.body]).toEqual(['STALE', 'page 7 v1']);
    // The refetch runs in the background: until it is stored, Varnish keeps serving the stale copy.
    let fresh = await get('/k/7');
    for (let tries = 0; fresh.body !== 'page 7 v2' && tries < 250; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      fresh = await get('/k/7');
    }
    expect(fresh).toEqual({ status: 200, cache: 'HIT', body: 'page 7 v2' });
    expect(hits.get('/k/7')).toBe(before + 1);
  });

  it('purges a cached 404, which carries no key, by URL', async () => {
    expect((await states(['/missing', '/missing']))[1]).toBe('HIT');
    missingExists = true;
    expect((await get('/missing')).status).toBe(404);
    const result = await varnishPurger({ url: varnish?.url as string }).purge({ keys: [], urls: ['/missing'], urlsWithoutKey: ['/missing'] });
    expect(result.requests.map((r) => [r.method, new URL(r.url).pathname, r.status])).toEqual([['PURGE', '/missing', 200]]);
    expect(await get('/missing')).toEqual({ status: 200, cache: 'MISS', body: 'here now' });
  });
});
