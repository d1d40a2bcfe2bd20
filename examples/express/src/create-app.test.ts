import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stableHash } from '@alphanode/cache-rules';
import { dryRunPurger, fastlyPurger, vercelPurger, type Purger } from '@alphanode/cache-rules/purge';
import { parsePostOrThrow } from '@alphanode/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ExampleApp } from './create-app.ts';
import { DEFAULT_ASSETS_DIR, DEFAULT_CONTENT_DIR } from './load-options.ts';
import { rawExchange } from './testing/raw-http.ts';
import { listen } from './testing/test-server.ts';

const POST_FILE = path.join(DEFAULT_CONTENT_DIR, '000_27b4b2d52350f568.txt');
const SLUG = 'production-checklist-for-improving-asset-delivery-in-python-services';
const TOPIC = 'improving-asset-delivery-python-services';
const POST_CACHE = 'max-age=60, s-maxage=3600, stale-while-revalidate=300';
const STYLESHEET = 'site.138a8087.css';
const TOKEN = 'test-admin-token';

let example: ExampleApp;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  example = await createApp({ target: 'varnish', adminToken: TOKEN });
  ({ url: base, close } = await listen(example.app));
});
afterAll(() => close());

const get = (url: string, headers: Record<string, string> = {}) => fetch(`${base}${url}`, { headers });
const admin = (body: string, type: string, token = TOKEN) =>
  fetch(`${base}/admin/purge`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });

