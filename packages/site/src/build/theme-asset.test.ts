import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ThemeModule from '@alphanode/renderer/theme';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changedUrls, servedPages } from '../../test/out-dir.ts';
import { writeSmallSite } from '../../test/small-site.ts';
import { buildSite, type BuildOptions } from './build-site.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { readSiteManifest } from '../node/read-site-manifest.ts';

// A renderer upgrade that changes the theme, played by swapping the CSS the renderer exports. Builds
// here stay on the main thread (`workers: 0`), where the swap is seen.
const theme = vi.hoisted(() => ({ css: undefined as string | undefined }));
vi.mock('@alphanode/renderer/theme', async (original) => {
  const actual = await original<typeof ThemeModule>();
  return {
    get DEFAULT_THEME_CSS() {
      return theme.css ?? actual.DEFAULT_THEME_CSS;
    },
  };
});
const { DEFAULT_THEME_CSS } = await vi.importActual<typeof ThemeModule>('@alphanode/renderer/theme');

const rules = readFileSync(fileURLToPath(new URL('../../../../examples/rules.yaml', import.meta.url)), 'utf8');
let dir: string;
let options: BuildOptions;
const out = (...parts: string[]) => path.join(dir, 'dist', ...parts);
const manifest = (): Manifest => (readSiteManifest(out()) as Manifest);
/** The stylesheet links of a page in the out dir, in order. */
const stylesheets = (file: string): string[] => [...readFileSync(out(file), 'utf8').matchAll(/<link rel="stylesheet" href="([^"]*)"/g)].map((m) => m[1] as string);
/** Every HTML page the out dir serves, relative to it. */
const htmlFiles = (): string[] => (readdirSync(out(), { recursive: true }) as string[]).filter((file) => file.endsWith('.html')).map((file) => file.split(path.sep).join('/'));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-theme-'));
  options = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, workers: 0, settings: { pageSize: 4 } };
  theme.css = undefined;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the default theme in a build', () => {
  it('is written once under a fingerprinted name and linked first from every page and listing, before the site\'s own', async () => {
    writeSmallSite(dir, 10);
    const summary = await buildSite({ ...options, settings: { ...options.settings, stylesheets: ['/site.css'] } });
    const [asset] = readdirSync(out('assets'));
    expect(asset).toMatch(/^theme\.[0-9a-f]{8}\.css$/);
    expect(readFileSync(out('assets', asset as string), 'utf8')).toBe(DEFAULT_THEME_CSS);
    expect(summary.written).toContain(`assets/${asset}`);
    expect(manifest().listings.filter((record) => record.file.startsWith('assets/')).map((record) => record.url)).toEqual([`/assets/${asset}`]);
    const pages = htmlFiles();
    expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html']));
    expect(pages.filter((file) => file.startsWith('topics/')).length).toBeGreaterThan(0);
    for (const file of pages) expect(stylesheets(file), file).toEqual([`/assets/${asset}`, '/site.css']);
    // With its SRI hash, which the browser checks against the bytes it gets.
    const integrity = `sha384-${createHash('sha384').update(readFileSync(out('assets', asset as string))).digest('base64')}`;
    for (const file of pages) expect(readFileSync(out(file), 'utf8'), file).toContain(`<link rel="stylesheet" href="/assets/${asset}" integrity="${integrity}" crossorigin="anonymous">\n<link rel="stylesheet" href="/site.css">\n`);
    // The example rules keep /assets/* a year, as immutable: safe, as the name changes with the bytes.
    expect(readFileSync(out('_headers'), 'utf8')).toMatch(/^\/assets\/\*\n {2}Cache-Control: max-age=31536000, immutable$/m);
  });

  it('styles only classes the built site writes, and the listings share the post pages\' header', async () => {
    writeSmallSite(dir, 10);
    await buildSite(options);
    const written = new Set(htmlFiles().flatMap((file) => [...readFileSync(out(file), 'utf8').matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => (m[1] as string).split(' '))));
    const styled = [...new Set([...DEFAULT_THEME_CSS.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\.([a-z][a-z0-9-]*)/g)].map((m) => m[1] as string))];
    expect(styled.filter((name) => !written.has(name))).toEqual([]);
    for (const file of ['index.html', '404.html']) expect(readFileSync(out(file), 'utf8'), file).toContain('<header class="site-header">\n<p class="site-name"><a href="/">alphanode</a></p>\n</header>');
  });

  it('is left out with settings.theme false, and turning it off removes the file and plans exactly what changed', async () => {
    writeSmallSite(dir, 6);
    await buildSite(options);
    const [asset] = readdirSync(out('assets'));
    const before = servedPages(out());
    const summary = await buildSite({ ...options, settings: { ...options.settings, theme: false } });
    expect(existsSync(out('assets'))).toBe(false);
    for (const file of htmlFiles()) expect(stylesheets(file), file).toEqual([]);
    const changed = changedUrls(before, servedPages(out()));
    expect(changed).toContain(`/assets/${asset}`);
    expect(summary.purge.urls).toEqual(changed);
  });

  it('a new theme is a new file: every page links it, the old file goes, and the plan is exactly what changed', async () => {
    writeSmallSite(dir, 6);
    await buildSite(options);
    const [old] = readdirSync(out('assets'));
    const before = servedPages(out());
    theme.css = `${DEFAULT_THEME_CSS}\nbody { letter-spacing: .01em; }\n`;
    const summary = await buildSite(options);
    const [now] = readdirSync(out('assets'));
    expect(now).not.toBe(old);
    expect(readFileSync(out('assets', now as string), 'utf8')).toBe(theme.css);
    for (const file of htmlFiles()) expect(stylesheets(file), file).toEqual([`/assets/${now}`]);
    const changed = changedUrls(before, servedPages(out()));
    expect(changed).toEqual(expect.arrayContaining([`/assets/${old}`, `/assets/${now}`, '/', '/404.html']));
    expect(summary.purge.urls).toEqual(changed);
    // And a rebuild with the same theme changes nothing.
    expect((await buildSite(options)).purge.urls).toEqual([]);
  });
});
