import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '@alphanode/cli/generate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputFileFor } from '../routes/site-routes.ts';
import { buildSite, type BuildOptions } from './build-site.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { readSiteManifest } from '../node/read-site-manifest.ts';

const rules = readFileSync(fileURLToPath(new URL('../../../../examples/rules.yaml', import.meta.url)), 'utf8');
const BASE = 'https://notes.example/blog';
let dir: string;
let options: BuildOptions;
const out = (...parts: string[]) => path.join(dir, 'dist', ...parts);
const xml = (file: string) => {
  const text = readFileSync(out(file), 'utf8');
  expect(XMLValidator.validate(text), file).toBe(true);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'entry', 'link', 'sitemap'].includes(name) }).parse(text);
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alphanode-feeds-'));
  mkdirSync(path.join(dir, 'content'));
  for (const { fileName, text } of generateCorpus({ count: 30, seed: 5 })) writeFileSync(path.join(dir, 'content', fileName), text);
  options = { patterns: 'content/*.txt', cwd: dir, outDir: 'dist', rules, settings: { baseUrl: BASE, siteName: 'Notes' } };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the site\'s sitemap, feeds, robots.txt and 404.html', () => {
  it('are valid, and every sitemap URL is a page in the output', async () => {
    const summary = await buildSite(options);
    expect(summary.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const urls: string[] = xml('sitemap.xml').urlset.url.map((url: { loc: string }) => url.loc);
    // Every page of every listing: 30 posts are two home pages at 20 a page.
    expect(urls.length).toBe(30 + 2 + readManifest().topicPages);
    expect(urls).toContain(`${BASE}/page/2`);
    for (const url of urls) {
      expect(url.startsWith(`${BASE}/`)).toBe(true);
      expect(existsSync(out(outputFileFor(url.slice(BASE.length) || '/'))), url).toBe(true);
    }
    const feed = xml('feed.xml').feed;
    expect(feed.entry).toHaveLength(20);
    const dates: string[] = feed.entry.map((entry: { updated: string }) => entry.updated);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(feed.updated).toBe(dates[0]);
    for (const entry of feed.entry as { id: string }[]) expect(existsSync(out(outputFileFor(entry.id.slice(BASE.length))))).toBe(true);
    expect(readFileSync(out('robots.txt'), 'utf8')).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(readFileSync(out('404.html'), 'utf8')).toMatch(/<h1>Page not found<\/h1>/);
    // One feed per topic, beside the topic's page.
    const topic = readManifest().firstTopic;
    expect(xml(`topics/${topic}/feed.xml`).feed.link[1]['@_href']).toBe(`${BASE}/topics/${topic}`);
  });

  it('a rebuild with nothing changed rewrites none of them and purges nothing', async () => {
    await buildSite(options);
    const again = await buildSite(options);
    expect(again.written).toEqual([]);
    expect(again.purge).toEqual({ keys: [], urls: [], urlsWithoutKey: [] });
  });

  it('a post\'s new date puts the sitemap and the feeds it is in into the purge plan', async () => {
    const first = await buildSite(options);
    expect(first.purge.urls).toContain('/sitemap.xml');
    const file = readManifest().files[0] as string;
    const text = readFileSync(path.join(dir, file), 'utf8');
    writeFileSync(path.join(dir, file), text.replace(/last reviewed: \d{4}-\d{2}-\d{2}/, 'last reviewed: 2099-01-01'));
    const summary = await buildSite(options);
    expect(summary.purge.urls).toEqual(expect.arrayContaining(['/sitemap.xml', '/feed.xml']));
    expect(summary.purge.urls.some((url) => /^\/topics\/[^/]+\/feed\.xml$/.test(url))).toBe(true);
    expect(xml('feed.xml').feed.updated).toBe('2099-01-01T00:00:00Z');
  });

  it('without a base URL, warns and leaves the sitemap, feeds and robots.txt out', async () => {
    const summary = await buildSite({ ...options, settings: { siteName: 'Notes' } });
    expect(summary.diagnostics.map((d) => d.code)).toContain('no-base-url');
    expect(existsSync(out('sitemap.xml')) || existsSync(out('feed.xml')) || existsSync(out('robots.txt'))).toBe(false);
    expect(existsSync(out('404.html'))).toBe(true);
  });

  it('a base URL that is not absolute http(s) is a build error before anything is written', async () => {
    await expect(buildSite({ ...options, settings: { baseUrl: 'notes.example' } })).rejects.toMatchObject({ code: 'invalid-base-url', retryable: false });
    expect(existsSync(out())).toBe(false);
  });
});

function readManifest(): { topicPages: number; firstTopic: string; files: string[] } {
  const manifest = (readSiteManifest(out()) as Manifest) as { topics: Record<string, string>; posts: Record<string, { file: string }>; listings: { url: string }[] };
  const topics = Object.values(manifest.topics).sort();
  const topicPages = manifest.listings.filter((listing) => /^\/topics\/[^/]+(\/page\/\d+)?$/.test(listing.url)).length;
  return { topicPages, firstTopic: topics[0] as string, files: Object.values(manifest.posts).map((post) => post.file) };
}
