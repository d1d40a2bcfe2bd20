import { absoluteUrl } from './absolute-url.ts';
import { xmlText } from './xml-text.ts';

/** One page of a sitemap: its site path, and the date it last changed (YYYY-MM-DD), when known. */
export interface SitemapEntry {
  path: string;
  lastmod?: string | undefined;
}

/** Configures `renderSitemaps`: the site's base URL its paths are made absolute against, and how many URLs go in one file. */
export interface SitemapOptions {
  baseUrl: string;
  /** URLs per file; the protocol's maximum, 50,000, by default. */
  limit?: number;
}

/** A file to write: its site path and its XML. */
export interface SitemapFile {
  path: string;
  xml: string;
}

/** The protocol's limits per file: 50,000 URLs and 50 MiB uncompressed (sitemaps.org/protocol.html). */
export const SITEMAP_MAX_URLS = 50_000;
const SITEMAP_MAX_BYTES = 50 * 1024 * 1024;
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const URLSET_OPEN = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
const URLSET_CLOSE = '</urlset>\n';

function urlElement(entry: SitemapEntry, baseUrl: string): string {
  const lastmod = entry.lastmod === undefined ? '' : `<lastmod>${xmlText(entry.lastmod)}</lastmod>`;
  return `<url><loc>${xmlText(absoluteUrl(entry.path, baseUrl))}</loc>${lastmod}</url>\n`;
}

/**
 * `/sitemap.xml` for the entries, in the order given: one urlset while they fit in one file, else a
 * sitemap index at `/sitemap.xml` naming `/sitemap-1.xml`, `/sitemap-2.xml`… each within the
 * protocol's limits. Absolute URLs come from `baseUrl`. No date is invented: an entry without
 * `lastmod` has none, so an unchanged site renders the same bytes and purges nothing.
 *
 * @example
 * renderSitemaps([{ path: '/', lastmod: '2026-06-28' }], { baseUrl: 'https://example.com' });
 */
export function renderSitemaps(entries: readonly SitemapEntry[], options: SitemapOptions): SitemapFile[] {
  const limit = Math.min(options.limit ?? SITEMAP_MAX_URLS, SITEMAP_MAX_URLS);
  const chunks: string[][] = [[]];
  let bytes = 0;
  for (const entry of entries) {
    const element = urlElement(entry, options.baseUrl);
    const current = chunks[chunks.length - 1] as string[];
    // Lengths are UTF-16 units; a URL is ASCII once absolute, and a lastmod always is.
    if (current.length > 0 && (current.length >= limit || bytes + element.length > SITEMAP_MAX_BYTES - HEAD.length - URLSET_OPEN.length - URLSET_CLOSE.length)) {
      chunks.push([]);
      bytes = 0;
    }
    (chunks[chunks.length - 1] as string[]).push(element);
    bytes += element.length;
  }
  const urlset = (elements: readonly string[]) => `${HEAD}${URLSET_OPEN}${elements.join('')}${URLSET_CLOSE}`;
  if (chunks.length === 1) return [{ path: '/sitemap.xml', xml: urlset(chunks[0] as string[]) }];
  const files = chunks.map((elements, index) => ({ path: `/sitemap-${index + 1}.xml`, xml: urlset(elements) }));
  const index = files.map((file) => `<sitemap><loc>${xmlText(absoluteUrl(file.path, options.baseUrl))}</loc></sitemap>\n`).join('');
  return [{ path: '/sitemap.xml', xml: `${HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index}</sitemapindex>\n` }, ...files];
}
