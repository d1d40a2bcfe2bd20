import { absoluteUrl } from './absolute-url.ts';

/** `robots.txt` that allows every crawler and names the sitemap (an absolute URL, as the protocol requires). */
export function renderRobots(baseUrl: string, sitemapPath = '/sitemap.xml'): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapPath, baseUrl)}\n`;
}
