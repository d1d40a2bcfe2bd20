import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { createSiteHandler, outputFileFor } from '@alphanode/site';
import { buildSite, siteDirReader, toNodeListener, readSiteManifest, type Manifest } from '@alphanode/site/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const examples = fileURLToPath(new URL('../../', import.meta.url));
const rules = readFileSync(path.join(examples, 'rules.yaml'), 'utf8');
let dir: string;
let server: Server;
let base: string;
let slug: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-site-'));
  const summary = await buildSite({ patterns: 'content/*.txt', cwd: examples, outDir: dir, rules });
  expect(summary.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  slug = (Object.values((readSiteManifest(dir) as Manifest).posts)[0] as { slug: string }).slug;
  server = createServer(toNodeListener(createSiteHandler({ read: siteDirReader(dir), engine: compileRulesOrThrow(rules) })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('the sample site, built from examples/content and served over HTTP', () => {
  it('lists every built sample post once, newest first, over the home listing\'s pages', async () => {
    const pages = ['/', '/page/2'].map((url) => readFileSync(path.join(dir, outputFileFor(url)), 'utf8'));
    const dates = pages.flatMap((html) => [...html.matchAll(/<time datetime="([0-9-]+)">/g)].map((match) => match[1]));
    expect(dates).toHaveLength(32);
    expect(dates).toEqual([...dates].sort().reverse());
    // Each page is served with the home rule's headers, and a page past the last is a 404.
    for (const url of ['/', '/page/2']) expect((await fetch(`${base}${url}`)).headers.get('x-cache-rule')).toBe('home');
    expect((await fetch(`${base}/page/3`)).status).toBe(404);
  });

  it('serves a post with the post rule\'s shared-cache headers and a strong ETag', async () => {
    const response = await fetch(`${base}/posts/${slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-cache-rule')).toBe('post-page');
    expect(response.headers.get('cache-control')).toBe('max-age=60');
    expect(response.headers.get('cdn-cache-control')).toMatch(/max-age=3600/);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-z]+"$/);
    expect(await response.text()).toMatch(/^<!doctype html>/i);
  });

  it('answers a matching If-None-Match with 304 and no body, a list and a weak copy included', async () => {
    const etag = (await fetch(`${base}/posts/${slug}`)).headers.get('etag') as string;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await fetch(`${base}/posts/${slug}`, { headers: { 'if-none-match': header } });
      expect([header, response.status]).toEqual([header, 304]);
      expect(await response.text()).toBe('');
    }
    expect((await fetch(`${base}/posts/${slug}`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('never lets a shared cache keep a logged-in visitor\'s page', async () => {
    const response = await fetch(`${base}/posts/${slug}`, { headers: { cookie: 'session=abc' } });
    expect(response.headers.get('cache-control')).toMatch(/private/);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
  });

  it('sends each page\'s purge keys, its post\'s fields included, read from the post\'s JSON', async () => {
    const engine = compileRulesOrThrow(rules);
    const handler = createSiteHandler({ read: siteDirReader(dir), engine, target: 'fastly' });
    const post = JSON.parse(readFileSync(path.join(dir, outputFileFor(`/posts/${slug}.json`)), 'utf8'));
    for (const url of [`/posts/${slug}`, `/posts/${slug}.json`]) {
      const keys = (await handler(new Request(`http://site${url}`))).headers.get('surrogate-key')?.split(' ');
      expect(keys).toEqual(engine.keysFor(url, post));
      expect(keys?.slice(0, 2)).toEqual([`post-${slug}`, expect.stringMatching(/^topic-[a-z0-9-]+$/)]);
    }
    expect((await handler(new Request('http://site/'))).headers.get('surrogate-key')).toBe('listings');
  });

  it('takes the keys the build recorded when the rules give posts no JSON to read them from', async () => {
    const pageOnly = rules.replace('path: [/posts/:slug, /posts/:slug.json]', 'path: /posts/:slug');
    expect(pageOnly).not.toBe(rules);
    const other = mkdtempSync(path.join(tmpdir(), 'alphanode-site-'));
    try {
      await buildSite({ patterns: 'content/*.txt', cwd: examples, outDir: other, rules: pageOnly });
      const manifest = readSiteManifest(other) as Manifest;
      const entry = Object.values(manifest.posts)[0] as { slug: string; outputs: { url: string; keys: string[] }[] };
      expect(entry.outputs.map((output) => output.url)).toEqual([`/posts/${entry.slug}`]);
      const handler = createSiteHandler({ read: siteDirReader(other), engine: compileRulesOrThrow(pageOnly), target: 'fastly' });
      const response = await handler(new Request(`http://site/posts/${entry.slug}`));
      expect(response.status).toBe(200);
      expect(response.headers.get('surrogate-key')?.split(' ')).toEqual(entry.outputs[0]?.keys);
      expect((await handler(new Request(`http://site/posts/${entry.slug}.json`))).status).toBe(404);
      const loggedIn = await handler(new Request(`http://site/posts/${entry.slug}`, { headers: { cookie: 'session=abc' } }));
      expect(loggedIn.headers.get('surrogate-key')).toBeNull();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('serves the post as JSON, the listings, health, and 404 for the rest', async () => {
    const json = await (await fetch(`${base}/posts/${slug}.json`)).json();
    expect(json.title).toBeTypeOf('string');
    expect((await fetch(`${base}/`)).headers.get('x-cache-rule')).toBe('home');
    const topicLink = /href="(\/topics\/[a-z0-9-]+)"/.exec(readFileSync(path.join(dir, 'index.html'), 'utf8'))?.[1] as string;
    expect((await fetch(`${base}${topicLink}`)).status).toBe(200);
    expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok\n');
    const missing = await fetch(`${base}/posts/no-such-post`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-cache-rule')).toBe('not-found');
    expect(missing.headers.get('cdn-cache-control')).toBe('max-age=60');
  });
});
