import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { CacheRulesEngine, TargetName } from '@alphanode/cache-rules';
import { writeFileAtomic } from './atomic-write.ts';
import { renderHeadersFile } from './headers-file.ts';
import { renderIndexPage, renderTopicPage, type ListingItem } from './listing-pages.ts';
import type { ManifestPost } from './manifest.ts';
import type { PageSettings } from './page-settings.ts';
import { htmlFileFor, shortHash, topicUrl } from './site-paths.ts';

export interface ListingsInput {
  outDir: string;
  settings: PageSettings;
  engine: CacheRulesEngine | undefined;
  target: TargetName;
  /** Listing file → hash of its content, from the previous build. */
  previous: Record<string, string>;
  posts: readonly ManifestPost[];
}

export interface ListingsOutput {
  listings: Record<string, string>;
  /** Files written: only those whose content changed. */
  files: string[];
  /** URLs of topic pages that no longer have posts and were removed. */
  removedUrls: string[];
}

const byTitle = (a: ListingItem, b: ListingItem) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** The index, one page per topic and `_headers`, each written only when its content changed. */
export async function writeListings(input: ListingsInput): Promise<ListingsOutput> {
  const output: ListingsOutput = { listings: {}, files: [], removedUrls: [] };
  const write = (relative: string, content: string) => {
    const hash = shortHash(content, 32);
    output.listings[relative] = hash;
    if (input.previous[relative] === hash) return;
    writeFileAtomic(input.outDir, relative, content);
    output.files.push(relative);
  };
  const items: ListingItem[] = input.posts.map(({ slug, title, topic }) => ({ slug, title, topic })).sort(byTitle);
  write('index.html', renderIndexPage(items, input.settings));
  const byTopic = new Map<string, ListingItem[]>();
  for (const item of items) {
    const list = byTopic.get(item.topic);
    if (list) list.push(item);
    else byTopic.set(item.topic, [item]);
  }
  for (const [topic, list] of byTopic) write(htmlFileFor(topicUrl(topic)), renderTopicPage(topic, list, input.settings));
  for (const listing of Object.keys(input.previous)) {
    if (listing in output.listings || !listing.startsWith('topics/')) continue;
    await rm(path.join(input.outDir, listing), { force: true });
    output.removedUrls.push(`/${path.posix.dirname(listing)}`);
  }
  if (input.engine) write('_headers', renderHeadersFile(input.engine, input.target));
  return output;
}
