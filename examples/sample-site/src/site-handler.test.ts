import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRulesOrThrow } from '@alphanode/cache-rules';
import { buildSite } from '@alphanode/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './node-server.ts';
import { createSiteHandler } from './site-handler.ts';

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
  slug = (Object.values(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).posts)[0] as { slug: string }).slug;
  server = serve(createSiteHandler({ dir, engine: compileRulesOrThrow(rules) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('the sample site, built from examples/content and served over HTTP', () => {
  it('serves every built sample post', () => {
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8').match(/href="\/posts\//g)?.length).toBe(32);
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

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const etag = (await fetch(`${base}/posts/${slug}`)).headers.get('etag') as string;
    const response = await fetch(`${base}/posts/${slug}`, { headers: { 'if-none-match': etag } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
  });

  it('never lets a shared cache keep a logged-in visitor\'s page', async () => {
    const response = await fetch(`${base}/posts/${slug}`, { headers: { cookie: 'session=abc' } });
    expect(response.headers.get('cache-control')).toMatch(/private/);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
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
