import type { CacheRulesEngine } from '@alphanode/cache-rules';
import { siteFeeds } from '../feeds/site-feeds.ts';
import { NOT_FOUND_URL, renderNotFoundPage, type ListingPageOptions } from '../listings/listing-pages.ts';
import { renderListingPages } from '../listings/listing-routes.ts';
import { createListings } from '../listings/listings.ts';
import type { SlugCollision } from '../routes/assign-slugs.ts';
import { outputFileFor, type SiteRoutes } from '../routes/site-routes.ts';
import { assignTopicSlugs } from '../routes/topic-slugs.ts';
import { contentHash } from './content-hash.ts';
import type { FileWriter } from './file-writer.ts';
import type { ManifestPost, OutputRecord } from '../manifest/manifest.ts';
import type { PageSettings } from './page-settings.ts';
import { linkedStylesheets, themeAsset } from './theme-asset.ts';

/** Posts in each Atom feed, newest first. */
const FEED_SIZE = 20;

export interface ListingsInput {
  write: FileWriter;
  settings: PageSettings;
  engine: CacheRulesEngine | undefined;
  routes: SiteRoutes;
  /** The previous build's listing pages: one whose bytes are the same is not written again. */
  previous: readonly OutputRecord[];
  /** Topic name → slug from the previous build, so a topic keeps its URL. */
  previousTopics: Readonly<Record<string, string>>;
  /** Write every listing even if its hash is unchanged: a killed run may have left other bytes. */
  force: boolean;
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
 * Every page of the home listing and of each topic's (`pageSize` posts a page, newest first), and
 * `404.html`; with a base URL, the sitemap, an Atom feed for the
 * site and one per topic, and `robots.txt`. Each is written only when its bytes changed, and each is
 * a record: a listing page that is no longer made (page 3 when two remain) is in the previous
 * records and not in these, so the build removes its file and the purge plan names its URL.
 */
export function writeListings(input: ListingsInput): ListingsOutput {
  const posts = [...input.posts];
  const { slugs, collisions } = assignTopicSlugs(
    posts.map((post) => post.topic),
    new Map(Object.entries(input.previousTopics)),
  );
  // A manifest from before posts carried a date and summary has none for a post that has not built since.
  const listings = createListings(posts.map(({ slug, title, topic, date, summary }) => ({ slug, title, topic, date: date ?? '', summary: summary ?? '' })), slugs);
  const previous = new Map(input.previous.map((record) => [record.url, record.hash]));
  const options: ListingPageOptions = { routes: input.routes, siteName: input.settings.siteName, lang: input.settings.lang, stylesheets: linkedStylesheets(input.settings), pageSize: input.settings.pageSize };
  const output: ListingsOutput = { records: [], topics: Object.fromEntries(slugs), files: [], collisions };
  const write = (url: string, content: string) => {
    const file = outputFileFor(url);
    const hash = contentHash(content);
    output.records.push({ url, file, hash, keys: input.engine ? input.engine.keysFor(url) : [] });
    if (!input.force && previous.get(url) === hash) return;
    input.write(file, content);
    output.files.push(file);
  };
  // The theme is a record like the pages: a new theme is a new URL, and the old one is removed and planned.
  if (input.settings.theme) write(themeAsset().url, themeAsset().content);
  for (const [url, page] of renderListingPages(listings, options)) write(url, page);
  write(NOT_FOUND_URL, renderNotFoundPage(options));
  const baseUrl = input.settings.baseUrl;
  if (baseUrl !== undefined) for (const file of siteFeeds(posts, listings, { baseUrl, routes: input.routes, siteName: input.settings.siteName, feedSize: FEED_SIZE, pageSize: input.settings.pageSize })) write(file.path, file.text);
  return output;
}
