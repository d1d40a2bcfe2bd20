import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

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
  /** Output paths relative to the out dir. */
  outputs: string[];
  /** Purge keys its page was served with. */
  keys: string[];
}

/** Listing pages (index, topics) and the hash of what each shows, to rewrite only those that change. */
export interface Manifest {
  version: 1;
  /** Hash of the settings every page depends on (renderer options, rules); a change rebuilds all. */
  settings: string;
  posts: Record<string, ManifestPost>;
  listings: Record<string, string>;
}

export const MANIFEST_FILE = 'manifest.json';

export function emptyManifest(settings: string): Manifest {
  return { version: 1, settings, posts: {}, listings: {} };
}

/** The previous run's manifest, or an empty one when there is none or it cannot be read. */
export async function readManifest(outDir: string, settings: string): Promise<Manifest> {
  try {
    const manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
    return manifest.version === 1 && manifest.settings === settings ? manifest : emptyManifest(settings);
  } catch {
    return emptyManifest(settings);
  }
}

/** Compact JSON: with indentation, stringifying 10,000 entries took a third of a one-post rebuild. */
export function writeManifest(outDir: string, manifest: Manifest): void {
  writeFileAtomic(outDir, MANIFEST_FILE, `${JSON.stringify(manifest)}\n`);
}
