import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build/build-site.ts';
import type { Manifest } from '../src/manifest/manifest.ts';
import { outputFileFor } from '../src/routes/site-routes.ts';
import { writeSmallSite } from './small-site.ts';
import { readSiteManifest } from '../src/node/read-site-manifest.ts';

// Debian's chromium, installed by scripts/system-deps.sh (CI runs it); `playwright install` cannot
// run here. Without it the test is skipped locally, and fails in CI, where it must run.
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: run scripts/system-deps.sh`);

// The generator's image hosts, answered here with a 1x1 PNG so nothing leaves the machine.
const IMAGE_HOSTS = new Set(['images.unsplash.com', 'loremflickr.com', 'dummyimage.com', 'picsum.photos', 'placehold.co']);
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (c) => c.charCodeAt(0));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };
const WIDTHS = [375, 1280] as const;
// Where the screenshots go: a temp dir removed afterwards, or one named to look at them.
const SHOTS = process.env['ALPHANODE_SCREENSHOTS'];

// A page with what the checks must catch: an image with no text alternative (critical for axe) and
// a block wider than any phone.
const CANARY_URL = '/__canary';
const CANARY = '<!DOCTYPE html><html lang="en"><head><title>canary</title></head><body><main><img src="https://picsum.photos/1/1"><div style="width:1600px">wide</div></main></body></html>';

const rules = readFileSync(fileURLToPath(new URL('../../../examples/rules.yaml', import.meta.url)), 'utf8');

interface Violation {
  id: string;
  impact: string | null | undefined;
  nodes: string[];
}

describe.skipIf(!available)('the default theme in headless Chromium', () => {
  let dir = '';
  let shots = '';
  let server: Server;
  let browser: Browser;
  let origin = '';
  // Name → URL: a post with a placeholder figure, a post with loaded images, the home page, a topic page, the 404 page.
  const pages = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'alphanode-theme-browser-'));
    shots = SHOTS ?? path.join(dir, 'screenshots');
    const files = writeSmallSite(dir, 16);
    await buildSite({ patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, workers: 0, settings: { siteName: 'Field Notes' } });
    const outDir = path.join(dir, 'dist');
    const manifest = readSiteManifest(outDir) as Manifest;
    const entries = Object.values(manifest.posts);
    pages.set('post-placeholder', `/posts/${manifest.posts[`content/${files[0]}`]?.slug}`);
    const withImages = entries.find((entry) => entry.file !== `content/${files[0]}` && readFileSync(path.join(outDir, outputFileFor(`/posts/${entry.slug}`)), 'utf8').includes('<img '));
    if (withImages) pages.set('post-images', `/posts/${withImages.slug}`);
    pages.set('home', '/');
    pages.set('topic', manifest.listings.find((record) => record.url.startsWith('/topics/') && record.file.endsWith('.html'))?.url ?? '/topics/none');
    pages.set('not-found', '/404.html');

    // A static host for the out dir, as Netlify serves it: a missing file is 404.html with status 404.
    server = createServer((request, response) => {
      if (request.url === CANARY_URL) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(CANARY);
        return;
      }
      const file = path.join(outDir, outputFileFor(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
      const found = file.startsWith(outDir) && existsSync(file) && statSync(file).isFile();
      response.writeHead(found ? 200 : 404, { 'content-type': TYPES[path.extname(found ? file : '.html')] ?? 'application/octet-stream' });
      response.end(readFileSync(found ? file : path.join(outDir, '404.html')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  /** A page at `width` in the given colour scheme; requests that would leave the machine are answered or refused, and counted. */
  async function open(url: string, width: number, colorScheme: 'light' | 'dark', stray: string[]): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    await context.route('**/*', async (route) => {
      const target = new URL(route.request().url());
      if (target.origin === origin) return route.continue();
      if (IMAGE_HOSTS.has(target.hostname)) return route.fulfill({ status: 200, contentType: 'image/png', body: Buffer.from(PNG) });
      stray.push(target.href);
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(origin + url, { waitUntil: 'load' });
    return { page, context };
  }

  /** axe-core's violations on the page, worst first. */
  async function violations(page: Page): Promise<Violation[]> {
    await page.addScriptTag({ content: axe.source });
    return page.evaluate(async () => {
      const run = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
      return run.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((node) => node.target.join(' ')) }));
    });
  }

  it('finds the pages it means to check', () => {
    expect([...pages.keys()]).toEqual(expect.arrayContaining(['post-placeholder', 'post-images', 'home', 'topic', 'not-found']));
    expect(pages.get('topic')).not.toBe('/topics/none');
  });

  it('has no serious or critical axe violation, and nothing overflows sideways, at 375 and 1280 px, light and dark', async () => {
    const serious: string[] = [];
    const overflow: string[] = [];
    const stray: string[] = [];
    for (const [name, url] of pages) {
      for (const width of WIDTHS) {
        for (const scheme of ['light', 'dark'] as const) {
          const { page, context } = await open(url, width, scheme, stray);
          for (const v of await violations(page)) if (v.impact === 'serious' || v.impact === 'critical') serious.push(`${name} ${width}px ${scheme}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).join(', ')}`);
          // Open the fold too: what it holds must fit as well.
          await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
          if (scrollWidth > innerWidth) overflow.push(`${name} ${width}px: scrollWidth ${scrollWidth} > ${innerWidth}`);
          if (scheme === 'light') {
            const file = path.join(shots, `${name}-${width}.png`);
            await page.screenshot({ path: file, fullPage: true });
            expect(statSync(file).size, file).toBeGreaterThan(1000);
          }
          await context.close();
        }
      }
    }
    expect(serious).toEqual([]);
    expect(overflow).toEqual([]);
    expect(stray).toEqual([]);
  }, 180_000);

  it('catches a critical violation and a sideways overflow (the checks are not blind)', async () => {
    const { page, context } = await open(CANARY_URL, 375, 'light', []);
    expect((await violations(page)).filter((v) => v.impact === 'critical').map((v) => v.id)).toContain('image-alt');
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(true);
    await context.close();
  });

  it('applies the theme: dark by prefers-color-scheme, chips, score bars, the fold closed, a placeholder for the missing image', async () => {
    const stray: string[] = [];
    const backgrounds: Record<string, string> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await open(pages.get('post-placeholder') as string, 375, scheme, stray);
      backgrounds[scheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (scheme === 'light') {
        const look = await page.evaluate(() => {
          const figure = document.querySelector('figure.no-image');
          const meter = document.querySelector('.scores meter');
          return {
            sheets: document.styleSheets.length,
            chips: getComputedStyle(document.querySelector('.chips') as Element).display,
            meters: document.querySelectorAll('.scores meter').length,
            meterWidth: meter?.getBoundingClientRect().width ?? 0,
            foldOpen: (document.querySelector('details.meta-more') as HTMLDetailsElement | null)?.open,
            placeholder: figure == null ? undefined : { img: figure.querySelector('img') != null, height: figure.getBoundingClientRect().height, border: getComputedStyle(figure).borderTopStyle },
          };
        });
        expect(look).toMatchObject({ sheets: 1, chips: 'flex', meters: 4, foldOpen: false, placeholder: { img: false, border: 'dashed' } });
        expect(look.meterWidth).toBeGreaterThan(20);
        expect(look.placeholder?.height).toBeGreaterThan(100);
      }
      await context.close();
    }
    expect(backgrounds).toEqual({ light: 'rgb(255, 255, 255)', dark: 'rgb(13, 17, 23)' });
    expect(stray).toEqual([]);
  }, 60_000);

  it('serves pages html-validate passes (recommended + document)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:document'] });
    const problems: string[] = [];
    for (const [name, url] of pages) {
      const html = readFileSync(path.join(dir, 'dist', outputFileFor(url)), 'utf8');
      const report = await validator.validateString(html);
      for (const m of report.results[0]?.messages ?? []) problems.push(`${name} ${m.ruleId} ${m.line}:${m.column} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
