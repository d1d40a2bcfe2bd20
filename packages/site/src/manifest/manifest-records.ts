import type { Manifest, OutputRecord } from './manifest.ts';

/**
 * Every page a build's manifest records: each post's outputs (its page, its JSON), then the
 * listings and the files beside them (sitemap, feeds, theme, 404). Every URL of the built site is
 * one of these, with the hash of its bytes and its purge keys.
 *
 * @example
 * const urls = manifestRecords(readSiteManifest('dist')).map((record) => record.url);
 */
export function manifestRecords(manifest: Manifest): OutputRecord[] {
  return [...Object.values(manifest.posts).flatMap((post) => post.outputs), ...manifest.listings];
}
