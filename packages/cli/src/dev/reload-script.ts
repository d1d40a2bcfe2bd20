import { RELOAD_EVENTS_PATH } from './reload-events.ts';

/**
 * The snippet `alphanode dev` adds to each HTML page: it listens to the dev server's events and
 * reloads the page when a rebuild changed its bytes (its path is in the event's URLs, or the
 * event names none, meaning every page), or goes to the page's new URL when its post moved (a
 * retitle), rather than reloading a page that is gone. Only in dev: a build's files never carry it.
 */
export const RELOAD_SCRIPT = `<script>(() => {
  const events = new EventSource(${JSON.stringify(RELOAD_EVENTS_PATH)});
  events.addEventListener('reload', (event) => {
    const { urls, moved } = JSON.parse(event.data);
    const to = moved && Object.hasOwn(moved, location.pathname) ? moved[location.pathname] : undefined;
    if (to !== undefined) location.replace(to);
    else if (urls === null || urls.includes(location.pathname)) location.reload();
  });
})();</script>`;

/** `html` with the reload snippet just before its last `</body>` (any case), or at its end when it has none. */
export function injectReloadScript(html: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at === -1 ? html + RELOAD_SCRIPT : html.slice(0, at) + RELOAD_SCRIPT + html.slice(at);
}

/**
 * The response with the reload snippet in its page, when it is an HTML page with a body; any other
 * response (JSON, a feed, the stylesheet, a 304, a HEAD) as it is. The headers are kept but the
 * length, which no longer holds; the ETag is kept, since the snippet is the same on every page.
 */
export async function withReloadScript(response: Response): Promise<Response> {
  if (response.body == null || !/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(injectReloadScript(await response.text()), { status: response.status, statusText: response.statusText, headers });
}
