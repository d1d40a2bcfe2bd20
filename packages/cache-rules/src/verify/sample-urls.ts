import type { CacheRulesEngine } from '../engine/create-engine.ts';

/** What to sample: the rules' own example URLs, and the pages of the site. */
export interface SampleOptions {
  /** The site's pages (a build's manifest, a sitemap), as paths or absolute URLs. */
  pages?: readonly string[];
  /** How many pages to take from `pages`; every rule that decides one of them gets at least one. Default 50. */
  maxPages?: number;
}

/** One URL to check, and the rule that decides it for an anonymous GET (before its response is known). */
export interface SampledUrl {
  url: string;
  rule: string | null;
  /** `example` when a rule lists it, `page` when it is one of the site's pages. */
  from: 'example' | 'page';
}

/** A path and query for an absolute URL or a path: what is requested under the base URL. */
export function pathOf(url: string): string {
  if (url.startsWith('/')) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return `/${url}`;
  }
}

/**
 * The URLs a verify run requests: each rule's examples that are plain URLs (an example with a
 * cookie, a header or a status describes a request a probe cannot make as written), then up to
 * `maxPages` of the site's pages, one per deciding rule first and then evenly spread over the
 * rest, so every kind of page is seen. Deterministic: the same input gives the same sample.
 *
 * @example
 * sampleUrls(engine, { pages: ['/', '/posts/a', '/topics/t'], maxPages: 2 }).map((s) => s.url);
 */
export function sampleUrls(engine: CacheRulesEngine, options: SampleOptions = {}): SampledUrl[] {
  const seen = new Set<string>();
  const out: SampledUrl[] = [];
  const ruleOf = (url: string) => engine.decide({ url }, { target: 'generic' }).rule;
  for (const rule of engine.rules) {
    for (const { example } of rule.examples) {
      if (typeof example !== 'string' || seen.has(example)) continue;
      seen.add(example);
      out.push({ url: example, rule: ruleOf(example), from: 'example' });
    }
  }
  const pages = [...new Set((options.pages ?? []).map(pathOf))].filter((url) => !seen.has(url));
  const max = options.maxPages ?? 50;
  const byRule = new Map<string | null, string[]>();
  for (const url of pages) {
    const rule = ruleOf(url);
    byRule.set(rule, [...(byRule.get(rule) ?? []), url]);
  }
  const chosen = new Set<string>();
  for (const urls of byRule.values()) if (chosen.size < max) chosen.add(urls[0] as string);
  const rest = pages.filter((url) => !chosen.has(url));
  const room = Math.max(0, max - chosen.size);
  // Evenly spaced rather than the first N: a manifest lists pages in an order (by topic, by date)
  // that would otherwise leave whole kinds of pages out.
  for (let i = 0; i < room && i < rest.length; i++) chosen.add(rest[Math.floor((i * rest.length) / Math.min(room, rest.length))] as string);
  for (const url of pages) if (chosen.has(url)) out.push({ url, rule: ruleOf(url), from: 'page' });
  return out;
}

/**
 * The page URLs a sitemap lists (`<loc>` of a urlset), entity-decoded. A sitemap index's `<loc>`s
 * name other sitemaps; they come back as they are, for the caller to fetch or leave.
 *
 * @example
 * sitemapUrls('<urlset><url><loc>https://a.example/posts/x</loc></url></urlset>'); // ['https://a.example/posts/x']
 */
export function sitemapUrls(xml: string): string[] {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
  return [...xml.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((match) => (match[1] as string).replace(/&(amp|lt|gt|quot|apos);/g, (entity) => entities[entity] as string));
}
