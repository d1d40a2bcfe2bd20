import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { varnishPurger } from '@alphanode/cache-rules/purge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferContinue } from '../admin/request-body.ts';
import { createApp } from '../create-app.ts';
import { DEFAULT_CONTENT_DIR } from '../load-options.ts';
import { rawExchange } from '../testing/raw-http.ts';
import { findVarnishd, freePort, startVarnish, type RunningVarnish } from './start-varnish.ts';

// The proof that the headers the rules write make a real cache do the right thing: varnishd 7 with
// vmod_xkey and the shipped varnish/default.vcl, in front of the Express example (target varnish).
const POST_FILE = path.join(DEFAULT_CONTENT_DIR, '000_27b4b2d52350f568.txt');
const OTHER_FILE = path.join(DEFAULT_CONTENT_DIR, '000_a0db9e569322340e.txt');
const SLUG = 'production-checklist-for-improving-asset-delivery-in-python-services';
const SAME_TOPIC = 'practical-guide-to-improving-asset-delivery-with-python-services';
const OTHER = 'practical-guide-to-taming-background-jobs-with-php-sites';
const TOPIC = '/topics/improving-asset-delivery-python-services';
const ASSET = '/assets/site.138a8087.css';
const OTHER_TOPIC = '/topics/taming-background-jobs-php-sites';
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
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    originHits.set(req.url ?? '', (originHits.get(req.url ?? '') ?? 0) + 1);
    app(req, res);
  };
  origin = createServer(handle);
  // As main.ts does (Varnish answers Expect itself, so this changes nothing behind it).
  origin.on('checkContinue', deferContinue(handle));
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

/**
 * A GET through Varnish with exactly these header lines, in this order: `fetch` would merge two
 * Cookie lines into one, node:http's array form sends each as its own line.
 */
