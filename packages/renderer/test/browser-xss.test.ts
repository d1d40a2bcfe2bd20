import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import process from 'node:process';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, raw, renderPost } from '../src/index.ts';
import { generated, handWritten } from './corpus.ts';
import { hostileOptions } from './fixtures/hostile-posts.ts';
import { seedPosts } from './seeds.ts';

// Debian's chromium, installed by scripts/system-deps.sh (CI runs it); `playwright install` cannot
// run here. Without it the test is skipped locally, and fails in CI, where it must run.
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: run scripts/system-deps.sh`);

// Hosts the generator's and the fixtures' ordinary images live on. Requests to them are answered
// here with a 1x1 PNG, so nothing leaves the machine; a request to any other host fails the test.
const IMAGE_HOSTS = new Set(['images.unsplash.com', 'loremflickr.com', 'dummyimage.com', 'picsum.photos', 'placehold.co', 'images.example.com']);
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (c) => c.charCodeAt(0));

// The site stylesheet, served for real with its true SRI hash, so a blocked stylesheet is an error.
const CSS = 'body { font-family: sans-serif; }';
const CSS_INTEGRITY = `sha384-${createHash('sha384').update(CSS).digest('base64')}`;

interface Finding {
  page: string;
  what: string;
}

describe.skipIf(!available)('hostile pages in headless Chromium', () => {
  const pages = new Map<string, string>();
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let origin = '';

  beforeAll(async () => {
    handWritten().forEach(({ name, post }, i) => {
      const options = hostileOptions(name);
      const stylesheets = [...(options.stylesheets ?? []).slice(0, -1), { href: '/site.css', integrity: CSS_INTEGRITY }];
      pages.set(`/hand/${i}`, renderPost(post, { ...options, stylesheets }));
    });
    generated(30, true, 11).forEach((post, i) => pages.set(`/generated/${i}`, renderPost(post, { siteName: 'Notes', baseUrl: 'https://notes.example', path: `/posts/${i}` })));
    seedPosts().forEach(({ post }, i) => pages.set(`/seed/${i}`, renderPost(post)));
    // Markup a site vouched for with raw(): it runs, and the harness must see it.
    const canary = raw('<script>window.__xss=1; alert(1)</script><img src="https://evil.example/x.png" onerror="void 0">');
    pages.set('/canary', renderPost(seedPosts()[0]!.post, { layout: (parts) => html`<!DOCTYPE html><html lang="en"><head>${parts.head}</head><body>${parts.article}${canary}</body></html>` }));
    server = createServer((request, response) => {
      if (request.url === '/site.css') {
        response.writeHead(200, { 'content-type': 'text/css' });
        response.end(CSS);
        return;
      }
      const html = pages.get(request.url ?? '');
      response.writeHead(html === undefined ? 204 : 200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        // Belt and braces: should routing miss a request, no name resolves but loopback.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    context = await browser.newContext();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Loads each page, pokes it, and returns what went wrong: scripts that ran, dialogs, stray requests, console output. */
  async function visit(paths: readonly string[]): Promise<{ findings: Finding[]; console: string[]; images: number }> {
    const findings: Finding[] = [];
    const console: string[] = [];
    let images = 0;
    let current = '';
    const page = await context.newPage();
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === origin) return route.continue();
      if ((url.protocol === 'https:' || url.protocol === 'http:') && IMAGE_HOSTS.has(url.hostname)) {
        images++;
        return route.fulfill({ status: 200, contentType: 'image/png', body: Buffer.from(PNG) });
      }
      findings.push({ page: current, what: `request to ${url.href}` });
      return route.abort();
    });
    page.on('dialog', (dialog) => {
      findings.push({ page: current, what: `dialog: ${dialog.message()}` });
      void dialog.dismiss();
    });
    page.on('console', (message) => console.push(`${current}: ${message.type()} ${message.text()}`));
    page.on('pageerror', (error) => findings.push({ page: current, what: `page error: ${error.message}` }));
    page.on('request', (request) => {
      const url = request.url();
      if (/^(?:javascript|data|vbscript|file|blob):/i.test(url) || url.includes('evil.example')) findings.push({ page: current, what: `hostile request ${url}` });
    });

    for (const path of paths) {
      current = path;
      await page.goto(origin + path, { waitUntil: 'load' });
      // Bring lazy images into view, and hover and focus everything, so any handler that slipped through would fire.
      const dom = await page.evaluate(async () => {
        window.scrollTo(0, document.body.scrollHeight);
        for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
          element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          element.focus?.();
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
        const all = Array.from(document.querySelectorAll('*'));
        return {
          xss: (window as { __xss?: unknown }).__xss,
          handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => a.name.startsWith('on')).map((a) => `${el.localName}[${a.name}]`)),
          scripts: Array.from(document.scripts).map((s) => s.type),
          embeds: document.querySelectorAll('iframe, object, embed, base, meta[http-equiv], svg, form').length,
          badUrls: Array.from(document.querySelectorAll<HTMLElement>('[src], [href]'))
            .map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? '')
            .filter((url) => !/^(?:https?:\/\/|\/(?![/\\]))/i.test(url) || new URL(url, location.href).hostname.includes('evil')),
          jsonLd: document.querySelector('script[type="application/ld+json"]')?.textContent ?? '',
          h1: document.querySelectorAll('h1').length,
        };
      });
      if (dom.xss !== undefined) findings.push({ page: path, what: 'window.__xss was set' });
      if (dom.handlers.length > 0) findings.push({ page: path, what: `event handlers: ${dom.handlers.join(', ')}` });
      if (dom.scripts.join() !== 'application/ld+json') findings.push({ page: path, what: `scripts: ${dom.scripts.join()}` });
      if (dom.embeds > 0) findings.push({ page: path, what: `${dom.embeds} embedded or navigating elements` });
      if (dom.badUrls.length > 0) findings.push({ page: path, what: `URLs: ${dom.badUrls.join(' ')}` });
      if (dom.h1 !== 1) findings.push({ page: path, what: `${dom.h1} h1 elements` });
      // The JSON-LD the browser reads is the JSON we wrote: no field closed the script or changed it.
      try {
        if (JSON.parse(dom.jsonLd)['@type'] !== 'BlogPosting') findings.push({ page: path, what: 'JSON-LD is not a BlogPosting' });
      } catch {
        findings.push({ page: path, what: 'JSON-LD does not parse' });
      }
    }
    await page.close();
    return { findings, console, images };
  }

  it('runs no script, opens no dialog, logs nothing and requests nothing hostile', async () => {
    const paths = [...pages.keys()].filter((path) => !path.startsWith('/canary'));
    const { findings, console, images } = await visit(paths);
    expect(findings).toEqual([]);
    expect(console).toEqual([]);
    expect(paths.length).toBeGreaterThan(70);
    // The allowed images did load (answered locally), so the request checks saw real traffic.
    expect(images).toBeGreaterThan(20);
  }, 90_000);

  it('catches a payload that does run (the harness is not blind)', async () => {
    const { findings } = await visit(['/canary']);
    const what = findings.map((finding) => finding.what);
    expect(what).toContain('window.__xss was set');
    expect(what).toContain('dialog: 1');
    expect(what).toContain('request to https://evil.example/x.png');
    expect(what.some((line) => line.startsWith('event handlers: img[onerror]'))).toBe(true);
  }, 30_000);
});
