import type { Post } from '@alphanode/parser';
import { fixtureEngine } from '../../test/load-fixture.ts';
import type { Decision } from '../engine/decision.ts';
import { OWNED_HEADERS } from '../fetch/owned-headers.ts';
import { TARGETS, type TargetName } from '../targets/target-profiles.ts';

/** The rules every adapter is served with: the package's example rules file. */
export const engine = fixtureEngine();

export const POST = { title: 'Hello', meta: { topic: 'Perf', stack: ['Go', 'Rust'] } } as unknown as Post;

/** What a request carries, by name; each maps to header lines a real client sends. */
export const REQUESTS = {
  anonymous: [],
  'session cookie': [['Cookie', 'session=1']],
  'unrelated cookie': [['Cookie', 'theme=dark']],
  'wildcard bypass cookie': [['Cookie', 'theme=dark; wp_logged_in_42=x']],
  'two Cookie headers, session second': [['Cookie', 'theme=dark'], ['Cookie', 'session=alice']],
  'two Cookie headers, both unrelated': [['Cookie', 'theme=dark'], ['Cookie', 'lang=en']],
  // Two Cookie lines as a runtime or proxy that combines fields the RFC 9110 way hands them on.
  'Cookie lines joined with a comma': [['Cookie', 'theme=dark, session=alice']],
  authorization: [['Authorization', 'Bearer t']],
  'authorization and unrelated cookie': [['Authorization', 'Basic dTpw'], ['Cookie', 'theme=dark']],
} as const satisfies Record<string, ReadonlyArray<readonly [string, string]>>;
export type RequestKind = keyof typeof REQUESTS;
export const REQUEST_KINDS = Object.keys(REQUESTS) as RequestKind[];

export const PATHS = ['/posts/hello', '/posts/hello?preview=1', '/topics/perf', '/assets/app.1.css', '/account/settings', '/search', '/'] as const;
export const STATUSES = [200, 204, 206, 301, 302, 304, 404, 410, 500, 503] as const;
export const METHODS = ['GET', 'HEAD'] as const;

/** What the handler does: the adapter's harness turns it into its framework's calls. */
export interface HandlerScript {
  target: TargetName;
  status: number;
  contentType: string;
  /** Set-Cookie values (`name=value`), set in the form `cookieForm` names. */
  cookies: string[];
  /** One of the adapter's own forms; ignored when `cookies` is empty. */
  cookieForm: string;
  /** The caching headers a careless handler sets, which the rules must replace or remove. */
  careless: boolean;
  /** The post the page shows, handed to the adapter the way its framework does. */
  post: Post | undefined;
}

/** What the client asks. */
export interface ClientRequest {
  method: (typeof METHODS)[number];
  path: string;
  /** Header lines, in order; a name may repeat. */
  headers: ReadonlyArray<readonly [string, string]>;
}

/** What a real client saw. */
export interface Served {
  status: number;
  /** Every header line, appended in order (so `getSetCookie` sees each cookie). */
  headers: Headers;
  body: string;
}

/** Serves `script` behind the adapter and returns what the client got for `request`. */
export type Serve = (script: HandlerScript, request: ClientRequest) => Promise<Served>;

/** The caching headers a careless handler sets, in every target's spelling. */
export const CARELESS: ReadonlyArray<readonly [string, string]> = [
  ['Cache-Control', 'public, max-age=86400'],
  ['CDN-Cache-Control', 'max-age=86400'],
  ['Cloudflare-CDN-Cache-Control', 'max-age=86400'],
  ['Surrogate-Control', 'max-age=86400'],
  ['Edge-Control', '!no-store, max-age=86400'],
  ['Surrogate-Key', 'handler-key'],
  ['Cache-Tag', 'handler-key'],
];
/** A header no rule owns: every adapter must pass it on untouched. */
export const KEPT: readonly [string, string] = ['X-Handler', 'kept'];

/** The body a handler sends for a status (none where HTTP forbids one). */
export function bodyFor(status: number): string | null {
  return status === 204 || status === 304 ? null : `body ${status}`;
}

/** The headers a handler sets besides Set-Cookie, in order. */
export function handlerHeaders(script: HandlerScript): Array<[string, string]> {
  const headers: Array<[string, string]> = [['Content-Type', script.contentType], [KEPT[0], KEPT[1]]];
  if (script.careless) for (const [name, value] of CARELESS) headers.push([name, value]);
  if (script.status >= 300 && script.status < 400 && script.status !== 304) headers.push(['Location', '/elsewhere']);
  return headers;
}

/**
 * What `engine.decide` says for the request and response as HTTP means them: repeated Cookie
 * lines are one cookie list, as a server joins them ("; "), and lines a runtime combined with ","
 * are read as the separate cookies they were.
 */
export function expectedDecision(script: HandlerScript, request: ClientRequest): Decision {
  const cookies = request.headers.filter(([name]) => name.toLowerCase() === 'cookie').map(([, value]) => value);
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) if (name.toLowerCase() !== 'cookie') headers[name.toLowerCase()] = value;
  if (cookies.length > 0) headers['cookie'] = cookies.join('; ').replaceAll(',', ';');
  const responseHeaders: Record<string, string | string[]> = { 'content-type': script.contentType };
  if (script.cookies.length > 0) responseHeaders['set-cookie'] = script.cookies;
  return engine.decide(
    { method: request.method, url: request.path, headers },
    { target: script.target, response: { status: script.status, headers: responseHeaders }, ...(script.post === undefined ? {} : { post: script.post }) },
  );
}

const CACHING = [...OWNED_HEADERS, 'vary'].sort();

/** The caching headers of a response, lowercase name → value (null when absent). */
export function cachingHeaders(headers: Headers | Readonly<Record<string, string>>): Record<string, string | null> {
  const read = headers instanceof Headers ? headers : new Headers(headers as Record<string, string>);
  return Object.fromEntries(CACHING.map((name) => [name, read.get(name)]));
}

const RESTRICTIVE = /(^|[\s,])(private|no-store)\b/i;

/** Why a response could be stored by a shared cache in any target's reading, or undefined when none may. */
export function sharedBy(headers: Headers): string | undefined {
  const cacheControl = headers.get('cache-control') ?? '';
  if (!RESTRICTIVE.test(cacheControl) || /\b(public|s-maxage)\b/i.test(cacheControl)) return `cache-control: ${cacheControl}`;
  for (const field of ['cdn-cache-control', 'cloudflare-cdn-cache-control', 'netlify-cdn-cache-control', 'vercel-cdn-cache-control', 'surrogate-control']) {
    const value = headers.get(field);
    if (value != null && (!RESTRICTIVE.test(value) || /max-age/i.test(value))) return `${field}: ${value}`;
  }
  const edge = headers.get('edge-control');
  if (edge != null && !/^no-store\b/.test(edge)) return `edge-control: ${edge}`;
  for (const field of ['surrogate-key', 'cache-tag', 'edge-cache-tag', 'netlify-cache-tag', 'vercel-cache-tag', 'xkey']) {
    if (headers.has(field)) return `${field}: ${headers.get(field)}`;
  }
  return undefined;
}

export { TARGETS };
