import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { targetKeyHeader, type CacheRulesEngine, type TargetName } from '@alphanode/cache-rules';
import type { Post } from '@alphanode/parser';
import { etagFor } from '@alphanode/renderer';
import { ifNoneMatch, NOT_FOUND_URL, outputFileFor, siteRoutesFor } from '@alphanode/site';
import { MANIFEST_FILE, type Manifest } from '@alphanode/site/node';

export interface SiteOptions {
  /** The built site (`alphanode build --out`). */
  dir: string;
  engine: CacheRulesEngine;
  target?: TargetName;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };
const typeOf = (file: string) => (file.endsWith('feed.xml') ? 'application/atom+xml; charset=utf-8' : (TYPES[path.extname(file)] ?? 'application/octet-stream'));

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  const text = await readText(path.join(dir, MANIFEST_FILE));
  return text === undefined ? undefined : (JSON.parse(text) as Manifest);
}

/** The purge keys the build recorded for `url` (`manifest.json`), for a site whose rules give posts no JSON to read. */
async function recordedKeys(dir: string, url: string): Promise<string[] | undefined> {
  const manifest = await readManifest(dir);
  for (const post of Object.values(manifest?.posts ?? {})) for (const output of post.outputs) if (output.url === url) return output.keys;
  return undefined;
}

/** Whether the build made `url` as a site file beside the listings (404.html, sitemap.xml, a feed, robots.txt). */
async function isSiteFile(dir: string, url: string): Promise<boolean> {
  return (await readManifest(dir))?.listings.some((output) => output.url === url) ?? false;
}

/**
 * Serves a built site with the headers the cache rules decide for each request, each page's purge
 * keys, a strong ETag and 304 for a matching If-None-Match. The site's routes (from the rules'
 * `post.path`, as the build used them) say what a path shows, and `outputFileFor` which file has
 * it: this server and the build cannot disagree on a URL. Web-standard Request in, Response out;
 * only the file reads are Node's.
 */
export function createSiteHandler(options: SiteOptions): (request: Request) => Promise<Response> {
  const target = options.target ?? 'generic';
  const routes = siteRoutesFor(options.engine);
  // The post's own JSON, when the rules list one: the post the rules' {post.…} keys are read from.
  const json = routes.postPatterns.findIndex((pattern, i) => i > 0 && pattern.endsWith('.json'));
  const keyHeader = targetKeyHeader(target);
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/healthz') return new Response('ok\n', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
    const route = routes.match(url.pathname);
    const file = route !== undefined || (await isSiteFile(options.dir, url.pathname)) ? outputFileFor(url.pathname) : undefined;
    const body = file === undefined ? undefined : await readText(path.join(options.dir, file));
    const status = body === undefined ? 404 : 200;
    let post: Post | undefined;
    let keys: string[] | undefined;
    if (status === 200 && route?.kind === 'post') {
      if (json > 0) {
        const text = await readText(path.join(options.dir, outputFileFor(routes.postUrls(route.slug)[json] as string)));
        post = text === undefined ? undefined : (JSON.parse(text) as Post);
      } else keys = await recordedKeys(options.dir, url.pathname);
    }
    const decision = options.engine.decide(
      { method: request.method, url: url.pathname + url.search, headers: Object.fromEntries(request.headers) },
      { target, response: { status }, ...(post ? { post } : {}) },
    );
    const headers = new Headers(decision.headers);
    headers.set('x-cache-rule', decision.rule ?? 'none');
    // The keys the build recorded (those of the post's fields too), for a post this server cannot read.
    if (keys && keys.length > 0 && keyHeader && decision.action === 'cache') {
      const value = keys.join(keyHeader.separator);
      if ((keyHeader.maxKeys === undefined || keys.length <= keyHeader.maxKeys) && value.length <= keyHeader.maxBytes) headers.set(keyHeader.name, value);
    }
    if (body === undefined) {
      // The build's 404.html, as a static host would serve it.
      const page = await readText(path.join(options.dir, outputFileFor(NOT_FOUND_URL)));
      headers.set('content-type', page === undefined ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8');
      return new Response(request.method === 'HEAD' ? null : (page ?? 'not found\n'), { status, headers });
    }
    headers.set('content-type', typeOf(file as string));
    const etag = etagFor(body);
    headers.set('etag', etag);
    if (ifNoneMatch(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    return new Response(request.method === 'HEAD' ? null : body, { status, headers });
  };
}
