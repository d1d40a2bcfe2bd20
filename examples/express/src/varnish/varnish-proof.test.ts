import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../create-app.ts';
import { DEFAULT_CONTENT_DIR } from '../load-options.ts';
import { varnishPurger } from '../purgers/varnish.ts';
import { findVarnishd, freePort, startVarnish, type RunningVarnish } from './start-varnish.ts';

// The proof that the headers the rules write make a real cache do the right thing: varnishd 7 with
// vmod_xkey and the shipped varnish/default.vcl, in front of the Express example (target varnish).
const POST_FILE = path.join(DEFAULT_CONTENT_DIR, '000_27b4b2d52350f568.txt');
const SLUG = 'production-checklist-for-improving-asset-delivery-in-python-services';
const SAME_TOPIC = 'practical-guide-to-improving-asset-delivery-with-python-services';
const OTHER = 'practical-guide-to-taming-background-jobs-with-php-sites';
const TOPIC = '/topics/improving-asset-delivery-python-services';
const ASSET = '/assets/site.138a8087.css';
const TOKEN = 'varnish-test-token';

let varnish: RunningVarnish | undefined;
let origin: Server;
let originUrl = '';
const originHits = new Map<string, number>();

beforeAll(async () => {
  const binary = findVarnishd();
  // Never skipped: a missing varnishd is a broken CI image, and the proof must not silently vanish.
  if (!binary.ok) throw new Error(binary.message);
  const varnishPort = await freePort();
  const { app } = await createApp({ target: 'varnish', adminToken: TOKEN, purger: varnishPurger({ url: `http://127.0.0.1:${varnishPort}` }) });
  origin = createServer((req, res) => {
    originHits.set(req.url ?? '', (originHits.get(req.url ?? '') ?? 0) + 1);
    app(req, res);
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  const originPort = (origin.address() as AddressInfo).port;
  originUrl = `http://127.0.0.1:${originPort}`;
  varnish = await startVarnish({ backendPort: originPort, port: varnishPort });
}, 30_000);

afterAll(async () => {
  await varnish?.stop();
  origin.closeAllConnections();
  await new Promise((resolve) => origin.close(resolve));
}, 15_000);

const viaVarnish = (url: string, headers: Record<string, string> = {}) => fetch(`${varnish?.url}${url}`, { headers, redirect: 'manual' });
const hits = (url: string) => originHits.get(url) ?? 0;

/** X-Cache of each URL, fetched anonymously through Varnish. */
async function cacheStates(urls: string[]): Promise<Record<string, string | null>> {
  const states: Record<string, string | null> = {};
  for (const url of urls) {
    const response = await viaVarnish(url);
    await response.arrayBuffer();
    states[url] = response.headers.get('x-cache');
  }
  return states;
}

describe('the Express example behind Varnish 7 with varnish/default.vcl', () => {
  it('serves an anonymous page as a MISS, then a HIT without asking the origin, and hides the purge keys', async () => {
    const url = `/posts/${SLUG}`;
    const first = await viaVarnish(url);
    const firstBody = await first.text();
    const second = await viaVarnish(url);
    expect([first.status, first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual([200, 'MISS', 'HIT']);
    expect(await second.text()).toBe(firstBody);
    expect(hits(url)).toBe(1);
    expect(second.headers.get('cache-control')).toBe('max-age=60, s-maxage=3600, stale-while-revalidate=300');
    expect(second.headers.get('xkey')).toBeNull();
    // Cookies that are not a session (analytics) are dropped, so these visitors share the copy.
    expect((await viaVarnish(url, { cookie: '_ga=GA1.2.3; consent=yes' })).headers.get('x-cache')).toBe('HIT');
    expect(hits(url)).toBe(1);
  });

  it('never serves the cached anonymous page to a session, and a session never fills the cache', async () => {
    const cached = `/posts/${SLUG}`;
    await cacheStates([cached, cached]);
    const before = hits(cached);
    const loggedIn = await viaVarnish(cached, { cookie: '_ga=1; session=alice' });
    expect([loggedIn.headers.get('x-cache'), loggedIn.headers.get('cache-control')]).toEqual(['MISS', 'private, no-store']);
    expect(await loggedIn.text()).toContain('<p class="greeting">Welcome back, alice</p>');
    expect(hits(cached)).toBe(before + 1);

    // A page first asked for by a logged-in visitor: the next anonymous visitor must not get it.
    const fresh = `/posts/${OTHER}`;
    for (const name of ['bob', 'carol']) expect(await (await viaVarnish(fresh, { cookie: `session=${name}` })).text()).toContain(`Welcome back, ${name}`);
    const anonymous = await viaVarnish(fresh);
    expect(anonymous.headers.get('x-cache')).toBe('MISS');
    expect(await anonymous.text()).not.toContain('Welcome back');
    expect(hits(fresh)).toBe(3);
    const again = await viaVarnish(fresh);
    expect([again.headers.get('x-cache'), (await again.text()).includes('Welcome back')]).toEqual(['HIT', false]);
  });

  it('purges one changed post by its keys: its page and its JSON go, every other page stays', async () => {
    const page = `/posts/${SLUG}`;
    const others = [`/posts/${SAME_TOPIC}`, `/posts/${OTHER}`, `/posts/${OTHER}.json`, TOPIC, '/', ASSET];
    const all = [page, `${page}.json`, ...others];
    await cacheStates(all);
    expect(await cacheStates(all)).toEqual(Object.fromEntries(all.map((url) => [url, 'HIT'])));

    const edited = readFileSync(POST_FILE, 'utf8').replace('developer experience also matters.', 'developer experience matters even more.');
    const purge = await fetch(`${originUrl}/admin/purge`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: edited });
    const result = await purge.json();
    // One key: the page and its JSON carry the same post key.
    expect([purge.status, result.plan.keys]).toEqual([200, [`post-${SLUG}`]]);
    expect(result.purge.responses.map((r: { status: number; body: string }) => [r.status, r.body])).toEqual([[200, 'Invalidated 2 objects\n']]);

    const after = await viaVarnish(page);
    expect([after.headers.get('x-cache'), (await after.text()).includes('developer experience matters even more.')]).toEqual(['MISS', true]);
    expect(await cacheStates([`${page}.json`, ...others])).toEqual({ [`${page}.json`]: 'MISS', ...Object.fromEntries(others.map((url) => [url, 'HIT'])) });
  });

  it('purges a new post\'s cached 404 and the listings that now show it by URL, and nothing else', async () => {
    const url = '/posts/a-post-varnish-had-as-a-404';
    const otherTopic = '/topics/taming-background-jobs-php-sites';
    expect(await cacheStates([url, url])).toEqual({ [url]: 'HIT' });
    const others = [`/posts/${SAME_TOPIC}`, `/posts/${OTHER}`, otherTopic, ASSET];
    const listings = ['/', TOPIC];
    await cacheStates([...listings, ...others]);
    expect(await cacheStates([...listings, ...others])).toEqual(Object.fromEntries([...listings, ...others].map((page) => [page, 'HIT'])));

    const post = readFileSync(POST_FILE, 'utf8').replace(/^production checklist for improving asset delivery in python services$/m, 'a post varnish had as a 404');
    const purge = await fetch(`${originUrl}/admin/purge`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: post });
    const result = await purge.json();
    expect([purge.status, result.change, result.plan.keys]).toEqual([200, 'added', ['post-a-post-varnish-had-as-a-404']]);
    // The key reaches no cached object (the 404 carries none); the URLs go one by one.
    const sent = result.purge.requests.map((r: { url: string; headers: Record<string, string> }) => [new URL(r.url).pathname, r.headers['xkey-purge']]);
    expect(sent).toEqual([['/', 'post-a-post-varnish-had-as-a-404'], ['/', undefined], [url, undefined], [`${url}.json`, undefined], [TOPIC, undefined]]);

    const fresh = await viaVarnish(url);
    expect([fresh.status, fresh.headers.get('x-cache')]).toEqual([200, 'MISS']);
    await fresh.arrayBuffer();
    const home = await viaVarnish('/');
    expect([home.headers.get('x-cache'), (await home.text()).includes(`href="${url}"`)]).toEqual(['MISS', true]);
    expect(await cacheStates([TOPIC, ...others])).toEqual({ [TOPIC]: 'MISS', ...Object.fromEntries(others.map((page) => [page, 'HIT'])) });
  });

  it('serves a hashed asset from the cache, with the immutable lifetime passed on to browsers', async () => {
    await cacheStates([ASSET]);
    const before = hits(ASSET);
    const response = await viaVarnish(ASSET);
    expect([response.headers.get('x-cache'), response.headers.get('cache-control')]).toEqual(['HIT', 'max-age=31536000, s-maxage=31536000, immutable']);
    expect(hits(ASSET)).toBe(before);
  });

  it('never stores a response that sets a cookie', async () => {
    const url = '/login?name=dave';
    const responses = [await viaVarnish(url), await viaVarnish(url), await viaVarnish(url)];
    expect(responses.map((r) => [r.status, r.headers.get('x-cache'), r.headers.get('set-cookie')])).toEqual(
      Array.from({ length: 3 }, () => [303, 'MISS', 'session=dave; Path=/; HttpOnly; SameSite=Lax']),
    );
    expect(hits(url)).toBe(3);
  });

  it('keeps a 404 for a minute and never caches health checks or the admin route', async () => {
    expect(await cacheStates(['/posts/no-such-post', '/posts/no-such-post'])).toEqual({ '/posts/no-such-post': 'HIT' });
    expect(hits('/posts/no-such-post')).toBe(1);
    await cacheStates(['/healthz', '/healthz']);
    expect(hits('/healthz')).toBeGreaterThanOrEqual(2);
    const purge = await fetch(`${varnish?.url}/admin/purge`, { method: 'POST', headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' }, body: '{}' });
    expect([purge.status, purge.headers.get('x-cache')]).toEqual([401, 'MISS']);
  });
});