describe('the Express example over HTTP: routes and the rules\' headers (target varnish)', () => {
  it('loads the whole sample corpus with nothing left out', () => {
    expect(example.problems).toEqual([]);
    expect(example.site().posts.size).toBe(32);
  });

  it('serves the home page, newest first, 20 posts a page, every page tagged as a listing', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('max-age=30, s-maxage=300, stale-while-revalidate=60');
    expect(response.headers.get('xkey')).toBe('listings');
    const body = await response.text();
    expect(body).toContain(`<link rel="stylesheet" href="/assets/${STYLESHEET}">`);
    expect(body).not.toContain('Welcome back');
    expect(body).toContain('<a rel="next" href="/page/2">');
    const second = await get('/page/2');
    expect([second.status, second.headers.get('xkey'), second.headers.get('cache-control')]).toEqual([200, 'listings', response.headers.get('cache-control')]);
    const secondBody = await second.text();
    expect(secondBody).toContain('<a rel="prev" href="/">');
    // Every post once across the pages, newest first.
    const listed = [body, secondBody].flatMap((html) => [...html.matchAll(/<li><a href="\/posts\/[^"]+">[^<]*<\/a>\n<p class="post-meta"><time datetime="([0-9-]+)">/g)].map((match) => match[1]));
    expect(listed).toHaveLength(32);
    expect(listed).toEqual([...listed].sort().reverse());
    expect((await get('/page/3')).status).toBe(404);
  });

  it('greets a logged-in visitor on every listing page, and keeps it private', async () => {
    for (const url of ['/', '/page/2', `/topics/${TOPIC}`]) {
      const response = await get(url, { cookie: 'session=ada' });
      expect([url, response.status, response.headers.get('cache-control')?.includes('private')]).toEqual([url, 200, true]);
      expect(await response.text()).toContain('Welcome back, ada');
    }
    expect((await get('/page/3', { cookie: 'session=ada' })).status).toBe(404);
  });

  it('serves a post page with its purge keys, a strong ETag and the fingerprinted stylesheet', async () => {
    const response = await get(`/posts/${SLUG}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(POST_CACHE);
    expect(response.headers.get('xkey')).toBe(`post-${SLUG} topic-${TOPIC} stack-python-services stack-backend stack-python`);
    expect(response.headers.get('vary')).toBe('Accept-Encoding, Authorization');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const body = await response.text();
    expect(body).toMatch(/^<!DOCTYPE html>/);
    expect(body).toContain('<h1>production checklist for improving asset delivery in python services</h1>');
    expect(body).toContain(`href="/assets/${STYLESHEET}"`);
  });

  it('answers HEAD with the same headers and no body', async () => {
    const [getResponse, head] = [await get(`/posts/${SLUG}`), await fetch(`${base}/posts/${SLUG}`, { method: 'HEAD' })];
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(getResponse.headers.get('etag'));
    expect(head.headers.get('cache-control')).toBe(POST_CACHE);
    expect(await head.text()).toBe('');
  });

  it('serves the typed Post as JSON', async () => {
    const response = await get(`/posts/${SLUG}.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(POST_CACHE);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(parsePostOrThrow(readFileSync(POST_FILE, 'utf8')))));
  });

  it('serves a topic listing tagged by its topic', async () => {
    const response = await get(`/topics/${TOPIC}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('max-age=30, s-maxage=600, stale-while-revalidate=60');
    expect(response.headers.get('xkey')).toBe(`topic-${TOPIC} listings`);
    expect((await response.text()).match(/href="\/posts\//g)?.length).toBe(2);
  });

  it('serves a fingerprinted asset as immutable, and its name is its content hash', async () => {
    const response = await get(`/assets/${STYLESHEET}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('max-age=31536000, s-maxage=31536000, immutable');
    const text = await response.text();
    expect(createHash('sha256').update(text).digest('hex').slice(0, 8)).toBe('138a8087');
    expect(text).toBe(readFileSync(path.join(DEFAULT_ASSETS_DIR, STYLESHEET), 'utf8'));
  });

  it('answers health checks uncached, and unknown pages with a briefly cached 404', async () => {
    const health = await get('/healthz');
    expect([health.status, health.headers.get('cache-control'), await health.text()]).toEqual([200, 'private, no-store', 'ok\n']);
    for (const url of ['/posts/no-such-post', '/posts/no-such-post.json', '/topics/none', '/assets/site.00000000.css', '/nope']) {
      const missing = await get(url);
      expect([url, missing.status, missing.headers.get('cache-control')]).toEqual([url, 404, 'max-age=0, s-maxage=60']);
    }
  });
});

describe('conditional requests', () => {
  it('answers a matching If-None-Match with 304, no body and the same validators and caching headers', async () => {
    const first = await get(`/posts/${SLUG}`);
    const etag = first.headers.get('etag') as string;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await get(`/posts/${SLUG}`, { 'if-none-match': header });
      expect([header, response.status]).toEqual([header, 304]);
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('cache-control')).toBe(POST_CACHE);
      expect(await response.text()).toBe('');
    }
  });

  it('sends the page again when the tag does not match', async () => {
    const response = await get('/', { 'if-none-match': '"0-0"' });
    expect(response.status).toBe(200);
  });
});

