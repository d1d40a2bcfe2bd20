import type { CacheRulesEngine } from '@alphanode/cache-rules';
import { siteFeeds } from '../feeds/site-feeds.ts';
import { NOT_FOUND_URL, renderNotFoundPage, type ListingPageOptions } from '../listings/listing-pages.ts';
import { listingPageParts, listingPartsText, listingTopics, type ListingPageParts } from '../listings/listing-inputs.ts';
import { listingPages, renderListingPages, renderListingRoute } from '../listings/listing-routes.ts';
import { createListings, type ListingEntry } from '../listings/listings.ts';
import type { SlugAssignment, SlugCollision } from '../routes/assign-slugs.ts';
import { outputFileFor, type SiteRoutes } from '../routes/site-routes.ts';
import { contentHash } from './content-hash.ts';
import { sameItems } from './same-items.ts';
import type { FileWriter } from './file-writer.ts';
import type { ManifestPost, OutputRecord } from '../manifest/manifest.ts';
import type { PageSettings } from './page-settings.ts';
import { linkedStylesheets, themeAsset } from './theme-asset.ts';

/** Posts in each Atom feed, newest first. */
const FEED_SIZE = 20;

export interface ListingsInput {
  write: FileWriter;
  /** Called with the URLs that may be written next, before any of them is: for the run's journal. */
  beforeWrites: (urls: string[]) => void;
  settings: PageSettings;
  engine: CacheRulesEngine | undefined;
  routes: SiteRoutes;
  /** The previous build's listing pages: one whose bytes are the same is not written again. */
  previous: readonly OutputRecord[];
  /** Every topic's slug (`assignTopicSlugs` over the posts, with the previous build's, so a topic keeps its URL). */
  topics: SlugAssignment;
  /** Write every listing even if its hash is unchanged: a killed run may have left other bytes. */
  force: boolean;
  /**
   * Keep a previous page whose source hash is unchanged without rendering it: only when the
   * previous pages were made with the same settings and page size, and are known to be on disk.
   */
  reuse: boolean;
  posts: Iterable<ManifestPost>;
}

export interface ListingsOutput {
  records: OutputRecord[];
  topics: Record<string, string>;
  /** Files written: only those whose content changed (or all, when forced). */
  files: string[];
  /** Topic names that slugify alike, each given its own slug: reported, never silent. */
  collisions: SlugCollision[];
}

/**
 * A post's listing entry, the same object for the same manifest entry: an unchanged post keeps its
 * entry object from run to run in one process, and with it what `listingPartsText` and `pageSource` remember.
 */
const entries = new WeakMap<ManifestPost, ListingEntry>();
function entryOf(post: ManifestPost): ListingEntry {
  let entry = entries.get(post);
  if (entry === undefined) {
    // A manifest from before posts carried a date and summary has none for a post that has not built since.
    entry = { slug: post.slug, title: post.title, topic: post.topic, date: post.date ?? '', summary: post.summary ?? '' };
    entries.set(post, entry);
  }
  return entry;
}

/**
 * Each listing page's source as this process last made it, and what from: its entries (the same
 * objects while their posts are unchanged, see `entryOf`), their topics' slugs, the text around
 * them and the layout. Parts that compare equal make the same source, so a rebuild hashes only
 * the pages whose parts moved (at 10,000 posts, a thousand pages' text and hash otherwise).
 */
const lastSources = new Map<string, { layout: string; head: string; parts: ListingPageParts; source: string }>();

function pageSource(url: string, layout: string, parts: ListingPageParts): string {
  const head = JSON.stringify(parts.head);
  const known = lastSources.get(url);
  if (known !== undefined && known.layout === layout && known.head === head && known.parts.tail === parts.tail && sameItems(known.parts.shown, parts.shown) && sameItems(known.parts.topicSlugs, parts.topicSlugs)) return known.source;
  const source = contentHash(layout + listingPartsText(parts));
  lastSources.set(url, { layout, head, parts, source });
  return source;
}

