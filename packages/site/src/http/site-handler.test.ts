import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRulesOrThrow } from '@alphanode/cache-rules/compile';
import { generateCorpus } from '@alphanode/cli/generate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../build/build-site.ts';
import { encodeManifest, parseManifest } from '../manifest/manifest-codec.ts';
import { MANIFEST_FILE, MANIFEST_JOURNAL_FILE } from '../manifest/manifest-files.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { createSiteHandler, type SiteFileReader } from './site-handler.ts';

const rules = readFileSync(fileURLToPath(new URL('../../../../examples/rules.yaml', import.meta.url)), 'utf8');
const engine = compileRulesOrThrow(rules);
let dir = '';
let manifest: Manifest;
// The built site held in memory, as an edge worker's asset store would hold it: no file system.
const files = new Map<string, string>();
const read: SiteFileReader = async (file) => files.get(file);
const get = (url: string, init?: RequestInit) => new Request(`https://site.example${url}`, init);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-site-handler-'));
  mkdirSync(path.join(dir, 'content'));
  for (const { fileName, text } of generateCorpus({ count: 3, seed: 8 })) writeFileSync(path.join(dir, 'content', fileName), text);
  await buildSite({ patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, workers: 0, settings: { baseUrl: 'https://site.example' } });
  const out = path.join(dir, 'dist');
  for (const entry of readdirSync(out, { recursive: true }) as string[]) {
    if (statSync(path.join(out, entry)).isFile()) files.set(entry.split(path.sep).join('/'), readFileSync(path.join(out, entry), 'utf8'));
  }
  manifest = parseManifest(files.get(MANIFEST_FILE) as string, files.get(MANIFEST_JOURNAL_FILE)) as Manifest;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createSiteHandler', () => {
  it('serves a post\'s page and JSON with the rule\'s headers, the post\'s keys and a strong ETag', async () => {
    const handler = createSiteHandler({ read, engine, target: 'fastly' });
    const [page, json] = (Object.values(manifest.posts)[0] as Manifest['posts'][string]).outputs;
    const response = await handler(get(page?.url as string));
    expect([response.status, response.headers.get('content-type'), response.headers.get('x-cache-rule')]).toEqual([200, 'text/html; charset=utf-8', 'post-page']);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-z]+"$/);
    expect(response.headers.get('surrogate-key')?.split(' ')).toEqual(page?.keys);
    expect(await response.text()).toBe(files.get(page?.file as string));
    const data = await handler(get(json?.url as string));
    expect([data.headers.get('content-type'), data.headers.get('x-cache-rule')]).toEqual(['application/json; charset=utf-8', 'post-json']);
  });

  it('stores a post nowhere when its recorded keys do not fit the target\'s key header, as the rules decide for such a post', async () => {
    const [post] = Object.values(manifest.posts) as Manifest['posts'][string][];
    const keys = Array.from({ length: 140 }, (_, i) => `stack-tool-${i}`);
    const many: Manifest = { ...manifest, posts: { ...manifest.posts, [post?.file as string]: { ...(post as Manifest['posts'][string]), outputs: post?.outputs.map((output) => ({ ...output, keys })) ?? [] } } };
    const text = encodeManifest(many, 'test');
    const handler = createSiteHandler({ read: async (file) => (file === MANIFEST_FILE ? text : file === MANIFEST_JOURNAL_FILE ? undefined : files.get(file)), engine, target: 'netlify' });
    const response = await handler(get(post?.outputs[0]?.url as string));
    expect(response.status).toBe(200);
    expect(response.headers.get('netlify-cache-tag')).toBeNull();
    expect(response.headers.get('netlify-cdn-cache-control')).toMatch(/no-store/);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
  });

  it('serves every file the build recorded, with the type its name says, and none of its bookkeeping', async () => {
    const handler = createSiteHandler({ read, engine });
    const types = new Map<string, string | null>();
    for (const output of manifest.listings) {
      const response = await handler(get(output.url));
      expect([output.url, response.status]).toEqual([output.url, 200]);
      expect(await response.text()).toBe(files.get(output.file));
      types.set(output.url.replace(/^\/assets\/.*\.css$/, 'a stylesheet'), response.headers.get('content-type'));
    }
    expect(Object.fromEntries([...types].filter(([url]) => !url.startsWith('/topics/')))).toEqual({
      '/': 'text/html; charset=utf-8',
      '/404.html': 'text/html; charset=utf-8',
      '/sitemap.xml': 'application/xml; charset=utf-8',
      '/feed.xml': 'application/atom+xml; charset=utf-8',
      '/robots.txt': 'text/plain; charset=utf-8',
      // The default theme, when the build links one.
      ...(types.has('a stylesheet') ? { 'a stylesheet': 'text/css; charset=utf-8' } : {}),
    });
    for (const url of ['/manifest.json', '/purge-plan.json', '/_headers', '/posts', '/posts/../manifest.json']) {
      const response = await handler(get(url));
      expect([url, response.status, response.headers.get('x-cache-rule')]).toEqual([url, 404, 'not-found']);
      expect(await response.text()).toBe(files.get('404.html'));
    }
  });

  it('answers HEAD without a body, a matching If-None-Match with 304, and other methods with 405', async () => {
    const handler = createSiteHandler({ read, engine });
    const full = await handler(get('/'));
    const head = await handler(get('/', { method: 'HEAD' }));
    expect([head.status, head.body, Object.fromEntries(head.headers)]).toEqual([200, null, Object.fromEntries(full.headers)]);
    const etag = full.headers.get('etag') as string;
    const notModified = await handler(get('/', { headers: { 'if-none-match': `"other", W/${etag}` } }));
    expect([notModified.status, notModified.body, notModified.headers.get('etag')]).toEqual([304, null, etag]);
    const post = await handler(get('/', { method: 'POST', body: 'x' }));
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect(await (await handler(get('/healthz'))).text()).toBe('ok\n');
  });

  it('gives /healthz and a 405 the rules\' headers too, as the rules decide them (no drift for verify)', async () => {
    const handler = createSiteHandler({ read, engine, target: 'varnish' });
    for (const request of [get('/healthz'), get('/posts/x', { method: 'POST', body: 'x' })]) {
      const response = await handler(request);
      const decision = engine.decide({ method: request.method, url: request.url }, { target: 'varnish', response: { status: response.status, headers: { 'content-type': 'text/plain; charset=utf-8' } } });
      expect([response.headers.get('cache-control'), response.headers.get('x-cache-rule')]).toEqual([decision.headers['Cache-Control'], decision.rule ?? 'none']);
    }
    // Without rules, the fixed no-store stands.
    expect((await createSiteHandler({ read })(get('/healthz'))).headers.get('cache-control')).toBe('no-store');
  });

  it('serves the site with no caching header when it has no rules', async () => {
    const handler = createSiteHandler({ read });
    const response = await handler(get('/'));
    expect([response.status, response.headers.get('cache-control'), response.headers.get('x-cache-rule')]).toEqual([200, null, null]);
    expect((await handler(get('/posts/no-such-post'))).status).toBe(404);
  });

  it('says "not found" in plain text when the site has no 404 page, and no manifest is no error', async () => {
    const handler = createSiteHandler({ read: async () => undefined, engine });
    const response = await handler(get('/sitemap.xml'));
    expect([response.status, response.headers.get('content-type'), await response.text()]).toEqual([404, 'text/plain; charset=utf-8', 'not found\n']);
  });
});
