/** One served URL the build wrote: where it is, a hash of its bytes, the purge keys it is served with. */
export interface OutputRecord {
  url: string;
  /** Relative to the out dir, `/`-separated. */
  file: string;
  hash: string;
  keys: string[];
  /** A listing page's: a hash of what it shows, so a run whose page would show the same does not render it again. */
  source?: string;
}

/** What the build knows of one source post, kept between runs in `manifest.json`. */
export interface ManifestPost {
  /** Source path relative to the build's `cwd`, `/`-separated. */
  file: string;
  /** Content hash of the source bytes and of the build settings that shape its outputs. */
  hash: string;
  /** Size and mtime of the source when hashed: a fast path that skips reading unchanged files. */
  size: number;
  mtimeMs: number;
  slug: string;
  title: string;
  topic: string;
  /** The post's date (meta revision "last reviewed", YYYY-MM-DD) and summary, for feeds and the sitemap; absent in manifests from before them. */
  date?: string;
  summary?: string;
  /**
   * The titles the post lists under `Similar Posts`, when it lists any, each as 8 hex digits: when
   * one of them comes to name another post (or none), the page is built again for its links.
   */
  similar?: string[];
  /** The page first, then each other representation. */
  outputs: OutputRecord[];
}

/** Everything the next run compares against: posts, listing pages, topic slugs. */
export interface Manifest {
  version: 2;
  /** Hash of the settings every page depends on (renderer options, rules); a change rebuilds all. */
  settings: string;
  posts: Record<string, ManifestPost>;
  /** Every page of the home and topic listings, `404.html`, and the sitemap, feeds and `robots.txt` when made. */
  listings: OutputRecord[];
  /** Topic name → its slug, so a topic keeps its URL when another one that slugifies the same comes or goes. */
  topics: Record<string, string>;
  /** Posts per listing page the listings were made with: another size remakes them (none: from before pages). */
  pageSize?: number;
  /** Hash of the `_headers` file, so it is rewritten only when it changes. */
  headers?: string;
}

/** A manifest of no posts, made with `settings`. */
export function emptyManifest(settings: string): Manifest {
  return { version: 2, settings, posts: {}, listings: [], topics: {} };
}