/**
 * Every page of the home listing and of each topic's (`pageSize` posts a page, newest first), and
 * `404.html`; with a base URL, the sitemap, an Atom feed for the
 * site and one per topic, and `robots.txt`. Each is written only when its bytes changed, and each is
 * a record: a listing page that is no longer made (page 3 when two remain) is in the previous
 * records and not in these, so the build removes its file and the purge plan names its URL.
 */
export function writeListings(input: ListingsInput): ListingsOutput {
  const posts = [...input.posts];
  const { slugs, collisions } = input.topics;
  const listings = createListings(posts.map(entryOf), slugs);
  const previous = new Map(input.previous.map((record) => [record.url, record]));
  const options: ListingPageOptions = { routes: input.routes, siteName: input.settings.siteName, lang: input.settings.lang, stylesheets: linkedStylesheets(input.settings), pageSize: input.settings.pageSize };
  const output: ListingsOutput = { records: [], topics: Object.fromEntries(slugs), files: [], collisions };
  const write = (url: string, content: string, source?: string) => {
    const file = outputFileFor(url);
    const hash = contentHash(content);
    const record: OutputRecord = { url, file, hash, keys: input.engine ? input.engine.keysFor(url) : [] };
    if (source !== undefined) record.source = source;
    output.records.push(record);
    if (!input.force && previous.get(url)?.hash === hash) return;
    input.write(file, content);
    output.files.push(file);
  };
  const layout = layoutFingerprint(options);
  const topics = listingTopics(listings);
  const pages = listingPages(listings, input.routes, input.settings.pageSize).map((page) => {
    const source = pageSource(page.url, layout, listingPageParts(listings, page, input.settings.pageSize, topics));
    const before = previous.get(page.url);
    // What this page shows did not change since it was written: it is not rendered again.
    return { page, source, kept: input.reuse && before?.source === source ? before : undefined };
  });
  // Each page is written as it is rendered (at 100,000 posts the listings are 110 MB of HTML), so the
  // journal names, beforehand, every page that may be written: those rendered, the theme, 404.html.
  const rendered = pages.filter((entry) => entry.kept === undefined).map((entry) => entry.page.url);
  input.beforeWrites([...(input.settings.theme ? [themeAsset().url] : []), ...rendered, NOT_FOUND_URL]);
  // The theme is a record like the pages: a new theme is a new URL, and the old one is removed and planned.
  if (input.settings.theme) write(themeAsset().url, themeAsset().content);
  for (const { page, source, kept } of pages) {
    if (kept) output.records.push(kept);
    else write(page.url, renderListingRoute(page.route, listings, options) as string, source);
  }
  write(NOT_FOUND_URL, renderNotFoundPage(options));
  const baseUrl = input.settings.baseUrl;
  if (baseUrl !== undefined) {
    const feeds = siteFeeds(posts, listings, { baseUrl, routes: input.routes, siteName: input.settings.siteName, feedSize: FEED_SIZE, pageSize: input.settings.pageSize });
    input.beforeWrites(feeds.map((file) => file.path));
    for (const file of feeds) write(file.path, file.text);
  }
  return output;
}

/**
 * A hash of the listing templates as they render under `options`: a small listing of every kind of
 * page (topics, a pager, a topic page) rendered and hashed. Part of every page's source hash, so a
 * new template (an upgrade of this package) renders every listing page again.
 */
function layoutFingerprint(options: ListingPageOptions): string {
  const entries = [1, 2, 3].map((n) => ({ slug: `s${n}`, title: `<T${n}>`, topic: n === 1 ? 'a & b' : 'c', date: n === 3 ? '' : `2026-01-0${n}`, summary: n === 2 ? '' : `S${n}` }));
  const canary = createListings(entries, new Map([['a & b', 'a-b'], ['c', 'c']]));
  return contentHash([...renderListingPages(canary, { ...options, pageSize: 1 }).values(), renderNotFoundPage(options)].join('\n'));
}
