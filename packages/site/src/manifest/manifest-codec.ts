import { outputFileFor } from '../routes/site-routes.ts';
import type { Manifest, ManifestPost, OutputRecord } from '../manifest/manifest.ts';

/*
 * `manifest.json` on disk (version 3): rows instead of objects, and no output file names (a file
 * is `outputFileFor` of its URL), which parse in a third of the time and take two thirds of the
 * bytes of version 2's objects. `manifest.journal` holds one `ManifestPatch` line per run since.
 */

type OutputRow = [url: string, hash: string, keys: string[], source?: string];
type PostRow = [file: string, hash: string, size: number, mtimeMs: number, slug: string, title: string, topic: string, date: string | null, summary: string | null, outputs: OutputRow[], similar?: string[]];

interface ManifestV3 {
  version: 3;
  /** Names this file: journal lines of another generation (a fold killed before it removed them) are ignored. */
  generation: string;
  settings: string;
  pageSize?: number;
  headers?: string;
  topics: Record<string, string>;
  listings: OutputRow[];
  posts: PostRow[];
}

/** What one run changed, as a journal line: posts set or dropped, and the site-wide fields it replaced. */
export interface ManifestPatch {
  generation: string;
  set?: PostRow[];
  drop?: string[];
  settings?: string;
  pageSize?: number | null;
  headers?: string | null;
  topics?: Record<string, string>;
  listings?: OutputRow[];
}

const outputRow = (output: OutputRecord): OutputRow => (output.source === undefined ? [output.url, output.hash, output.keys] : [output.url, output.hash, output.keys, output.source]);

function outputOf([url, hash, keys, source]: OutputRow): OutputRecord {
  const output: OutputRecord = { url, file: outputFileFor(url), hash, keys };
  if (source !== undefined) output.source = source;
  return output;
}
function postRow(post: ManifestPost): PostRow {
  const row: PostRow = [post.file, post.hash, post.size, post.mtimeMs, post.slug, post.title, post.topic, post.date ?? null, post.summary ?? null, post.outputs.map(outputRow)];
  if (post.similar !== undefined) row.push(post.similar);
  return row;
}

function postOf([file, hash, size, mtimeMs, slug, title, topic, date, summary, outputs, similar]: PostRow): ManifestPost {
  const post: ManifestPost = { file, hash, size, mtimeMs, slug, title, topic, outputs: outputs.map(outputOf) };
  if (date != null) post.date = date;
  if (summary != null) post.summary = summary;
  if (similar !== undefined) post.similar = similar;
  return post;
}

/** The text of `manifest.json` for `manifest`, as generation `generation`. */
export function encodeManifest(manifest: Manifest, generation: string): string {
  return [...encodeManifestChunks(manifest, generation)].join('');
}

// Rows per chunk: at 100,000 posts the whole text is 75 MB, which a build need not hold at once.
const ROWS_PER_CHUNK = 1000;

/** The text of `manifest.json`, in pieces that join to `encodeManifest`'s: for writing without holding it whole. */
export function* encodeManifestChunks(manifest: Manifest, generation: string): Generator<string> {
  const head: Omit<ManifestV3, 'posts'> = { version: 3, generation, settings: manifest.settings, topics: manifest.topics, listings: manifest.listings.map(outputRow) };
  if (manifest.pageSize !== undefined) head.pageSize = manifest.pageSize;
  if (manifest.headers !== undefined) head.headers = manifest.headers;
  const posts = Object.values(manifest.posts);
  yield `${JSON.stringify(head).slice(0, -1)},"posts":[`;
  for (let at = 0; at < posts.length; at += ROWS_PER_CHUNK) {
    yield `${at === 0 ? '' : ','}${JSON.stringify(posts.slice(at, at + ROWS_PER_CHUNK).map(postRow)).slice(1, -1)}`;
  }
  yield ']}\n';
}

/**
 * The journal line that turns `before` into `after`: the posts whose entries are not the same
 * objects (the build keeps an unchanged post's entry), and each site-wide field that differs.
 */
export function encodePatch(before: Manifest, after: Manifest, generation: string): string {
  const patch: ManifestPatch = { generation };
  const set = Object.values(after.posts).filter((post) => before.posts[post.file] !== post);
  const drop = Object.keys(before.posts).filter((file) => after.posts[file] === undefined);
  if (set.length > 0) patch.set = set.map(postRow);
  if (drop.length > 0) patch.drop = drop;
  if (after.settings !== before.settings) patch.settings = after.settings;
  if (after.pageSize !== before.pageSize) patch.pageSize = after.pageSize ?? null;
  if (after.headers !== before.headers) patch.headers = after.headers ?? null;
  if (after.topics !== before.topics) patch.topics = after.topics;
  if (after.listings !== before.listings) patch.listings = after.listings.map(outputRow);
  return JSON.stringify(patch);
}

