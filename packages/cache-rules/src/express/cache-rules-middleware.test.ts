import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Post } from '@alphanode/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../test/load-fixture.ts';
import { compileRulesOrThrow } from '../compile/compile-rules.ts';
import type { Decision } from '../engine/decision.ts';
import { cacheRulesMiddleware } from './cache-rules-middleware.ts';

const post = { title: 'Hello', meta: { topic: 'Perf', stack: ['Go'] } } as unknown as Post;
const decisions: Decision[] = [];
const middleware = cacheRulesMiddleware(fixtureEngine(), { target: 'fastly', post: (req) => (req.url?.startsWith('/posts/') ? post : undefined), onDecision: (decision) => decisions.push(decision) });

// A handler as an app would write it, including the mistakes the middleware must override.
function handler(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/posts/login') res.setHeader('Set-Cookie', 'session=new');
  if (req.url === '/posts/broken') {
    res.writeHead(503, { 'Cache-Control': 'public, max-age=600' });
    res.end('down');
    return;
  }
  res.setHeader('Cache-Control', 'public, max-age=99999');
  res.end('ok');
}

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => middleware(req, res, () => handler(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('cacheRulesMiddleware behind a real node:http server', () => {
  it('sets the rule\'s headers and purge keys over the handler\'s', async () => {
    const response = await fetch(`${base}/posts/hello`);
    expect(response.headers.get('cache-control')).toBe('max-age=60');
    expect(response.headers.get('surrogate-control')).toBe('max-age=3600, stale-while-revalidate=300, stale-if-error=86400');
    expect(response.headers.get('surrogate-key')).toBe('post-hello topic-perf stack-go');
    expect(await response.text()).toBe('ok');
  });

  it('keeps a logged-in request and a cookie-setting response out of shared caches', async () => {
    const loggedIn = await fetch(`${base}/posts/hello`, { headers: { cookie: 'session=1' } });
    expect(loggedIn.headers.get('cache-control')).toBe('private, no-store');
    const login = await fetch(`${base}/posts/login`);
    expect(login.headers.get('cache-control')).toBe('private, no-store');
    expect(login.headers.get('surrogate-control')).toBeNull();
    expect(decisions.at(-1)?.reason).toMatch(/sets a cookie/);
  });

  it('sees the status given to writeHead, and replaces the headers given with it', async () => {
    const response = await fetch(`${base}/posts/broken`);
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('cacheRulesMiddleware reads Content-Type and Set-Cookie however the handler set them', () => {
  const engine = compileRulesOrThrow({
    version: 1,
    rules: [
      { name: 'images', match: { path: '/*', contentType: ['image/*'] }, cache: { edge: '1d' } },
      { name: 'rest', match: { path: '/*' }, cache: { noStore: true } },
    ],
  });
  const seen: Decision[] = [];
  const typed = cacheRulesMiddleware(engine, { target: 'generic', onDecision: (decision) => seen.push(decision) });
  let other: Server;
  let origin = '';
  beforeAll(async () => {
    other = createServer((req, res) =>
      typed(req, res, () => {
        if (req.url === '/set-header') res.setHeader('Content-Type', 'image/png');
        if (req.url === '/write-head') res.writeHead(200, { 'content-TYPE': 'image/png' });
        if (req.url === '/write-head-cookie') res.writeHead(200, { 'Content-Type': 'image/png', 'SET-COOKIE': ['a=1'] });
        if (req.url === '/text') res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end('x');
      }),
    );
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

  it.each([
    ['/set-header', 'images', 'cache'],
    ['/write-head', 'images', 'cache'],
    ['/write-head-cookie', 'images', 'bypass'],
    ['/text', 'rest', 'no-store'],
  ])('%s → rule %s, %s', async (path, rule, action) => {
    await (await fetch(`${origin}${path}`)).text();
    expect([seen.at(-1)?.rule, seen.at(-1)?.action]).toEqual([rule, action]);
  });
});
