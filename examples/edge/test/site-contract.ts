import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePostOrThrow } from '@alphanode/parser';
import { assignTopicSlugs } from '@alphanode/site';
import { describe, expect, it } from 'vitest';
import type { SiteData } from '../src/site-data.ts';

/** How a contract run reaches the worker: a path and init in, the worker's Response out. */
export interface ContractTarget {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  data: SiteData;
}

const content = fileURLToPath(new URL('../../content/', import.meta.url));
const STRONG_ETAG = /^"[0-9a-f]+-[0-9a-f]+"$/;

/**
 * The routes, headers, 304s and bypasses every way of running the worker must give, with the
 * `cloudflare` target and examples/rules.yaml. Called once per runtime (workerd, Node's fetch API),
 * like honojs's runtime tests: the same assertions against each.
 */
export function describeSiteContract(runtime: string, target: () => ContractTarget): void {
  /** A topic's URL slug, as the worker (and the build) assign them. */
  const topicSlug = (topic: string): string => assignTopicSlugs(target().data.posts.map((item) => item.post.meta.topic)).slugs.get(topic) as string;
  const first = () => {
    const item = target().data.posts[0];
    if (item === undefined) throw new Error('the site data has no posts');
    return item;
  };

  describe(`the edge worker's routes and headers (${runtime})`, () => {
    it('serves the home listing, newest first, 20 posts a page, every page cached by the home rule', async () => {
      const response = await target().fetch('/');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('x-cache-rule')).toBe('home');
      expect(response.headers.get('cache-control')).toBe('max-age=30');
      expect(response.headers.get('cloudflare-cdn-cache-control')).toBe('max-age=300, stale-while-revalidate=60');
      expect(response.headers.get('cache-tag')).toBe('listings');
      expect(response.headers.get('vary')).toBe('Accept-Encoding, Authorization');
      expect(response.headers.get('etag')).toMatch(STRONG_ETAG);
      const body = await response.text();
      const second = await target().fetch('/page/2');
      expect([second.status, second.headers.get('x-cache-rule'), second.headers.get('cache-tag')]).toEqual([200, 'home', 'listings']);
      const secondBody = await second.text();
      expect([body.includes('<a rel="next" href="/page/2">'), secondBody.includes('<a rel="prev" href="/">')]).toEqual([true, true]);
      const dates = [body, secondBody].flatMap((html) => [...html.matchAll(/<time datetime="([0-9-]+)">/g)].map((match) => match[1]));
      expect(dates).toEqual(target().data.posts.map((item) => item.post.meta.revision.lastReviewed).sort().reverse());
      expect(target().data.posts.length).toBe(32);
      expect((await target().fetch('/page/3')).status).toBe(404);
    });

    it('serves a post as HTML with the post rule, its purge keys and a strong ETag', async () => {
      const { slug, post } = first();
      const response = await target().fetch(`/posts/${slug}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('x-cache-rule')).toBe('post-page');
      expect(response.headers.get('cache-control')).toBe('max-age=60');
      expect(response.headers.get('cloudflare-cdn-cache-control')).toBe('max-age=3600, stale-while-revalidate=300, stale-if-error=86400');
      const tags = response.headers.get('cache-tag')?.split(',');
      expect(tags?.slice(0, 2)).toEqual([`post-${slug}`, `topic-${topicSlug(post.meta.topic)}`]);
      expect(response.headers.get('etag')).toMatch(STRONG_ETAG);
      const body = await response.text();
      expect(body).toMatch(/^<!DOCTYPE html>/i);
      expect(body).toContain(`<link rel="stylesheet" href="${target().data.assets[0]?.path}"`);
    });

    it('serves the typed Post as JSON, equal to what the parser reads from the file, tagged with the page\'s keys', async () => {
      const { slug, file } = first();
      const response = await target().fetch(`/posts/${slug}.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('x-cache-rule')).toBe('post-json');
      const page = await target().fetch(`/posts/${slug}`);
      expect(response.headers.get('cache-tag')).toBe(page.headers.get('cache-tag'));
      expect(response.headers.get('etag')).toMatch(STRONG_ETAG);
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(parsePostOrThrow(readFileSync(`${content}${file}`, 'utf8')))));
    });

    it('serves a topic listing with its topic key and the listings key', async () => {
      const { post } = first();
      const slug = topicSlug(post.meta.topic);
      const response = await target().fetch(`/topics/${slug}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-cache-rule')).toBe('topic-listing');
      expect(response.headers.get('cache-control')).toBe('max-age=30');
      expect(response.headers.get('cloudflare-cdn-cache-control')).toBe('max-age=600, stale-while-revalidate=60');
      expect(response.headers.get('cache-tag')).toBe(`topic-${slug},listings`);
      expect(await response.text()).toContain(`href="/posts/${first().slug}"`);
    });

    it('serves a fingerprinted asset as immutable for a year', async () => {
      const asset = target().data.assets[0];
      expect(asset?.path).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
      const response = await target().fetch(asset?.path ?? '');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect(response.headers.get('x-cache-rule')).toBe('hashed-assets');
      expect(response.headers.get('cache-control')).toBe('max-age=31536000, immutable');
      expect(response.headers.get('cloudflare-cdn-cache-control')).toBe('max-age=31536000');
      expect(await response.text()).toBe(asset?.body);
    });

    it('answers /healthz and never lets anything store it', async () => {
      const response = await target().fetch('/healthz');
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('ok\n');
      expect(response.headers.get('x-cache-rule')).toBe('everything-else');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('cloudflare-cdn-cache-control')).toBe('private, no-store');
    });

    it('answers 404 with the not-found rule: a minute at the edge, nothing in the browser', async () => {
      for (const path of ['/posts/no-such-post', '/posts/no-such-post.json', '/topics/no-such-topic', '/topics/no-such-topic/page/2', '/page/3', '/assets/site.0000000000.css', '/nothing/here']) {
        const response = await target().fetch(path);
        expect(response.status, path).toBe(404);
        expect(response.headers.get('x-cache-rule'), path).toBe('not-found');
        expect(response.headers.get('cache-control'), path).toBe('max-age=0');
        expect(response.headers.get('cloudflare-cdn-cache-control'), path).toBe('max-age=60');
        expect(response.headers.get('etag'), path).toBeNull();
        expect(await response.text()).toBe('not found\n');
      }
    });

    it('answers a matching If-None-Match with 304, the same validators and no body', async () => {
      const path = `/posts/${first().slug}`;
      const full = await target().fetch(path);
      const etag = full.headers.get('etag') as string;
      await full.arrayBuffer();
      for (const header of [etag, `W/${etag}`, `"nope", ${etag}`, '*']) {
        const response = await target().fetch(path, { headers: { 'if-none-match': header } });
        expect(response.status, header).toBe(304);
        expect(response.headers.get('etag')).toBe(etag);
        expect(response.headers.get('cache-control')).toBe('max-age=60');
        expect(await response.text()).toBe('');
      }
      const other = await target().fetch(path, { headers: { 'if-none-match': '"0-0"' } });
      expect(other.status).toBe(200);
      expect(await other.text()).toMatch(/^<!DOCTYPE html>/i);
    });

    it('keeps a session cookie, an Authorization header or a preview out of every shared cache', async () => {
      const path = `/posts/${first().slug}`;
      const requests: [string, RequestInit][] = [
        [path, { headers: { cookie: 'theme=dark; session=abc' } }],
        [path, { headers: { cookie: 'wp_logged_in_123=x' } }],
        [path, { headers: { authorization: 'Bearer t' } }],
        [`${path}?preview=1`, {}],
        ['/', { headers: { cookie: 'session=abc' } }],
      ];
      for (const [url, init] of requests) {
        const response = await target().fetch(url, init);
        const label = `${url} ${JSON.stringify(init)}`;
        expect(response.status, label).toBe(200);
        expect(response.headers.get('cache-control'), label).toBe('private, no-store');
        expect(response.headers.get('cloudflare-cdn-cache-control'), label).toBe('private, no-store');
        expect(response.headers.get('cache-tag'), label).toBeNull();
        await response.arrayBuffer();
      }
    });

    it('answers HEAD with the GET headers and no body, and other methods with 405', async () => {
      const path = `/posts/${first().slug}`;
      const get = await target().fetch(path);
      await get.arrayBuffer();
      const head = await target().fetch(path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
      expect(head.headers.get('cache-control')).toBe('max-age=60');
      expect(await head.text()).toBe('');
      const post = await target().fetch(path, { method: 'POST', body: 'x' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');
      expect(post.headers.get('cache-control')).toBe('private, no-store');
      await post.arrayBuffer();
    });
  });
}
