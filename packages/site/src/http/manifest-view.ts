import type { OutputRecord } from '../manifest/manifest.ts';
import { applyJournal, decodeManifest, type DecodedManifest } from '../manifest/manifest-codec.ts';
import { MANIFEST_FILE, MANIFEST_JOURNAL_FILE } from '../manifest/manifest-files.ts';
import type { SiteFileReader } from './site-handler.ts';

/** The build's record of each URL it served: a post's output (its keys), or a listing-side file (404.html, a feed, the theme). */
export interface ManifestView {
  listings: ReadonlyMap<string, OutputRecord>;
  posts: ReadonlyMap<string, OutputRecord>;
}

/** What a reader keeps of the manifest it read last. */
interface Loaded {
  stamps: (string | undefined)[] | undefined;
  text: string;
  journal: string;
  /** Undefined when the text is no manifest (written by another tool): the site files it names are unknown. */
  decoded: DecodedManifest | undefined;
  view: { listings: Map<string, OutputRecord>; posts: Map<string, OutputRecord> };
  /** Each post file's URLs in `view.posts`, so that a journal line that sets or drops the post replaces them. */
  urlsOf: Map<string, string[]>;
}

function load(text: string, journal: string, stamps: Loaded['stamps']): Loaded {
  const decoded = decodeManifest(text, journal);
  const loaded: Loaded = { stamps, text, journal, decoded, view: { listings: new Map(), posts: new Map() }, urlsOf: new Map() };
  if (decoded === undefined) return loaded;
  listingsOf(loaded, decoded);
  for (const file of Object.keys(decoded.manifest.posts)) addPost(loaded, decoded, file);
  return loaded;
}

function listingsOf(loaded: Loaded, decoded: DecodedManifest): void {
  loaded.view.listings = new Map(decoded.manifest.listings.map((output) => [output.url, output]));
}

function addPost(loaded: Loaded, decoded: DecodedManifest, file: string): void {
  const post = decoded.manifest.posts[file];
  if (post === undefined) return;
  for (const output of post.outputs) loaded.view.posts.set(output.url, output);
  loaded.urlsOf.set(file, post.outputs.map((output) => output.url));
}

/** Applies the journal lines appended since `loaded` was read: only the posts they name change. */
function follow(loaded: Loaded, decoded: DecodedManifest, appended: string): void {
  const change = applyJournal(decoded, appended);
  // Every old URL first: a post may take over a URL another post of the same run gave up.
  for (const file of change.files) {
    for (const url of loaded.urlsOf.get(file) ?? []) loaded.view.posts.delete(url);
    loaded.urlsOf.delete(file);
  }
  for (const file of change.files) addPost(loaded, decoded, file);
  if (change.listings) listingsOf(loaded, decoded);
}

/**
 * The build's manifest as a server needs it, looked at on each call (a rebuild may have changed
 * it). A rebuild of a few posts appends a line to the journal and leaves `manifest.json` as it
 * was: only that line is applied, where decoding the whole manifest again took 150 ms at 10,000
 * posts, between a dev save and the reloaded page. With the reader's `stamp`, unchanged files are
 * not read at all; without it (an edge's asset store), both are read and compared on each call.
 * The view returned is live: a later call that follows the journal changes it in place.
 */
export function manifestViewReader(read: SiteFileReader): () => Promise<ManifestView | undefined> {
  let last: Loaded | undefined;
  return async () => {
    const files = [MANIFEST_FILE, MANIFEST_JOURNAL_FILE];
    const { stamp } = read;
    const stamps = stamp ? await Promise.all(files.map((file) => stamp(file))) : undefined;
    const same = (i: number) => stamps !== undefined && last?.stamps !== undefined && stamps[i] === last.stamps[i];
    if (last !== undefined && same(0) && same(1)) return last.view;
    // The manifest before its journal, never both at once: a fold renames a new manifest in, then
    // removes the old journal, so this order never pairs an old manifest with an emptied journal.
    const text = last !== undefined && same(0) ? last.text : await read(MANIFEST_FILE);
    const journal = (await read(MANIFEST_JOURNAL_FILE)) ?? '';
    if (text === undefined) return (last = undefined);
    // Applied up to a line's end before, and only appended to since: the new lines are enough.
    // A torn line read mid-append, a fold (a new manifest.json) or another build: read it all again.
    const appended = last?.text === text && (last.journal === '' || last.journal.endsWith('\n')) && journal.startsWith(last.journal);
    if (last !== undefined && appended) {
      if (last.decoded !== undefined && journal.length > last.journal.length) follow(last, last.decoded, journal.slice(last.journal.length));
      last.journal = journal;
      last.stamps = stamps;
    } else last = load(text, journal, stamps);
    return last.decoded === undefined ? undefined : last.view;
  };
}
