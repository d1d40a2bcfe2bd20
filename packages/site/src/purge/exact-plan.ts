/** What a served URL was or is: a hash of its bytes, and the purge keys it carries. */
export interface PageRecord {
  hash: string;
  keys: readonly string[];
}

/** The keys and URLs to purge after a change, each URL and key with why it is there. */
export interface ExactPurgePlan {
  /** Every URL whose bytes changed, appeared (a cached 404 must go) or disappeared; sorted. */
  urls: string[];
  /**
   * Keys carried, before or after, by a changed URL and by no URL that did not change: purging
   * them evicts exactly changed pages. A key shared with an unchanged page (a topic key, `listings`)
   * is left out; its changed pages are in `urls`. Sorted.
   */
  keys: string[];
  /**
   * Changed URLs that no planned key reaches in the cache: their cached copy carried none of the
   * planned keys, or was no page at all (a new URL's cached 404 carries no key). A CDN that purges
   * by key only must purge these by URL, or widen.
   */
  urlsWithoutKey: string[];
}

/** Configures `exactPurgePlan`: URLs to purge whatever their hashes say, and unchanged pages left out of the maps. */
export interface ExactPlanOptions {
  /** URLs to plan whatever their hashes say: a killed run may have served other bytes under them. */
  forced?: Iterable<string>;
  /**
   * Pages known to be the same on both sides and left out of `before` and `after` (a build's
   * untouched posts): only their keys are read, and only when some key is a candidate.
   */
  unchanged?: () => Iterable<PageRecord>;
}

const sorted = (values: Iterable<string>): string[] => [...values].sort();

/**
 * The purge plan between two states of a site, each a map from URL to what it served: the URLs
 * whose bytes changed (by hash), appeared or vanished, plus `forced` URLs, and the keys that reach
 * only those URLs. Pages that are the same on both sides may be left out of the maps and given as
 * `unchanged`, which keeps a one-post rebuild of a large site from comparing every page.
 *
 * @example
 * exactPurgePlan(before, after); // { urls: ['/', '/posts/a'], keys: ['post-a'], urlsWithoutKey: ['/'] }
 */
export function exactPurgePlan(
  before: ReadonlyMap<string, PageRecord>,
  after: ReadonlyMap<string, PageRecord>,
  options: ExactPlanOptions = {},
): ExactPurgePlan {
  const changed = new Set<string>(options.forced);
  for (const [url, record] of before) if (after.get(url)?.hash !== record.hash) changed.add(url);
  for (const url of after.keys()) if (!before.has(url)) changed.add(url);
  const candidates = new Set<string>();
  for (const url of changed) {
    for (const key of before.get(url)?.keys ?? []) candidates.add(key);
    for (const key of after.get(url)?.keys ?? []) candidates.add(key);
  }
  // A key that an unchanged page carries, before or after, would evict that page too.
  for (const side of [before, after]) {
    for (const [url, record] of side) {
      if (changed.has(url)) continue;
      for (const key of record.keys) candidates.delete(key);
    }
  }
  if (candidates.size > 0 && options.unchanged) {
    // A post's page and JSON carry one keys array (the build shares equal ones): read it once.
    let last: readonly string[] | undefined;
    for (const record of options.unchanged()) {
      if (record.keys === last) continue;
      last = record.keys;
      for (const key of record.keys) candidates.delete(key);
    }
  }
  const urlsWithoutKey: string[] = [];
  for (const url of changed) {
    // What a cache holds is the copy from before: only its keys can evict it.
    if (!(before.get(url)?.keys ?? []).some((key) => candidates.has(key))) urlsWithoutKey.push(url);
  }
  return { urls: sorted(changed), keys: sorted(candidates), urlsWithoutKey: urlsWithoutKey.sort() };
}
