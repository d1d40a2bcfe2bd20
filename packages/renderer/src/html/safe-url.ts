/** Why a URL was not used. */
export type UrlDropReason = 'relative' | 'protocol-relative' | 'invalid' | 'scheme' | 'credentials';

/** What `checkUrl` says about a URL: the `href` to write (normalised), or why it was refused. */
export type UrlCheck = { ok: true; href: string } | { ok: false; reason: UrlDropReason };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
const LEADING_JUNK = /^[\s\p{Cc}]+/u;
// What browsers read as `//host`: slashes and backslashes, with tabs and newlines between them stripped.
const NETWORK_PATH = /^[\s\p{Cc}]*[\\/][\t\n\r]*[\\/]/u;

// URLs the WHATWG parser serialises unchanged, recognised without running it (parsing is the
// costliest step of a render): lowercase http(s), a lowercase host whose last label starts with a
// letter (so never an IPv4 address) and no port, then only characters no percent-encode set
// touches (`'` only in the path: special URLs encode it in the query). Dot segments and punycode labels, which the parser rewrites or validates, go the slow way.
const PLAIN_URL = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/[\w\-.~!$&'()*+,;=:@%/]*(?:\?[\w\-.~!$&()*+,;=:@%/?]*)?(?:#[\w\-.~!$&()*+,;=:@%/?]*)?$/;
const REWRITTEN = /\/(?:\.|%2e)|xn--/i;

/** `value` when the URL parser would return it unchanged, as `PLAIN_URL` describes; otherwise undefined. */
export const plainUrl = (value: string): string | undefined => (PLAIN_URL.test(value) && !REWRITTEN.test(value) ? value : undefined);

/**
 * Checks a URL against the allowlist: absolute `http:` or `https:` only. Relative and
 * protocol-relative (`//host`) values are refused because the page must not decide which host an
 * imported post loads from; `javascript:`, `data:` and every other scheme are refused whatever
 * their case or the tabs and entities inside them (the WHATWG parser strips what a browser strips,
 * and an entity makes no valid scheme). URLs with credentials are refused as phishing bait. The
 * returned `href` is the parser's serialisation, so the attribute holds exactly what a browser
 * would fetch, with quotes and spaces percent-encoded.
 *
 * @example
 * checkUrl('https://x.test/a b.png'); // { ok: true, href: 'https://x.test/a%20b.png' }
 * checkUrl('JaVaScRiPt:alert(1)');    // { ok: false, reason: 'scheme' }
 */
export function checkUrl(value: string): UrlCheck {
  if (plainUrl(value) !== undefined) return { ok: true, href: value };
  if (NETWORK_PATH.test(value)) return { ok: false, reason: 'protocol-relative' };
  // What the parser would take as a scheme once it strips what browsers strip; without one the URL is
  // relative, and throwing it through the parser to learn that costs microseconds.
  if (!SCHEME.test(value.replace(TAB_OR_NEWLINE, '').replace(LEADING_JUNK, ''))) return { ok: false, reason: 'relative' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'scheme' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials' };
  return { ok: true, href: url.href };
}

const PLACEHOLDER_ORIGIN = 'https://placeholder.invalid';

/**
 * Checks a link target from site configuration (stylesheets, similar-post links, the post's
 * path): absolute `http:`/`https:` URLs as `checkUrl` does, or a path from the site's root
 * (`/posts/a`), kept relative and normalised. Paths relative to the current page are refused
 * (their meaning depends on where the page is served), and so is anything a browser reads as
 * `//host`.
 */
export function checkLink(value: string): UrlCheck {
  const trimmed = value.trim();
  if (SCHEME.test(trimmed) || NETWORK_PATH.test(trimmed)) return checkUrl(trimmed);
  if (!trimmed.startsWith('/')) return { ok: false, reason: 'relative' };
  let url: URL;
  try {
    url = new URL(trimmed, `${PLACEHOLDER_ORIGIN}/`);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return { ok: false, reason: 'protocol-relative' };
  return { ok: true, href: url.pathname + url.search + url.hash };
}

/**
 * `checkLink` for override authors: the URL to put in an `href`, or `undefined` when it is refused.
 * The result still needs escaping for its attribute, which `html` does.
 *
 * @example
 * safeUrl('/posts/a b');          // '/posts/a%20b'
 * safeUrl('javascript:alert(1)'); // undefined
 */
export function safeUrl(value: string): string | undefined {
  const check = checkLink(value);
  return check.ok ? check.href : undefined;
}