function rawGet(url: string, lines: string[]): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  const target = new URL(url, varnish?.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, headers: ['Host', target.host, ...lines], agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

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

  it('reads every Cookie line: a session in the second line is passed, never given the anonymous copy', async () => {
    const url = `/posts/${SAME_TOPIC}`;
    expect(await cacheStates([url, url])).toEqual({ [url]: 'HIT' });
    const before = hits(url);
    const loggedIn = await rawGet(url, ['Cookie', '_ga=GA1.2.3', 'Cookie', 'session=alice']);
    expect([loggedIn.status, loggedIn.headers['x-cache'], loggedIn.headers['cache-control']]).toEqual([200, 'MISS', 'private, no-store']);
    expect(loggedIn.body).toContain('<p class="greeting">Welcome back, alice</p>');
    expect(hits(url)).toBe(before + 1);
    // Cookie lines with no session among them are still dropped, so those visitors share the copy.
    const anonymous = await rawGet(url, ['Cookie', '_ga=GA1.2.3', 'Cookie', 'consent=yes']);
    expect([anonymous.headers['x-cache'], anonymous.body.includes('Welcome back')]).toEqual(['HIT', false]);
    expect(hits(url)).toBe(before + 1);
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
    expect(result.purge.requests.map((r: { status: number; response: string }) => [r.status, r.response])).toEqual([[200, 'Invalidated 2 objects\n']]);

    const after = await viaVarnish(page);
    expect([after.headers.get('x-cache'), (await after.text()).includes('developer experience matters even more.')]).toEqual(['MISS', true]);
    expect(await cacheStates([`${page}.json`, ...others])).toEqual({ [`${page}.json`]: 'MISS', ...Object.fromEntries(others.map((url) => [url, 'HIT'])) });
  });

  it('purges a new post\'s cached 404 and the listings that now show it by URL, and nothing else', async () => {
    const url = '/posts/a-post-varnish-had-as-a-404';
    const otherTopic = '/topics/taming-background-jobs-php-sites';
    expect(await cacheStates([url, url])).toEqual({ [url]: 'HIT' });
    const others = [`/posts/${SAME_TOPIC}`, `/posts/${OTHER}`, otherTopic, ASSET];
    // The new post has its copy's date, so it lands 21st, on the home listing's page 2; page 1 shows its topic's count.
    const listings = ['/', '/page/2', TOPIC];
    await cacheStates([...listings, ...others]);
    expect(await cacheStates([...listings, ...others])).toEqual(Object.fromEntries([...listings, ...others].map((page) => [page, 'HIT'])));

    const post = readFileSync(POST_FILE, 'utf8').replace(/^production checklist for improving asset delivery in python services$/m, 'a post varnish had as a 404');
    const purge = await fetch(`${originUrl}/admin/purge`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: post });
    const result = await purge.json();
    expect([purge.status, result.change, result.plan.keys]).toEqual([200, 'added', ['post-a-post-varnish-had-as-a-404']]);
    // The key reaches no cached object (the 404 carries none); the URLs go one by one.
    const sent = result.purge.requests.map((r: { url: string; headers: Record<string, string> }) => [new URL(r.url).pathname, r.headers['xkey-purge']]);
    expect(sent).toEqual([['/', 'post-a-post-varnish-had-as-a-404'], ['/', undefined], ['/page/2', undefined], [url, undefined], [`${url}.json`, undefined], [TOPIC, undefined]]);

    const fresh = await viaVarnish(url);
    expect([fresh.status, fresh.headers.get('x-cache')]).toEqual([200, 'MISS']);
    await fresh.arrayBuffer();
    const second = await viaVarnish('/page/2');
    expect([second.headers.get('x-cache'), (await second.text()).includes(`href="${url}"`)]).toEqual(['MISS', true]);
    expect(await cacheStates(['/', TOPIC, ...others])).toEqual({ '/': 'MISS', [TOPIC]: 'MISS', ...Object.fromEntries(others.map((page) => [page, 'HIT'])) });
  });

  it('checks the purge token before it reads the body, and never echoes the body', async () => {
    // Short, so that even a parse error's clipped fragment of the body would show it whole.
    const marker = 'Zq9x';
    const admin = (token: string, type: string, body: string) =>
      fetch(`${varnish?.url}/admin/purge`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
    // Bodies that would fail to parse if they were parsed: the 401 neither parses nor quotes them.
    // The origin drops them unread (up to the 1 MiB a post may have), so Varnish, which sends the
    // whole body before it reads the answer, gets the 401 rather than a broken connection.
    const bodies: [string, string][] = [
      ['application/json', `{"slug": ${marker}}`],
      ['application/json', `{"slug": "${marker}", "pad": "${'x'.repeat(512 * 1024)}`],
      ['text/plain', `${marker}\n${'y'.repeat(900 * 1024)}`],
    ];
    for (const [type, body] of bodies) {
      const started = Date.now();
      const refused = await admin('wrong', type, body);
      const text = await refused.text();
      expect([refused.status, refused.headers.get('x-cache')]).toEqual([401, 'MISS']);
      expect(JSON.parse(text)).toEqual({ ok: false, code: 'unauthorized', message: 'send Authorization: Bearer <admin token>' });
      expect(text).not.toContain(marker);
      expect(Date.now() - started).toBeLessThan(2000);
    }
    // With the right token the body is read, and one that is not JSON gets a fixed answer.
    const invalid = await admin(TOKEN, 'application/json', `{"slug": ${marker}}`);
    const answer = await invalid.text();
    expect([invalid.status, JSON.parse(answer)]).toEqual([400, { ok: false, code: 'invalid-json', message: 'the body is not JSON: send {"slug": "<slug>"} as application/json' }]);
    expect(answer).not.toContain(marker);

    // Straight to the origin: the answer comes while most of the declared body is still unsent,
    // so nothing of it was waited for, let alone parsed.
    const head = (length: number) => `POST /admin/purge HTTP/1.1\r\nHost: origin\r\nAuthorization: Bearer wrong\r\nContent-Type: application/json\r\nContent-Length: ${length}`;
    const early = await rawExchange(originUrl, head(100_000), { body: `{"slug": "${marker}` });
    expect([early.complete, early.response.split('\r\n')[0], early.response.includes(marker)]).toEqual([true, 'HTTP/1.1 401 Unauthorized', false]);
    // A body declared longer than the route ever reads is not read at all: the connection closes.
    const huge = await rawExchange(originUrl, head(64 * 1024 * 1024), { body: `{"slug": "${marker}`, waitForClose: 1000 });
    expect([huge.complete, huge.response.split('\r\n')[0], /^connection: close$/im.test(huge.response), huge.closed]).toEqual([true, 'HTTP/1.1 401 Unauthorized', true, true]);
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

  it('purges the home page, the topic, the old URL and a cached 404 at the new URL when a post is retitled', async () => {
    const old = `/posts/${OTHER}`;
    const moved = '/posts/taming-background-jobs-retitled';
    expect(await cacheStates([moved, moved])).toEqual({ [moved]: 'HIT' });
    const changed = ['/', OTHER_TOPIC, old, `${old}.json`];
    const others = [`/posts/${SAME_TOPIC}`, TOPIC, ASSET];
    await cacheStates([...changed, ...others]);
    expect(await cacheStates([...changed, ...others])).toEqual(Object.fromEntries([...changed, ...others].map((url) => [url, 'HIT'])));

    const text = readFileSync(OTHER_FILE, 'utf8').replace(/^practical guide to taming background jobs with php sites$/m, 'taming background jobs, retitled');
    const purge = await fetch(`${originUrl}/admin/purge?slug=${OTHER}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: text });
    const result = await purge.json();
    expect([purge.status, result.change, result.slug, result.previousSlug]).toEqual([200, 'changed', 'taming-background-jobs-retitled', OTHER]);
    expect(result.plan.urls).toEqual(['/', old, `${old}.json`, moved, `${moved}.json`, OTHER_TOPIC]);

    const fresh = await viaVarnish(moved);
    expect([fresh.status, fresh.headers.get('x-cache')]).toEqual([200, 'MISS']);
    expect(await fresh.text()).toContain('taming background jobs, retitled');
    const gone = await viaVarnish(old);
    expect([gone.status, gone.headers.get('x-cache')]).toEqual([404, 'MISS']);
    await gone.arrayBuffer();
    const home = await viaVarnish('/');
    const homeText = await home.text();
    expect([home.headers.get('x-cache'), homeText.includes(`href="${moved}"`), homeText.includes(`href="${old}"`)]).toEqual(['MISS', true, false]);
    expect(await cacheStates([OTHER_TOPIC, ...others])).toEqual({ [OTHER_TOPIC]: 'MISS', ...Object.fromEntries(others.map((url) => [url, 'HIT'])) });
  });
});
