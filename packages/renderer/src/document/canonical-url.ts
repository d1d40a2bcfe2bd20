import { checkUrl, plainUrl, type UrlCheck } from '../html/safe-url.ts';
import type { RenderReport } from '../render-report.ts';

// A site renders every post against the same base, so its check is done once.
const bases = new Map<string, UrlCheck & { origin?: string }>();

/** `checkUrl` of a site's base URL with its origin, remembered: every page of a site asks. */
export function checkBase(baseUrl: string): UrlCheck & { origin?: string } {
  let check = bases.get(baseUrl);
  if (check === undefined) {
    const result = checkUrl(baseUrl);
    check = result.ok ? { ...result, origin: new URL(result.href).origin } : result;
    if (bases.size < 64) bases.set(baseUrl, check);
  }
  return check;
}

/**
 * The absolute canonical URL from `baseUrl` and `path`: `path` resolved against `baseUrl` (so a
 * base with a path, `https://x.test/blog/`, takes `posts/a`), or `path` alone when it is absolute.
 * The result must pass `checkUrl` and a relative `path` must stay on the base's origin; a refused
 * part is reported and the page goes without a canonical link rather than pointing search engines
 * at another host.
 */
export function canonicalUrl(baseUrl: string | undefined, path: string | undefined, report: RenderReport): string | undefined {
  if (path === undefined) return undefined;
  // The common case, a plain path from the root on a plain base, needs no URL parsing.
  if (baseUrl !== undefined && path.charCodeAt(0) === 47 && path.charCodeAt(1) !== 47) {
    const base = checkBase(baseUrl);
    const joined = base.ok ? plainUrl(base.origin + path) : undefined;
    if (joined !== undefined) return joined;
  }
  const absolute = checkUrl(path);
  if (absolute.ok) return absolute.href;
  if (absolute.reason !== 'relative') {
    report.droppedUrls.push({ path: 'options.path', url: path, reason: absolute.reason });
    return undefined;
  }
  if (baseUrl === undefined) return undefined;
  const base = checkBase(baseUrl);
  if (!base.ok) {
    report.droppedUrls.push({ path: 'options.baseUrl', url: baseUrl, reason: base.reason });
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(path, base.href);
  } catch {
    report.droppedUrls.push({ path: 'options.path', url: path, reason: 'invalid' });
    return undefined;
  }
  if (url.origin !== base.origin) {
    report.droppedUrls.push({ path: 'options.path', url: path, reason: 'protocol-relative' });
    return undefined;
  }
  return url.href;
}
