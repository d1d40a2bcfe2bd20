import { noStoreHeaders, targetKeyHeader, type CacheRulesEngine, type TargetName } from '@alphanode/cache-rules';
import { applyCacheRules } from '@alphanode/cache-rules/fetch';
import { etagFor } from '@alphanode/renderer';
import { NOT_FOUND_URL } from '../listings/listing-pages.ts';
import { outputFileFor, siteRoutesFor } from '../routes/site-routes.ts';
import { contentTypeOf } from './content-type.ts';
import { ifNoneMatch } from './if-none-match.ts';
import { manifestViewReader } from './manifest-view.ts';

/**
 * Reads one file of a built site by its path in the out dir (`posts/hello/index.html`,
 * `/`-separated, as `outputFileFor` names it); resolves to undefined when there is no such file.
 */
export interface SiteFileReader {
  (file: string): Promise<string | undefined>;
  /**
   * A token that changes whenever the file does (its inode, size, mtime and ctime), undefined when
   * there is no such file. With it, the handler reads the manifest again only when it changed;
   * without it (an edge's asset store), it reads and compares the manifest on each request that needs it.
   */
  stamp?: (file: string) => Promise<string | undefined>;
}

/** A Web-standard handler: a Request in, a Response out. */
export type SiteHandler = (request: Request) => Promise<Response>;

/** Configures `createSiteHandler`: where the built site's files come from, and the rules it was built with. */
export interface SiteHandlerOptions {
  /** Reads the built site: `siteDirReader(dir)` from `@alphanode/site/node`, or an edge's asset store. */
  read: SiteFileReader;
  /** The rules the site was built with: its routes, each response's headers and keys. Without them, no caching header is set. */
  engine?: CacheRulesEngine | undefined;
  /** The CDN whose headers the rules write (default generic). */
  target?: TargetName | undefined;
}

const TEXT = 'text/plain; charset=utf-8';

/**
 * Serves a built site (`buildSite`'s out dir) with the headers the cache rules decide for each
 * request, each page's purge keys, a strong ETag, and 304 for a matching `If-None-Match`. The
 * site's routes (the rules' `post.path`, as the build used them) say what a path shows and
 * `outputFileFor` which file holds it, so this server and the build cannot disagree on a URL;
 * other files are served only when the manifest lists them (`404.html`, the sitemap, the feeds,
 * the theme), never the build's bookkeeping. A post's keys are those the manifest recorded, the
 * keys its `_headers` block and the purge plan name. A missing page gets the build's `404.html`.
 * Web APIs only: the files come through `read`, so the same handler runs on Node
 * (`siteDirReader` from `@alphanode/site/node`) and at the edge.
 *
 * @example
 * const handler = createSiteHandler({ read: async (file) => files.get(file), engine, target: 'cloudflare' });
 * const response = await handler(new Request('https://example.com/posts/hello'));
 */
export function createSiteHandler(options: SiteHandlerOptions): SiteHandler {
  const { read, engine } = options;
  const target = options.target ?? 'generic';
  const routes = siteRoutesFor(engine);
  const keyHeader = targetKeyHeader(target);
  const readManifest = manifestViewReader(read);
  /** The response with the rules' headers and the rule's name (unchanged without rules). */
  const ruled = (request: Request, response: Response, keys?: readonly string[]): Response => {
    if (engine === undefined) return response;
    const { response: out, decision } = applyCacheRules(engine, request, response, { target });
    out.headers.set('x-cache-rule', decision?.rule ?? 'none');
    // A post's keys as the build recorded them (its fields' too, its topic's as its topic page's):
    // the keys the purge plan and _headers name, never folded again here.
    if (keys && keys.length > 0 && keyHeader && decision?.action === 'cache') {
      const value = keys.join(keyHeader.separator);
      if ((keyHeader.maxKeys === undefined || keys.length <= keyHeader.maxKeys) && value.length <= keyHeader.maxBytes) out.headers.set(keyHeader.name, value);
      else {
        // A copy tagged with only some of its keys could never be purged whole: stored nowhere,
        // as the rules decide for a post whose keys overflow the header.
        for (const name of Object.keys(decision.headers)) out.headers.delete(name);
        for (const [name, header] of Object.entries(noStoreHeaders(target))) out.headers.set(name, header);
      }
    }
    return out;
  };
  return async (request) => {
    const url = new URL(request.url);
    // Answered before any file is read, but with the rules' headers as every other response, so
    // that `alphanode verify` finds no drift on them (the example rules list /healthz).
    if (url.pathname === '/healthz') return ruled(request, new Response('ok\n', { headers: { 'content-type': TEXT, 'cache-control': 'no-store' } }));
    if (request.method !== 'GET' && request.method !== 'HEAD') return ruled(request, new Response('method not allowed\n', { status: 405, headers: { 'content-type': TEXT, allow: 'GET, HEAD', 'cache-control': 'no-store' } }));
    const route = routes.match(url.pathname);
    // Read only when needed: it is the largest file of a large site.
    const manifest = route === undefined || route.kind === 'post' ? await readManifest() : undefined;
    const file = route === undefined ? manifest?.listings.get(url.pathname)?.file : outputFileFor(url.pathname);
    const body = file === undefined ? undefined : await read(file);
    const keys = body !== undefined && route?.kind === 'post' ? manifest?.posts.get(url.pathname)?.keys : undefined;
    const headers = new Headers();
    let response: Response;
    if (body === undefined) {
      // The build's 404.html, as a static host would serve it.
      const page = await read(outputFileFor(NOT_FOUND_URL));
      headers.set('content-type', page === undefined ? TEXT : contentTypeOf('404.html'));
      response = new Response(page ?? 'not found\n', { status: 404, headers });
    } else {
      headers.set('content-type', contentTypeOf(file as string));
      headers.set('etag', etagFor(body));
      response = new Response(body, { status: 200, headers });
    }
    response = ruled(request, response, keys);
    if (response.status === 200 && ifNoneMatch(request.headers.get('if-none-match'), response.headers.get('etag') ?? undefined)) {
      return new Response(null, { status: 304, headers: response.headers });
    }
    return request.method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
  };
}