/** A patch's site-wide field: absent, the run left it; null, the run removed it; else its new value. */
function replaceField<K extends 'pageSize' | 'headers'>(manifest: Manifest, key: K, value: Manifest[K] | null | undefined): void {
  if (value === undefined) return;
  if (value == null) delete manifest[key];
  else manifest[key] = value;
}

/** Applies one patch; adds the post files it set or dropped to `files`, and says whether it replaced the listings. */
function applyPatch(manifest: Manifest, patch: ManifestPatch, files: Set<string>): boolean {
  for (const row of patch.set ?? []) {
    manifest.posts[row[0]] = postOf(row);
    files.add(row[0]);
  }
  for (const file of patch.drop ?? []) {
    delete manifest.posts[file];
    files.add(file);
  }
  if (patch.settings !== undefined) manifest.settings = patch.settings;
  replaceField(manifest, 'pageSize', patch.pageSize);
  replaceField(manifest, 'headers', patch.headers);
  if (patch.topics !== undefined) manifest.topics = patch.topics;
  if (patch.listings !== undefined) manifest.listings = patch.listings.map(outputOf);
  return patch.listings !== undefined;
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


/** A decoded `manifest.json`, and the generation its journal lines must carry. */
export interface DecodedManifest {
  manifest: Manifest;
  generation: string | undefined;
}

/**
 * A build's manifest from the text of `manifest.json` and of `manifest.journal` (its lines
 * applied in order; a torn last line, from a run killed mid-append, is skipped, and its run's
 * build journal makes the next run redo it). Reads every version: 2 as it is, 1 upgraded to one
 * nothing matches. Undefined for text that is no manifest.
 */
export function decodeManifest(text: string, journal = ''): DecodedManifest | undefined {
  let stored: ManifestV3 | Manifest | ManifestV1;
  try {
    stored = JSON.parse(text) as ManifestV3 | Manifest | ManifestV1;
  } catch {
    return undefined;
  }
  if (stored == null || typeof stored !== 'object') return undefined;
  if (stored.version === 1) return { manifest: fromV1(stored), generation: undefined };
  if (stored.version === 2) return { manifest: stored, generation: undefined };
  if (stored.version !== 3) return undefined;
  const manifest: Manifest = { version: 2, settings: stored.settings, posts: {}, listings: stored.listings.map(outputOf), topics: stored.topics };
  for (const row of stored.posts) manifest.posts[row[0]] = postOf(row);
  if (stored.pageSize !== undefined) manifest.pageSize = stored.pageSize;
  if (stored.headers !== undefined) manifest.headers = stored.headers;
  const decoded = { manifest, generation: stored.generation };
  applyJournal(decoded, journal);
  return decoded;
}

/** What journal lines changed: the post files they set or dropped, and whether they replaced the listings. */
export interface JournalChange {
  files: Set<string>;
  listings: boolean;
}

/**
 * Applies journal lines to a decoded manifest, in place and in order: lines of another generation
 * (a fold killed before it removed them) and a torn last line (a run killed mid-append, which its
 * build journal makes the next run redo) are skipped. A reader that has applied a journal up to a
 * line's end can apply what was appended since, instead of decoding `manifest.json` again.
 */
export function applyJournal(decoded: DecodedManifest, journal: string): JournalChange {
  const change: JournalChange = { files: new Set(), listings: false };
  if (decoded.generation === undefined) return change;
  for (const line of journal.split('\n')) {
    if (line === '') continue;
    let patch: ManifestPatch;
    try {
      patch = JSON.parse(line) as ManifestPatch;
    } catch {
      continue;
    }
    if (patch.generation === decoded.generation && applyPatch(decoded.manifest, patch, change.files)) change.listings = true;
  }
  return change;
}

/**
 * A built site's manifest, from the text of its `manifest.json` and `manifest.journal` (as
 * `MANIFEST_FILE` and `MANIFEST_JOURNAL_FILE` name them); undefined for text that is no manifest.
 * The one reader of the format: the build, the site handler and the CLI all read it here.
 *
 * @example
 * const manifest = parseManifest(await read(MANIFEST_FILE), await read(MANIFEST_JOURNAL_FILE));
 * const urls = Object.values(manifest?.posts ?? {}).flatMap((post) => post.outputs.map((output) => output.url));
 */
export function parseManifest(text: string, journal?: string): Manifest | undefined {
  return decodeManifest(text, journal)?.manifest;
}
