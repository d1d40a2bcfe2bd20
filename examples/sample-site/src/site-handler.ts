import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CacheRulesEngine, TargetName } from '@alphanode/cache-rules';
import type { Post } from '@alphanode/parser';
import { etagFor } from '@alphanode/renderer';

export interface SiteOptions {
  /** The built site (`alphanode build --out`). */
  dir: string;
  engine: CacheRulesEngine;
  target?: TargetName;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json; charset=utf-8' };

/** The file a URL path is served from, or undefined for a path the site does not have. */
function fileFor(pathname: string): string | undefined {
  if (pathname === '/') return 'index.html';
  const post = /^\/posts\/([a-z0-9-]+)(\.json)?$/.exec(pathname);
  if (post) return `posts/${post[1]}/index.${post[2] ? 'json' : 'html'}`;
  const topic = /^\/topics\/([a-z0-9-]+)$/.exec(pathname);
  return topic ? `topics/${topic[1]}/index.html` : undefined;
}

async function readPost(dir: string, pathname: string): Promise<Post | undefined> {
  const slug = /^\/posts\/([a-z0-9-]+)/.exec(pathname)?.[1];
  if (!slug) return undefined;
  return JSON.parse(await readFile(path.join(dir, 'posts', slug, 'index.json'), 'utf8')) as Post;
}

/**
 * Serves a built site with the headers the cache rules decide for each request, a strong ETag and
 * 304 for a matching If-None-Match. Web-standard Request in, Response out; only the file reads are
 * Node's.
 */
export function createSiteHandler(options: SiteOptions): (request: Request) => Promise<Response> {
  const target = options.target ?? 'generic';
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/healthz') return new Response('ok\n', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
    const file = fileFor(url.pathname);
    let body: string | undefined;
    try {
      body = file === undefined ? undefined : await readFile(path.join(options.dir, file), 'utf8');
    } catch {
      body = undefined;
    }
    const status = body === undefined ? 404 : 200;
    const post = status === 200 ? await readPost(options.dir, url.pathname) : undefined;
    const decision = options.engine.decide(
      { method: request.method, url: url.pathname + url.search, headers: Object.fromEntries(request.headers) },
      { target, response: { status }, ...(post ? { post } : {}) },
    );
    const headers = new Headers(decision.headers);
    headers.set('x-cache-rule', decision.rule ?? 'none');
    if (body === undefined) return new Response('not found\n', { status, headers });
    headers.set('content-type', TYPES[path.extname(file as string)] ?? 'application/octet-stream');
    const etag = etagFor(body);
    headers.set('etag', etag);
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    return new Response(request.method === 'HEAD' ? null : body, { status, headers });
  };
}
