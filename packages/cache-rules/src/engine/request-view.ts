/** Request or response headers as a plain record (any case) or a Web `Headers`. */
export type HeaderInput = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The parts of a request a decision reads. */
export interface DecideRequest {
  /** Default GET. */
  method?: string;
  /** A path (`/posts/a?x=1`), an absolute URL string, or a `URL`. */
  url: string | URL;
  headers?: HeaderInput;
}

/** What the origin is about to answer, when known: status, Set-Cookie and content type take part. */
export interface DecideResponse {
  status?: number;
  headers?: HeaderInput;
}

export interface UrlParts {
  path: string;
  query: string;
  host: string | undefined;
}

/** Splits a URL without `new URL()`, which would cost more than the whole decision. */
export function splitUrl(url: string | URL): UrlParts {
  if (typeof url !== 'string') return { path: url.pathname, query: url.search.slice(1), host: url.host };
  let start = 0;
  let host: string | undefined;
  if (url.charCodeAt(0) !== 47) {
    const scheme = url.indexOf('://');
    if (scheme !== -1) {
      let end = scheme + 3;
      while (end < url.length && url[end] !== '/' && url[end] !== '?' && url[end] !== '#') end++;
      host = url.slice(scheme + 3, end).toLowerCase();
      start = end;
    }
  }
  let hash = url.indexOf('#', start);
  if (hash === -1) hash = url.length;
  const mark = url.indexOf('?', start);
  const pathEnd = mark === -1 || mark > hash ? hash : mark;
  const path = start === pathEnd ? '/' : url.slice(start, pathEnd);
  return { path, query: pathEnd === mark ? url.slice(mark + 1, hash) : '', host };
}

/** The first path segment, the key of the engine's rule index. */
export function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return end === -1 ? path.slice(1) : path.slice(1, end);
}

/** A header value by lowercase name; a list is joined as HTTP would fold it. */
export function getHeader(headers: HeaderInput | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  let value = record[name];
  if (value === undefined) {
    for (const key in record) {
      if (key.length === name.length && key.toLowerCase() === name) {
        value = record[key];
        break;
      }
    }
  }
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.join(name === 'cookie' ? '; ' : ', ');
}

/** Whether a response sets a cookie (`Headers` folds Set-Cookie, so `getSetCookie` is asked first). */
export function setsCookie(headers: HeaderInput | undefined): boolean {
  if (headers === undefined) return false;
  const withGetter = headers as Headers;
  if (typeof withGetter.getSetCookie === 'function') return withGetter.getSetCookie().length > 0;
  return getHeader(headers, 'set-cookie') !== undefined;
}

/** Cookie names in a Cookie header, in order. */
export function cookieNames(header: string): string[] {
  const names: string[] = [];
  // "," too: runtimes and proxies join repeated Cookie lines with ", " (a cookie value may not hold
  // one, RFC 6265 §4.1.1), and reading it as ";" can only add names, so a bypass fires, never misses.
  for (const pair of header.split(/[;,]/)) {
    const eq = pair.indexOf('=');
    const name = (eq === -1 ? pair : pair.slice(0, eq)).trim();
    if (name !== '') names.push(name);
  }
  return names;
}

/** Whether a query string holds a parameter, by its decoded name. */
export function hasQueryParam(query: string, name: string): boolean {
  if (query === '') return false;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    let key = eq === -1 ? pair : pair.slice(0, eq);
    if (key.includes('%') || key.includes('+')) {
      try {
        key = decodeURIComponent(key.replaceAll('+', ' '));
      } catch {
        // A malformed escape cannot name a parameter; keep the raw text.
      }
    }
    if (key === name) return true;
  }
  return false;
}
