import { describe, expect, it } from 'vitest';
import { injectReloadScript, RELOAD_SCRIPT, withReloadScript } from './reload-script.ts';

describe('injectReloadScript', () => {
  it('puts the snippet just before the last </body>, in any case, or at the end without one', () => {
    expect(injectReloadScript('<p>a</p></body></html>')).toBe(`<p>a</p>${RELOAD_SCRIPT}</body></html>`);
    // A post may quote "</body>" in a code block (escaped, but be sure): the document's own is the last.
    expect(injectReloadScript('<code></body></code></BODY>\n')).toBe(`<code></body></code>${RELOAD_SCRIPT}</BODY>\n`);
    expect(injectReloadScript('<p>a fragment</p>')).toBe(`<p>a fragment</p>${RELOAD_SCRIPT}`);
  });

  it('listens to the dev server\'s events and reloads only for its own path or for every page', () => {
    expect(RELOAD_SCRIPT).toContain('new EventSource("/__alphanode/events")');
    expect(RELOAD_SCRIPT).toContain('urls === null || urls.includes(location.pathname)');
    expect(RELOAD_SCRIPT).toContain('location.replace(to)');
  });
});

describe('withReloadScript', () => {
  it('adds the snippet to an HTML page, keeping status and headers but the length', async () => {
    const page = new Response('<body>hi</body>', { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': '15', etag: '"e"', 'x-cache-rule': 'not-found' } });
    const out = await withReloadScript(page);
    expect([out.status, out.headers.get('content-length'), out.headers.get('etag'), out.headers.get('x-cache-rule')]).toEqual([404, null, '"e"', 'not-found']);
    expect(await out.text()).toBe(`<body>hi${RELOAD_SCRIPT}</body>`);
  });

  it('leaves anything else as it is: JSON, CSS, a page without a body (304, HEAD)', async () => {
    for (const response of [
      new Response('{"a":"</body>"}', { headers: { 'content-type': 'application/json' } }),
      new Response('body{}', { headers: { 'content-type': 'text/css' } }),
      new Response(null, { status: 304, headers: { 'content-type': 'text/html' } }),
      new Response('<body></body>', { headers: { 'content-type': 'text/plain' } }),
    ]) {
      expect(await withReloadScript(response)).toBe(response);
    }
  });
});