describe('logged-in visitors', () => {
  it('get a personalised page marked private, no-store, with no purge keys', async () => {
    for (const url of [`/posts/${SLUG}`, '/', `/topics/${TOPIC}`]) {
      const response = await get(url, { cookie: '_ga=GA1.2; session=alice' });
      expect([url, response.status, response.headers.get('cache-control'), response.headers.get('xkey')]).toEqual([url, 200, 'private, no-store', null]);
      expect(await response.text()).toContain('<p class="greeting">Welcome back, alice</p>');
    }
  });

  it('never see cookie text that is not a name reflected into the page', async () => {
    const response = await get('/', { cookie: 'session=<script>alert(1)</script>' });
    const body = await response.text();
    expect(body).toContain('<p class="greeting">Welcome back, reader</p>');
    expect(body).not.toContain('<script>alert(1)');
  });

  it('log in through a response that sets the cookie and is never stored', async () => {
    const response = await get('/login?name=bob');
    expect(response.status).toBe(200); // fetch followed the 303 to the home page
    const login = await fetch(`${base}/login?name=bob`, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('set-cookie')).toBe('session=bob; Path=/; HttpOnly; SameSite=Lax');
    expect(login.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('POST /admin/purge', () => {
  it('refuses a request without the right Bearer token, and is never cached', async () => {
    const missing = await fetch(`${base}/admin/purge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"slug":"${SLUG}"}` });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="alphanode admin"');
    expect(missing.headers.get('cache-control')).toBe('private, no-store');
    expect(await missing.json()).toEqual({ ok: false, code: 'unauthorized', message: 'send Authorization: Bearer <admin token>' });
    for (const token of ['wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) expect((await admin(`{"slug":"${SLUG}"}`, 'application/json', token)).status).toBe(401);
  });

  it('is off when no token is configured', async () => {
    const { url, close: closeOther } = await listen((await createApp({ target: 'varnish' })).app);
    const response = await fetch(`${url}/admin/purge`, { method: 'POST', headers: { authorization: 'Bearer ', 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe('admin-disabled');
    await closeOther();
  });

  it('purges a post as it is by its slug: its page and its JSON, in a dry run by default', async () => {
    const response = await admin(`{"slug":"${SLUG}"}`, 'application/json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = await response.json();
    expect(body.change).toBe('unchanged');
    expect(body.plan).toEqual({ urls: [`/posts/${SLUG}`, `/posts/${SLUG}.json`], keys: [`post-${SLUG}`], urlsWithoutKey: [] });
    expect(body.purge).toEqual({ ok: true, purger: 'dry-run', dryRun: true, soft: false, requests: [], failures: [], notices: [], unpurged: { keys: [], urls: [], prefixes: [] } });
  });

  it('takes a changed post, serves it from then on, and plans the purge of what changed', async () => {
    const before = await (await get(`/posts/${SLUG}`)).text();
    const edited = readFileSync(POST_FILE, 'utf8').replace('developer experience also matters.', 'developer experience matters even more.');
    const response = await admin(edited, 'text/plain');
    const body = await response.json();
    expect([response.status, body.ok, body.slug, body.change]).toEqual([200, true, SLUG, 'changed']);
    // The text changed, not the title: the listings are the same bytes, so only the post's URLs go.
    expect(body.plan).toEqual({ urls: [`/posts/${SLUG}`, `/posts/${SLUG}.json`], keys: [`post-${SLUG}`], urlsWithoutKey: [] });
    const after = await (await get(`/posts/${SLUG}`)).text();
    expect(before).toContain('developer experience also matters.');
    expect(after).toContain('developer experience matters even more.');
    const retitled = edited.replace(/^production checklist for improving asset delivery in python services$/m, 'a brand new post');
    const added = await (await admin(retitled, 'text/plain')).json();
    expect(added.change).toBe('added');
    // Exactly what changed: the new post's URLs (a cache may hold a 404 for them), the home page's
    // page 2, where its date puts it (21st), page 1, whose topic list counts its topic's posts, and
    // its topic's page. Its topic and stack keys are left out: unchanged pages carry them too, and
    // purging them would evict those.
    expect(added.plan).toEqual({
      urls: ['/', '/page/2', '/posts/a-brand-new-post', '/posts/a-brand-new-post.json', `/topics/${TOPIC}`],
      keys: ['post-a-brand-new-post'],
      urlsWithoutKey: ['/', '/page/2', '/posts/a-brand-new-post', '/posts/a-brand-new-post.json', `/topics/${TOPIC}`],
    });
    expect(await (await get('/page/2')).text()).toContain('href="/posts/a-brand-new-post"');
    expect((await get('/posts/a-brand-new-post')).status).toBe(200);
    expect(await (await get(`/topics/${TOPIC}`)).text()).toContain('href="/posts/a-brand-new-post"');
    // The same text again changes no bytes: nothing to purge.
    expect((await (await admin(retitled, 'text/plain')).json()).plan).toEqual({ urls: [], keys: [], urlsWithoutKey: [] });
  });

  it('reports a post that does not parse, and a slug it does not know, as data', async () => {
    const invalid = await admin('not a post', 'text/plain');
    const body = await invalid.json();
    expect([invalid.status, body.ok, body.code]).toEqual([400, false, 'invalid-post']);
    expect(body.diagnostics.length).toBeGreaterThan(0);
    expect(body.diagnostics[0]).toMatchObject({ severity: 'error', line: expect.any(Number), column: expect.any(Number) });
    const unknown = await admin('{"slug":"nope"}', 'application/json');
    expect([unknown.status, (await unknown.json()).code]).toEqual([404, 'unknown-post']);
    const empty = await admin('{}', 'application/json');
    expect([empty.status, (await empty.json()).code]).toEqual([400, 'missing-post']);
  });
});

describe('POST /admin/purge reads the body only after the token, and never quotes it', () => {
  const head = (token: string, extra: string[] = []) =>
    ['POST /admin/purge HTTP/1.1', 'Host: example', `Authorization: Bearer ${token}`, 'Content-Type: application/json', ...extra].join('\r\n');

  it('answers Expect: 100-continue with a refusal, never the 100, when the token is wrong, and closes the connection', async () => {
    const refused = await rawExchange(base, head('wrong', ['Content-Length: 500000', 'Expect: 100-continue']), { waitForClose: 1000 });
    expect(refused.response.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
    expect([refused.complete, /^connection: close$/im.test(refused.response), refused.closed]).toEqual([true, true, true]);
    const body = `{"slug":"${SLUG}"}`;
    const allowed = await rawExchange(base, head(TOKEN, [`Content-Length: ${body.length}`, 'Expect: 100-continue']), { afterContinue: body });
    expect(allowed.response.startsWith('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n')).toBe(true);
    expect(allowed.complete).toBe(true);
  });

  it('drops a refused body of up to 1 MiB unread and keeps the connection, and cuts a longer chunked one', async () => {
    const small = await rawExchange(base, head('wrong', ['Content-Length: 7']), { body: 'nope!!!', waitForClose: 300 });
    expect([small.response.split('\r\n')[0], small.complete, small.closed]).toEqual(['HTTP/1.1 401 Unauthorized', true, false]);
    const chunk = `${(512 * 1024).toString(16)}\r\n${'x'.repeat(512 * 1024)}\r\n`;
    const chunked = await rawExchange(base, head('wrong', ['Transfer-Encoding: chunked']), { body: chunk.repeat(3), waitForClose: 1000 });
    expect([chunked.response.split('\r\n')[0], chunked.complete, chunked.closed]).toEqual(['HTTP/1.1 401 Unauthorized', true, true]);
  });

  it('refuses, with fixed messages, bodies it cannot read: not JSON, not UTF-8, too large, another type or coding', async () => {
    const marker = 'Zq9x';
    const cases: [RequestInit, number, string][] = [
      [{ headers: { 'content-type': 'application/json' }, body: `{"slug": ${marker}}` }, 400, 'invalid-json'],
      [{ headers: { 'content-type': 'text/plain' }, body: Buffer.from([0x7c, 0x0a, 0xff, 0xfe]) }, 400, 'invalid-encoding'],
      [{ headers: { 'content-type': 'application/json' }, body: `{"slug": "${marker}", "pad": "${'x'.repeat(20_000)}"}` }, 413, 'body-too-large'],
      [{ headers: { 'content-type': 'text/plain' }, body: `${marker}${'x'.repeat(1024 * 1024)}` }, 413, 'body-too-large'],
      [{ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `slug=${marker}` }, 415, 'unsupported-type'],
      [{ headers: { 'content-type': 'text/plain; charset=latin1' }, body: marker }, 415, 'unsupported-charset'],
      [{ headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: marker }, 415, 'unsupported-encoding'],
      [{ headers: { 'content-type': 'application/json' }, body: `{"slug": "${marker}"}` }, 404, 'unknown-post'],
    ];
    for (const [init, status, code] of cases) {
      const response = await fetch(`${base}/admin/purge`, { ...init, method: 'POST', headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${TOKEN}` } });
      const text = await response.text();
      expect([response.status, JSON.parse(text).code]).toEqual([status, code]);
      expect(text).not.toContain(marker);
    }
    // A post that does not parse: where and what kind of problem, never the parser's message, which may quote the text.
    const invalid = await (await admin(`|\n\n${marker}\n`, 'text/plain')).json();
    expect(invalid.code).toBe('invalid-post');
    expect(JSON.stringify(invalid)).not.toContain(marker);
    for (const diagnostic of invalid.diagnostics) expect(Object.keys(diagnostic).sort()).toEqual(['code', 'column', 'line', 'severity']);
  });

  it('answers an error with a fixed text, never the error\'s message (which can quote the path)', async () => {
    const response = await get('/assets/%zz');
    expect([response.status, await response.text()]).toEqual([400, 'bad request\n']);
  });
});

describe('POST /admin/purge?slug=: a post retitled in place', () => {
  it('moves the post to its new title\'s slug, and plans the home page, its topic, the old URLs and the new ones', async () => {
    const file = path.join(DEFAULT_CONTENT_DIR, '000_a0db9e569322340e.txt');
    const old = 'practical-guide-to-taming-background-jobs-with-php-sites';
    const text = readFileSync(file, 'utf8').replace(/^practical guide to taming background jobs with php sites$/m, 'background jobs, retitled');
    expect((await (await fetch(`${base}/admin/purge?slug=no-such-post`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: text })).json()).code).toBe('unknown-post');
    const response = await fetch(`${base}/admin/purge?slug=${old}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: text });
    const body = await response.json();
    expect([response.status, body.change, body.slug, body.previousSlug]).toEqual([200, 'changed', 'background-jobs-retitled', old]);
    const moved = '/posts/background-jobs-retitled';
    const topic = '/topics/taming-background-jobs-php-sites';
    // The post is its topic's only one, so the topic's key reaches only changed pages and takes its page.
    expect(body.plan).toEqual({
      urls: ['/', moved, `${moved}.json`, `/posts/${old}`, `/posts/${old}.json`, topic],
      keys: ['post-background-jobs-retitled', `post-${old}`, 'topic-taming-background-jobs-php-sites'],
      urlsWithoutKey: ['/', moved, `${moved}.json`],
    });
    expect([(await get(`/posts/${old}`)).status, (await get(moved)).status]).toEqual([404, 200]);
    // The same title sent again without ?slug= now finds the moved post, rather than adding a copy.
    expect((await (await admin(text, 'text/plain')).json()).change).toBe('changed');
    expect(example.site().posts.size).toBe(33);
  });
});

describe('POST /admin/purge with a CDN purger (dry run)', () => {
  const NEW = 'a-post-the-cdn-has-not-seen';
  async function addPost(target: 'fastly' | 'vercel', purger: Purger) {
    const app = await createApp({ target, adminToken: TOKEN, purger: dryRunPurger(purger) });
    const { url, close: closeOther } = await listen(app.app);
    const post = readFileSync(POST_FILE, 'utf8').replace(/^production checklist for improving asset delivery in python services$/m, 'a post the cdn has not seen');
    const response = await fetch(`${url}/admin/purge`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: post });
    const body = await response.json();
    await closeOther();
    expect([response.status, body.change, body.purge.dryRun]).toEqual([200, 'added', true]);
    return body;
  }

  it('Fastly purges the new post\'s key, and by URL what no key reaches: the listings and the new URLs\' cached 404s', async () => {
    const body = await addPost('fastly', fastlyPurger({ serviceId: 'svc', token: 'secret', siteUrl: 'https://www.example.com' }));
    expect(body.purge.requests.map((request: { url: string; body?: string }) => [request.url, request.body])).toEqual([
      ['https://api.fastly.com/service/svc/purge', `{"surrogate_keys":["post-${NEW}"]}`],
      ['https://api.fastly.com/purge/www.example.com/', undefined],
      ['https://api.fastly.com/purge/www.example.com/page/2', undefined],
      [`https://api.fastly.com/purge/www.example.com/posts/${NEW}`, undefined],
      [`https://api.fastly.com/purge/www.example.com/posts/${NEW}.json`, undefined],
      [`https://api.fastly.com/purge/www.example.com/topics/${TOPIC}`, undefined],
    ]);
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('Vercel, which purges by tag only, gets the listings\' keys instead (wider), and reports the 404s no key can reach', async () => {
    const body = await addPost('vercel', vercelPurger({ projectId: 'prj', token: 'secret' }));
    const tags = body.purge.requests.flatMap((request: { body: string }) => JSON.parse(request.body).tags);
    expect(tags).toEqual(expect.arrayContaining(['listings', `post-${NEW}`, `topic-${TOPIC}`]));
    expect(body.purge.unpurged.urls).toEqual([`/posts/${NEW}`, `/posts/${NEW}.json`]);
    expect(body.purge.notices.map((notice: { code: string }) => notice.code)).toEqual(['urls-not-purged']);
  });
});

describe('POST /admin/purge on a site of many listing pages (4 posts a page)', () => {
  /** The body of every listing page the site serves, by URL, fetched over HTTP. */
  async function listingBodies(url: string, app: ExampleApp): Promise<Map<string, string>> {
    const bodies = new Map<string, string>();
    for (const page of app.site().listingPages.keys()) bodies.set(page, await (await fetch(`${url}${page}`)).text());
    return bodies;
  }

  it('plans exactly the listing pages whose served bytes changed, appeared or vanished, as posts shift them', async () => {
    const app = await createApp({ target: 'varnish', adminToken: TOKEN, pageSize: 4 });
    const { url, close: closeOther } = await listen(app.app);
    try {
      const text = readFileSync(POST_FILE, 'utf8');
      // Newest of all: every home page shifts and a ninth appears. Oldest of all: only the last page
      // changes, and page 1 for its topic count. Back to the copy's own date: pages shift back.
      for (const [title, date] of [['the newest post', '2030-01-01'], ['the newest post', '2000-01-01'], ['another post', '2021-05-25']] as const) {
        const post = text.replace(/^production checklist for improving asset delivery in python services$/m, title).replace(/last reviewed: \d{4}-\d{2}-\d{2}/, `last reviewed: ${date}`);
        const before = await listingBodies(url, app);
        const body = await (await fetch(`${url}/admin/purge`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: post })).json();
        const after = await listingBodies(url, app);
        const changed = [...new Set([...before.keys(), ...after.keys()])].filter((page) => before.get(page) !== after.get(page)).sort();
        const listingUrls = body.plan.urls.filter((planned: string) => !planned.startsWith('/posts/'));
        expect([title, date, listingUrls]).toEqual([title, date, changed]);
        for (const page of after.keys()) expect((await fetch(`${url}${page}`)).status, page).toBe(200);
      }
      expect(app.site().listingPages.has('/page/9')).toBe(true);
      expect((await fetch(`${url}/page/10`)).status).toBe(404);
    } finally {
      await closeOther();
    }
  });
});

describe('two posts whose titles give one slug', () => {
  it('serves both, the smaller file name at the slug and the other under a hash of its name, and says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alphanode-express-'));
    try {
      const text = readFileSync(POST_FILE, 'utf8');
      writeFileSync(path.join(dir, 'b.txt'), text);
      writeFileSync(path.join(dir, 'a.txt'), text);
      const other = `${SLUG}-${stableHash('b.txt')}`;
      const app = await createApp({ contentDir: dir });
      expect([...app.site().posts.values()].map((entry) => [entry.id, entry.slug])).toEqual([['a.txt', SLUG], ['b.txt', other]]);
      expect(app.problems).toEqual([`post b.txt: its title gives the slug "${SLUG}", as a.txt's does; it is served at /posts/${other}`]);
      const { url, close: closeOther } = await listen(app.app);
      expect([(await fetch(`${url}/posts/${SLUG}`)).status, (await fetch(`${url}/posts/${other}.json`)).status]).toEqual([200, 200]);
      await closeOther();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('without the rules middleware (the benchmark\'s baseline)', () => {
  it('serves the same pages with no caching headers at all', async () => {
    const { url, close: closeOther } = await listen((await createApp({ cacheRules: false })).app);
    const response = await fetch(`${url}/posts/${SLUG}`);
    expect([response.status, response.headers.get('cache-control'), response.headers.get('xkey')]).toEqual([200, null, null]);
    await closeOther();
  });
});
