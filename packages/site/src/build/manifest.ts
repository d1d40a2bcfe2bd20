import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { MANIFEST_FILE } from './manifest-file.ts';

/** One served URL the build wrote: where it is, a hash of its bytes, the purge keys it is served with. */
export interface OutputRecord {
  url: string;
  /** Relative to the out dir, `/`-separated. */
  file: string;
  hash: string;
  keys: string[];
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

export { MANIFEST_FILE };

export function emptyManifest(settings: string): Manifest {
  return { version: 2, settings, posts: {}, listings: [], topics: {} };
}

/** A manifest from before outputs were recorded by URL (version 1): files, one key list per post. */
interface ManifestV1 {
  version: 1;
  posts: Record<string, { file: string; slug: string; title: string; topic: string; outputs: string[]; keys: string[] }>;
  listings: Record<string, string>;
}

/** The URL a version 1 output file was served at (`posts/a/index.json` was `/posts/a.json`). */
function v1Url(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.json')) return `/${file.slice(0, -'/index.json'.length)}.json`;
  return `/${file.replace(/\/index\.html$/, '')}`;
}

/**
 * A version 1 manifest as a version 2 one that nothing matches: every post is built again, but its
 * old files are known, so they are removed and their URLs purged instead of being deployed forever.
 * An empty hash never equals a real one, so every old URL counts as changed.
 */
function fromV1(old: ManifestV1): Manifest {
  const record = (file: string, keys: string[]): OutputRecord => ({ url: v1Url(file), file, hash: '', keys });
  const posts: Record<string, ManifestPost> = {};
  for (const [file, entry] of Object.entries(old.posts)) {
    posts[file] = { file, hash: '', size: -1, mtimeMs: -1, slug: entry.slug, title: entry.title, topic: entry.topic, outputs: entry.outputs.map((output) => record(output, entry.keys)) };
  }
  const listings = Object.keys(old.listings).filter((file) => file.endsWith('index.html')).map((file) => record(file, []));
  return { version: 2, settings: '', posts, listings, topics: {} };
}

/**
 * The previous run's manifest whatever its settings (a settings change rebuilds every post, but the
 * old outputs must still be known, to remove and purge what goes); a version 1 one upgraded; none
 * when there is none or it cannot be read.
 */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as Manifest | ManifestV1;
    if (manifest.version === 1) return fromV1(manifest);
    return manifest.version === 2 ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Compact JSON: with indentation, stringifying 10,000 entries took a third of a one-post rebuild. */
export function writeManifest(outDir: string, manifest: Manifest): void {
  writeFileAtomic(outDir, MANIFEST_FILE, `${JSON.stringify(manifest)}\n`);
}
